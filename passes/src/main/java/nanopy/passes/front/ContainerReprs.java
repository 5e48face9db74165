package nanopy.passes.front;

import io.vavr.collection.List;
import java.util.function.Function;
import nanopy.ir.Span;
import nanopy.py.PyCore;
import nanopy.py.PyCore.Type;
import nanopy.py.PyTyped;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.PyTypes;

/**
 * {@code repr()} (and so {@code str()} and {@code print}) of a list, tuple or dict that holds class
 * instances, as CPython shows it: each instance by its class's {@code __repr__}, containers inside
 * containers alike. Only user code can show an object, so the typed program spells it out with
 * comprehensions and joins ({@code "[" + ", ".join([repr(x) for x in xs]) + "]"}). A set of
 * objects stays rejected: CPython orders it by the objects' addresses.
 */
final class ContainerReprs {
    private final Typing typing;
    private final ExprTyper exprs;

    ContainerReprs(Typing typing, ExprTyper exprs) {
        this.typing = typing;
        this.exprs = exprs;
    }

    /** The str that {@code repr(e)} gives. */
    PyTyped.Expr repr(PyTyped.Expr e) {
        Type t = PyTypes.typeOf(e);
        Span s = e.span();
        if (!Typing.hasClass(t)) {
            return new PyTyped.Prim(PrimOp.Repr, List.of(e), PyTypes.STR, s);
        }
        return switch (t) {
            case PyCore.ClassType c -> exprs.repr(e);
            case PyCore.ListType(var elem, var sp) -> concat(s, str("[", s), join(each(e, elem, this::repr), s), str("]", s));
            case PyCore.TupleType(var elems, var sp) -> once(e, t, v -> {
                List<PyTyped.Expr> parts = List.of(str("(", s));
                for (int i = 0; i < elems.size(); i++) {
                    parts = parts.append(repr(new PyTyped.TupleGet(v, i, elems.get(i), s)));
                    parts = parts.append(str(i + 1 < elems.size() ? ", " : elems.size() == 1 ? ",)" : ")", s));
                }
                return concat(s, parts.toJavaArray(PyTyped.Expr[]::new));
            });
            case PyCore.DictType(var k, var v, var sp) -> {
                Type pair = PyTypes.tuple(List.of(k, v));
                PyTyped.Expr items = new PyTyped.Prim(PrimOp.DictItems, List.of(e), PyTypes.list(pair), s);
                yield concat(s, str("{", s), join(each(items, pair, x -> concat(s, repr(new PyTyped.TupleGet(x, 0, k, s)), str(": ", s),
                        repr(new PyTyped.TupleGet(x, 1, v, s)))), s), str("}", s));
            }
            default -> typing.fail(s, "unsupported: showing a " + Typing.show(t)
                    + " is not in NanoPy (CPython orders a set of objects by their addresses)", PyTypes.STR);
        };
    }

    private static PyTyped.Expr str(String text, Span s) {
        return new PyTyped.StrLit(text, s);
    }

    private static PyTyped.Expr concat(Span s, PyTyped.Expr... parts) {
        PyTyped.Expr out = parts[0];
        for (int i = 1; i < parts.length; i++) {
            out = new PyTyped.Prim(PrimOp.StrConcat, List.of(out, parts[i]), PyTypes.STR, s);
        }
        return out;
    }

    /** {@code ", ".join(strs)}. */
    private static PyTyped.Expr join(PyTyped.Expr strs, Span s) {
        return new PyTyped.Prim(PrimOp.StrJoin, List.of(str(", ", s), strs), PyTypes.STR, s);
    }

    /** {@code [f(x) for x in list]}: a list of str. */
    private PyTyped.Expr each(PyTyped.Expr list, Type elem, Function<PyTyped.Expr, PyTyped.Expr> f) {
        Span s = list.span();
        String x = typing.fresh("item", elem);
        PyTyped.Expr body = f.apply(new PyTyped.Var(x, elem, s));
        return new PyTyped.ListComp(body, List.of(new PyTyped.Gen(new PyTyped.VarTarget(x, elem, s),
                new PyTyped.ListIter(list, elem, s), List.empty(), s)), PyTypes.list(PyTypes.STR), s);
    }

    /** {@code f(e)} with {@code e} evaluated once: {@code "".join([f(v) for v in [e]])} unless it is a variable. */
    private PyTyped.Expr once(PyTyped.Expr e, Type t, Function<PyTyped.Expr, PyTyped.Expr> f) {
        if (e instanceof PyTyped.Var) {
            return f.apply(e);
        }
        Span s = e.span();
        PyTyped.Expr one = new PyTyped.ListLit(List.of(e), PyTypes.list(t), s);
        return new PyTyped.Prim(PrimOp.StrJoin, List.of(str("", s), each(one, t, f)), PyTypes.STR, s);
    }
}
