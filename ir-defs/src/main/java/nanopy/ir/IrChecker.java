package nanopy.ir;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import nanopy.ir.Language.Field;
import nanopy.ir.Language.Production;

/**
 * The well-formedness checker of a language: every node reachable from the root must be a
 * production of the language, in a field whose nonterminal admits it, with no missing values. Java's
 * types rule out most mistakes, but unchecked casts, raw collections, and reflection can smuggle a
 * node of another language (or another nonterminal) into a tree; the pipeline runs this after passes.
 */
public final class IrChecker {
    /** How many problems are reported at most. */
    public static final int LIMIT = 20;

    private IrChecker() {}

    /**
     * Checks {@code root} against {@code lang}.
     *
     * @return the problems found (at most {@link #LIMIT}), each one sentence such as
     *     "expected Atom but got Call in field args of Call at 3:4"; empty when well formed
     */
    public static List<String> check(Language lang, Node root) {
        List<String> errors = new ArrayList<>();
        if (root == null) {
            errors.add("the program is null");
            return errors;
        }
        if (root.getClass() != lang.entryType()) {
            errors.add("expected " + lang.entry().name() + " (the entry of " + lang.name() + ") but got " + name(root));
            return errors;
        }
        node(lang, root, errors);
        return errors;
    }

    private static String name(Object o) {
        return o == null ? "nothing" : o.getClass().getSimpleName();
    }

    private static String at(Node n) {
        return n.span().isKnown() ? " at " + n.span().line() + ":" + n.span().col() : "";
    }

    private static void node(Language lang, Node n, List<String> errors) {
        Production p = lang.productionOf(n.getClass()).orElse(null);
        if (p == null) {
            errors.add(name(n) + " is not a production of language " + lang.name() + at(n));
            return;
        }
        for (int i = 0; i < p.fields().size() && errors.size() < LIMIT; i++) {
            Field f = p.fields().get(i);
            Object v = p.get(n, i);
            String ctx = " in field " + f.name() + " of " + p.name() + at(n);
            switch (f.mult()) {
                case ONE -> value(lang, f, v, ctx, errors);
                case OPTIONAL -> {
                    if (!(v instanceof Option<?> o)) {
                        errors.add("expected an Option but got " + name(v) + ctx);
                    } else if (o.isDefined()) {
                        value(lang, f, o.get(), ctx, errors);
                    }
                }
                case MANY -> {
                    if (!(v instanceof io.vavr.collection.List<?> xs)) {
                        errors.add("expected a List but got " + name(v) + ctx);
                    } else {
                        for (Object x : xs) {
                            value(lang, f, x, ctx, errors);
                        }
                    }
                }
            }
        }
    }

    private static void value(Language lang, Field f, Object v, String ctx, List<String> errors) {
        if (errors.size() >= LIMIT) {
            return;
        }
        if (v == null) {
            errors.add("expected " + f.type() + " but got nothing" + ctx);
            return;
        }
        switch (f.kind()) {
            case NONTERMINAL -> {
                Class<?> t = lang.nonterminals().get(f.type()).type();
                if (!t.isInstance(v)) {
                    errors.add("expected " + f.type() + " but got " + name(v) + ctx);
                    return;
                }
                node(lang, (Node) v, errors);
            }
            case TERMINAL -> {
                if (!lang.terminals().get(f.type()).type().isInstance(v)) {
                    errors.add("expected " + f.type() + " but got " + name(v) + ctx);
                }
            }
            case SCALAR -> {
                boolean ok = switch (f.type()) {
                    case "String" -> v instanceof String;
                    case "long" -> v instanceof Long;
                    case "int" -> v instanceof Integer;
                    case "double" -> v instanceof Double;
                    case "boolean" -> v instanceof Boolean;
                    case "BigInteger" -> v instanceof java.math.BigInteger;
                    default -> false;
                };
                if (!ok) {
                    errors.add("expected " + f.type() + " but got " + name(v) + ctx);
                }
            }
        }
    }
}
