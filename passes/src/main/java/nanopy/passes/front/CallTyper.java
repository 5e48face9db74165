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
 * Types calls: of functions and closures ({@code Callable} values: arity and argument types checked,
 * each argument typed in the context of its parameter), of the stage-1 builtins (each becomes a typed
 * primitive or {@link PyTyped.Print}) and of the str and list methods ({@code join}, {@code split},
 * {@code strip}, {@code append}, {@code pop}).
 */
final class CallTyper {
    private final Typing typing;
    private final ExprTyper exprs;

    CallTyper(Typing typing, ExprTyper exprs) {
        this.typing = typing;
        this.exprs = exprs;
    }

    /** The Python name of a builtin. */
    static String name(Builtin b) {
        return switch (b) {
            case Print -> "print";
            case Input -> "input";
            case InputInt -> "input_int";
            case Len -> "len";
            case Range -> "range";
            case IntFn -> "int";
            case FloatFn -> "float";
            case StrFn -> "str";
            case BoolFn -> "bool";
            case Abs -> "abs";
            case Min -> "min";
            case Max -> "max";
            case Ord -> "ord";
            case Chr -> "chr";
            case Sorted -> "sorted";
            case Sum -> "sum";
            case Enumerate -> "enumerate";
            case Zip -> "zip";
            case ListFn -> "list";
            case DictFn -> "dict";
            case SetFn -> "set";
            case Round -> "round";
            case Any -> "any";
            case All -> "all";
            case Repr -> "repr";
        };
    }

    PyTyped.Expr call(PyResolved.Call c, Option<Type> expected) {
        if (c.func() instanceof PyResolved.BuiltinName(var fn, var s)) {
            return builtin(fn, c, expected);
        }
        Option<List<PyResolved.Param>> sig = c.func() instanceof PyResolved.Name n ? Option.of(typing.signatures.get(n.id())) : Option.none();
        if (!c.keywords().isEmpty() && sig.isEmpty()) {
            return typing.fail(c.keywords().head().span(), "keyword arguments are only supported in calls of functions defined with def", PyTypes.NONE);
        }
        PyTyped.Expr fn = exprs.expr(c.func(), Option.none());
        Type ft = PyTypes.typeOf(fn);
        String fname = c.func() instanceof PyResolved.Name n ? Typing.userName(n.id()) : typing.text(c.func().span());
        if (!typing.ok(fn)) {
            c.args().forEach(a -> exprs.expr(a, Option.none()));
            return typing.failed(c.span(), PyTypes.NONE);
        }
        if (!(ft instanceof PyCore.FunType(var params, var result, var sp))) {
            return typing.fail(c.span(), "calling a non-function: " + fname + " has type " + Typing.show(ft), PyTypes.NONE);
        }
        if (sig.isDefined() && sig.get().size() == params.size()) {
            Option<List<PyTyped.Expr>> bound = bind(fname, sig.get(), params, List.empty(), c.args(), c.keywords(), c.span());
            return bound.isDefined() ? new PyTyped.Call(fn, bound.get(), result, c.span()) : typing.failed(c.span(), result);
        }
        if (params.size() != c.args().size()) {
            c.args().forEach(a -> exprs.expr(a, Option.none()));
            return typing.fail(c.span(), "arity mismatch: " + fname + " takes " + params.size() + " argument"
                    + (params.size() == 1 ? "" : "s") + " but " + c.args().size() + (c.args().size() == 1 ? " was" : " were") + " given", result);
        }
        List<PyTyped.Expr> args = List.empty();
        for (int i = 0; i < params.size(); i++) {
            args = args.append(exprs.expect(c.args().get(i), params.get(i), "argument " + (i + 1) + " of " + fname));
        }
        return typing.ok(args) ? new PyTyped.Call(fn, args, result, c.span()) : typing.failed(c.span(), result);
    }

    /**
     * The arguments of a call of a function defined with def: {@code given} (already typed, e.g. self),
     * then positional arguments, then keyword arguments by parameter name, then defaults for the rest.
     * Keyword arguments are evaluated in the parameters' order, which must be their source order
     * unless they are variables or constants.
     */
    Option<List<PyTyped.Expr>> bind(String fname, List<PyResolved.Param> sig, List<Type> params, List<PyTyped.Expr> given,
                                    List<PyResolved.Expr> args, List<PyResolved.Keyword> kws, Span s) {
        int n = params.size();
        PyTyped.Expr[] slots = new PyTyped.Expr[n];
        boolean ok = true;
        int k = 0;
        for (PyTyped.Expr g : given) {
            slots[k++] = g;
        }
        if (k + args.size() > n) {
            args.forEach(a -> exprs.expr(a, Option.none()));
            typing.fail(s, "arity mismatch: " + fname + " takes " + (n - given.size()) + " argument" + (n - given.size() == 1 ? "" : "s")
                    + " but " + args.size() + (args.size() == 1 ? " was" : " were") + " given", PyTypes.NONE);
            return Option.none();
        }
        for (PyResolved.Expr a : args) {
            int i = k++;
            slots[i] = exprs.expect(a, params.get(i), "argument " + (i + 1 - given.size()) + " of " + fname);
            ok &= typing.ok(slots[i]);
        }
        int lastIndex = -1;
        boolean reordered = false;
        boolean simple = true;
        for (PyResolved.Keyword kw : kws) {
            int i = sig.indexWhere(p -> Typing.userName(p.name()).equals(kw.arg()));
            if (i < 0 || i < given.size()) {
                typing.fail(kw.span(), fname + " got an unexpected keyword argument '" + kw.arg() + "'", PyTypes.NONE);
                ok = false;
                continue;
            }
            if (slots[i] != null) {
                typing.fail(kw.span(), fname + " got multiple values for argument '" + kw.arg() + "'", PyTypes.NONE);
                ok = false;
                continue;
            }
            reordered |= i < lastIndex;
            lastIndex = i;
            simple &= kw.value() instanceof PyResolved.Constant || kw.value() instanceof PyResolved.Name;
            slots[i] = exprs.expect(kw.value(), params.get(i), "argument " + kw.arg() + " of " + fname);
            ok &= typing.ok(slots[i]);
        }
        if (reordered && !simple) {
            typing.fail(s, "unsupported: keyword arguments out of the parameters' order whose values are not variables or constants"
                    + " are not in NanoPy yet", PyTypes.NONE);
            ok = false;
        }
        for (int i = 0; i < n; i++) {
            if (slots[i] == null) {
                Option<PyResolved.Expr> dflt = sig.get(i).defaultValue();
                if (dflt.isEmpty()) {
                    int takes = n - given.size();
                    if (ok) {
                        typing.fail(s, kws.isEmpty() ? "arity mismatch: " + fname + " takes " + takes + " argument" + (takes == 1 ? "" : "s")
                                + " but " + args.size() + (args.size() == 1 ? " was" : " were") + " given"
                                : fname + " missing required argument: '" + Typing.userName(sig.get(i).name()) + "'", PyTypes.NONE);
                    }
                    ok = false;
                    slots[i] = typing.failed(s, params.get(i));
                } else {
                    slots[i] = exprs.expr(dflt.get(), Option.some(params.get(i)));
                }
            }
        }
        return ok ? Option.some(List.of(slots)) : Option.none();
    }

    private PyTyped.Expr builtin(Builtin fn, PyResolved.Call c, Option<Type> expected) {
        Span s = c.span();
        if (fn == Builtin.Print) {
            return print(c);
        }
        Option<PyTyped.Expr> stage2 = new Builtins(typing, exprs, this).call(fn, c, expected);
        if (stage2.isDefined()) {
            return stage2.get();
        }
        if (!c.keywords().isEmpty()) {
            return typing.fail(c.keywords().head().span(), name(fn) + " takes no keyword arguments", PyTypes.NONE);
        }
        boolean anyList = fn == Builtin.Len || fn == Builtin.StrFn || fn == Builtin.BoolFn;
        List<PyTyped.Expr> args = c.args().map(a -> exprs.expr(a, anyList ? elementFree(a) : Option.none()));
        if (!typing.ok(args)) {
            return typing.failed(s, PyTypes.NONE);
        }
        if ((fn == Builtin.Min || fn == Builtin.Max) && !minMaxFits(args)) {
            return typing.fail(s, minMaxMessage(name(fn), args.map(PyTypes::typeOf)), PyTypes.NONE);
        }
        List<Type> ts = args.map(PyTypes::typeOf);
        Option<PyTyped.Expr> out = switch (fn) {
            case Input -> args.size() <= 1 && ts.forAll(PyTypes.STR::equals) ? prim(PrimOp.Input, args, PyTypes.STR, s) : Option.none();
            case InputInt -> args.isEmpty() ? prim(PrimOp.InputInt, args, PyTypes.INT, s) : Option.none();
            case Len -> one(ts).flatMap(t -> switch (t) {
                case PyCore.StrType x -> prim(PrimOp.StrLen, args, PyTypes.INT, s);
                case PyCore.ListType x -> prim(PrimOp.ListLen, args, PyTypes.INT, s);
                case PyCore.TupleType x -> prim(PrimOp.TupleLen, args, PyTypes.INT, s);
                case PyCore.DictType x -> prim(PrimOp.DictLen, args, PyTypes.INT, s);
                case PyCore.SetType x -> prim(PrimOp.SetLen, args, PyTypes.INT, s);
                case PyCore.ClassType(var cls, var sp) -> exprs.callMethod(cls, "__len__", args, s);
                default -> Option.none();
            });
            case IntFn -> one(ts).flatMap(t -> switch (t) {
                case PyCore.IntType x -> Option.some(args.head());
                case PyCore.FloatType x -> prim(PrimOp.FloatToInt, args, PyTypes.INT, s);
                case PyCore.StrType x -> prim(PrimOp.StrToInt, args, PyTypes.INT, s);
                default -> Option.none();
            });
            case FloatFn -> one(ts).flatMap(t -> switch (t) {
                case PyCore.IntType x -> prim(PrimOp.IntToFloat, args, PyTypes.FLOAT, s);
                case PyCore.FloatType x -> Option.some(args.head());
                case PyCore.StrType x -> prim(PrimOp.StrToFloat, args, PyTypes.FLOAT, s);
                default -> Option.none();
            });
            case StrFn -> one(ts).filter(t -> !(t instanceof PyCore.FunType)).map(t -> exprs.str(args.head()));
            case BoolFn -> one(ts).filter(t -> !(t instanceof PyCore.FunType) && !(t instanceof PyCore.ClassType))
                    .flatMap(t -> prim(PrimOp.Truthy, args, PyTypes.BOOL, s));
            case Abs -> one(ts).filter(Typing::numeric)
                    .flatMap(t -> prim(t.equals(PyTypes.INT) ? PrimOp.IntAbs : PrimOp.FloatAbs, args, t, s));
            case Min, Max -> minMax(fn == Builtin.Min, args, ts, s);
            case Ord -> one(ts).filter(PyTypes.STR::equals).flatMap(t -> prim(PrimOp.Ord, args, PyTypes.INT, s));
            case Chr -> one(ts).filter(PyTypes.INT::equals).flatMap(t -> prim(PrimOp.Chr, args, PyTypes.STR, s));
            case Range -> Option.some(typing.fail(s, "range can only be iterated over by for and comprehensions in NanoPy", PyTypes.NONE));
            default -> Option.none();
        };
        return out.getOrElse(() -> typing.fail(s, "no version of " + name(fn) + " takes ("
                + ts.map(Typing::show).mkString(", ") + ")", PyTypes.NONE));
    }

    /**
     * The context type of an argument whose element type cannot matter ({@code print([])},
     * {@code len([])}, {@code str([])}): an empty list literal gets {@code list[None]}.
     */
    static Option<Type> elementFree(PyResolved.Expr arg) {
        return arg instanceof PyResolved.ListExpr l && l.elts().isEmpty() ? Option.some(PyTypes.list(PyTypes.NONE)) : Option.none();
    }

    static boolean minMaxFits(List<PyTyped.Expr> args) {
        List<Type> ts = args.map(PyTypes::typeOf);
        return args.size() >= 2 && ts.forAll(ts.head()::equals) && Typing.numeric(ts.head());
    }

    /** Why min or max does not take these arguments, in CPython's words where CPython fails too. */
    static String minMaxMessage(String fn, List<Type> ts) {
        if (ts.isEmpty()) {
            return fn + " expected at least 1 argument, got 0";
        }
        if (ts.size() == 1) {
            return fn + " of one argument needs an iterable, but " + Typing.show(ts.head()) + " is not iterable";
        }
        if (ts.forAll(Typing::numeric)) {
            return fn + " of mixed int and float arguments: its result's type would depend on the values; convert them with float()";
        }
        return "no version of " + fn + " takes (" + ts.map(Typing::show).mkString(", ") + "); NanoPy's " + fn
                + " takes two or more ints or floats of one type";
    }

    static Option<Type> one(List<Type> ts) {
        return ts.size() == 1 ? Option.some(ts.head()) : Option.none();
    }

    private static Option<PyTyped.Expr> prim(PrimOp op, List<PyTyped.Expr> args, Type t, Span s) {
        return Option.some(new PyTyped.Prim(op, args, t, s));
    }

    static Option<PyTyped.Expr> minMax(boolean min, List<PyTyped.Expr> args, List<Type> ts, Span s) {
        if (args.size() < 2 || !ts.forAll(ts.head()::equals) || !Typing.numeric(ts.head())) {
            return Option.none();
        }
        boolean ints = ts.head().equals(PyTypes.INT);
        PrimOp op = min ? (ints ? PrimOp.IntMin : PrimOp.FloatMin) : (ints ? PrimOp.IntMax : PrimOp.FloatMax);
        return Option.some(args.tail().foldLeft(args.head(), (acc, x) -> new PyTyped.Prim(op, List.of(acc, x), ts.head(), s)));
    }

    private PyTyped.Expr print(PyResolved.Call c) {
        List<PyTyped.Expr> args = c.args().map(a -> {
            PyTyped.Expr t = exprs.expr(a, elementFree(a));
            if (typing.ok(t) && Typing.hasClass(PyTypes.typeOf(t))) {
                return exprs.str(t);
            }
            return typing.ok(t) && PyTypes.typeOf(t) instanceof PyCore.FunType
                    ? typing.fail(a.span(), "printing a function is not supported in NanoPy", PyTypes.NONE) : t;
        });
        PyTyped.Expr sep = new PyTyped.StrLit(" ", c.span());
        PyTyped.Expr end = new PyTyped.StrLit("\n", c.span());
        boolean ok = typing.ok(args);
        for (PyResolved.Keyword k : c.keywords()) {
            if (!k.arg().equals("sep") && !k.arg().equals("end")) {
                typing.fail(k.span(), "print takes only the keyword arguments sep and end, not " + k.arg(), PyTypes.NONE);
                ok = false;
                continue;
            }
            PyTyped.Expr v = exprs.expect(k.value(), PyTypes.STR, "print's " + k.arg());
            ok &= typing.ok(v);
            if (k.arg().equals("sep")) {
                sep = v;
            } else {
                end = v;
            }
        }
        return ok ? new PyTyped.Print(args, sep, end, c.span()) : typing.failed(c.span(), PyTypes.NONE);
    }

    PyTyped.Expr method(PyResolved.MethodCall m, Option<Type> expected) {
        PyTyped.Expr recv = exprs.expr(m.receiver(), Option.none());
        Type rt = PyTypes.typeOf(recv);
        if (!typing.ok(recv)) {
            m.args().forEach(a -> exprs.expr(a, Option.none()));
            return typing.failed(m.span(), PyTypes.NONE);
        }
        Span s = m.span();
        int n = m.args().size();
        if (rt instanceof PyCore.ClassType(var cls, var csp)) {
            Type ft = typing.vars.get(cls + "." + m.method());
            List<PyResolved.Param> sig = typing.signatures.get(cls + "." + m.method());
            if (!(ft instanceof PyCore.FunType(var ps, var result, var fsp)) || sig == null) {
                m.args().forEach(a -> exprs.expr(a, Option.none()));
                return typing.fail(s, "class " + cls + " has no method " + m.method(), PyTypes.NONE);
            }
            Option<List<PyTyped.Expr>> bound = bind(cls + "." + m.method(), sig, ps, List.of(recv), m.args(), m.keywords(), s);
            return bound.isDefined() ? new PyTyped.Call(new PyTyped.Var(cls + "." + m.method(), ft, s), bound.get(), result, s)
                    : typing.failed(s, result);
        }
        Option<PyTyped.Expr> stage2 = new Methods(typing, exprs).call(recv, rt, m, expected);
        if (stage2.isDefined()) {
            return stage2.get();
        }
        if (!m.keywords().isEmpty()) {
            return typing.fail(m.keywords().head().span(), "unsupported: keyword argument " + m.keywords().head().arg()
                    + " of " + m.method() + " is not in NanoPy yet", PyTypes.NONE);
        }
        if (rt.equals(PyTypes.STR)) {
            return switch (m.method()) {
                case "join" -> n == 1 ? typed(PrimOp.StrJoin, recv, List.of(exprs.expect(m.args().head(), PyTypes.list(PyTypes.STR),
                        "the argument of join")), PyTypes.STR, s) : arity(m, 1);
                case "split" -> n == 0 ? typed(PrimOp.StrSplit, recv, List.empty(), PyTypes.list(PyTypes.STR), s)
                        : n == 1 ? typed(PrimOp.StrSplitSep, recv, List.of(exprs.expect(m.args().head(), PyTypes.STR,
                        "the separator of split")), PyTypes.list(PyTypes.STR), s) : arity(m, 1);
                case "strip" -> n == 0 ? typed(PrimOp.StrStrip, recv, List.empty(), PyTypes.STR, s) : arity(m, 0);
                default -> unsupported(m, rt);
            };
        }
        if (rt instanceof PyCore.ListType(var elem, var sp)) {
            return switch (m.method()) {
                case "append" -> n == 1 ? typed(PrimOp.ListAppend, recv, List.of(exprs.expect(m.args().head(), elem,
                        "the argument of append")), PyTypes.NONE, s) : arity(m, 1);
                case "pop" -> n == 0 ? typed(PrimOp.ListPop, recv, List.empty(), elem, s)
                        : n == 1 ? typed(PrimOp.ListPopAt, recv, List.of(exprs.expect(m.args().head(), PyTypes.INT,
                        "the index of pop")), elem, s) : arity(m, 1);
                default -> unsupported(m, rt);
            };
        }
        return unsupported(m, rt);
    }

    private PyTyped.Expr typed(PrimOp op, PyTyped.Expr recv, List<PyTyped.Expr> args, Type t, Span s) {
        return typing.ok(args) ? new PyTyped.Prim(op, args.prepend(recv), t, s) : typing.failed(s, t);
    }

    PyTyped.Expr arity(PyResolved.MethodCall m, int want) {
        return typing.fail(m.span(), "arity mismatch: " + m.method() + " takes " + want + " argument" + (want == 1 ? "" : "s")
                + " but " + m.args().size() + " were given", PyTypes.NONE);
    }

    PyTyped.Expr unsupported(PyResolved.MethodCall m, Type t) {
        String owner = t instanceof PyCore.ListType ? "list" : Typing.show(t);
        return typing.fail(m.span(), "unsupported: method " + owner + "." + m.method() + " is not in NanoPy yet", PyTypes.NONE);
    }
}
