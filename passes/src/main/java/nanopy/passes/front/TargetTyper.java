package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.py.PyCore;
import nanopy.py.PyCore.Type;
import nanopy.py.PyResolved;
import nanopy.py.PyTyped;
import nanopy.py.PyTypes;

/**
 * Types the target of an assignment, a {@code for} loop or a comprehension for a value of a known
 * type: a variable (declared by its first assignment, afterwards it keeps its type), {@code a, b}
 * unpacking a tuple of the same length, or {@code xs[i]} of a list. Reports {@code cannot assign str
 * to variable count of type int}.
 */
final class TargetTyper {
    private final Typing typing;
    private final ExprTyper exprs;

    TargetTyper(Typing typing, ExprTyper exprs) {
        this.typing = typing;
        this.exprs = exprs;
    }

    /** The typed target that stores a value of type {@code value}. */
    PyTyped.Target bind(PyResolved.Expr target, Type value, String what) {
        return switch (target) {
            case PyResolved.Name n -> variable(n, value);
            case PyResolved.TupleExpr(var elts, var c, var s) -> unpack(elts, value, target);
            case PyResolved.ListExpr(var elts, var c, var s) -> unpack(elts, value, target);
            case PyResolved.Subscript(var seq, var index, var c, var s) -> item(seq, index, value, target);
            default -> {
                typing.fail(target.span(), "cannot assign to " + typing.text(target.span()), value);
                yield new PyTyped.VarTarget("<error>", value, target.span());
            }
        };
    }

    private PyTyped.Target variable(PyResolved.Name n, Type value) {
        Type have = typing.vars.get(n.id());
        if (have != null && !have.equals(value) && Typing.userName(n.id()).equals("_")) {
            // '_' conventionally discards: 'for n, _, _ in items' with differently typed fields stores each in its own place.
            return new PyTyped.VarTarget(typing.fresh("_", value), value, n.span());
        }
        if (have == null) {
            typing.declare(n.id(), value, false);
        } else if (!have.equals(value)) {
            typing.fail(n.span(), "cannot assign " + Typing.show(value) + " to variable " + Typing.userName(n.id())
                    + " of type " + Typing.show(have), have);
        }
        return new PyTyped.VarTarget(n.id(), have == null ? value : have, n.span());
    }

    private PyTyped.Target unpack(List<PyResolved.Expr> elts, Type value, PyResolved.Expr target) {
        if (value instanceof PyCore.TupleType(var es, var s) && es.size() == elts.size()) {
            List<PyTyped.Target> ts = List.empty();
            for (int i = 0; i < elts.size(); i++) {
                ts = ts.append(bind(elts.get(i), es.get(i), "unpacked variable"));
            }
            return new PyTyped.UnpackTarget(ts, target.span());
        }
        typing.fail(target.span(), "cannot unpack " + Typing.show(value) + " into " + elts.size() + " variables", value);
        elts.forEach(e -> {
            if (e instanceof PyResolved.Name n && !typing.vars.containsKey(n.id())) {
                typing.declare(n.id(), PyTypes.NONE, true);
            }
        });
        return new PyTyped.UnpackTarget(List.empty(), target.span());
    }

    private PyTyped.Target item(PyResolved.Expr seq, PyResolved.Expr index, Type value, PyResolved.Expr target) {
        PyTyped.Expr s = exprs.expr(seq, Option.none());
        Type st = PyTypes.typeOf(s);
        if (!typing.ok(s)) {
            return new PyTyped.ItemTarget(s, s, value, target.span());
        }
        if (!(st instanceof PyCore.ListType(var elem, var sp))) {
            typing.fail(target.span(), Typing.show(st) + " does not support item assignment ("
                    + typing.text(target.span()) + ")", value);
            return new PyTyped.ItemTarget(s, s, value, target.span());
        }
        PyTyped.Expr i = exprs.expect(index, PyTypes.INT, "a list index");
        if (!elem.equals(value)) {
            typing.fail(target.span(), "cannot assign " + Typing.show(value) + " to an element of " + Typing.show(st), value);
        }
        return new PyTyped.ItemTarget(s, i, elem, target.span());
    }
}
