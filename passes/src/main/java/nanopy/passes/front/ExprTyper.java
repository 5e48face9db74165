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
            case PyResolved.Attribute(var obj, var attr, var c, var sp) -> attribute(obj, attr, s);
            case PyResolved.NewObject(var cls, var sp) -> newObject(cls, s);
            case PyResolved.NewException(var cls, var args, var sp) -> newException(cls, args, s);
            case PyResolved.JoinedStr(var values, var sp) -> joined(values, s);
            case PyResolved.FormattedValue f -> formatted(f);
        };
    }

    /** A field of an object: the typed object, the field's index and type. */
    record Field(PyTyped.Expr object, int index, Type type) {}

    /** The field {@code attr} of {@code obj}, or none after reporting why there is none. */
    Option<Field> field(PyResolved.Expr obj, String attr, Span s) {
        PyTyped.Expr o = expr(obj, Option.none());
        if (!typing.ok(o)) {
            return Option.none();
        }
        Type t = PyTypes.typeOf(o);
        if (!(t instanceof PyCore.ClassType(var cls, var sp))) {
            typing.fail(s, Typing.show(t) + " has no attribute " + attr + " in NanoPy", PyTypes.NONE);
            return Option.none();
        }
        int i = typing.fieldIndex(cls, attr);
        if (i < 0) {
            typing.fail(s, typing.vars.containsKey(cls + "." + attr)
                    ? "unsupported: method " + cls + "." + attr + " used as a value is not in NanoPy yet; call it"
                    : "class " + cls + " has no field " + attr + " (fields are the self." + attr + ": T annotations of __init__)", PyTypes.NONE);
            return Option.none();
        }
        return Option.some(new Field(o, i, typing.classes.get(cls).get(i).annotation().getOrElse(PyTypes.NONE)));
    }

    private PyTyped.Expr attribute(PyResolved.Expr obj, String attr, Span s) {
        Option<Field> f = field(obj, attr, s);
        if (f.isEmpty()) {
            return typing.failed(s, PyTypes.NONE);
        }
        return new PyTyped.Prim(PrimOp.ObjGet, List.of(f.get().object(), new PyTyped.IntLit(f.get().index(), s)), f.get().type(), s);
    }

    private PyTyped.Expr newObject(String cls, Span s) {
        int n = typing.classes.containsKey(cls) ? typing.classes.get(cls).size() : 0;
        return new PyTyped.Prim(PrimOp.ObjNew, List.of(new PyTyped.StrLit(cls, s), new PyTyped.IntLit(n, s)), PyTypes.cls(cls), s);
    }

    /**
     * {@code ValueError(msg)}: a new exception whose message (what {@code str()} of it gives) is the
     * str argument ({@code KeyError}'s: the repr of its one argument, of any shown type), or empty.
     */
    private PyTyped.Expr newException(String cls, List<PyResolved.Expr> args, Span s) {
        PyTyped.Expr message = new PyTyped.StrLit("", s);
        if (args.size() > 1) {
            return typing.fail(args.get(1).span(), "unsupported: an exception with more than one argument is not in NanoPy yet", PyTypes.EXCEPTION);
        }
        if (args.size() == 1) {
            message = cls.equals("KeyError") ? repr(expr(args.head(), Option.none()))
                    : expect(args.head(), PyTypes.STR, "the message of " + cls);
        }
        return new PyTyped.Prim(PrimOp.ExcNew, List.of(new PyTyped.StrLit(cls, s), message), PyTypes.EXCEPTION, s);
    }

    /** Calls method {@code method} of class {@code cls} (self first), if the class defines it. */
    Option<PyTyped.Expr> callMethod(String cls, String method, List<PyTyped.Expr> args, Span s) {
        Type ft = typing.vars.get(cls + "." + method);
        if (!(ft instanceof PyCore.FunType(var ps, var result, var sp)) || ps.size() != args.size()) {
            return Option.none();
        }
        return Option.some(new PyTyped.Call(new PyTyped.Var(cls + "." + method, ft, s), args, result, s));
    }

    /** {@code str(e)}: {@code __str__} (or {@code __repr__}) of an object, else the ToStr primitive. */
    PyTyped.Expr str(PyTyped.Expr e) {
        Type t = PyTypes.typeOf(e);
        if (!typing.ok(e) || t.equals(PyTypes.STR)) {
            return e;
        }
        if (t instanceof PyCore.ClassType(var cls, var sp)) {
            return callMethod(cls, "__str__", List.of(e), e.span()).orElse(callMethod(cls, "__repr__", List.of(e), e.span()))
                    .getOrElse(() -> typing.fail(e.span(), "an object of class " + cls + " needs __str__ or __repr__ to be shown"
                            + " (CPython would show its address)", PyTypes.STR));
        }
        return shown(e, PrimOp.ToStr);
    }

    /** {@code repr(e)}: {@code __repr__} of an object, else the Repr primitive. */
    PyTyped.Expr repr(PyTyped.Expr e) {
        Type t = PyTypes.typeOf(e);
        if (!typing.ok(e)) {
            return e;
        }
        if (t instanceof PyCore.ClassType(var cls, var sp)) {
            return callMethod(cls, "__repr__", List.of(e), e.span())
                    .getOrElse(() -> typing.fail(e.span(), "an object of class " + cls + " needs __repr__ to be shown"
                            + " (CPython would show its address)", PyTypes.STR));
        }
        return shown(e, PrimOp.Repr);
    }

    private PyTyped.Expr shown(PyTyped.Expr e, PrimOp op) {
        Type t = PyTypes.typeOf(e);
        if (Typing.hasClass(t)) {
            return new ContainerReprs(typing, this).repr(e);
        }
        if (t instanceof PyCore.FunType) {
            return typing.fail(e.span(), "showing a function is not supported in NanoPy", PyTypes.STR);
        }
        return new PyTyped.Prim(op, List.of(e), PyTypes.STR, e.span());
    }

    private PyTyped.Expr joined(List<PyResolved.Expr> values, Span s) {
        PyTyped.Expr out = null;
        for (PyResolved.Expr v : values) {
            PyTyped.Expr part = v instanceof PyResolved.FormattedValue f ? formatted(f) : expect(v, PyTypes.STR, "an f-string part");
            out = out == null ? part : new PyTyped.Prim(PrimOp.StrConcat, List.of(out, part), PyTypes.STR, out.span().to(part.span()));
        }
        return out == null ? new PyTyped.StrLit("", s) : out;
    }

    private PyTyped.Expr formatted(PyResolved.FormattedValue f) {
        PyTyped.Expr v = expr(f.value(), Option.none());
        if (!typing.ok(v)) {
            return typing.failed(f.span(), PyTypes.STR);
        }
        if (f.conversion() == 'r') {
            v = repr(v);
        } else if (f.conversion() == 's') {
            v = str(v);
        }
        if (f.formatSpec().isEmpty()) {
            return str(v);
        }
        Type t = PyTypes.typeOf(v);
        PyTyped.Expr spec = expr(f.formatSpec().get(), Option.some(PyTypes.STR));
        if (!(Typing.numeric(t) || t.equals(PyTypes.STR) || t.equals(PyTypes.BOOL))) {
            return typing.fail(f.span(), "unsupported: a format spec for a " + Typing.show(t) + " is not in NanoPy yet", PyTypes.STR);
        }
        if (spec instanceof PyTyped.StrLit(var text, var sp) && text.isEmpty()) {
            return str(v);
        }
        return typing.ok(spec) ? new PyTyped.Prim(PrimOp.Format, List.of(v, spec), PyTypes.STR, f.span()) : typing.failed(f.span(), PyTypes.STR);
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
        if (op == PySyntax.UnaryOpKind.Invert) {
            return t.equals(PyTypes.INT) ? new PyTyped.Prim(PrimOp.IntInvert, List.of(x), t, s)
                    : typing.fail(s, "operator ~ not supported for " + Typing.show(t), PyTypes.INT);
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
        if (typing.ok(left) && PyTypes.typeOf(left) instanceof PyCore.ClassType(var cls, var sp) && c.ops().size() == 1) {
            return compareObjects(cls, left, c);
        }
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

    /** {@code a op b} on objects: {@code __eq__} (identity without it), {@code __lt__}, with swapped operands for {@code >}. */
    private PyTyped.Expr compareObjects(String cls, PyTyped.Expr left, PyResolved.Compare c) {
        PyTyped.Expr right = expr(c.comparators().head(), Option.some(PyTypes.typeOf(left)));
        if (!typing.ok(right)) {
            return typing.failed(c.span(), PyTypes.BOOL);
        }
        Span s = c.span();
        PySyntax.CmpOp op = c.ops().head();
        if (op == PySyntax.CmpOp.Is || op == PySyntax.CmpOp.IsNot) {
            return new PyTyped.Prim(op == PySyntax.CmpOp.Is ? PrimOp.Is : PrimOp.IsNot, List.of(left, right), PyTypes.BOOL, s);
        }
        if (!PyTypes.typeOf(right).equals(PyTypes.typeOf(left))) {
            return typing.fail(s, "operator " + Operators.symbol(op) + " not supported between " + Typing.show(PyTypes.typeOf(left))
                    + " and " + Typing.show(PyTypes.typeOf(right)), PyTypes.BOOL);
        }
        Option<PyTyped.Expr> out = switch (op) {
            case Eq -> callMethod(cls, "__eq__", List.of(left, right), s)
                    .orElse(Option.some(new PyTyped.Prim(PrimOp.Is, List.of(left, right), PyTypes.BOOL, s)));
            case NotEq -> callMethod(cls, "__eq__", List.of(left, right), s)
                    .map(e -> (PyTyped.Expr) new PyTyped.Prim(PrimOp.Not, List.of(e), PyTypes.BOOL, s))
                    .orElse(Option.some(new PyTyped.Prim(PrimOp.IsNot, List.of(left, right), PyTypes.BOOL, s)));
            case Lt -> callMethod(cls, "__lt__", List.of(left, right), s);
            case Gt -> callMethod(cls, "__lt__", List.of(right, left), s);
            default -> Option.none();
        };
        return out.getOrElse(() -> typing.fail(s, "unsupported: operator " + Operators.symbol(op) + " on " + cls
                + " objects is not in NanoPy yet (define __eq__ or __lt__)", PyTypes.BOOL));
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
            if (step.isDefined()) {
                PyTyped.Expr st = bound(step, s);
                return typing.ok(st) ? new PyTyped.Prim(isStr ? PrimOp.StrSliceStep : PrimOp.ListSliceStep, List.of(v, l, h, st), vt, s)
                        : typing.failed(s, vt);
            }
            return new PyTyped.Prim(isStr ? PrimOp.StrSlice : PrimOp.ListSlice, List.of(v, l, h), vt, s);
        }
        return switch (vt) {
            case PyCore.DictType(var k, var val, var sp) -> {
                PyTyped.Expr key = expect(slice, k, "a key");
                yield typing.ok(key) ? new PyTyped.Prim(PrimOp.DictGet, List.of(v, key), val, s) : typing.failed(s, val);
            }
            case PyCore.TupleType(var es, var sp) -> tupleIndex(v, es, slice, s);
            case PyCore.ListType(var elem, var sp) -> index(PrimOp.ListIndex, v, slice, elem, s);
            case PyCore.StrType x -> index(PrimOp.StrIndex, v, slice, PyTypes.STR, s);
            default -> typing.fail(s, "subscripting a non-sequence: " + typing.text(value.span()) + " has type " + Typing.show(vt), PyTypes.NONE);
        };
    }

    PyTyped.Expr bound(Option<PyResolved.Expr> b, Span s) {
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
        typing.openTemps();
        PyTyped.Expr body = expr(l.body(), fun.map(PyCore.FunType::result));
        List<PyTyped.Local> temps = typing.closeTemps();
        Type result = PyTypes.typeOf(body);
        if (fun.isDefined() && typing.ok(body) && !result.equals(fun.get().result())) {
            body = typing.fail(l.body().span(), "this lambda returns " + Typing.show(result) + ", expected "
                    + Typing.show(fun.get().result()), fun.get().result());
        }
        Type type = fun.isDefined() ? fun.get() : PyTypes.fun(List.empty(), result);
        return new PyTyped.Lambda(params, locals(l.locals()).appendAll(temps), body, type, l.span());
    }

    /**
     * A one-argument function for {@code key=}: a lambda's parameter takes type {@code param} and its
     * result type is inferred from its body; any other expression must be a function of {@code param}.
     */
    PyTyped.Expr keyFunction(PyResolved.Expr e, Type param) {
        if (e instanceof PyResolved.Lambda l && l.params().size() == 1) {
            typing.declare(l.params().head().name(), param, false);
            typing.openTemps();
            PyTyped.Expr body = expr(l.body(), Option.none());
            List<PyTyped.Local> temps = typing.closeTemps();
            if (!typing.ok(body)) {
                return typing.failed(e.span(), PyTypes.fun(List.of(param), PyTypes.NONE));
            }
            return new PyTyped.Lambda(List.of(new PyTyped.Local(l.params().head().name(), param, l.params().head().span())),
                    locals(l.locals()).appendAll(temps), body, PyTypes.fun(List.of(param), PyTypes.typeOf(body)), l.span());
        }
        PyTyped.Expr f = expr(e, Option.none());
        if (typing.ok(f) && !(PyTypes.typeOf(f) instanceof PyCore.FunType(var ps, var r, var sp) && ps.equals(List.of(param)))) {
            return typing.fail(e.span(), "key= needs a function of one " + Typing.show(param) + ", not " + Typing.show(PyTypes.typeOf(f)),
                    PyTypes.fun(List.of(param), PyTypes.NONE));
        }
        return f;
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
