package nanopy.passes.control;

import io.vavr.Lazy;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
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
 * <p>{@code try} becomes control flow too, the way CPython 3.11's compiler and the JVM do it (a
 * zero-cost exception table rather than a run-time handler stack): every block records its
 * handler, the block an exception raised in it continues at. A try body's blocks name the
 * dispatch block of its except clauses ({@code Catch} of the exception, then a branch on
 * {@code ExcMatches} per clause, a re-raise when none matches); a {@code finally} body is copied
 * onto every way out of the try: normal completion, {@code return}, {@code break},
 * {@code continue}, and a handler block that catches, runs it and re-raises. Code inside a try
 * never ends in a TailCall (its frame holds the handler).
 *
 * <p>A new instance per function: labels count from 1 in each.
 */
final class Explicator {
    /** Straight-line code under construction: statements, then one terminator; handler as in Blocks.Block. */
    record Code(List<Blocks.Stmt> body, Blocks.Tail tail, Option<String> handler) {
        boolean isJump() {
            return body.isEmpty() && tail instanceof Blocks.Goto;
        }
    }

    /** Where {@code break} and {@code continue} of the innermost loop go (computed when first needed). */
    private record Loop(Lazy<Code> onBreak, Lazy<Code> onContinue) {}

    /**
     * Where code is: its innermost loop, the handler that protects it, and how a {@code return}
     * leaves (none: a Return terminator; some: through enclosing {@code finally} bodies, given the
     * returned atom).
     */
    private record Ctx(Option<Loop> loop, Option<String> handler, Option<Function<Blocks.Atom, Code>> ret) {
        Ctx withLoop(Loop l) {
            return new Ctx(Option.some(l), handler, ret);
        }

        Ctx withHandler(String h) {
            return new Ctx(loop, Option.some(h), ret);
        }
    }

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
        Ctx top = new Ctx(Option.none(), Option.none(), Option.none());
        return stmts(body, new Code(List.empty(), new Blocks.Return(new Blocks.NoneLit(end), end), Option.none()), top);
    }

    /** A lone jump to {@code k}: {@code k} itself when it is one, else a jump to a new block holding it. */
    private Code jump(Code k, String kind) {
        if (k.isJump()) {
            return k;
        }
        String label = label(kind);
        blocks.put(label, k);
        return new Code(List.empty(), new Blocks.Goto(label, k.tail().span()), k.handler());
    }

    private String label(String kind) {
        return kind + "." + ++labels;
    }

    private static String target(Code jump) {
        return ((Blocks.Goto) jump.tail()).label();
    }

    /** Code that ends in {@code tail}, protected by the handler of {@code c}. */
    private static Code end(Blocks.Tail tail, Ctx c) {
        return new Code(List.empty(), tail, c.handler());
    }

    /** {@code s} (protected by the handler of {@code c}) in front of {@code k}; a new block starts where the handler changes. */
    private Code prepend(Blocks.Stmt s, Code k, Ctx c) {
        if (k.handler().equals(c.handler()) || k.isJump()) {
            return new Code(k.body().prepend(s), k.tail(), c.handler());
        }
        Code j = jump(k, "block");
        return new Code(List.of(s), j.tail(), c.handler());
    }

    private Code stmts(List<Flat.Stmt> ss, Code k, Ctx c) {
        Code code = k;
        for (Flat.Stmt s : ss.reverse()) {
            code = stmt(s, code, c);
        }
        return code;
    }

    private Code stmt(Flat.Stmt s, Code k, Ctx c) {
        return switch (s) {
            case Flat.Assign(var target, var value, var sp) -> assign(BlockOperands.target(target), value, k, c);
            case Flat.Init(var object, var index, var value, var sp) ->
                    prepend(new Blocks.Init(BlockOperands.atom(object), index, BlockOperands.atom(value), sp), k, c);
            case Flat.ExprStmt(var value, var sp) -> effect(value, k, c);
            case Flat.Return(var value, var sp) -> tail(value, sp, c);
            case Flat.If(var test, var body, var orelse, var sp) -> {
                Code join = jump(k, "join");
                yield pred(test, stmts(body, join, c), stmts(orelse, join, c), c);
            }
            case Flat.While(var test, var body, var sp) -> {
                String header = label("loop");
                Code again = new Code(List.empty(), new Blocks.Goto(header, sp), c.handler());
                Code exit = jump(k, "exit");
                blocks.put(header, pred(test, stmts(body, again, c.withLoop(new Loop(Lazy.of(() -> exit), Lazy.of(() -> again)))), exit, c));
                yield again;
            }
            case Flat.Pass p -> k;
            case Flat.Break b -> innermost(c, b.span()).onBreak().get();
            case Flat.Continue x -> innermost(c, x.span()).onContinue().get();
            case Flat.Raise(var exc, var sp) -> end(new Blocks.Raise(BlockOperands.atom(exc), sp), c);
            case Flat.Try t -> tryFinally(t, k, c);
        };
    }

    private static Loop innermost(Ctx c, Span sp) {
        return c.loop().getOrElseThrow(() -> new IllegalArgumentException("explicate-control: break or continue outside a loop at " + sp));
    }

    /**
     * {@code try} with a {@code finally} body F: F after normal completion, F in a handler block
     * that catches any exception and re-raises it, and F on the way out of {@code return},
     * {@code break} and {@code continue}; the rest is {@link #tryExcept} inside that handler.
     */
    private Code tryFinally(Flat.Try t, Code k, Ctx c) {
        if (t.finalbody().isEmpty()) {
            return tryExcept(t, k, c);
        }
        Span sp = t.span();
        List<Flat.Stmt> fin = t.finalbody();
        String exc = fresh("exc", ClosedTypes.EXCEPTION);
        Code reraise = end(new Blocks.Raise(new Blocks.Var(exc, ClosedTypes.EXCEPTION, sp), sp), c);
        String handler = label("finally");
        blocks.put(handler, prepend(new Blocks.Catch(exc, sp), stmts(fin, reraise, c), c));
        Option<Loop> loop = c.loop().map(l -> new Loop(Lazy.of(() -> stmts(fin, l.onBreak().get(), c)),
                Lazy.of(() -> stmts(fin, l.onContinue().get(), c))));
        Function<Blocks.Atom, Code> ret = v -> stmts(fin, returning(v, sp, c), c);
        Ctx inside = new Ctx(loop, Option.some(handler), Option.some(ret));
        return tryExcept(t, stmts(fin, k, c), inside);
    }

    /** How {@code return v} leaves in {@code c}. */
    private static Code returning(Blocks.Atom v, Span sp, Ctx c) {
        return c.ret().isDefined() ? c.ret().get().apply(v) : end(new Blocks.Return(v, sp), c);
    }

    /**
     * {@code try} with except clauses (and {@code else}): the body protected by a dispatch block
     * that catches the exception and tests each clause's classes in order (binding its variable,
     * running its body, then {@code k}), re-raising when none matches; {@code else} after the body.
     */
    private Code tryExcept(Flat.Try t, Code k, Ctx c) {
        if (t.handlers().isEmpty()) {
            return stmts(t.body(), stmts(t.orelse(), k, c), c);
        }
        Span sp = t.span();
        String exc = fresh("exc", ClosedTypes.EXCEPTION);
        Blocks.Var caught = new Blocks.Var(exc, ClosedTypes.EXCEPTION, sp);
        Code join = jump(k, "join");
        Code dispatch = end(new Blocks.Raise(caught, sp), c);
        for (Flat.ExceptClause h : t.handlers().reverse()) {
            Code body = prepend(new Blocks.Assign(BlockOperands.target(h.target()), caught, h.span()), stmts(h.body(), join, c), c);
            if (h.classes().isEmpty()) {
                dispatch = body;
            } else {
                List<Blocks.Atom> args = h.classes().map(n -> (Blocks.Atom) new Blocks.StrLit(n, h.span())).prepend(caught);
                dispatch = branch(new Blocks.Prim(PrimOp.ExcMatches, args, ClosedTypes.BOOL, h.span()), body, dispatch, c);
            }
        }
        String handler = label("except");
        blocks.put(handler, prepend(new Blocks.Catch(exc, sp), dispatch, c));
        return stmts(t.body(), stmts(t.orelse(), join, c), c.withHandler(handler));
    }

    /** {@code return e}: a Return or TailCall terminator (the continuation is unreachable). */
    private Code tail(Flat.Expr e, Span sp, Ctx c) {
        boolean plain = c.ret().isEmpty() && c.handler().isEmpty();
        return switch (e) {
            case Flat.Atom a -> returning(BlockOperands.atom(a), sp, c);
            case Flat.Call(var fn, var args, var type, var csp) when plain ->
                    end(new Blocks.TailCall(BlockOperands.atom(fn), args.map(BlockOperands::atom), type, csp), c);
            case Flat.IfExp(var test, var body, var orelse, var type, var isp) -> pred(test, tail(body, sp, c), tail(orelse, sp, c), c);
            case Flat.Begin(var body, var value, var bsp) -> stmts(body, tail(value, sp, c), c);
            default -> {
                String t = fresh("ret", result);
                Code ret = returning(new Blocks.Var(t, result, sp), sp, c);
                yield prepend(new Blocks.Assign(new Blocks.VarTarget(t, result, sp), BlockOperands.simple(e), e.span()), ret, c);
            }
        };
    }

    /** {@code target = e} before {@code k}. */
    private Code assign(Blocks.Target target, Flat.Expr e, Code k, Ctx c) {
        return switch (e) {
            case Flat.IfExp(var test, var body, var orelse, var type, var sp) -> {
                Code join = jump(k, "join");
                yield pred(test, assign(target, body, join, c), assign(target, orelse, join, c), c);
            }
            case Flat.Begin(var body, var value, var sp) -> stmts(body, assign(target, value, k, c), c);
            default -> prepend(new Blocks.Assign(target, BlockOperands.simple(e), e.span()), k, c);
        };
    }

    /** {@code e} evaluated for its effects only, before {@code k}; a literal has none. */
    private Code effect(Flat.Expr e, Code k, Ctx c) {
        return switch (e) {
            case Flat.IfExp(var test, var body, var orelse, var type, var sp) -> {
                Code join = jump(k, "join");
                yield pred(test, effect(body, join, c), effect(orelse, join, c), c);
            }
            case Flat.Begin(var body, var value, var sp) -> stmts(body, effect(value, k, c), c);
            case Flat.IntLit x -> k;
            case Flat.FloatLit x -> k;
            case Flat.BoolLit x -> k;
            case Flat.StrLit x -> k;
            case Flat.NoneLit x -> k;
            default -> prepend(new Blocks.ExprStmt(BlockOperands.simple(e), e.span()), k, c);
        };
    }

    /** Code that evaluates the bool {@code test} and continues with {@code then} if it is True, else with {@code orelse}. */
    private Code pred(Flat.Expr test, Code then, Code orelse, Ctx c) {
        return switch (test) {
            case Flat.BoolLit(var v, var sp) -> v ? then : orelse;
            case Flat.Prim(var op, var args, var type, var sp) when op == PrimOp.Not -> pred(args.head(), orelse, then, c);
            case Flat.Var v -> branch(BlockOperands.atom(v), then, orelse, c);
            case Flat.Prim p -> branch(BlockOperands.simple(p), then, orelse, c);
            case Flat.IfExp(var t, var body, var other, var type, var sp) -> {
                Code yes = jump(then, "then");
                Code no = jump(orelse, "else");
                yield pred(t, pred(body, yes, no, c), pred(other, yes, no, c), c);
            }
            case Flat.Begin(var body, var value, var sp) -> stmts(body, pred(value, then, orelse, c), c);
            default -> {
                String t = fresh("test", ClosedTypes.BOOL);
                Code b = branch(new Blocks.Var(t, ClosedTypes.BOOL, test.span()), then, orelse, c);
                yield prepend(new Blocks.Assign(new Blocks.VarTarget(t, ClosedTypes.BOOL, test.span()), BlockOperands.simple(test), test.span()), b, c);
            }
        };
    }

    private Code branch(Blocks.Expr test, Code then, Code orelse, Ctx c) {
        Code yes = jump(then, "then");
        Code no = jump(orelse, "else");
        return end(new Blocks.Branch(test, target(yes), target(no), test.span()), c);
    }
}
