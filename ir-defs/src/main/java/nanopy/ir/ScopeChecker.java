package nanopy.ir;

import io.vavr.control.Option;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nanopy.ir.Language.Field;
import nanopy.ir.Language.Production;

/**
 * The scoping checker of every language: what the grammar cannot say about a program. It checks
 * that every variable read or written is declared where it is used, that every jump goes to a
 * block of the same function, and that every call of a known function passes as many arguments as
 * it takes. It works from the grammar's description of a language ({@link Language}), so one
 * checker serves every language, by these conventions of nanopy's IR definitions:
 * <ul>
 *   <li>a production with {@code Local*} fields (a function, lambda, Def, the module) declares the
 *       variables named by those {@code Local}s; in a language with {@code GlobalVar}, {@code Var}
 *       and {@code VarTarget} name a variable of the innermost such scope and {@code GlobalVar} and
 *       {@code GlobalTarget} one of the entry's {@code globals}, otherwise any enclosing scope's;</li>
 *   <li>{@code Let(String name, ..., body)} declares {@code name} in its body, and
 *       {@code Assign(String name, ...)} in a sequence declares it for what follows;</li>
 *   <li>a production with a {@code Block*} field holds the blocks whose {@code label}s the
 *       {@code label}, {@code then} and {@code orelse} fields below it may name;</li>
 *   <li>{@code Call}/{@code TailCall(fn, args)} whose {@code fn} has a {@code FunType(params, ...)}
 *       type take {@code params} arguments; {@code MakeClosure}/{@code AllocateClosure(code)} name a
 *       {@code Def} whose parameters are the static link and the closure type's params.</li>
 * </ul>
 * Read by {@link IrText#parse} for IR text, so a program edited by hand is rejected with a position
 * instead of failing (or printing a wrong answer) in whatever runs it.
 */
public final class ScopeChecker {
    /** One problem: the node it is about and a sentence. */
    public record Problem(Node node, String message) {}

    private final Language lang;
    private final boolean flatScopes;
    private final Deque<Set<String>> scopes = new ArrayDeque<>();
    private final Deque<Set<String>> labels = new ArrayDeque<>();
    private final Set<String> globals = new HashSet<>();
    private final Map<String, Node> defs = new java.util.HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final boolean checksVariables;

    private ScopeChecker(Language lang) {
        this.lang = lang;
        this.flatScopes = lang.production("GlobalVar").isPresent();
        this.checksVariables = lang.productions().values().stream().anyMatch(p -> p.fields().stream().anyMatch(
                f -> f.type().equals("Local") && f.mult() == Language.Mult.MANY)
                || p.name().equals("Let") || p.name().equals("Assign") && hasStringName(p));
    }

    /**
     * Checks a whole program of {@code lang}.
     *
     * @return the problems in the order met (at most {@link IrChecker#LIMIT}); empty when all is well
     */
    public static List<Problem> check(Language lang, Node program) {
        ScopeChecker c = new ScopeChecker(lang);
        c.entry(program);
        return c.problems;
    }

    private static boolean hasStringName(Production p) {
        return !p.fields().isEmpty() && p.fields().get(0).name().equals("name") && p.fields().get(0).type().equals("String");
    }

    private Production prod(Node n) {
        return lang.productionOf(n.getClass()).orElseThrow(() -> new IllegalArgumentException(n + " is not a node of " + lang.name()));
    }

    private static Object field(Production p, Node n, String name) {
        for (int i = 0; i < p.fields().size(); i++) {
            if (p.fields().get(i).name().equals(name)) {
                return p.get(n, i);
            }
        }
        return null;
    }

    private void problem(Node n, String message) {
        if (problems.size() < IrChecker.LIMIT) {
            problems.add(new Problem(n, message));
        }
    }

    private void entry(Node program) {
        Production p = prod(program);
        Object g = field(p, program, "globals");
        if (flatScopes && g instanceof io.vavr.collection.List<?> gs) {
            gs.forEach(l -> globals.add(localName(l)));
        }
        Object ds = field(p, program, "defs");
        if (ds instanceof io.vavr.collection.List<?> xs) {
            for (Object d : xs) {
                if (field(prod((Node) d), (Node) d, "name") instanceof String name) {
                    defs.put(name, (Node) d);
                }
            }
        }
        node(program);
    }

    private String localName(Object local) {
        Node l = (Node) local;
        return (String) field(prod(l), l, "name");
    }

    private void node(Node n) {
        Production p = prod(n);
        boolean scope = false;
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < p.fields().size(); i++) {
            Field f = p.fields().get(i);
            if (f.type().equals("Local") && f.mult() == Language.Mult.MANY) {
                scope = true;
                ((io.vavr.collection.List<?>) p.get(n, i)).forEach(l -> declared.add(localName(l)));
            }
        }
        boolean blocks = p.fields().stream().anyMatch(f -> f.type().equals("Block") && f.mult() == Language.Mult.MANY);
        if (scope) {
            scopes.push(declared);
        }
        if (blocks) {
            Set<String> ls = new HashSet<>();
            for (int i = 0; i < p.fields().size(); i++) {
                if (p.fields().get(i).type().equals("Block") && p.fields().get(i).mult() == Language.Mult.MANY) {
                    for (Object b : (io.vavr.collection.List<?>) p.get(n, i)) {
                        Object label = field(prod((Node) b), (Node) b, "label");
                        if (label instanceof String s && !ls.add(s)) {
                            problem((Node) b, "block " + s + " is defined twice");
                        }
                    }
                }
            }
            labels.push(ls);
        }
        if (p.name().equals("Let") && hasStringName(p)) {
            let(n, p);
        } else {
            own(n, p);
            children(n, p);
        }
        if (blocks) {
            labels.pop();
        }
        if (scope) {
            scopes.pop();
        }
    }

    /** {@code Let(name, rhs, body)}: name is declared in body only. */
    private void let(Node n, Production p) {
        for (int i = 0; i < p.fields().size(); i++) {
            Field f = p.fields().get(i);
            if (f.name().equals("body")) {
                Set<String> s = new HashSet<>();
                s.add((String) p.get(n, 0));
                scopes.push(s);
                value(f, p.get(n, i));
                scopes.pop();
            } else {
                value(f, p.get(n, i));
            }
        }
    }

    private void children(Node n, Production p) {
        for (int i = 0; i < p.fields().size(); i++) {
            value(p.fields().get(i), p.get(n, i));
        }
    }

    private void value(Field f, Object v) {
        if (f.kind() != Language.Kind.NONTERMINAL) {
            return;
        }
        switch (f.mult()) {
            case ONE -> node((Node) v);
            case OPTIONAL -> ((Option<?>) v).forEach(x -> node((Node) x));
            case MANY -> {
                for (Object x : (io.vavr.collection.List<?>) v) {
                    node((Node) x);
                    Production xp = prod((Node) x);
                    if (xp.name().equals("Assign") && hasStringName(xp) && !scopes.isEmpty()) {
                        scopes.peek().add((String) xp.get((Node) x, 0));
                    } else if (xp.name().equals("Assign") && hasStringName(xp)) {
                        Set<String> s = new HashSet<>();
                        s.add((String) xp.get((Node) x, 0));
                        scopes.push(s);
                    }
                }
            }
        }
    }

    /** The checks of the node itself: the variable it names, the labels it jumps to, its call's arity. */
    private void own(Node n, Production p) {
        String name = p.name();
        if (checksVariables && (name.equals("Var") || name.equals("VarTarget")) && field(p, n, "name") instanceof String v) {
            boolean found = flatScopes ? !scopes.isEmpty() && scopes.peek().contains(v) : scopes.stream().anyMatch(s -> s.contains(v));
            if (!found) {
                problem(n, "undefined variable " + v + (flatScopes ? " (not a parameter or local of this function)" : ""));
            }
        }
        if (flatScopes && (name.equals("GlobalVar") || name.equals("GlobalTarget")) && field(p, n, "name") instanceof String v
                && !globals.contains(v)) {
            problem(n, "undefined global variable " + v + " (not in the module's globals)");
        }
        if (!name.equals("Block") && !labels.isEmpty()) {
            for (String f : List.of("label", "then", "orelse")) {
                if (field(p, n, f) instanceof String l && !labels.peek().contains(l)) {
                    problem(n, "no block labeled " + l + " in this function");
                }
            }
        }
        if ((name.equals("Call") || name.equals("TailCall")) && field(p, n, "fn") instanceof Node fn
                && field(p, n, "args") instanceof io.vavr.collection.List<?> args) {
            int want = arity(fn);
            if (want >= 0 && want != args.size()) {
                problem(n, "call with " + args.size() + " argument" + (args.size() == 1 ? "" : "s") + " of a function that takes " + want);
            }
        }
        if ((name.equals("MakeClosure") || name.equals("AllocateClosure")) && field(p, n, "code") instanceof String code) {
            Node def = defs.get(code);
            if (def == null) {
                problem(n, "closure of " + code + ", which is not a Def of this program");
            } else if (field(p, n, "type") instanceof Node t && funParams(t) >= 0
                    && field(prod(def), def, "params") instanceof io.vavr.collection.List<?> ps && ps.size() != funParams(t) + 1) {
                problem(n, "closure of " + code + " as a function of " + funParams(t) + " parameters, but " + code + " takes "
                        + (ps.size() - 1) + " after its static link");
            }
        }
    }

    /** The number of parameters of {@code fn}'s function type, or -1 when it has none known. */
    private int arity(Node fn) {
        return field(prod(fn), fn, "type") instanceof Node t ? funParams(t) : -1;
    }

    private int funParams(Node type) {
        Production tp = prod(type);
        return tp.name().equals("FunType") && field(tp, type, "params") instanceof io.vavr.collection.List<?> ps ? ps.size() : -1;
    }

    /**
     * The problems as an {@link IrError} at the position of the first one's node in the IR text.
     *
     * @param positions where each parsed node began in the text ({@code {line, col}}); a node without one uses its span
     */
    static IrError error(List<Problem> problems, Function<Node, int[]> positions) {
        Problem first = problems.get(0);
        int[] at = positions.apply(first.node());
        if (at == null) {
            at = new int[] {first.node().span().line(), first.node().span().col()};
        }
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem" + (problems.size() == 2 ? "" : "s") + ")" : "";
        return new IrError(at[0], at[1], first.message() + more);
    }
}
