package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.ir.Span;
import nanopy.py.PyCore;
import nanopy.py.PyCore.Type;
import nanopy.py.PyResolved;
import nanopy.py.PySyntax;
import nanopy.py.PyTyped;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.PyTypes;

/**
 * Types expressions bidirectionally: {@link #expr} takes the type the context expects, if it knows
 * one, which is how {@code []} and {@code lambda x: ...} get their types ({@code xs: list[int] = []},
 * an argument for a {@code list[int]} parameter, a returned lambda). Produces PyTyped expressions in
 * which every operator is a typed primitive; builtin and method calls are typed by {@link CallTyper}.
 */
final class ExprTyper {
    private final Typing typing;
    private final Operators operators;
    private final CallTyper calls;

    ExprTyper(Typing typing) {
        this.typing = typing;
        this.operators = new Operators(typing);
        this.calls = new CallTyper(typing, this);
    }

    /** Types {@code e}; {@code expected} is the context's type, used for empty lists and lambdas only. */
    PyTyped.Expr expr(PyResolved.Expr e, Option<Type> expected) {
        Span s = e.span();
        return switch (e) {
            case PyResolved.Constant(var c, var sp) -> constant(c, s);
            case PyResolved.Name n -> name(n);
            case PyResolved.BuiltinName b -> typing.fail(s, "builtin " + CallTyper.name(b.fn()) + " can only be called", PyTypes.NONE);
            case PyResolved.BinOp(var l, var op, var r, var sp) -> binOp(l, op, r, expected, s);
            case PyResolved.UnaryOp(var op, var operand, var sp) -> unary(op, operand, s);
            case PyResolved.BoolOp(var op, var values, var sp) -> boolOp(op, values, s);
            case PyResolved.Compare c -> compare(c);
            case PyResolved.IfExp(var test, var body, var orelse, var sp) -> ifExp(test, body, orelse, expected, s);
            case PyResolved.ListExpr(var elts, var c, var sp) -> list(elts, expected, s);
            case PyResolved.TupleExpr(var elts, var c, var sp) -> tuple(elts, expected, s);
            case PyResolved.Subscript(var value, var slice, var c, var sp) -> subscript(value, slice, s);
            case PyResolved.Slice x -> typing.fail(s, "a slice can only appear in a subscript", PyTypes.NONE);
            case PyResolved.Call c -> calls.call(c, expected);
            case PyResolved.MethodCall m -> calls.method(m, expected);
            case PyResolved.Lambda l -> lambda(l, expected);
            case PyResolved.ListComp c -> listComp(c);
        };
    }

    /** Types {@code e} and checks that it has type {@code want}; {@code what} describes the place for messages. */
    PyTyped.Expr expect(PyResolved.Expr e, Type want, String what) {
        PyTyped.Expr t = expr(e, Option.some(want));
        Type got = PyTypes.typeOf(t);
        if (typing.ok(t) && !got.equals(want)) {
            return typing.fail(e.span(), what + " has type " + Typing.show(got) + ", expected " + Typing.show(want), want);
        }
        return t;
    }

    /** A test of if/while/and/or/not: a bool, or the truth value of another value. */
    PyTyped.Expr test(PyResolved.Expr e) {
        PyTyped.Expr t = expr(e, Option.some(PyTypes.BOOL));
        Type got = PyTypes.typeOf(t);
        if (got.equals(PyTypes.BOOL) || !typing.ok(t)) {
            return t;
        }
        if (got instanceof PyCore.FunType) {
            return typing.fail(e.span(), "a function is not a condition", PyTypes.BOOL);
        }
        return new PyTyped.Prim(PrimOp.Truthy, List.of(t), PyTypes.BOOL, e.span());
    }

    private PyTyped.Expr constant(PyCore.Const c, Span s) {
        return switch (c) {
            case PyCore.IntConst i -> new PyTyped.IntLit(i.value(), s);
            case PyCore.FloatConst f -> new PyTyped.FloatLit(f.value(), s);
            case PyCore.StrConst x -> new PyTyped.StrLit(x.value(), s);
            case PyCore.BoolConst b -> new PyTyped.BoolLit(b.value(), s);
            case PyCore.NoneConst n -> new PyTyped.NoneLit(s);
        };
    }

    private PyTyped.Expr name(PyResolved.Name n) {
        Type t = typing.vars.get(n.id());
        if (t == null) {
            return typing.fail(n.span(), "name " + Typing.userName(n.id()) + " is used before it is assigned", PyTypes.NONE);
        }
        PyTyped.Expr v = new PyTyped.Var(n.id(), t, n.span());
        return typing.poisoned(n.id()) ? typing.failed(n.span(), t) : v;
    }

    private PyTyped.Expr binOp(PyResolved.Expr l, PySyntax.Operator op, PyResolved.Expr r, Option<Type> expected, Span s) {
        // An empty list operand takes the other operand's type: xs + [] and [] + xs.
        PyTyped.Expr left;
        PyTyped.Expr right;
        if (isEmptyList(l)) {
            right = expr(r, expected.filter(t -> t instanceof PyCore.ListType));
            left = expr(l, Option.some(PyTypes.typeOf(right)));
        } else {
            left = expr(l, expected.filter(t -> t instanceof PyCore.ListType));
            right = expr(r, Option.some(PyTypes.typeOf(left)));
        }
        if (!typing.ok(left) || !typing.ok(right)) {
            return typing.failed(s, PyTypes.typeOf(left));
        }
        return operators.binary(op, left, right, s);
    }

    private static boolean isEmptyList(PyResolved.Expr e) {
        return e instanceof PyResolved.ListExpr l && l.elts().isEmpty();
    }

    private PyTyped.Expr unary(PySyntax.UnaryOpKind op, PyResolved.Expr operand, Span s) {
        if (op == PySyntax.UnaryOpKind.Not) {
            PyTyped.Expr t = test(operand);
            return typing.ok(t) ? new PyTyped.Prim(PrimOp.Not, List.of(t), PyTypes.BOOL, s) : t;
        }
        PyTyped.Expr x = expr(operand, Option.none());
        Type t = PyTypes.typeOf(x);
        if (!typing.ok(x)) {
            return x;
        }
        String symbol = op == PySyntax.UnaryOpKind.USub ? "-" : "+";
        if (!Typing.numeric(t)) {
            return typing.fail(s, "operator unary " + symbol + " not supported for " + Typing.show(t)
                    + (t.equals(PyTypes.BOOL) ? " (bool is not an int in NanoPy)" : ""), t);
        }
        if (op == PySyntax.UnaryOpKind.UAdd) {
            return x;
        }
        return new PyTyped.Prim(t.equals(PyTypes.INT) ? PrimOp.IntNeg : PrimOp.FloatNeg, List.of(x), t, s);
    }

    private PyTyped.Expr boolOp(PySyntax.BoolOpKind op, List<PyResolved.Expr> values, Span s) {
        String word = op == PySyntax.BoolOpKind.And ? "and" : "or";
        List<PyTyped.Expr> typed = values.map(v -> {
            PyTyped.Expr t = expr(v, Option.some(PyTypes.BOOL));
            Type got = PyTypes.typeOf(t);
            return typing.ok(t) && !got.equals(PyTypes.BOOL)
                    ? typing.fail(v.span(), "operands of " + word + " must be bool in NanoPy, not " + Typing.show(got), PyTypes.BOOL) : t;
        });
        if (!typing.ok(typed)) {
            return typing.failed(s, PyTypes.BOOL);
        }
        return typed.tail().foldLeft(typed.head(), (acc, x) -> op == PySyntax.BoolOpKind.And
                ? new PyTyped.And(acc, x, acc.span().to(x.span())) : new PyTyped.Or(acc, x, acc.span().to(x.span())));
    }

    private PyTyped.Expr compare(PyResolved.Compare c) {
        PyTyped.Expr left = expr(c.left(), Option.none());
        PyTyped.Expr prev = left;
        List<PyTyped.Cmp> rest = List.empty();
        boolean ok = typing.ok(left);
        for (int i = 0; i < c.ops().size(); i++) {
            PyTyped.Expr right = expr(c.comparators().get(i), Option.some(PyTypes.typeOf(prev)));
            ok &= typing.ok(right);
            if (ok) {
                Span span = prev.span().to(right.span());
                Option<PyTyped.Cmp> link = operators.compare(c.ops().get(i), prev, right, i == 0 ? c.span() : span);
                ok &= link.isDefined();
                rest = rest.appendAll(link);
            }
            prev = right;
        }
        return ok ? new PyTyped.Compare(left, rest, c.span()) : typing.failed(c.span(), PyTypes.BOOL);
    }

    private PyTyped.Expr ifExp(PyResolved.Expr test, PyResolved.Expr body, PyResolved.Expr orelse, Option<Type> expected, Span s) {
        PyTyped.Expr t = test(test);
        PyTyped.Expr b;
        PyTyped.Expr o;
        if (isEmptyList(body) && expected.isEmpty()) {
            o = expr(orelse, Option.none());
            b = expr(body, Option.some(PyTypes.typeOf(o)));
        } else {
            b = expr(body, expected);
            o = expr(orelse, expected.orElse(Option.some(PyTypes.typeOf(b))));
        }
        Type bt = PyTypes.typeOf(b);
        Type ot = PyTypes.typeOf(o);
        if (!typing.ok(t) || !typing.ok(b) || !typing.ok(o)) {
            return typing.failed(s, bt);
        }
        if (!bt.equals(ot)) {
            return typing.fail(s, "the branches of a conditional expression have different types: "
                    + Typing.show(bt) + " and " + Typing.show(ot), bt);
        }
        return new PyTyped.IfExp(t, b, o, bt, s);
    }

    private PyTyped.Expr list(List<PyResolved.Expr> elts, Option<Type> expected, Span s) {
        Option<Type> elemCtx = expected.flatMap(t -> t instanceof PyCore.ListType(var e, var sp) ? Option.some(e) : Option.none());
        if (elts.isEmpty()) {
            return elemCtx.isDefined() ? new PyTyped.ListLit(List.empty(), expected.get(), s)
                    : typing.fail(s, "an empty list needs a type: write, e.g., xs: list[int] = []", PyTypes.list(PyTypes.NONE));
        }
        PyTyped.Expr first = expr(elts.head(), elemCtx);
        Type elem = PyTypes.typeOf(first);
        List<PyTyped.Expr> rest = elts.tail().map(x -> {
            PyTyped.Expr t = expr(x, Option.some(elem));
            Type got = PyTypes.typeOf(t);
            return typing.ok(t) && !got.equals(elem) ? typing.fail(x.span(), "list elements have different types: "
                    + Typing.show(elem) + " and " + Typing.show(got), elem) : t;
        });
        List<PyTyped.Expr> all = rest.prepend(first);
        return typing.ok(all) ? new PyTyped.ListLit(all, PyTypes.list(elem), s) : typing.failed(s, PyTypes.list(elem));
    }

    private PyTyped.Expr tuple(List<PyResolved.Expr> elts, Option<Type> expected, Span s) {
        Option<List<Type>> ctx = expected.flatMap(t -> t instanceof PyCore.TupleType(var es, var sp) && es.size() == elts.size()
                ? Option.some(es) : Option.none());
        List<PyTyped.Expr> typed = List.empty();
        for (int i = 0; i < elts.size(); i++) {
            int k = i;
            typed = typed.append(expr(elts.get(i), ctx.map(es -> es.get(k))));
        }
        Type t = PyTypes.tuple(typed.map(PyTypes::typeOf));
        return typing.ok(typed) ? new PyTyped.TupleLit(typed, t, s) : typing.failed(s, t);
    }

    private PyTyped.Expr subscript(PyResolved.Expr value, PyResolved.Expr slice, Span s) {
        PyTyped.Expr v = expr(value, Option.none());
        Type vt = PyTypes.typeOf(v);
        if (!typing.ok(v)) {
            return typing.failed(s, PyTypes.NONE);
        }
        boolean isStr = vt.equals(PyTypes.STR);
        if (slice instanceof PyResolved.Slice(var lo, var hi, var step, var sp)) {
            if (!isStr && !(vt instanceof PyCore.ListType)) {
                return typing.fail(s, "slicing a non-sequence: " + typing.text(value.span()) + " has type " + Typing.show(vt), vt);
            }
            PyTyped.Expr l = bound(lo, s);
            PyTyped.Expr h = bound(hi, s);
            if (!typing.ok(l) || !typing.ok(h)) {
                return typing.failed(s, vt);
            }
            return new PyTyped.Prim(isStr ? PrimOp.StrSlice : PrimOp.ListSlice, List.of(v, l, h), vt, s);
        }
        return switch (vt) {
            case PyCore.TupleType(var es, var sp) -> tupleIndex(v, es, slice, s);
            case PyCore.ListType(var elem, var sp) -> index(PrimOp.ListIndex, v, slice, elem, s);
            case PyCore.StrType x -> index(PrimOp.StrIndex, v, slice, PyTypes.STR, s);
            default -> typing.fail(s, "subscripting a non-sequence: " + typing.text(value.span()) + " has type " + Typing.show(vt), PyTypes.NONE);
        };
    }

    private PyTyped.Expr bound(Option<PyResolved.Expr> b, Span s) {
        return b.map(x -> expect(x, PyTypes.INT, "a slice bound")).getOrElse(() -> new PyTyped.NoneLit(s));
    }

    private PyTyped.Expr index(PrimOp op, PyTyped.Expr v, PyResolved.Expr index, Type elem, Span s) {
        PyTyped.Expr i = expect(index, PyTypes.INT, "an index");
        return typing.ok(i) ? new PyTyped.Prim(op, List.of(v, i), elem, s) : typing.failed(s, elem);
    }

    private PyTyped.Expr tupleIndex(PyTyped.Expr v, List<Type> elems, PyResolved.Expr index, Span s) {
        Option<Long> k = constantIndex(index);
        if (k.isEmpty()) {
            return typing.fail(index.span(), "a tuple index must be an integer constant", PyTypes.NONE);
        }
        long i = k.get() < 0 ? k.get() + elems.size() : k.get();
        if (i < 0 || i >= elems.size()) {
            return typing.fail(index.span(), "tuple index " + k.get() + " out of range for " + Typing.show(PyTypes.tuple(elems)), PyTypes.NONE);
        }
        return new PyTyped.TupleGet(v, (int) i, elems.get((int) i), s);
    }

    private static Option<Long> constantIndex(PyResolved.Expr e) {
        return switch (e) {
            case PyResolved.Constant(PyCore.IntConst(var v, var sp1), var sp2) -> Option.some(v);
            case PyResolved.UnaryOp(var op, PyResolved.Constant(PyCore.IntConst(var v, var sp1), var sp2), var sp3)
                    when op == PySyntax.UnaryOpKind.USub -> Option.some(-v);
            default -> Option.none();
        };
    }

    private PyTyped.Expr lambda(PyResolved.Lambda l, Option<Type> expected) {
        Option<PyCore.FunType> fun = expected.flatMap(t -> t instanceof PyCore.FunType f && f.params().size() == l.params().size()
                ? Option.some(f) : Option.none());
        if (fun.isEmpty() && !l.params().isEmpty()) {
            return typing.fail(l.span(), "a lambda needs a type from its context, e.g. f: Callable[[int], int] = lambda x: x + 1",
                    expected.getOrElse(PyTypes.NONE));
        }
        List<PyTyped.Local> params = List.empty();
        for (int i = 0; i < l.params().size(); i++) {
            Type t = fun.get().params().get(i);
            typing.declare(l.params().get(i).name(), t, false);
            params = params.append(new PyTyped.Local(l.params().get(i).name(), t, l.params().get(i).span()));
        }
        PyTyped.Expr body = expr(l.body(), fun.map(PyCore.FunType::result));
        Type result = PyTypes.typeOf(body);
        if (fun.isDefined() && typing.ok(body) && !result.equals(fun.get().result())) {
            body = typing.fail(l.body().span(), "this lambda returns " + Typing.show(result) + ", expected "
                    + Typing.show(fun.get().result()), fun.get().result());
        }
        Type type = fun.isDefined() ? fun.get() : PyTypes.fun(List.empty(), result);
        return new PyTyped.Lambda(params, locals(l.locals()), body, type, l.span());
    }

    /** The declared locals of a function or lambda, with the types found for them. */
    List<PyTyped.Local> locals(List<String> names) {
        return names.map(n -> new PyTyped.Local(n, typing.vars.getOrDefault(n, PyTypes.NONE), Span.NONE));
    }

    private PyTyped.Expr listComp(PyResolved.ListComp c) {
        List<PyTyped.Gen> gens = List.empty();
        boolean ok = true;
        for (PyResolved.Comprehension g : c.generators()) {
            Option<IterTyper.Typed> iter = new IterTyper(typing, this).iter(g.iter());
            if (iter.isEmpty()) {
                ok = false;
                continue;
            }
            PyTyped.Target target = new TargetTyper(typing, this).bind(g.target(), iter.get().elem(), "comprehension variable");
            List<PyTyped.Expr> ifs = g.ifs().map(this::test);
            ok &= typing.ok(ifs);
            gens = gens.append(new PyTyped.Gen(target, iter.get().iter(), ifs, g.span()));
        }
        PyTyped.Expr elt = expr(c.elt(), Option.none());
        Type t = PyTypes.list(PyTypes.typeOf(elt));
        return ok && typing.ok(elt) ? new PyTyped.ListComp(elt, gens, t, c.span()) : typing.failed(c.span(), t);
    }
}
