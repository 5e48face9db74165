package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.ir.Span;
import nanopy.py.PyCore;
import nanopy.py.PyCore.Type;
import nanopy.py.PyResolved;
import nanopy.py.PyResolved.Builtin;
import nanopy.py.PyTyped;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.PyTypes;

/**
 * Types the stage-2 builtins: {@code sorted}, {@code sum}, {@code min}/{@code max} of an iterable or
 * with {@code key=}, {@code enumerate}, {@code zip}, {@code list}, {@code dict}, {@code set},
 * {@code round}, {@code any}, {@code all}, {@code repr}. An iterable argument becomes a list
 * ({@link #asList}); {@code key=f} becomes the list of pairs {@code [(f(x), x) for x in xs]}, which
 * the primitive orders by key, stably, as Python's sort does.
 */
final class Builtins {
    private final Typing typing;
    private final ExprTyper exprs;

    Builtins(Typing typing, ExprTyper exprs, CallTyper calls) {
        this.typing = typing;
        this.exprs = exprs;
    }

    /** A list and the type of its elements. */
    record Items(PyTyped.Expr list, Type elem) {}

    /**
     * The elements of an iterable as a list: a list itself ({@code copy}: a new one), range() as a
     * comprehension, a str's characters, a dict's keys, a set's elements (in insertion order).
     */
    Option<Items> asList(PyResolved.Expr e, boolean copy, Option<Type> elemContext) {
        if (e instanceof PyResolved.Call(PyResolved.BuiltinName(var fn, var s1), var args, var kws, var s2) && fn == Builtin.Range) {
            Option<IterTyper.Typed> it = new IterTyper(typing, exprs).iter(e);
            return it.map(t -> comprehension(t.iter(), t.elem(), e.span()));
        }
        PyTyped.Expr x = exprs.expr(e, elemContext.map(PyTypes::list));
        return items(x, copy, e);
    }

    Option<Items> items(PyTyped.Expr x, boolean copy, PyResolved.Expr e) {
        Span s = x.span();
        if (!typing.ok(x)) {
            return Option.none();
        }
        return switch (PyTypes.typeOf(x)) {
            case PyCore.ListType(var elem, var sp) -> Option.some(new Items(copy
                    ? new PyTyped.Prim(PrimOp.ListSlice, List.of(x, new PyTyped.NoneLit(s), new PyTyped.NoneLit(s)), PyTypes.list(elem), s)
                    : x, elem));
            case PyCore.StrType t -> Option.some(new Items(new PyTyped.Prim(PrimOp.StrToList, List.of(x), PyTypes.list(PyTypes.STR), s), PyTypes.STR));
            case PyCore.DictType(var k, var v, var sp) -> Option.some(new Items(new PyTyped.Prim(PrimOp.DictKeys, List.of(x), PyTypes.list(k), s), k));
            case PyCore.SetType(var elem, var sp) -> Option.some(new Items(new PyTyped.Prim(PrimOp.SetToList, List.of(x), PyTypes.list(elem), s), elem));
            default -> {
                typing.fail(e.span(), "cannot iterate over " + Typing.show(PyTypes.typeOf(x)) + " (" + typing.text(e.span()) + ")", PyTypes.NONE);
                yield Option.none();
            }
        };
    }

    private Items comprehension(PyTyped.Iter iter, Type elem, Span s) {
        String x = typing.fresh("item", elem);
        PyTyped.Expr list = new PyTyped.ListComp(new PyTyped.Var(x, elem, s),
                List.of(new PyTyped.Gen(new PyTyped.VarTarget(x, elem, s), iter, List.empty(), s)), PyTypes.list(elem), s);
        return new Items(list, elem);
    }

    /** {@code [(key(x), x) for x in items]}, and the key's type; none after an error. */
    Option<PyTyped.Expr> keyPairs(Items items, PyResolved.Expr keyArg, Span s) {
        PyTyped.Expr key = exprs.keyFunction(keyArg, items.elem());
        if (!typing.ok(key)) {
            return Option.none();
        }
        Type kt = ((PyCore.FunType) PyTypes.typeOf(key)).result();
        if (!orderable(kt)) {
            typing.fail(keyArg.span(), "key= must give values that Python orders (numbers, strs, tuples of them), not " + Typing.show(kt), PyTypes.NONE);
            return Option.none();
        }
        String x = typing.fresh("item", items.elem());
        PyTyped.Expr var = new PyTyped.Var(x, items.elem(), s);
        Type pair = PyTypes.tuple(List.of(kt, items.elem()));
        PyTyped.Expr elt = new PyTyped.TupleLit(List.of(new PyTyped.Call(key, List.of(var), kt, s), var), pair, s);
        return Option.some(new PyTyped.ListComp(elt, List.of(new PyTyped.Gen(new PyTyped.VarTarget(x, items.elem(), s),
                new PyTyped.ListIter(items.list(), items.elem(), s), List.empty(), s)), PyTypes.list(pair), s));
    }

    static boolean iterable(Type t) {
        return t instanceof PyCore.ListType || t.equals(PyTypes.STR) || t instanceof PyCore.DictType || t instanceof PyCore.SetType;
    }

    static boolean orderable(Type t) {
        return Operators.orderable(t);
    }

    private Option<PyResolved.Expr> keyword(PyResolved.Call c, String name) {
        return c.keywords().find(k -> k.arg().equals(name)).map(PyResolved.Keyword::value);
    }

    private boolean onlyKeywords(PyResolved.Call c, String fn, String... allowed) {
        boolean ok = true;
        for (PyResolved.Keyword k : c.keywords()) {
            if (!List.of(allowed).contains(k.arg())) {
                typing.fail(k.span(), fn + " takes no keyword argument " + k.arg() + " in NanoPy", PyTypes.NONE);
                ok = false;
            }
        }
        return ok;
    }

    private PyTyped.Expr reverse(PyResolved.Call c) {
        return keyword(c, "reverse").map(r -> exprs.expect(r, PyTypes.BOOL, "reverse=")).getOrElse(() -> new PyTyped.BoolLit(false, c.span()));
    }

    private PyTyped.Expr arity(PyResolved.Call c, String fn, String takes) {
        return typing.fail(c.span(), fn + " takes " + takes + ", not " + c.args().size(), PyTypes.NONE);
    }

    private static PyTyped.Expr prim(PrimOp op, List<PyTyped.Expr> args, Type t, Span s) {
        return new PyTyped.Prim(op, args, t, s);
    }

    /** The typed call of a stage-2 builtin (or min/max of an iterable); none for the stage-1 ones. */
    Option<PyTyped.Expr> call(Builtin fn, PyResolved.Call c, Option<Type> expected) {
        Span s = c.span();
        String name = CallTyper.name(fn);
        return switch (fn) {
            case Sorted -> Option.some(sorted(c, s));
            case Min, Max -> c.args().size() == 1 || !c.keywords().isEmpty() ? Option.some(minMax(fn == Builtin.Min, c, s)) : nonNumericMinMax(fn == Builtin.Min, c, s);
            case Sum -> Option.some(sum(c, s));
            case Any, All -> Option.some(anyAll(fn == Builtin.Any, c, s));
            case Enumerate -> Option.some(enumerate(c, s));
            case Zip -> Option.some(zip(c, s));
            case ListFn -> Option.some(list(c, expected, s));
            case SetFn -> Option.some(set(c, expected, s));
            case DictFn -> Option.some(dict(c, expected, s));
            case Round -> Option.some(round(c, s));
            case Repr -> Option.some(c.args().size() == 1 && onlyKeywords(c, name) ? exprs.repr(exprs.expr(c.args().head(), Option.none()))
                    : arity(c, name, "one argument"));
            default -> Option.none();
        };
    }

    private PyTyped.Expr sorted(PyResolved.Call c, Span s) {
        if (c.args().size() != 1 || !onlyKeywords(c, "sorted", "key", "reverse")) {
            return c.args().size() != 1 ? arity(c, "sorted", "one positional argument") : typing.failed(s, PyTypes.NONE);
        }
        Option<Items> items = asList(c.args().head(), false, Option.none());
        if (items.isEmpty()) {
            return typing.failed(s, PyTypes.NONE);
        }
        Type lt = PyTypes.list(items.get().elem());
        PyTyped.Expr rev = reverse(c);
        Option<PyResolved.Expr> key = keyword(c, "key");
        if (key.isDefined()) {
            Option<PyTyped.Expr> pairs = keyPairs(items.get(), key.get(), s);
            return pairs.isDefined() ? prim(PrimOp.SortedPairs, List.of(pairs.get(), rev), lt, s) : typing.failed(s, lt);
        }
        if (!orderable(items.get().elem())) {
            return typing.fail(s, "unsupported: sorting " + Typing.show(items.get().elem()) + " values is not in NanoPy yet (give a key=)", lt);
        }
        return prim(PrimOp.Sorted, List.of(items.get().list(), rev), lt, s);
    }

    private PyTyped.Expr minMax(boolean min, PyResolved.Call c, Span s) {
        String name = min ? "min" : "max";
        if (!onlyKeywords(c, name, "key")) {
            return typing.failed(s, PyTypes.NONE);
        }
        Option<Items> items;
        if (c.args().size() == 1) {
            PyResolved.Expr only = c.args().head();
            boolean range = only instanceof PyResolved.Call(PyResolved.BuiltinName(var fn, var s1), var as, var ks, var s2) && fn == Builtin.Range;
            PyTyped.Expr x = range ? null : exprs.expr(only, Option.none());
            if (x != null && typing.ok(x) && !iterable(PyTypes.typeOf(x))) {
                return typing.fail(s, CallTyper.minMaxMessage(name, List.of(PyTypes.typeOf(x))), PyTypes.NONE);
            }
            items = range ? asList(only, false, Option.none()) : items(x, false, only);
        } else if (c.args().size() >= 2) {
            PyResolved.Expr lit = new PyResolved.ListExpr(c.args(), nanopy.py.PySyntax.ExprContext.Load, s);
            items = asList(lit, false, Option.none());
        } else {
            return typing.fail(s, name + " expected at least 1 argument, got 0", PyTypes.NONE);
        }
        if (items.isEmpty()) {
            return typing.failed(s, PyTypes.NONE);
        }
        Type elem = items.get().elem();
        Option<PyResolved.Expr> key = keyword(c, "key");
        if (key.isDefined()) {
            Option<PyTyped.Expr> pairs = keyPairs(items.get(), key.get(), s);
            return pairs.isDefined() ? prim(min ? PrimOp.MinPairs : PrimOp.MaxPairs, List.of(pairs.get()), elem, s) : typing.failed(s, elem);
        }
        if (!orderable(elem)) {
            return typing.fail(s, "unsupported: " + name + " of " + Typing.show(elem) + " values is not in NanoPy yet", elem);
        }
        return prim(min ? PrimOp.MinOf : PrimOp.MaxOf, List.of(items.get().list()), elem, s);
    }

    /** min/max of two or more values that are not all ints or all floats (strs, tuples). */
    private Option<PyTyped.Expr> nonNumericMinMax(boolean min, PyResolved.Call c, Span s) {
        if (c.args().size() < 2) {
            return Option.none();
        }
        List<PyTyped.Expr> args = c.args().map(a -> exprs.expr(a, Option.none()));
        if (!typing.ok(args)) {
            return Option.some(typing.failed(s, PyTypes.NONE));
        }
        List<Type> ts = args.map(PyTypes::typeOf);
        if (CallTyper.minMaxFits(args)) {
            return CallTyper.minMax(min, args, ts, s);
        }
        if (ts.forAll(ts.head()::equals) && orderable(ts.head()) && !Typing.numeric(ts.head())) {
            return Option.some(prim(min ? PrimOp.MinOf : PrimOp.MaxOf, List.of(new PyTyped.ListLit(args, PyTypes.list(ts.head()), s)), ts.head(), s));
        }
        return Option.some(typing.fail(s, CallTyper.minMaxMessage(min ? "min" : "max", ts), PyTypes.NONE));
    }

    private PyTyped.Expr sum(PyResolved.Call c, Span s) {
        if (c.args().size() != 1 || !onlyKeywords(c, "sum")) {
            return arity(c, "sum", "one argument in NanoPy");
        }
        Option<Items> items = asList(c.args().head(), false, Option.none());
        if (items.isEmpty()) {
            return typing.failed(s, PyTypes.INT);
        }
        Type elem = items.get().elem();
        if (!Typing.numeric(elem)) {
            return typing.fail(s, "sum needs ints or floats, not " + Typing.show(elem), PyTypes.INT);
        }
        return prim(elem.equals(PyTypes.INT) ? PrimOp.SumInt : PrimOp.SumFloat, List.of(items.get().list()), elem, s);
    }

    private PyTyped.Expr anyAll(boolean any, PyResolved.Call c, Span s) {
        if (c.args().size() != 1 || !onlyKeywords(c, any ? "any" : "all")) {
            return arity(c, any ? "any" : "all", "one argument");
        }
        Option<Items> items = asList(c.args().head(), false, Option.none());
        return items.isDefined() ? prim(any ? PrimOp.AnyOf : PrimOp.AllOf, List.of(items.get().list()), PyTypes.BOOL, s) : typing.failed(s, PyTypes.BOOL);
    }

    private PyTyped.Expr enumerate(PyResolved.Call c, Span s) {
        if (c.args().isEmpty() || c.args().size() > 2 || !onlyKeywords(c, "enumerate", "start")) {
            return arity(c, "enumerate", "one or two arguments");
        }
        Option<Items> items = asList(c.args().head(), false, Option.none());
        PyTyped.Expr start = c.args().size() == 2 ? exprs.expect(c.args().get(1), PyTypes.INT, "the start of enumerate")
                : keyword(c, "start").map(k -> exprs.expect(k, PyTypes.INT, "start=")).getOrElse(() -> new PyTyped.IntLit(0, s));
        if (items.isEmpty() || !typing.ok(start)) {
            return typing.failed(s, PyTypes.NONE);
        }
        return prim(PrimOp.Enumerate, List.of(items.get().list(), start), PyTypes.list(PyTypes.tuple(List.of(PyTypes.INT, items.get().elem()))), s);
    }

    private PyTyped.Expr zip(PyResolved.Call c, Span s) {
        if ((c.args().size() != 2 && c.args().size() != 3) || !onlyKeywords(c, "zip")) {
            return arity(c, "zip", "two or three arguments in NanoPy");
        }
        List<Option<Items>> all = c.args().map(a -> asList(a, false, Option.none()));
        if (all.exists(Option::isEmpty)) {
            return typing.failed(s, PyTypes.NONE);
        }
        List<Items> items = all.map(Option::get);
        Type t = PyTypes.list(PyTypes.tuple(items.map(Items::elem)));
        return prim(items.size() == 2 ? PrimOp.Zip : PrimOp.Zip3, items.map(Items::list), t, s);
    }

    private PyTyped.Expr list(PyResolved.Call c, Option<Type> expected, Span s) {
        if (c.args().isEmpty()) {
            return expected.filter(t -> t instanceof PyCore.ListType).<PyTyped.Expr>map(t -> new PyTyped.ListLit(List.empty(), t, s))
                    .getOrElse(() -> typing.fail(s, "an empty list needs a type: write, e.g., xs: list[int] = []", PyTypes.list(PyTypes.NONE)));
        }
        if (c.args().size() != 1 || !onlyKeywords(c, "list")) {
            return arity(c, "list", "at most one argument");
        }
        Option<Items> items = asList(c.args().head(), true, expected.flatMap(t -> t instanceof PyCore.ListType(var e, var sp) ? Option.some(e) : Option.none()));
        return items.isDefined() ? items.get().list() : typing.failed(s, PyTypes.NONE);
    }

    private PyTyped.Expr set(PyResolved.Call c, Option<Type> expected, Span s) {
        Option<Type> elemCtx = expected.flatMap(t -> t instanceof PyCore.SetType(var e, var sp) ? Option.some(e) : Option.none());
        if (c.args().isEmpty() || c.args().head() instanceof PyResolved.ListExpr l && l.elts().isEmpty()) {
            return elemCtx.isDefined() ? prim(PrimOp.SetOf, List.of(new PyTyped.ListLit(List.empty(), PyTypes.list(elemCtx.get()), s)), expected.get(), s)
                    : typing.fail(s, "an empty set needs a type: write, e.g., seen: set[int] = set()", PyTypes.set(PyTypes.NONE));
        }
        if (c.args().size() != 1 || !onlyKeywords(c, "set")) {
            return arity(c, "set", "at most one argument");
        }
        Option<Items> items = asList(c.args().head(), false, elemCtx);
        if (items.isEmpty()) {
            return typing.failed(s, PyTypes.NONE);
        }
        Type st = PyTypes.set(items.get().elem());
        boolean listCall = c.args().head() instanceof PyResolved.Call(PyResolved.BuiltinName(var fn, var fs), var as, var ks, var cs)
                && fn == PyResolved.Builtin.ListFn;
        if (!listCall && items.get().list() instanceof PyTyped.Prim(var op, var xs, var t, var sp) && op == PrimOp.SetToList) {
            // set(a_set) copies the table (CPython's set_merge into an empty set): a union with nothing does that
            PyTyped.Expr none = new PyTyped.ListLit(List.empty(), PyTypes.list(items.get().elem()), s);
            return prim(PrimOp.SetUnion, List.of(xs.head(), none), st, s);
        }
        return prim(PrimOp.SetOf, List.of(items.get().list()), st, s);
    }

    private PyTyped.Expr dict(PyResolved.Call c, Option<Type> expected, Span s) {
        Option<PyCore.DictType> dt = expected.flatMap(t -> t instanceof PyCore.DictType d ? Option.some(d) : Option.none());
        if (c.args().isEmpty() || c.args().head() instanceof PyResolved.ListExpr l && l.elts().isEmpty()) {
            return dt.isDefined() ? prim(PrimOp.DictOf, List.of(new PyTyped.ListLit(List.empty(),
                    PyTypes.list(PyTypes.tuple(List.of(dt.get().key(), dt.get().value()))), s)), expected.get(), s)
                    : typing.fail(s, "an empty dict needs a type: write, e.g., counts: dict[str, int] = {}", PyTypes.dict(PyTypes.NONE, PyTypes.NONE));
        }
        if (c.args().size() != 1 || !onlyKeywords(c, "dict")) {
            return arity(c, "dict", "at most one argument in NanoPy");
        }
        Option<Type> pairCtx = dt.map(d -> PyTypes.tuple(List.of(d.key(), d.value())));
        Option<Items> items = asList(c.args().head(), false, pairCtx);
        if (items.isEmpty()) {
            return typing.failed(s, PyTypes.NONE);
        }
        if (!(items.get().elem() instanceof PyCore.TupleType(var es, var sp)) || es.size() != 2) {
            return typing.fail(s, "dict() needs (key, value) pairs, not " + Typing.show(items.get().elem()), PyTypes.NONE);
        }
        return prim(PrimOp.DictOf, List.of(items.get().list()), PyTypes.dict(es.get(0), es.get(1)), s);
    }

    private PyTyped.Expr round(PyResolved.Call c, Span s) {
        if (c.args().isEmpty() || c.args().size() > 2 || !onlyKeywords(c, "round")) {
            return arity(c, "round", "one or two arguments");
        }
        PyTyped.Expr x = exprs.expr(c.args().head(), Option.none());
        if (!typing.ok(x)) {
            return typing.failed(s, PyTypes.NONE);
        }
        Type t = PyTypes.typeOf(x);
        if (t.equals(PyTypes.INT) && c.args().size() == 1) {
            return x;
        }
        if (!t.equals(PyTypes.FLOAT)) {
            return typing.fail(s, "unsupported: round of " + Typing.show(t) + (c.args().size() == 2 ? " with ndigits" : "") + " is not in NanoPy yet", t);
        }
        if (c.args().size() == 1) {
            return prim(PrimOp.RoundToInt, List.of(x), PyTypes.INT, s);
        }
        PyTyped.Expr n = exprs.expect(c.args().get(1), PyTypes.INT, "ndigits of round");
        return typing.ok(n) ? prim(PrimOp.RoundDigits, List.of(x, n), PyTypes.FLOAT, s) : typing.failed(s, PyTypes.FLOAT);
    }
}
