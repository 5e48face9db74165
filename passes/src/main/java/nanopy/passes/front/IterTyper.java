package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.py.PyCore;
import nanopy.py.PyCore.Type;
import nanopy.py.PyResolved;
import nanopy.py.PyTyped;
import nanopy.py.PyTypes;

/**
 * Types what a {@code for} loop or a comprehension iterates over: {@code range(...)} with one to three
 * int arguments, a {@code list[T]} (elements of type T) or a {@code str} (one-character strings).
 */
final class IterTyper {
    /** An iterable and the type of its elements. */
    record Typed(PyTyped.Iter iter, Type elem) {}

    private final Typing typing;
    private final ExprTyper exprs;

    IterTyper(Typing typing, ExprTyper exprs) {
        this.typing = typing;
        this.exprs = exprs;
    }

    /** The typed iterable, or none after reporting why {@code e} cannot be iterated. */
    Option<Typed> iter(PyResolved.Expr e) {
        if (e instanceof PyResolved.Call(PyResolved.BuiltinName(var fn, var s1), var args, var kws, var s2)
                && fn == PyResolved.Builtin.Range) {
            return range(args, kws, e);
        }
        PyTyped.Expr x = exprs.expr(e, Option.none());
        Type t = PyTypes.typeOf(x);
        if (!typing.ok(x)) {
            return Option.none();
        }
        return switch (t) {
            case PyCore.ListType(var elem, var s) -> Option.some(new Typed(new PyTyped.ListIter(x, elem, e.span()), elem));
            case PyCore.StrType s -> Option.some(new Typed(new PyTyped.StrIter(x, e.span()), PyTypes.STR));
            case PyCore.DictType(var k, var v, var s) -> Option.some(new Typed(new PyTyped.ListIter(
                    new PyTyped.Prim(PyTyped.PrimOp.DictKeys, List.of(x), PyTypes.list(k), e.span()), k, e.span()), k));
            case PyCore.SetType(var elem, var s) -> Option.some(new Typed(new PyTyped.ListIter(
                    new PyTyped.Prim(PyTyped.PrimOp.SetToList, List.of(x), PyTypes.list(elem), e.span()), elem, e.span()), elem));
            default -> {
                typing.fail(e.span(), "cannot iterate over " + Typing.show(t) + " (" + typing.text(e.span()) + ")", t);
                yield Option.none();
            }
        };
    }

    private Option<Typed> range(List<PyResolved.Expr> args, List<PyResolved.Keyword> kws, PyResolved.Expr e) {
        if (args.isEmpty() || args.size() > 3 || !kws.isEmpty()) {
            typing.fail(e.span(), "range takes 1 to 3 int arguments, not " + (args.size() + kws.size()), PyTypes.INT);
            return Option.none();
        }
        List<PyTyped.Expr> typed = List.empty();
        for (int i = 0; i < args.size(); i++) {
            typed = typed.append(exprs.expect(args.get(i), PyTypes.INT, "argument " + (i + 1) + " of range"));
        }
        if (!typing.ok(typed)) {
            return Option.none();
        }
        PyTyped.Expr start = args.size() == 1 ? new PyTyped.IntLit(0, e.span()) : typed.get(0);
        PyTyped.Expr stop = args.size() == 1 ? typed.get(0) : typed.get(1);
        PyTyped.Expr step = args.size() == 3 ? typed.get(2) : new PyTyped.IntLit(1, e.span());
        return Option.some(new Typed(new PyTyped.RangeIter(start, stop, step, e.span()), PyTypes.INT));
    }
}
