package nanopy.ir;

import io.vavr.control.Option;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import nanopy.ir.Language.Field;
import nanopy.ir.Language.Production;

/**
 * Prints IR trees as S-expressions and parses them back, for any {@link Language}: {@code (Prod
 * field ...)} for a node, {@code [ ... ]} for a sequence, {@code _} for an absent optional value
 * (trailing absent optional fields may also be left out when parsing),
 * quoted strings, decimal numbers ({@code inf}, {@code -inf}, {@code nan} for doubles), bare names for
 * enum constants and {@code true}/{@code false}. With spans, a node's head is {@code Prod@3:5-3:9}.
 * {@code parse(print(t, true)).equals(t)} holds for every tree {@code t} (the round trip).
 */
public final class IrText {
    /** Column width for {@link #print}. */
    public static final int WIDTH = 100;

    private IrText() {}

    /** Pretty-prints {@code node} (the entry or any node of {@code lang}), with or without spans. */
    public static String print(Language lang, Node node, boolean spans) {
        return Sexp.pretty(toSexp(lang, node, spans), WIDTH);
    }

    /** Converts a tree to its S-expression. */
    public static Sexp toSexp(Language lang, Node node, boolean spans) {
        Production p = lang.productionOf(node.getClass()).orElseThrow(() -> new IllegalArgumentException(
                node.getClass().getSimpleName() + " is not a node of language " + lang.name()));
        List<Sexp> items = new ArrayList<>();
        String head = p.name();
        if (spans && node.span().isKnown()) {
            head += "@" + node.span();
        }
        items.add(new Sexp.Atom(head, false));
        for (int i = 0; i < p.fields().size(); i++) {
            Field f = p.fields().get(i);
            Object v = p.get(node, i);
            items.add(switch (f.mult()) {
                case ONE -> value(lang, f, v, spans);
                case OPTIONAL -> ((Option<?>) v).isEmpty() ? new Sexp.Atom("_", false) : value(lang, f, ((Option<?>) v).get(), spans);
                case MANY -> {
                    List<Sexp> xs = new ArrayList<>();
                    for (Object x : (io.vavr.collection.List<?>) v) {
                        xs.add(value(lang, f, x, spans));
                    }
                    yield new Sexp.SList(xs, true);
                }
            });
        }
        return new Sexp.SList(items, false);
    }

    private static Sexp value(Language lang, Field f, Object v, boolean spans) {
        return switch (f.kind()) {
            case NONTERMINAL -> toSexp(lang, (Node) v, spans);
            case TERMINAL -> new Sexp.Atom(lang.terminals().get(f.type()).text(v), false);
            case SCALAR -> switch (v) {
                case String s -> new Sexp.Atom(s, true);
                case Double d -> new Sexp.Atom(d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf") : d.toString(), false);
                default -> new Sexp.Atom(v.toString(), false);
            };
        };
    }

    /**
     * Parses IR text of {@code lang}'s entry production.
     *
     * @throws IrError with line and column for malformed text, unknown productions, a node of the
     *     wrong nonterminal ("expected Atom but got Call in field args of Call"), a wrong field count,
     *     or a scoping mistake ({@link ScopeChecker}: an undefined variable, a jump to no block, a call
     *     with the wrong number of arguments), at the position of the node in the text
     */
    public static Node parse(Language lang, String text) throws IrError {
        Sexp s;
        try {
            s = Sexp.read(text);
        } catch (Sexp.SyntaxError e) {
            throw new IrError(e.line(), e.col(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
        Map<Node, int[]> positions = new IdentityHashMap<>();
        Node program = node(lang, s, null, "the program", positions);
        List<ScopeChecker.Problem> problems = ScopeChecker.check(lang, program);
        if (!problems.isEmpty()) {
            throw ScopeChecker.error(problems, positions::get);
        }
        return program;
    }

    /** Parses a single node of nonterminal {@code nonterminal} (for tests and tools). */
    public static Node parseNode(Language lang, String nonterminal, String text) throws IrError {
        try {
            return node(lang, Sexp.read(text), nonterminal, "the input", new IdentityHashMap<>());
        } catch (Sexp.SyntaxError e) {
            throw new IrError(e.line(), e.col(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
    }

    private static Node node(Language lang, Sexp s, String expected, String where, Map<Node, int[]> positions) throws IrError {
        String want = expected == null ? lang.entry().name() : expected;
        if (!(s instanceof Sexp.SList l) || l.square() || l.items().isEmpty() || !(l.items().get(0) instanceof Sexp.Atom head)
                || head.quoted()) {
            throw new IrError(s.line(), s.col(), "expected " + want + " but got " + Sexp.flat(s) + " in " + where);
        }
        String name = head.text();
        Span span = Span.NONE;
        int at = name.indexOf('@');
        if (at >= 0) {
            try {
                span = Span.parse(name.substring(at + 1));
            } catch (IllegalArgumentException e) {
                throw new IrError(head.line(), head.col(), e.getMessage());
            }
            name = name.substring(0, at);
        }
        Production p = lang.production(name).orElse(null);
        if (p == null) {
            throw new IrError(head.line(), head.col(), "language " + lang.name() + " has no production " + name
                    + Suggest.didYouMean(name, allNames(lang)));
        }
        boolean fits = expected == null ? p == lang.entry() : p.nonterminal() != null && lang.isSubNonterminal(p.nonterminal(), expected);
        if (!fits) {
            throw new IrError(head.line(), head.col(), "expected " + want + " but got " + name + " in " + where);
        }
        int n = l.items().size() - 1;
        int given = n;
        while (n < p.fields().size() && p.fields().get(n).mult() == Language.Mult.OPTIONAL) {
            n++;   // trailing optional fields may be left out: they are absent
        }
        if (n != p.fields().size()) {
            throw new IrError(head.line(), head.col(), p.name() + " has " + p.fields().size() + " field"
                    + (p.fields().size() == 1 ? "" : "s") + " " + p.signature() + " but got " + given);
        }
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            Field f = p.fields().get(i);
            if (i >= given) {
                values[i] = Option.none();
                continue;
            }
            Sexp v = l.items().get(i + 1);
            String ctx = "field " + f.name() + " of " + p.name();
            values[i] = switch (f.mult()) {
                case ONE -> value(lang, f, v, ctx, positions);
                case OPTIONAL -> v instanceof Sexp.Atom a && !a.quoted() && a.text().equals("_") ? Option.none()
                        : Option.some(value(lang, f, v, ctx, positions));
                case MANY -> {
                    if (!(v instanceof Sexp.SList xs) || !xs.square()) {
                        throw new IrError(v.line(), v.col(), "expected a sequence [...] of " + f.type() + " in " + ctx);
                    }
                    List<Object> out = new ArrayList<>();
                    for (Sexp x : xs.items()) {
                        out.add(value(lang, f, x, ctx, positions));
                    }
                    yield io.vavr.collection.List.ofAll(out);
                }
            };
        }
        Node made = p.construct(values, span);
        positions.put(made, new int[] {head.line(), head.col()});
        return made;
    }

    private static List<String> allNames(Language lang) {
        List<String> names = new ArrayList<>(lang.productions().keySet());
        names.add(lang.entry().name());
        return names;
    }

    private static Object value(Language lang, Field f, Sexp v, String ctx, Map<Node, int[]> positions) throws IrError {
        if (f.kind() == Language.Kind.NONTERMINAL) {
            return node(lang, v, f.type(), ctx, positions);
        }
        if (!(v instanceof Sexp.Atom a)) {
            throw new IrError(v.line(), v.col(), "expected " + f.type() + " but got " + Sexp.flat(v) + " in " + ctx);
        }
        String t = a.text();
        if (f.kind() == Language.Kind.TERMINAL) {
            Language.Terminal term = lang.terminals().get(f.type());
            List<String> names = new ArrayList<>();
            for (Object c : term.values()) {
                if (term.text(c).equals(t) && !a.quoted()) {
                    return c;
                }
                names.add(term.text(c));
            }
            throw new IrError(a.line(), a.col(), "expected one of " + String.join(", ", names) + " (" + f.type() + ") but got "
                    + Sexp.flat(a) + " in " + ctx);
        }
        if (f.type().equals("String")) {
            if (!a.quoted()) {
                throw new IrError(a.line(), a.col(), "expected a quoted string but got " + t + " in " + ctx);
            }
            return t;
        }
        if (a.quoted()) {
            throw new IrError(a.line(), a.col(), "expected " + f.type() + " but got a string in " + ctx);
        }
        try {
            return switch (f.type()) {
                case "long" -> Long.parseLong(t);
                case "int" -> Integer.parseInt(t);
                case "BigInteger" -> new BigInteger(t);
                case "double" -> switch (t) {
                    case "inf" -> Double.POSITIVE_INFINITY;
                    case "-inf" -> Double.NEGATIVE_INFINITY;
                    case "nan" -> Double.NaN;
                    default -> Double.parseDouble(t);
                };
                case "boolean" -> switch (t) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new NumberFormatException();
                };
                default -> throw new IllegalStateException("unknown scalar type " + f.type());
            };
        } catch (NumberFormatException e) {
            throw new IrError(a.line(), a.col(), "expected " + f.type() + " but got " + t + " in " + ctx);
        }
    }
}
