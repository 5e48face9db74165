package nanopy.driver.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nanopy.driver.fuzz.FuzzProgram.Expr;
import nanopy.driver.fuzz.FuzzProgram.Stmt;

/**
 * Generates random well-typed stage-1 NanoPy programs from a seed (the same seed gives the same
 * program). Every program terminates by construction: loops run over small literal ranges or
 * count up a counter the shrinker may not delete, recursion counts a literal depth down to a guard,
 * strings and lists reassigned in loops are cut to a bounded length, and repetition counts and
 * powers are small literals. Names are fresh, so no name is read before Python would bind it.
 * What a program may still do is fail at run time as CPython does (ZeroDivisionError, IndexError,
 * ValueError, OverflowError past 64 bits); the oracle checks the 64-bit range like NanoPy.
 *
 * <p>It covers ints near the 64-bit edges, floats (inf, nan, -0.0, huge and tiny literals), bools,
 * strings with non-ASCII and astral characters, lists, tuples, comparison chains, conditional
 * expressions, list comprehensions, every stage-1 builtin, functions, bounded recursion, nested
 * functions and closures with {@code nonlocal} and {@code global}, lambdas through
 * {@code Callable} parameters and variables, and for/while loops with break and continue.
 */
public final class ProgramGenerator {
    static final String INT = "int";
    static final String FLOAT = "float";
    static final String BOOL = "bool";
    static final String STR = "str";
    static final String LINT = "list[int]";
    static final String LSTR = "list[str]";
    static final String LFLOAT = "list[float]";
    static final String TUP = "tuple[int, str]";
    static final String FN = "Callable[[int], int]";
    private static final String[] VALUE_TYPES = {INT, INT, INT, FLOAT, FLOAT, BOOL, STR, STR, LINT, LSTR, LFLOAT, TUP};
    private static final String[] EDGE_INTS = {"9223372036854775807", "(-9223372036854775807 - 1)", "(-9223372036854775807)",
        "4611686018427387904", "9007199254740993", "(-9007199254740993)", "3037000499", "3037000500", "2147483648", "4294967296",
        "1000000007", "9223372036854775806"};
    private static final String[] FLOATS = {"0.0", "(-0.0)", "0.1", "0.5", "1.5", "(-2.5)", "3.0", "1e16", "1e-05", "1e+300", "1e308",
        "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308", "123456789.125", "(-1e-07)", "float('inf')",
        "float('-inf')", "float('nan')", "9007199254740993.0", "0.30000000000000004", "1e22", "1e23"};
    private static final String[] STRS = {"''", "'a'", "'abc'", "'Hello'", "' x y '", "'é'", "'naïve'", "'日本語'", "'🐍'",
        "'a🐍b'", "'ß'", "'Zz'", "'0'", "'-12'", "' 42 '", "'1_000'", "'x1'", "','", "'\\t'", "'ÿ'", "'Ωmega'", "'\\u00e9t\\u00e9'"};
    private static final String[] FLOAT_STRS = {"'1e500'", "'inf'", "'-Infinity'", "'nan'", "' 2.5 '", "'1_0.5'", "'abc'", "'-0'",
        "'.5'", "'1e-400'"};
    private static final String[] INT_STRS = {"'42'", "' -7 '", "'1_000'", "'0'", "'+5'", "'-0'", "'\\t12\\n'", "'9223372036854775807'"};
    private static final String LINT3 = "list3[int]";
    private static final String LSTR3 = "list3[str]";
    private static final String LFLOAT3 = "list3[float]";
    private static final String[] CODE_POINTS = {"65", "97", "233", "255", "256", "960", "8364", "26085", "128013", "1114111", "32",
        "48", "1114112", "(-1)"};

    private final Random rnd;
    private int fresh;
    private int budget;

    /** One program per seed. */
    public ProgramGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /** A variable in scope: its type and whether this scope may assign it. */
    private record Var(String name, String type, boolean assignable) {}

    /** A function in scope: its parameters' and return types. */
    private record Fn(String name, List<String> params, String ret) {}

    /** What an expression or statement may use where it is generated. */
    private static final class Ctx {
        final List<Var> vars = new ArrayList<>();
        final List<Fn> fns = new ArrayList<>();
        final boolean function;
        final boolean top;
        final boolean loop;
        final int depth;

        Ctx(boolean function, boolean top, boolean loop, int depth) {
            this.function = function;
            this.top = top;
            this.loop = loop;
            this.depth = depth;
        }

        Ctx nested(boolean inLoop) {
            Ctx c = new Ctx(function, false, loop || inLoop, depth + 1);
            c.vars.addAll(vars);
            c.fns.addAll(fns);
            return c;
        }
    }

    /** Generates the next program. */
    public FuzzProgram generate() {
        fresh = 0;
        moduleNames.clear();
        budget = 45 + rnd.nextInt(40);
        List<Stmt> body = new ArrayList<>();
        body.add(Stmt.simple("from typing import Callable", List.of()));
        Ctx top = new Ctx(false, true, false, 0);
        int globals = 2 + rnd.nextInt(3);
        for (int i = 0; i < globals; i++) {
            body.add(newVar(top, pick(VALUE_TYPES)));
        }
        int fns = 1 + rnd.nextInt(4);
        for (int i = 0; i < fns; i++) {
            int kind = rnd.nextInt(10);
            if (kind < 2) {
                body.addAll(recursive(top));
            } else if (kind < 3) {
                body.addAll(closureFactory(top));
            } else if (kind < 4) {
                body.addAll(higherOrder(top));
            } else {
                body.add(function(top));
            }
        }
        while (budget > 0) {
            body.add(statement(top));
        }
        List<Expr> finals = new ArrayList<>();
        for (Var v : top.vars) {
            if (!v.type.equals(FN)) {
                finals.add(Expr.leaf(v.type, v.name));
            }
        }
        for (int i = 0; i < finals.size(); i += 4) {
            List<Expr> part = finals.subList(i, Math.min(finals.size(), i + 4));
            body.add(Stmt.simple(print(part.size()), part));
        }
        return new FuzzProgram(body);
    }

    // ---- statements ----

    private Stmt statement(Ctx c) {
        budget--;
        int k = rnd.nextInt(100);
        boolean canNest = c.depth < 3 && budget > 4;
        if (k < 14 && c.top) {
            return newVar(c, pick(VALUE_TYPES));
        }
        if (k < 28) {
            return printStmt(c);
        }
        if (k < 40) {
            Stmt s = assign(c);
            if (s != null) {
                return s;
            }
        }
        if (k < 50 && canNest) {
            return ifStmt(c);
        }
        if (k < 58 && canNest) {
            return forStmt(c);
        }
        if (k < 63 && canNest && c.depth < 2) {
            return whileStmt(c);
        }
        if (k < 70 && c.loop) {
            return new Stmt("if {0}:", List.of(expr(BOOL, c, 2)), List.of("if {0}:"),
                    List.of(List.of(Stmt.simple(rnd.nextBoolean() ? "break" : "continue", List.of()))), false);
        }
        if (k < 78) {
            Stmt s = listMutation(c);
            if (s != null) {
                return s;
            }
        }
        if (k < 83 && c.top) {
            Var t = new Var(name("a"), INT, true);
            Var u = new Var(name("b"), STR, true);
            Stmt s = Stmt.simple(t.name + ", " + u.name + " = {0}", List.of(expr(TUP, c, 2)));
            declare(c, t);
            declare(c, u);
            return s;
        }
        if (k < 85 && c.top) {
            return newVar(c, FN);
        }
        if (k < 88 && c.function && c.top && c.depth == 0 && budget > 6) {
            return innerFunction(c);
        }
        return printStmt(c);
    }

    private Stmt newVar(Ctx c, String type) {
        Var v = new Var(name("v"), type, true);
        Stmt s;
        if (type.startsWith("list") && rnd.nextInt(5) == 0) {
            s = Stmt.simple(v.name + ": " + type + " = []", List.of());
        } else if (type.equals(FN)) {
            s = Stmt.simple(v.name + ": " + FN + " = {0}", List.of(lambda(c)));
        } else {
            s = Stmt.simple(v.name + " = {0}", List.of(expr(type, c, 3)));
        }
        declare(c, v);
        return s;
    }

    /** Adds a new variable to the scope; at module level it is a global. */
    private void declare(Ctx c, Var v) {
        c.vars.add(v);
        if (!c.function) {
            moduleNames.add(v.name);
        }
    }

    private Stmt printStmt(Ctx c) {
        int n = 1 + rnd.nextInt(3);
        List<Expr> args = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            args.add(expr(pick(VALUE_TYPES), c, 3));
        }
        int style = rnd.nextInt(8);
        if (style == 0) {
            args.add(Expr.leaf(STR, pick(new String[] {"'-'", "''", "', '", "'é'"})));
            return Stmt.simple("print(" + holes(0, n) + ", sep={" + n + "})", args);
        }
        if (style == 1) {
            args.add(Expr.leaf(STR, pick(new String[] {"'!\\n'", "' | '", "'\\n\\n'"})));
            return Stmt.simple("print(" + holes(0, n) + ", end={" + n + "})", args);
        }
        return Stmt.simple(print(n), args);
    }

    private Stmt assign(Ctx c) {
        List<Var> targets = c.vars.stream().filter(v -> v.assignable && !v.type.equals(FN)).toList();
        if (targets.isEmpty()) {
            return null;
        }
        Var v = targets.get(rnd.nextInt(targets.size()));
        int k = rnd.nextInt(4);
        if (k == 0 && v.type.equals(INT)) {
            String op = pick(new String[] {"+=", "-=", "+=", "-=", "*=", "//=", "%="});
            Expr rhs = op.equals("//=") || op.equals("%=") ? nonzero() : op.equals("*=") ? nonzero() : expr(INT, c, 2);
            return Stmt.simple(v.name + " " + op + " {0}", List.of(rhs));
        }
        if (k == 0 && v.type.equals(FLOAT)) {
            return Stmt.simple(v.name + " " + pick(new String[] {"+=", "-=", "*=", "/="}) + " {0}", List.of(expr(FLOAT, c, 2)));
        }
        if (k == 0 && v.type.equals(STR)) {
            return Stmt.simple(v.name + " += {0}", List.of(literal(STR)));
        }
        Expr rhs = expr(v.type, c, 3);
        if (v.type.equals(STR) || v.type.startsWith("list")) {
            rhs = new Expr(v.type, "{0}[:" + (8 + rnd.nextInt(30)) + "]", List.of(rhs), true);
        }
        return Stmt.simple(v.name + " = {0}", List.of(rhs));
    }

    private Stmt ifStmt(Ctx c) {
        List<Expr> conds = new ArrayList<>(List.of(expr(BOOL, c, 3)));
        List<String> clauses = new ArrayList<>(List.of("if {0}:"));
        List<List<Stmt>> blocks = new ArrayList<>();
        blocks.add(block(c.nested(false), 1 + rnd.nextInt(3)));
        int more = rnd.nextInt(3);
        for (int i = 0; i < more; i++) {
            if (i == more - 1 && rnd.nextBoolean()) {
                clauses.add("else:");
            } else {
                conds.add(expr(BOOL, c, 2));
                clauses.add("elif {" + (conds.size() - 1) + "}:");
            }
            blocks.add(block(c.nested(false), 1 + rnd.nextInt(2)));
        }
        return new Stmt("if {0}:", conds, clauses, blocks, false);
    }

    private Stmt forStmt(Ctx c) {
        Ctx inner = c.nested(true);
        String x = name("x");
        int k = rnd.nextInt(5);
        Expr over;
        if (k <= 1) {
            over = new Expr(LINT, rangeText(), List.of(), true);
            inner.vars.add(new Var(x, INT, false));
        } else if (k == 2) {
            over = expr(STR, c, 2);
            inner.vars.add(new Var(x, STR, false));
        } else {
            String lt = pick(new String[] {LINT, LSTR, LFLOAT});
            over = expr(lt, c, 2);
            inner.vars.add(new Var(x, elem(lt), false));
        }
        return new Stmt("for " + x + " in {0}:", List.of(over), List.of("for"), List.of(block(inner, 1 + rnd.nextInt(3))), false);
    }

    private Stmt whileStmt(Ctx c) {
        String w = name("w");
        int limit = 1 + rnd.nextInt(6);
        Ctx inner = c.nested(true);
        List<Stmt> body = new ArrayList<>();
        body.add(new Stmt(w + " = " + w + " + 1", List.of(), List.of(), List.of(), true));
        body.addAll(block(inner, 1 + rnd.nextInt(3)));
        boolean extra = rnd.nextBoolean();
        Stmt loop = new Stmt("while " + w + " < " + limit + (extra ? " and {0}:" : ":"), extra ? List.of(expr(BOOL, c, 2)) : List.of(),
                List.of("while"), List.of(body), false);
        // the counter's initialisation is part of the loop: emit both as one compound unit
        return new Stmt("if True:", List.of(), List.of("if True:"), List.of(List.of(
                new Stmt(w + " = 0", List.of(), List.of(), List.of(), true), loop)), false);
    }

    private Stmt listMutation(Ctx c) {
        List<Var> lists = c.vars.stream().filter(v -> v.type.startsWith("list")).toList();
        if (lists.isEmpty()) {
            return null;
        }
        Var v = lists.get(rnd.nextInt(lists.size()));
        String et = elem(v.type);
        return switch (rnd.nextInt(4)) {
            case 0, 1 -> Stmt.simple(v.name + ".append({0})", List.of(expr(et, c, 2)));
            case 2 -> risky() ? Stmt.simple(v.name + "[{0}] = {1}", List.of(smallIndex(), expr(et, c, 2)))
                    : new Stmt("if len(" + v.name + ") > 2:", List.of(), List.of("if"),
                            List.of(List.of(Stmt.simple(v.name + "[{0}] = {1}", List.of(safeIndex(), expr(et, c, 2))))), false);
            default -> risky() ? Stmt.simple("print(" + v.name + ".pop())", List.of())
                    : new Stmt("if len(" + v.name + ") > 0:", List.of(), List.of("if"),
                            List.of(List.of(Stmt.simple("print(" + v.name + ".pop())", List.of()))), false);
        };
    }

    private List<Stmt> block(Ctx c, int n) {
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(statement(c));
        }
        return out;
    }

    // ---- functions ----

    private Stmt function(Ctx top) {
        String f = name("f");
        int n = rnd.nextInt(3);
        Ctx c = new Ctx(true, true, false, 0);
        c.fns.addAll(top.fns);
        List<String> params = new ArrayList<>();
        StringBuilder sig = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String t = pick(VALUE_TYPES);
            String p = name("p");
            params.add(t);
            c.vars.add(new Var(p, t, true));
            sig.append(i > 0 ? ", " : "").append(p).append(": ").append(t);
        }
        List<Stmt> body = new ArrayList<>();
        List<Var> globals = top.vars.stream().filter(v -> !v.type.equals(FN)).toList();
        if (!globals.isEmpty() && rnd.nextBoolean()) {
            Var g = globals.get(rnd.nextInt(globals.size()));
            body.add(Stmt.simple("global " + g.name, List.of()));
            c.vars.add(new Var(g.name, g.type, true));
        }
        for (Var g : top.vars) {
            if (c.vars.stream().noneMatch(v -> v.name.equals(g.name))) {
                c.vars.add(new Var(g.name, g.type, false));
            }
        }
        String ret = pick(VALUE_TYPES);
        int stmts = 2 + rnd.nextInt(4);
        for (int i = 0; i < stmts && budget > 0; i++) {
            body.add(statement(c));
        }
        body.add(Stmt.simple("return {0}", List.of(expr(ret, c, 3))));
        top.fns.add(new Fn(f, params, ret));
        return new Stmt("def " + f + "(" + sig + ") -> " + ret + ":", List.of(), List.of("def"), List.of(body), false);
    }

    /** A function nested in a function: it reads the enclosing locals and writes some through nonlocal. */
    private Stmt innerFunction(Ctx outer) {
        budget -= 3;
        String g = name("g");
        Ctx c = new Ctx(true, true, false, 1);
        c.fns.addAll(outer.fns);
        String p = name("q");
        String pt = pick(VALUE_TYPES);
        c.vars.add(new Var(p, pt, true));
        List<Stmt> body = new ArrayList<>();
        List<String> nonlocals = new ArrayList<>();
        for (Var v : outer.vars) {
            boolean local = !v.type.equals(FN) && v.assignable && rnd.nextInt(3) == 0
                    && !isGlobalName(v.name);
            if (local) {
                nonlocals.add(v.name);
            }
            c.vars.add(new Var(v.name, v.type, local));
        }
        if (!nonlocals.isEmpty()) {
            body.add(Stmt.simple("nonlocal " + String.join(", ", nonlocals), List.of()));
        }
        for (int i = 0; i < 2 + rnd.nextInt(2); i++) {
            body.add(statement(c));
        }
        String ret = pick(VALUE_TYPES);
        body.add(Stmt.simple("return {0}", List.of(expr(ret, c, 2))));
        outer.fns.add(new Fn(g, List.of(pt), ret));
        return new Stmt("def " + g + "(" + p + ": " + pt + ") -> " + ret + ":", List.of(), List.of("def"), List.of(body), false);
    }

    /** Globals are named v..., locals of functions too; a name is a global when the module defined it first. */
    private final List<String> moduleNames = new ArrayList<>();

    private boolean isGlobalName(String n) {
        return moduleNames.contains(n);
    }

    private List<Stmt> recursive(Ctx top) {
        String f = name("r");
        String t = pick(new String[] {INT, INT, FLOAT, STR, LINT});
        Ctx c = new Ctx(true, false, false, 2);
        c.vars.add(new Var("n", INT, false));
        c.vars.add(new Var("acc", t, false));
        c.fns.addAll(top.fns);
        Stmt guard = new Stmt("if n <= 0:", List.of(), List.of("if"), List.of(List.of(
                Stmt.simple("return acc", List.of()))), true);
        Expr step = expr(t, c, 2);
        if (t.equals(STR) || t.equals(LINT)) {
            step = new Expr(t, "{0}[:24]", List.of(step), true);
        }
        Stmt rec = Stmt.simple("return " + f + "(n - 1, {0})", List.of(step));
        top.fns.add(new Fn(f, List.of(INT, t), t));
        Stmt def = new Stmt("def " + f + "(n: int, acc: " + t + ") -> " + t + ":", List.of(), List.of("def"),
                List.of(List.of(guard, rec)), false);
        return List.of(def);
    }

    private List<Stmt> closureFactory(Ctx top) {
        String mk = name("mk");
        String a = name("a");
        String b = name("b");
        Ctx c = new Ctx(true, false, false, 2);
        c.vars.add(new Var(a, INT, true));
        c.vars.add(new Var(b, INT, false));
        Stmt inner = new Stmt("def inner(" + b + ": int) -> int:", List.of(), List.of("def"), List.of(List.of(
                Stmt.simple("nonlocal " + a, List.of()),
                Stmt.simple(a + " = {0}", List.of(expr(INT, c, 2))),
                Stmt.simple("return {0}", List.of(expr(INT, c, 2))))), false);
        Stmt def = new Stmt("def " + mk + "(" + a + ": int) -> " + FN + ":", List.of(), List.of("def"),
                List.of(List.of(inner, Stmt.simple("return inner", List.of()))), false);
        Var fv = new Var(name("v"), FN, false);
        Stmt make = Stmt.simple(fv.name + " = " + mk + "({0})", List.of(expr(INT, top, 1)));
        declare(top, fv);
        return List.of(def, make);
    }

    private List<Stmt> higherOrder(Ctx top) {
        String h = name("h");
        Ctx c = new Ctx(true, false, false, 2);
        c.vars.add(new Var("fn", FN, false));
        c.vars.add(new Var("x", INT, false));
        Stmt def = new Stmt("def " + h + "(fn: " + FN + ", x: int) -> int:", List.of(), List.of("def"), List.of(List.of(
                Stmt.simple("return {0}", List.of(expr(INT, c, 2))))), false);
        top.fns.add(new Fn(h, List.of(FN, INT), INT));
        return List.of(def);
    }

    // ---- expressions ----

    private Expr expr(String t, Ctx c, int d) {
        if (d <= 0 || rnd.nextInt(4) == 0) {
            return leaf(t, c);
        }
        if (rnd.nextInt(7) == 0) {
            Expr call = call(t, c, d);
            if (call != null) {
                return call;
            }
        }
        if (rnd.nextInt(12) == 0) {
            return e(t, "({1} if {0} else {2})", expr(BOOL, c, d - 1), expr(t, c, d - 1), expr(t, c, d - 1));
        }
        int e = d - 1;
        return switch (t) {
            case INT -> intExpr(c, e);
            case FLOAT -> floatExpr(c, e);
            case BOOL -> boolExpr(c, e);
            case STR -> strExpr(c, e);
            case LINT, LSTR, LFLOAT -> listExpr(t, c, e);
            case TUP -> e(TUP, "({0}, {1})", expr(INT, c, e), expr(STR, c, e));
            case FN -> lambda(c);
            default -> throw new IllegalArgumentException(t);
        };
    }

    private Expr intExpr(Ctx c, int d) {
        return switch (rnd.nextInt(22)) {
            case 0, 1 -> e(INT, "({0} + {1})", expr(INT, c, d), expr(INT, c, d));
            case 2, 3 -> e(INT, "({0} - {1})", expr(INT, c, d), expr(INT, c, d));
            case 4, 5 -> risky() ? e(INT, "({0} * {1})", expr(INT, c, d), expr(INT, c, d))
                    : e(INT, "({0} * {1})", expr(INT, c, d), literal(INT));
            case 6 -> e(INT, "({0} // {1})", expr(INT, c, d), risky() ? expr(INT, c, d) : nonzero());
            case 7 -> e(INT, "({0} % {1})", expr(INT, c, d), risky() ? expr(INT, c, d) : nonzero());
            case 8 -> e(INT, "(-{0})", expr(INT, c, d));
            case 9 -> e(INT, "abs({0})", expr(INT, c, d));
            case 10 -> rnd.nextBoolean() ? e(INT, "min({0}, {1})", expr(INT, c, d), expr(INT, c, d))
                    : e(INT, "max({0}, {1}, {2})", expr(INT, c, d), expr(INT, c, d), expr(INT, c, d));
            case 11 -> e(INT, "len({0})", expr(pick(new String[] {STR, LINT, LSTR, LFLOAT}), c, d));
            case 12 -> risky() ? e(INT, "int({0})", expr(FLOAT, c, d)) : e(INT, "int({0})", Expr.leaf(FLOAT, floatLiteral(false)));
            case 13 -> rnd.nextBoolean() ? e(INT, "int(str({0}))", expr(INT, c, d))
                    : e(INT, "int({0})", Expr.leaf(STR, risky() ? pick(STRS) : pick(INT_STRS)));
            case 14 -> e(INT, "ord(({0} + 'a')[0])", expr(STR, c, d));
            case 15 -> e(INT, risky() ? "({0} ** {1})" : "(({0} % 1000) ** {1})", expr(INT, c, d),
                    new Expr(INT, String.valueOf(rnd.nextInt(5)), List.of(), true));
            case 16 -> padded(INT, "{P}[{1}]", expr(LINT, c, d), literal(LINT3));
            case 17 -> e(INT, "{0}[0]", expr(TUP, c, d));
            case 18 -> e(INT, "len({0})", expr(TUP, c, d));
            case 19 -> {
                Expr f = leafOfType(FN, c);
                yield f == null ? literal(INT) : e(INT, "{0}({1})", f, expr(INT, c, d));
            }
            case 20 -> e(INT, "ord({0})", codePoint());
            default -> literal(INT);
        };
    }

    private Expr floatExpr(Ctx c, int d) {
        String[] mix = {FLOAT, FLOAT, INT};
        return switch (rnd.nextInt(18)) {
            case 0, 1 -> e(FLOAT, "({0} + {1})", expr(FLOAT, c, d), expr(pick(mix), c, d));
            case 2 -> e(FLOAT, "({0} - {1})", expr(pick(mix), c, d), expr(FLOAT, c, d));
            case 3, 4 -> e(FLOAT, "({0} * {1})", expr(FLOAT, c, d), expr(pick(mix), c, d));
            case 5, 6 -> e(FLOAT, "({0} / {1})", expr(pick(mix), c, d), divisor(c, d));
            case 7 -> e(FLOAT, "({0} // {1})", expr(FLOAT, c, d), divisor(c, d));
            case 8 -> e(FLOAT, "({0} % {1})", expr(pick(mix), c, d), divisor(c, d));
            case 9 -> e(FLOAT, "(-{0})", expr(FLOAT, c, d));
            case 10 -> e(FLOAT, "abs({0})", expr(FLOAT, c, d));
            case 11 -> e(FLOAT, rnd.nextBoolean() ? "min({0}, {1})" : "max({0}, {1})", expr(FLOAT, c, d), expr(FLOAT, c, d));
            case 12 -> e(FLOAT, "float({0})", expr(INT, c, d));
            case 13 -> e(FLOAT, "float({0})", Expr.leaf(STR, risky() ? "'abc'" : pick(FLOAT_STRS)));
            case 14 -> e(FLOAT, "(abs({0}) ** {1})", expr(FLOAT, c, d),
                    new Expr(FLOAT, risky() ? pick(new String[] {"(-1.0)", "(-0.5)", "400.0"})
                            : pick(new String[] {"0.5", "2.0", "3.0", "0.0", "1.5"}), List.of(), true));
            case 15 -> padded(FLOAT, "{P}[{1}]", expr(LFLOAT, c, d), literal(LFLOAT3));
            case 16 -> e(FLOAT, "({0} / {1})", expr(INT, c, d), risky() ? expr(INT, c, d) : nonzero());
            default -> literal(FLOAT);
        };
    }

    private Expr boolExpr(Ctx c, int d) {
        String[] ops = {"<", "<=", ">", ">=", "==", "!="};
        return switch (rnd.nextInt(13)) {
            case 0, 1, 2 -> {
                String a = pick(new String[] {INT, INT, FLOAT, STR});
                String b = a.equals(STR) ? STR : pick(new String[] {INT, FLOAT});
                yield e(BOOL, "({0} " + pick(ops) + " {1})", expr(a, c, d), expr(b, c, d));
            }
            case 3 -> {
                String a = pick(new String[] {INT, FLOAT, STR});
                String b = a.equals(STR) ? STR : pick(new String[] {INT, FLOAT});
                yield e(BOOL, "({0} " + pick(ops) + " {1} " + pick(ops) + " {2})", expr(a, c, d), expr(b, c, d), expr(a, c, d));
            }
            case 4 -> e(BOOL, "({0} and {1})", expr(BOOL, c, d), expr(BOOL, c, d));
            case 5 -> e(BOOL, "({0} or {1})", expr(BOOL, c, d), expr(BOOL, c, d));
            case 6 -> e(BOOL, "(not {0})", expr(BOOL, c, d));
            case 7 -> e(BOOL, "({0} in {1})", expr(INT, c, d), expr(LINT, c, d));
            case 8 -> rnd.nextBoolean() ? e(BOOL, "({0} in {1})", expr(STR, c, d), expr(STR, c, d))
                    : e(BOOL, "({0} not in {1})", expr(STR, c, d), expr(LSTR, c, d));
            case 9 -> e(BOOL, "bool({0})", expr(pick(new String[] {INT, FLOAT, STR}), c, d));
            case 10 -> {
                String t = pick(new String[] {LINT, LSTR, TUP});
                yield e(BOOL, "({0} " + pick(new String[] {"==", "!="}) + " {1})", expr(t, c, d), expr(t, c, d));
            }
            default -> literal(BOOL);
        };
    }

    private Expr strExpr(Ctx c, int d) {
        return switch (rnd.nextInt(15)) {
            case 0, 1 -> e(STR, "({0} + {1})", expr(STR, c, d), expr(STR, c, d));
            case 2 -> e(STR, "({0} * {1})", expr(STR, c, d), new Expr(INT, String.valueOf(rnd.nextInt(5) - 1), List.of(), true));
            case 3, 4 -> e(STR, "str({0})", expr(pick(new String[] {INT, FLOAT, FLOAT, BOOL, LINT, LSTR, LFLOAT, TUP}), c, d));
            case 5 -> padded(STR, "{P}[{1}]", expr(STR, c, d), Expr.leaf(STR, pick(new String[] {"'xyz'", "'éàü'", "'🐍🐍🐍'"})));
            case 6 -> e(STR, "{0}[{1}:{2}]", expr(STR, c, d), smallIndex(), smallIndex());
            case 7 -> e(STR, "{0}[{1}:]", expr(STR, c, d), smallIndex());
            case 8 -> e(STR, "{0}.strip()", expr(STR, c, d));
            case 9 -> e(STR, "{0}.join({1})", literal(STR), expr(LSTR, c, d));
            case 10 -> codePoint();
            case 11 -> padded(STR, "{P}[{1}]", expr(LSTR, c, d), literal(LSTR3));
            case 12 -> e(STR, "{0}[1]", expr(TUP, c, d));
            default -> literal(STR);
        };
    }

    private Expr listExpr(String t, Ctx c, int d) {
        String et = elem(t);
        int k = rnd.nextInt(10);
        if (k < 3) {
            int n = 1 + rnd.nextInt(3);
            List<Expr> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(expr(et, c, d));
            }
            return new Expr(t, "[" + holes(0, n) + "]", items, false);
        }
        if (k < 5) {
            String x = name("i");
            Ctx inner = c.nested(false);
            inner.vars.add(new Var(x, INT, false));
            boolean cond = rnd.nextBoolean();
            Expr item = expr(et, inner, d);
            return cond ? e(t, "[{0} for " + x + " in " + rangeText() + " if {1}]", item, expr(BOOL, inner, d))
                    : e(t, "[{0} for " + x + " in " + rangeText() + "]", item);
        }
        if (k == 5 && t.equals(LSTR)) {
            return e(t, "{0}.split()", expr(STR, c, d));
        }
        if (k == 5) {
            String x = name("i");
            String src = rnd.nextBoolean() ? LINT : LFLOAT;
            Ctx inner = c.nested(false);
            inner.vars.add(new Var(x, elem(src), false));
            return e(t, "[{1} for " + x + " in {0}]", expr(src, c, d), expr(et, inner, d));
        }
        if (k == 6) {
            return e(t, "({0} + {1})", expr(t, c, d), expr(t, c, d));
        }
        if (k == 7) {
            return e(t, "({0} * {1})", expr(t, c, d), new Expr(INT, String.valueOf(rnd.nextInt(4) - 1), List.of(), true));
        }
        if (k == 8) {
            return e(t, "{0}[{1}:{2}]", expr(t, c, d), smallIndex(), smallIndex());
        }
        return leaf(t, c);
    }

    private Expr lambda(Ctx c) {
        String x = name("l");
        Ctx inner = c.nested(false);
        inner.vars.add(new Var(x, INT, false));
        return e(FN, "(lambda " + x + ": {0})", expr(INT, inner, 2));
    }

    /** A call of a function in scope returning {@code t}, with arguments of its parameter types. */
    private Expr call(String t, Ctx c, int d) {
        List<Fn> fs = c.fns.stream().filter(f -> f.ret.equals(t)).toList();
        if (fs.isEmpty()) {
            return null;
        }
        Fn f = fs.get(rnd.nextInt(fs.size()));
        List<Expr> args = new ArrayList<>();
        boolean recursive = f.name.startsWith("r");
        for (int i = 0; i < f.params.size(); i++) {
            if (recursive && i == 0) {
                args.add(new Expr(INT, String.valueOf(rnd.nextInt(12)), List.of(), true));
            } else {
                args.add(expr(f.params.get(i), c, Math.min(d - 1, 2)));
            }
        }
        return new Expr(t, f.name + "(" + holes(0, args.size()) + ")", args, false);
    }

    private Expr leaf(String t, Ctx c) {
        if (rnd.nextInt(5) < 3) {
            Expr v = leafOfType(t, c);
            if (v != null) {
                return v;
            }
        }
        return t.equals(FN) ? lambda(c) : literal(t);
    }

    private Expr leafOfType(String t, Ctx c) {
        List<Var> vs = c.vars.stream().filter(v -> v.type.equals(t)).toList();
        return vs.isEmpty() ? null : Expr.leaf(t, vs.get(rnd.nextInt(vs.size())).name);
    }

    private Expr literal(String t) {
        return switch (t) {
            case INT -> Expr.leaf(INT, intLiteral());
            case FLOAT -> Expr.leaf(FLOAT, floatLiteral(true));
            case BOOL -> Expr.leaf(BOOL, rnd.nextBoolean() ? "True" : "False");
            case STR -> Expr.leaf(STR, pick(STRS));
            case LINT -> new Expr(LINT, "[{0}, {1}]", List.of(literal(INT), literal(INT)), false);
            case LSTR -> new Expr(LSTR, "[{0}]", List.of(literal(STR)), false);
            case LFLOAT -> new Expr(LFLOAT, "[{0}, {1}]", List.of(literal(FLOAT), literal(FLOAT)), false);
            case LINT3 -> new Expr(LINT, "[{0}, {1}, {2}]", List.of(literal(INT), literal(INT), literal(INT)), false);
            case LSTR3 -> new Expr(LSTR, "[{0}, {1}, {2}]", List.of(literal(STR), literal(STR), literal(STR)), false);
            case LFLOAT3 -> new Expr(LFLOAT, "[{0}, {1}, {2}]", List.of(literal(FLOAT), literal(FLOAT), literal(FLOAT)), false);
            case TUP -> new Expr(TUP, "({0}, {1})", List.of(literal(INT), literal(STR)), false);
            default -> throw new IllegalArgumentException(t);
        };
    }

    private String intLiteral() {
        int k = rnd.nextInt(10);
        if (k < 6) {
            int v = rnd.nextInt(21) - 10;
            return v < 0 ? "(" + v + ")" : String.valueOf(v);
        }
        if (k < 9 || rnd.nextInt(3) > 0) {
            long v = rnd.nextInt(3) == 0 ? rnd.nextLong(2_000_001) - 1_000_000 : rnd.nextInt(2001) - 1000;
            return v < 0 ? "(" + v + ")" : String.valueOf(v);
        }
        return pick(EDGE_INTS);
    }

    private String floatLiteral(boolean any) {
        if (rnd.nextInt(3) > 0) {
            return any ? pick(FLOATS) : pick(new String[] {"0.0", "(-0.0)", "0.1", "1.5", "(-2.5)", "1e16", "123456789.125", "(-1e-07)",
                "9007199254740993.0", "0.30000000000000004"});
        }
        StringBuilder digits = new StringBuilder().append(1 + rnd.nextInt(9)).append('.');
        int n = 1 + rnd.nextInt(16);
        for (int i = 0; i < n; i++) {
            digits.append(rnd.nextInt(10));
        }
        int exp = any && rnd.nextInt(3) == 0 ? rnd.nextInt(640) - 320 : rnd.nextInt(36) - 20;
        String s = digits + "e" + exp;
        return rnd.nextBoolean() ? "(-" + s + ")" : s;
    }

    /** True once in a while: an operation that may fail at run time is generated as it is, not guarded. */
    private boolean risky() {
        return rnd.nextInt(30) == 0;
    }

    /** An index into {@code seq} padded with three items, so that indices -3..2 are in range. */
    private Expr padded(String type, String template, Expr seq, Expr pad) {
        return risky() ? e(type, template.replace("{P}", "{0}"), seq, smallIndex())
                : e(type, template.replace("{P}", "({0} + {2})"), seq, safeIndex(), pad);
    }

    private Expr safeIndex() {
        int v = rnd.nextInt(6) - 3;
        return Expr.leaf(INT, v < 0 ? "(" + v + ")" : String.valueOf(v));
    }

    private Expr codePoint() {
        String cp = pick(CODE_POINTS);
        while (!risky() && (cp.equals("1114112") || cp.equals("(-1)"))) {
            cp = pick(CODE_POINTS);
        }
        return new Expr(STR, "chr(" + cp + ")", List.of(), true);
    }

    /** A float divisor: rarely one that may be zero. */
    private Expr divisor(Ctx c, int d) {
        return risky() ? expr(FLOAT, c, d) : Expr.leaf(FLOAT, pick(new String[] {"3.0", "(-0.5)", "7.25", "1e-300",
            "1e300", "float('inf')", "(-3.5)", "0.1"}));
    }

    private Expr nonzero() {
        int v = 1 + rnd.nextInt(9);
        return Expr.leaf(INT, rnd.nextBoolean() ? String.valueOf(v) : "(-" + v + ")");
    }

    private Expr smallIndex() {
        int v = rnd.nextInt(9) - 4;
        return Expr.leaf(INT, v < 0 ? "(" + v + ")" : String.valueOf(v));
    }

    private String rangeText() {
        return switch (rnd.nextInt(4)) {
            case 0 -> "range(" + rnd.nextInt(6) + ")";
            case 1 -> "range(" + (rnd.nextInt(5) - 2) + ", " + rnd.nextInt(6) + ")";
            case 2 -> "range(" + rnd.nextInt(6) + ", " + (rnd.nextInt(5) - 3) + ", -" + (1 + rnd.nextInt(2)) + ")";
            default -> "range(1, " + (2 + rnd.nextInt(6)) + ", " + (1 + rnd.nextInt(3)) + ")";
        };
    }

    // ---- helpers ----

    private static String elem(String listType) {
        return listType.substring(5, listType.length() - 1);
    }

    private static Expr e(String type, String template, Expr... kids) {
        return new Expr(type, template, List.of(kids), false);
    }

    private static String holes(int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            sb.append(i > from ? ", " : "").append('{').append(i).append('}');
        }
        return sb.toString();
    }

    private static String print(int n) {
        return "print(" + holes(0, n) + ")";
    }

    private String name(String prefix) {
        return prefix + (++fresh);
    }

    private String pick(String[] options) {
        return options[rnd.nextInt(options.length)];
    }
}
