package nanopy.passes.front;

import io.vavr.control.Option;
import nanopy.py.PyCore;
import nanopy.py.PyCore.Type;
import nanopy.py.PyResolved;
import nanopy.py.PyTyped;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.PyTypes;

/**
 * Types {@code x op= v} and {@code xs[i] op= v}: the operator is typed as in {@code x op v} and the
 * result must keep the target's type ({@code count += 1} is fine, {@code count += 0.5} is not).
 * {@code xs += ys} on a list extends it in place, as in Python ({@link PrimOp#ListExtend}).
 */
final class AugAssignTyper {
    private final Typing typing;
    private final ExprTyper exprs;

    AugAssignTyper(Typing typing, ExprTyper exprs) {
        this.typing = typing;
        this.exprs = exprs;
    }

    PyTyped.Stmt augAssign(PyResolved.AugAssign a) {
        PyTyped.Target target;
        Type t;
        String what;
        switch (a.target()) {
            case PyResolved.Name n -> {
                t = typing.vars.get(n.id());
                if (t == null) {
                    typing.ctx.error(n.span(), "name " + Typing.userName(n.id()) + " is used before it is assigned");
                    return new PyTyped.Pass(a.span());
                }
                target = new PyTyped.VarTarget(n.id(), t, n.span());
                what = "variable " + Typing.userName(n.id());
            }
            case PyResolved.Attribute(var obj, var attr, var c, var s) -> {
                Option<ExprTyper.Field> f = exprs.field(obj, attr, s);
                if (f.isEmpty()) {
                    return new PyTyped.Pass(a.span());
                }
                if (!Methods.pure(f.get().object())) {
                    typing.ctx.error(s, "unsupported: augmented assignment to a field of a computed object is not in NanoPy yet");
                    return new PyTyped.Pass(a.span());
                }
                PyTyped.Expr index = new PyTyped.IntLit(f.get().index(), s);
                PyTyped.Expr current = new PyTyped.Prim(PrimOp.ObjGet, io.vavr.collection.List.of(f.get().object(), index), f.get().type(), s);
                return store(a, current, f.get().type(), "field " + attr, v -> new PyTyped.Prim(PrimOp.ObjSet,
                        io.vavr.collection.List.of(f.get().object(), index, v), PyTypes.NONE, a.span()));
            }
            case PyResolved.Subscript(var seq, var index, var c, var s) when !(index instanceof PyResolved.Slice) -> {
                PyTyped.Expr list = exprs.expr(seq, Option.none());
                if (!typing.ok(list)) {
                    return new PyTyped.Pass(a.span());
                }
                if (PyTypes.typeOf(list) instanceof PyCore.DictType(var k, var val, var sp)) {
                    PyTyped.Expr key = exprs.expect(index, k, "a key");
                    if (!Methods.pure(list) || !(Methods.pure(key) || key instanceof PyTyped.StrLit || key instanceof PyTyped.IntLit)) {
                        typing.ctx.error(s, "unsupported: augmented assignment to an item of a computed dict or with a computed key is not in NanoPy yet");
                        return new PyTyped.Pass(a.span());
                    }
                    PyTyped.Expr current = new PyTyped.Prim(PrimOp.DictGet, io.vavr.collection.List.of(list, key), val, s);
                    return store(a, current, val, "an item of " + Typing.show(PyTypes.typeOf(list)), v -> new PyTyped.Prim(PrimOp.DictSet,
                            io.vavr.collection.List.of(list, key, v), PyTypes.NONE, a.span()));
                }
                if (!(PyTypes.typeOf(list) instanceof PyCore.ListType(var elem, var sp))) {
                    typing.ctx.error(a.target().span(), Typing.show(PyTypes.typeOf(list)) + " does not support item assignment");
                    return new PyTyped.Pass(a.span());
                }
                t = elem;
                target = new PyTyped.ItemTarget(list, exprs.expect(index, PyTypes.INT, "a list index"), elem, s);
                what = "an element of " + Typing.show(PyTypes.typeOf(list));
            }
            default -> {
                typing.ctx.error(a.target().span(), "cannot assign to " + typing.text(a.target().span()));
                return new PyTyped.Pass(a.span());
            }
        }
        PyTyped.Expr value = exprs.expr(a.value(), Option.some(t));
        if (!typing.ok(value)) {
            return new PyTyped.Pass(a.span());
        }
        PyTyped.Expr current = new PyTyped.Var("<target>", t, a.target().span());
        PyTyped.Expr result = new Operators(typing).binary(a.op(), current, value, a.span());
        if (!(result instanceof PyTyped.Prim(var op, var args, var rt, var sp)) || !typing.ok(result)) {
            return new PyTyped.Pass(a.span());
        }
        if (!rt.equals(t)) {
            typing.ctx.error(a.span(), "cannot assign " + Typing.show(rt) + " to " + what + " of type " + Typing.show(t));
            return new PyTyped.Pass(a.span());
        }
        return new PyTyped.AugAssign(target, op == PrimOp.ListConcat ? PrimOp.ListExtend : op, args.get(1), a.span());
    }

    /** {@code write(current op value)} as a statement, for stores that are primitives (fields, dict items). */
    private PyTyped.Stmt store(PyResolved.AugAssign a, PyTyped.Expr current, Type t, String what,
                               java.util.function.Function<PyTyped.Expr, PyTyped.Expr> write) {
        PyTyped.Expr value = exprs.expr(a.value(), Option.some(t));
        if (!typing.ok(value)) {
            return new PyTyped.Pass(a.span());
        }
        PyTyped.Expr result = new Operators(typing).binary(a.op(), current, value, a.span());
        if (!typing.ok(result)) {
            return new PyTyped.Pass(a.span());
        }
        if (!PyTypes.typeOf(result).equals(t)) {
            typing.ctx.error(a.span(), "cannot assign " + Typing.show(PyTypes.typeOf(result)) + " to " + what + " of type " + Typing.show(t));
            return new PyTyped.Pass(a.span());
        }
        return new PyTyped.ExprStmt(write.apply(result), a.span());
    }
}
