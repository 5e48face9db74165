package nanopy.passes.control;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.ir.FreshNames;
import nanopy.ir.Span;
import nanopy.passes.closures.ClosedTypes;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.py.Flat;
import nanopy.py.PyTyped.PrimOp;

/**
 * The body of one function turned into basic blocks, in the continuation-passing style of
 * Essentials of Compilation (ch. 5, "explicate control"): statements are translated from last to
 * first, each one in front of the code that follows it (its continuation); a branch that needs
 * the continuation twice names it as a block and jumps there. Tests are explicated for their
 * branches ({@link #pred}), so {@code and}/{@code or} (conditional expressions by now) become
 * branches, never booleans that are tested again.
 *
 * <p>A new instance per function: labels count from 1 in each.
 */
final class Explicator {
    /** Straight-line code under construction: statements, then one terminator. */
    record Code(List<Blocks.Stmt> body, Blocks.Tail tail) {
        Code prepend(Blocks.Stmt s) {
            return new Code(body.prepend(s), tail);
        }

        boolean isJump() {
            return body.isEmpty() && tail instanceof Blocks.Goto;
        }
    }

    /** Where {@code break} and {@code continue} of the innermost loop go (each a lone jump). */
    private record Loop(Code onBreak, Code onContinue) {}

    private final FreshNames names;
    private final java.util.List<Closed.Local> temporaries = new java.util.ArrayList<>();
    private final Closed.Type result;
    private final Map<String, Code> blocks = new LinkedHashMap<>();
    private int labels;

    /**
     * @param names the run's fresh-name supply
     * @param result the function's result type (the type of a temporary holding a returned value)
     */
    Explicator(FreshNames names, Closed.Type result) {
        this.names = names;
        this.result = result;
    }

    /** The temporaries made for this function, to declare in its locals. */
    List<Closed.Local> temporaries() {
        return List.ofAll(temporaries);
    }

    private String fresh(String base, Closed.Type type) {
        String name = names.fresh(base);
        temporaries.add(new Closed.Local(name, type, Span.NONE));
        return name;
    }

    /** The named blocks made so far (the entry code is returned by {@link #body}). */
    Map<String, Code> blocks() {
        return blocks;
    }

    /** A function body: the entry code; falling off its end returns None. */
    Code body(List<Flat.Stmt> body, Span end) {
        return stmts(body, new Code(List.empty(), new Blocks.Return(new Blocks.NoneLit(end), end)), Option.none());
    }

    /** A lone jump to {@code k}: {@code k} itself when it is one, else a jump to a new block holding it. */
    private Code jump(Code k, String kind) {
        if (k.isJump()) {
            return k;
        }
        String label = label(kind);
        blocks.put(label, k);
        return new Code(List.empty(), new Blocks.Goto(label, k.tail().span()));
    }

    private String label(String kind) {
        return kind + "." + ++labels;
    }

    private static String target(Code jump) {
        return ((Blocks.Goto) jump.tail()).label();
    }

    private Code stmts(List<Flat.Stmt> ss, Code k, Option<Loop> loop) {
        Code code = k;
        for (Flat.Stmt s : ss.reverse()) {
            code = stmt(s, code, loop);
        }
        return code;
    }

    private Code stmt(Flat.Stmt s, Code k, Option<Loop> loop) {
        return switch (s) {
            case Flat.Assign(var target, var value, var sp) -> assign(BlockOperands.target(target), value, k);
            case Flat.Init(var object, var index, var value, var sp) ->
                    k.prepend(new Blocks.Init(BlockOperands.atom(object), index, BlockOperands.atom(value), sp));
            case Flat.ExprStmt(var value, var sp) -> effect(value, k);
            case Flat.Return(var value, var sp) -> tail(value, sp);
            case Flat.If(var test, var body, var orelse, var sp) -> {
                Code join = jump(k, "join");
                yield pred(test, stmts(body, join, loop), stmts(orelse, join, loop));
            }
            case Flat.While(var test, var body, var sp) -> {
                String header = label("loop");
                Code again = new Code(List.empty(), new Blocks.Goto(header, sp));
                Code exit = jump(k, "exit");
                blocks.put(header, pred(test, stmts(body, again, Option.some(new Loop(exit, again))), exit));
                yield again;
            }
            case Flat.Pass p -> k;
            case Flat.Break b -> innermost(loop, b.span()).onBreak();
            case Flat.Continue c -> innermost(loop, c.span()).onContinue();
        };
    }

    private static Loop innermost(Option<Loop> loop, Span sp) {
        return loop.getOrElseThrow(() -> new IllegalArgumentException("explicate-control: break or continue outside a loop at " + sp));
    }

    /** {@code return e}: a Return or TailCall terminator (the continuation is unreachable). */
    private Code tail(Flat.Expr e, Span sp) {
        return switch (e) {
            case Flat.Atom a -> new Code(List.empty(), new Blocks.Return(BlockOperands.atom(a), sp));
            case Flat.Call(var fn, var args, var type, var csp) ->
                    new Code(List.empty(), new Blocks.TailCall(BlockOperands.atom(fn), args.map(BlockOperands::atom), type, csp));
            case Flat.IfExp(var test, var body, var orelse, var type, var isp) -> pred(test, tail(body, sp), tail(orelse, sp));
            case Flat.Begin(var body, var value, var bsp) -> stmts(body, tail(value, sp), Option.none());
            default -> {
                String t = fresh("ret", result);
                Code ret = new Code(List.empty(), new Blocks.Return(new Blocks.Var(t, result, sp), sp));
                yield ret.prepend(new Blocks.Assign(new Blocks.VarTarget(t, result, sp), BlockOperands.simple(e), e.span()));
            }
        };
    }

    /** {@code target = e} before {@code k}. */
    private Code assign(Blocks.Target target, Flat.Expr e, Code k) {
        return switch (e) {
            case Flat.IfExp(var test, var body, var orelse, var type, var sp) -> {
                Code join = jump(k, "join");
                yield pred(test, assign(target, body, join), assign(target, orelse, join));
            }
            case Flat.Begin(var body, var value, var sp) -> stmts(body, assign(target, value, k), Option.none());
            default -> k.prepend(new Blocks.Assign(target, BlockOperands.simple(e), e.span()));
        };
    }

    /** {@code e} evaluated for its effects only, before {@code k}; a literal has none. */
    private Code effect(Flat.Expr e, Code k) {
        return switch (e) {
            case Flat.IfExp(var test, var body, var orelse, var type, var sp) -> {
                Code join = jump(k, "join");
                yield pred(test, effect(body, join), effect(orelse, join));
            }
            case Flat.Begin(var body, var value, var sp) -> stmts(body, effect(value, k), Option.none());
            case Flat.IntLit x -> k;
            case Flat.FloatLit x -> k;
            case Flat.BoolLit x -> k;
            case Flat.StrLit x -> k;
            case Flat.NoneLit x -> k;
            default -> k.prepend(new Blocks.ExprStmt(BlockOperands.simple(e), e.span()));
        };
    }

    /** Code that evaluates the bool {@code test} and continues with {@code then} if it is True, else with {@code orelse}. */
    private Code pred(Flat.Expr test, Code then, Code orelse) {
        return switch (test) {
            case Flat.BoolLit(var v, var sp) -> v ? then : orelse;
            case Flat.Prim(var op, var args, var type, var sp) when op == PrimOp.Not -> pred(args.head(), orelse, then);
            case Flat.Var v -> branch(BlockOperands.atom(v), then, orelse);
            case Flat.Prim p -> branch(BlockOperands.simple(p), then, orelse);
            case Flat.IfExp(var t, var body, var other, var type, var sp) -> {
                Code yes = jump(then, "then");
                Code no = jump(orelse, "else");
                yield pred(t, pred(body, yes, no), pred(other, yes, no));
            }
            case Flat.Begin(var body, var value, var sp) -> stmts(body, pred(value, then, orelse), Option.none());
            default -> {
                String t = fresh("test", ClosedTypes.BOOL);
                Code b = branch(new Blocks.Var(t, ClosedTypes.BOOL, test.span()), then, orelse);
                yield b.prepend(new Blocks.Assign(new Blocks.VarTarget(t, ClosedTypes.BOOL, test.span()), BlockOperands.simple(test), test.span()));
            }
        };
    }

    private Code branch(Blocks.Expr test, Code then, Code orelse) {
        Code yes = jump(then, "then");
        Code no = jump(orelse, "else");
        return new Code(List.empty(), new Blocks.Branch(test, target(yes), target(no), test.span()));
    }
}
