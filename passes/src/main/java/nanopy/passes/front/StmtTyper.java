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
        };
    }

    private PyTyped.Stmt function(PyResolved.FunctionDef f) {
        PyCore.FunType t = (PyCore.FunType) typing.vars.get(f.name());
        List<PyTyped.Local> params = List.empty();
        for (int i = 0; i < f.params().size(); i++) {
            PyCore.Param p = f.params().get(i);
            typing.declare(p.name(), t.params().get(i), p.annotation().isEmpty());
            params = params.append(new PyTyped.Local(p.name(), t.params().get(i), p.span()));
        }
        String userName = Typing.userName(f.name());
        List<PyTyped.Stmt> body = new StmtTyper(typing, exprs, userName, Option.some(t.result())).block(f.body());
        if (!t.result().equals(PyTypes.NONE) && Returns.canFallOff(f.body())) {
            typing.ctx.error(f.span(), "missing return: " + userName + " can fall off its end without returning "
                    + Typing.article(t.result()));
        }
        return new PyTyped.FunctionDef(f.name(), params, exprs.locals(f.locals()), t.result(), body, f.span());
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
                    .flatMap(t -> t instanceof PyCore.ListType(var e, var sp) ? Option.some(e) : Option.none());
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
        List<PyTyped.Target> ts = a.targets().map(x -> targets.bind(x, t, "variable"));
        return new PyTyped.Assign(ts, v, a.span());
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
