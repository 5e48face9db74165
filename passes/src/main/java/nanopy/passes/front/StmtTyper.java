package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.py.PyCore;
import nanopy.py.PyCore.Type;
import nanopy.py.PyResolved;
import nanopy.py.PyTyped;
import nanopy.py.PyTypes;

/**
 * Types the statements of one function body (or of the module): assignments (a variable's type is
 * its annotation or the type of its first assignment), augmented assignments, returns against the
 * declared result, loops and conditionals. The bodies of the functions defined in a block are typed
 * after the block's other statements, so that they see the types of variables assigned later in the
 * enclosing scope. Reports a function with a non-None result that can fall off its end.
 */
final class StmtTyper {
    private final Typing typing;
    private final ExprTyper exprs;
    private final TargetTyper targets;
    private final String function;
    private final Option<Type> result;

    StmtTyper(Typing typing, ExprTyper exprs, String function, Option<Type> result) {
        this.typing = typing;
        this.exprs = exprs;
        this.targets = new TargetTyper(typing, exprs);
        this.function = function;
        this.result = result;
    }

    /** Types a block; nested function definitions are typed last, then put back in their places. */
    List<PyTyped.Stmt> block(List<PyResolved.Stmt> body) {
        java.util.List<PyTyped.Stmt> out = new ArrayList<>();
        for (PyResolved.Stmt s : body) {
            out.add(s instanceof PyResolved.FunctionDef ? null : stmt(s));
        }
        for (int i = 0; i < body.size(); i++) {
            if (body.get(i) instanceof PyResolved.FunctionDef f) {
                out.set(i, function(f));
            }
        }
        return List.ofAll(out);
    }

    private PyTyped.Stmt stmt(PyResolved.Stmt s) {
        Span sp = s.span();
        return switch (s) {
            case PyResolved.FunctionDef f -> function(f);
            case PyResolved.Return r -> ret(r);
            case PyResolved.Assign a -> assign(a);
            case PyResolved.AugAssign a -> new AugAssignTyper(typing, exprs).augAssign(a);
            case PyResolved.AnnAssign a -> annAssign(a);
            case PyResolved.If(var test, var body, var orelse, var x) -> new PyTyped.If(exprs.test(test), block(body), block(orelse), sp);
            case PyResolved.While(var test, var body, var x) -> new PyTyped.While(exprs.test(test), block(body), sp);
            case PyResolved.For f -> forLoop(f);
            case PyResolved.ExprStmt(var e, var x) -> new PyTyped.ExprStmt(exprs.expr(e, Option.none()), sp);
            case PyResolved.Pass x -> new PyTyped.Pass(sp);
            case PyResolved.Break x -> new PyTyped.Break(sp);
            case PyResolved.Continue x -> new PyTyped.Continue(sp);
            case PyResolved.ClassDecl x -> new PyTyped.Pass(sp);
            case PyResolved.Delete d -> delete(d);
            case PyResolved.Assert(var test, var msg, var x) -> assertion(test, msg, sp);
            case PyResolved.Raise(var exc, var x) -> new PyTyped.Raise(exprs.expect(exc, PyTypes.EXCEPTION, "the exception raised"), sp);
            case PyResolved.Try t -> tryStatement(t);
        };
    }

    /** {@code try}: each handler's variable is an exception ({@code except ValueError as e}). */
    private PyTyped.Stmt tryStatement(PyResolved.Try t) {
        List<PyTyped.ExceptClause> handlers = List.empty();
        for (PyResolved.Handler h : t.handlers()) {
            Type known = typing.vars.get(h.name());
            if (known != null && !known.equals(PyTypes.EXCEPTION)) {
                typing.ctx.error(h.span(), "type mismatch: " + Typing.userName(h.name()) + " is " + Typing.article(known)
                        + " here, so it cannot hold the exception of this except clause");
            } else {
                typing.declare(h.name(), PyTypes.EXCEPTION, false);
            }
            handlers = handlers.append(new PyTyped.ExceptClause(h.classes(), new PyTyped.VarTarget(h.name(), PyTypes.EXCEPTION, h.span()),
                    block(h.body()), h.span()));
        }
        return new PyTyped.Try(block(t.body()), handlers, block(t.orelse()), block(t.finalbody()), t.span());
    }

    /** {@code assert test, msg}: {@code if not test: raise AssertionError(msg)}. */
    private PyTyped.Stmt assertion(PyResolved.Expr test, io.vavr.control.Option<PyResolved.Expr> msg, Span sp) {
        PyTyped.Expr t = exprs.test(test);
        PyTyped.Expr text = new PyTyped.StrLit("AssertionError", sp);
        if (msg.isDefined()) {
            PyTyped.Expr m = exprs.str(exprs.expr(msg.get(), Option.none()));
            text = new PyTyped.Prim(nanopy.py.PyTyped.PrimOp.StrConcat, List.of(new PyTyped.StrLit("AssertionError: ", sp), m), PyTypes.STR, sp);
        }
        PyTyped.Stmt raise = new PyTyped.ExprStmt(new PyTyped.Prim(nanopy.py.PyTyped.PrimOp.Raise, List.of(text), PyTypes.NONE, sp), sp);
        return new PyTyped.If(new PyTyped.Prim(nanopy.py.PyTyped.PrimOp.Not, List.of(t), PyTypes.BOOL, sp), List.of(raise), List.empty(), sp);
    }

    /** {@code del d[k]} and {@code del xs[i]}. */
    private PyTyped.Stmt delete(PyResolved.Delete d) {
        List<PyTyped.Stmt> out = List.empty();
        for (PyResolved.Expr target : d.targets()) {
            if (target instanceof PyResolved.Subscript(var seq, var index, var c, var s) && !(index instanceof PyResolved.Slice)) {
                PyTyped.Expr x = exprs.expr(seq, Option.none());
                Type t = PyTypes.typeOf(x);
                if (!typing.ok(x)) {
                    continue;
                }
                if (t instanceof PyCore.DictType(var k, var v, var sp)) {
                    out = out.append(new PyTyped.ExprStmt(new PyTyped.Prim(nanopy.py.PyTyped.PrimOp.DictDel,
                            List.of(x, exprs.expect(index, k, "a key")), PyTypes.NONE, s), s));
                    continue;
                }
                if (t instanceof PyCore.ListType) {
                    out = out.append(new PyTyped.ExprStmt(new PyTyped.Prim(nanopy.py.PyTyped.PrimOp.ListDelAt,
                            List.of(x, exprs.expect(index, PyTypes.INT, "an index")), PyTypes.NONE, s), s));
                    continue;
                }
            }
            typing.ctx.error(target.span(), "unsupported: del of " + typing.text(target.span()) + " is not in NanoPy yet");
        }
        return out.size() == 1 ? out.head() : new PyTyped.If(new PyTyped.BoolLit(true, d.span()), out, List.empty(), d.span());
    }

    private PyTyped.Stmt function(PyResolved.FunctionDef f) {
        PyCore.FunType t = (PyCore.FunType) typing.vars.get(f.name());
        List<PyTyped.Local> params = List.empty();
        for (int i = 0; i < f.params().size(); i++) {
            PyResolved.Param p = f.params().get(i);
            if (p.defaultValue().isDefined()) {
                exprs.expect(p.defaultValue().get(), t.params().get(i), "the default value of " + Typing.userName(p.name()));
            }
            typing.declare(p.name(), t.params().get(i), p.annotation().isEmpty());
            params = params.append(new PyTyped.Local(p.name(), t.params().get(i), p.span()));
        }
        String userName = Typing.userName(f.name());
        typing.openTemps();
        List<PyTyped.Stmt> body = new StmtTyper(typing, exprs, userName, Option.some(t.result())).block(f.body());
        List<PyTyped.Local> temps = typing.closeTemps();
        if (!t.result().equals(PyTypes.NONE) && Returns.canFallOff(f.body())) {
            typing.ctx.error(f.span(), "missing return: " + userName + " can fall off its end without returning "
                    + Typing.article(t.result()));
        }
        return new PyTyped.FunctionDef(f.name(), params, exprs.locals(f.locals()).appendAll(temps), t.result(), body, f.span());
    }

    private PyTyped.Stmt ret(PyResolved.Return r) {
        Type want = result.getOrElse(PyTypes.NONE);
        if (r.value().isEmpty()) {
            if (!want.equals(PyTypes.NONE)) {
                typing.ctx.error(r.span(), "return type mismatch: " + function + " returns None, declared " + Typing.show(want));
            }
            return new PyTyped.Return(new PyTyped.NoneLit(r.span()), r.span());
        }
        PyTyped.Expr v = exprs.expr(r.value().get(), Option.some(want));
        Type got = PyTypes.typeOf(v);
        if (typing.ok(v) && !got.equals(want)) {
            typing.fail(r.span(), "return type mismatch: " + function + " returns " + Typing.show(got) + ", declared " + Typing.show(want), want);
        }
        return new PyTyped.Return(v, r.span());
    }

    /** The type a target already has, to type the assigned value in its context ({@code xs = []}). */
    private Option<Type> contextOf(PyResolved.Expr target) {
        return switch (target) {
            case PyResolved.Name n -> Option.of(typing.vars.get(n.id()));
            case PyResolved.Subscript(PyResolved.Name n, var i, var c, var s) -> Option.of(typing.vars.get(n.id()))
                    .flatMap(t -> t instanceof PyCore.ListType(var e, var sp) ? Option.some(e)
                            : t instanceof PyCore.DictType(var k, var v, var sp) ? Option.some(v) : Option.none());
            case PyResolved.Attribute(PyResolved.Name n, var attr, var c, var s) -> Option.of(typing.vars.get(n.id()))
                    .flatMap(t -> t instanceof PyCore.ClassType(var cls, var sp) && typing.fieldIndex(cls, attr) >= 0
                            ? typing.classes.get(cls).get(typing.fieldIndex(cls, attr)).annotation() : Option.none());
            default -> Option.none();
        };
    }

    private PyTyped.Stmt assign(PyResolved.Assign a) {
        PyTyped.Expr v = exprs.expr(a.value(), contextOf(a.targets().head()));
        Type t = PyTypes.typeOf(v);
        if (!typing.ok(v)) {
            a.targets().forEach(x -> poison(x, t));
            return new PyTyped.ExprStmt(v, a.span());
        }
        Option<PyTyped.Stmt> stored = a.targets().size() == 1 ? store(a.targets().head(), v, a.span()) : Option.none();
        if (stored.isDefined()) {
            return stored.get();
        }
        List<PyTyped.Target> ts = a.targets().map(x -> targets.bind(x, t, "variable"));
        return new PyTyped.Assign(ts, v, a.span());
    }

    /**
     * A store that is not a PyTyped target: {@code obj.field = v} ({@code ObjSet}) and {@code d[k] = v}
     * ({@code DictSet}); none for the others.
     */
    private Option<PyTyped.Stmt> store(PyResolved.Expr target, PyTyped.Expr v, Span sp) {
        Type t = PyTypes.typeOf(v);
        switch (target) {
            case PyResolved.Attribute(var obj, var attr, var c, var s) -> {
                Option<ExprTyper.Field> f = exprs.field(obj, attr, s);
                if (f.isEmpty()) {
                    return Option.some(new PyTyped.Pass(sp));
                }
                if (!f.get().type().equals(t)) {
                    typing.ctx.error(sp, "cannot assign " + Typing.show(t) + " to field " + attr + " of type " + Typing.show(f.get().type()));
                }
                return Option.some(new PyTyped.ExprStmt(new PyTyped.Prim(nanopy.py.PyTyped.PrimOp.ObjSet, List.of(f.get().object(),
                        new PyTyped.IntLit(f.get().index(), s), v), PyTypes.NONE, sp), sp));
            }
            case PyResolved.Subscript(var seq, var index, var c, var s) when !(index instanceof PyResolved.Slice) -> {
                PyTyped.Expr x = exprs.expr(seq, Option.none());
                if (!typing.ok(x)) {
                    return Option.some(new PyTyped.Pass(sp));
                }
                if (PyTypes.typeOf(x) instanceof PyCore.DictType(var k, var val, var dsp)) {
                    if (!val.equals(t)) {
                        typing.ctx.error(sp, "cannot assign " + Typing.show(t) + " to an item of " + Typing.show(PyTypes.typeOf(x)));
                    }
                    return Option.some(new PyTyped.ExprStmt(new PyTyped.Prim(nanopy.py.PyTyped.PrimOp.DictSet,
                            List.of(x, exprs.expect(index, k, "a key"), v), PyTypes.NONE, sp), sp));
                }
                return Option.none();
            }
            case PyResolved.Subscript(var seq, PyResolved.Slice(var lo, var hi, var step, var ssp), var c, var s) -> {
                PyTyped.Expr x = exprs.expr(seq, Option.none());
                if (!typing.ok(x)) {
                    return Option.some(new PyTyped.Pass(sp));
                }
                if (!(PyTypes.typeOf(x) instanceof PyCore.ListType) || step.isDefined() || !PyTypes.typeOf(x).equals(t)) {
                    typing.ctx.error(sp, "unsupported: this slice assignment is not in NanoPy yet (only list[lo:hi] = a list of the same type)");
                    return Option.some(new PyTyped.Pass(sp));
                }
                return Option.some(new PyTyped.ExprStmt(new PyTyped.Prim(nanopy.py.PyTyped.PrimOp.ListSetSlice,
                        List.of(x, exprs.bound(lo, s), exprs.bound(hi, s), v), PyTypes.NONE, sp), sp));
            }
            default -> {
                return Option.none();
            }
        }
    }

    private void poison(PyResolved.Expr target, Type t) {
        if (target instanceof PyResolved.Name n && !typing.vars.containsKey(n.id())) {
            typing.declare(n.id(), t, true);
        } else if (target instanceof PyResolved.TupleExpr tu) {
            tu.elts().forEach(x -> poison(x, PyTypes.NONE));
        }
    }

    private PyTyped.Stmt annAssign(PyResolved.AnnAssign a) {
        Type t = PyTypes.norm(a.annotation());
        if (a.target() instanceof PyResolved.Attribute && a.value().isDefined()) {
            PyTyped.Expr v = exprs.expr(a.value().get(), Option.some(t));
            if (!typing.ok(v)) {
                return new PyTyped.Pass(a.span());
            }
            if (!PyTypes.typeOf(v).equals(t)) {
                typing.ctx.error(a.span(), "cannot assign " + Typing.show(PyTypes.typeOf(v)) + " to a field of type " + Typing.show(t));
            }
            return store(a.target(), v, a.span()).getOrElse(() -> new PyTyped.Pass(a.span()));
        }
        if (!(a.target() instanceof PyResolved.Name n)) {
            typing.ctx.error(a.target().span(), "only a variable can be annotated");
            return new PyTyped.Pass(a.span());
        }
        Type have = typing.vars.get(n.id());
        if (have != null && !have.equals(t)) {
            typing.ctx.error(a.span(), "variable " + Typing.userName(n.id()) + " already has type " + Typing.show(have)
                    + ", cannot declare it " + Typing.show(t));
        } else if (have == null) {
            typing.declare(n.id(), t, false);
        }
        if (a.value().isEmpty()) {
            return new PyTyped.Pass(a.span());
        }
        PyTyped.Expr v = exprs.expr(a.value().get(), Option.some(t));
        Type got = PyTypes.typeOf(v);
        if (typing.ok(v) && !got.equals(t)) {
            typing.fail(a.span(), "cannot assign " + Typing.show(got) + " to variable " + Typing.userName(n.id())
                    + " of type " + Typing.show(t), t);
        }
        return new PyTyped.Assign(List.of(new PyTyped.VarTarget(n.id(), t, n.span())), v, a.span());
    }

    private PyTyped.Stmt forLoop(PyResolved.For f) {
        Option<IterTyper.Typed> iter = new IterTyper(typing, exprs).iter(f.iter());
        if (iter.isEmpty()) {
            poison(f.target(), PyTypes.NONE);
            block(f.body());
            return new PyTyped.Pass(f.span());
        }
        PyTyped.Target target = targets.bind(f.target(), iter.get().elem(), "loop variable");
        return new PyTyped.For(target, iter.get().iter(), block(f.body()), f.span());
    }
}
