package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.ir.Span;
import nanopy.py.PyCore;
import nanopy.py.PyCore.Type;
import nanopy.py.PyResolved;
import nanopy.py.PyTyped;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.PyTypes;

/**
 * Types the stage-2 methods of str, list, dict and set: each becomes a typed primitive. The stage-1
 * ones ({@code join}, {@code split}, {@code strip}, {@code append}, {@code pop}) stay with
 * {@link CallTyper}, except where stage 2 widens them ({@code strip(chars)}, {@code join} of any
 * iterable of strs).
 */
final class Methods {
    private final Typing typing;
    private final ExprTyper exprs;

    Methods(Typing typing, ExprTyper exprs) {
        this.typing = typing;
        this.exprs = exprs;
    }

    private PyTyped.Expr arity(PyResolved.MethodCall m, String takes) {
        m.args().forEach(a -> exprs.expr(a, Option.none()));
        return typing.fail(m.span(), "arity mismatch: " + m.method() + " takes " + takes + " but " + m.args().size()
                + (m.args().size() == 1 ? " was" : " were") + " given", PyTypes.NONE);
    }

    private PyTyped.Expr prim(PrimOp op, List<PyTyped.Expr> args, Type t, Span s) {
        return typing.ok(args) ? new PyTyped.Prim(op, args, t, s) : typing.failed(s, t);
    }

    private PyTyped.Expr arg(PyResolved.MethodCall m, int i, Type t) {
        return exprs.expect(m.args().get(i), t, "argument " + (i + 1) + " of " + m.method());
    }

    /** The typed method call, or none when it is not a stage-2 method of the receiver's type. */
    Option<PyTyped.Expr> call(PyTyped.Expr recv, Type rt, PyResolved.MethodCall m, Option<Type> expected) {
        Span s = m.span();
        int n = m.args().size();
        boolean kw = !m.keywords().isEmpty();
        if (rt.equals(PyTypes.STR) && !kw) {
            Type str = PyTypes.STR;
            return Option.of(switch (m.method()) {
                case "lower", "upper", "isdigit", "isalpha", "isspace" -> {
                    if (n != 0) {
                        yield arity(m, "no arguments");
                    }
                    PrimOp op = switch (m.method()) {
                        case "lower" -> PrimOp.StrLower;
                        case "upper" -> PrimOp.StrUpper;
                        case "isdigit" -> PrimOp.StrIsDigit;
                        case "isalpha" -> PrimOp.StrIsAlpha;
                        default -> PrimOp.StrIsSpace;
                    };
                    yield prim(op, List.of(recv), m.method().startsWith("is") ? PyTypes.BOOL : str, s);
                }
                case "replace" -> n == 2 ? prim(PrimOp.StrReplace, List.of(recv, arg(m, 0, str), arg(m, 1, str)), str, s) : arity(m, "2 arguments");
                case "find", "count" -> n == 1 ? prim(m.method().equals("find") ? PrimOp.StrFind : PrimOp.StrCount,
                        List.of(recv, arg(m, 0, str)), PyTypes.INT, s) : arity(m, "1 argument in NanoPy");
                case "startswith", "endswith" -> n == 1 ? prim(m.method().equals("startswith") ? PrimOp.StrStartsWith : PrimOp.StrEndsWith,
                        List.of(recv, arg(m, 0, str)), PyTypes.BOOL, s) : arity(m, "1 argument in NanoPy");
                case "strip" -> n == 1 ? prim(PrimOp.StrStripChars, List.of(recv, arg(m, 0, str)), str, s) : null;
                case "join" -> {
                    if (n != 1) {
                        yield null;
                    }
                    Option<Builtins.Items> items = new Builtins(typing, exprs, null).asList(m.args().head(), false, Option.some(str));
                    if (items.isEmpty()) {
                        yield typing.failed(s, str);
                    }
                    yield items.get().elem().equals(str) ? prim(PrimOp.StrJoin, List.of(recv, items.get().list()), str, s)
                            : typing.fail(s, "join needs strs, not " + Typing.show(items.get().elem()), str);
                }
                default -> null;
            });
        }
        if (rt instanceof PyCore.ListType(var elem, var sp)) {
            return list(recv, rt, elem, m, s);
        }
        if (rt instanceof PyCore.DictType(var k, var v, var sp) && !kw) {
            Type items = PyTypes.list(PyTypes.tuple(List.of(k, v)));
            return Option.of(switch (m.method()) {
                case "get" -> n == 2 ? prim(PrimOp.DictGetOr, List.of(recv, arg(m, 0, k), arg(m, 1, v)), v, s)
                        : n == 1 ? typing.fail(s, "unsupported: get without a default (its result may be None) is not in NanoPy yet; write d.get(k, default)", v)
                        : arity(m, "2 arguments");
                case "keys" -> n == 0 ? prim(PrimOp.DictKeys, List.of(recv), PyTypes.list(k), s) : arity(m, "no arguments");
                case "values" -> n == 0 ? prim(PrimOp.DictValues, List.of(recv), PyTypes.list(v), s) : arity(m, "no arguments");
                case "items" -> n == 0 ? prim(PrimOp.DictItems, List.of(recv), items, s) : arity(m, "no arguments");
                case "setdefault" -> n == 2 ? prim(PrimOp.DictSetDefault, List.of(recv, arg(m, 0, k), arg(m, 1, v)), v, s) : arity(m, "2 arguments in NanoPy");
                case "pop" -> n == 1 ? prim(PrimOp.DictPop, List.of(recv, arg(m, 0, k)), v, s)
                        : n == 2 ? prim(PrimOp.DictPopOr, List.of(recv, arg(m, 0, k), arg(m, 1, v)), v, s) : arity(m, "1 or 2 arguments");
                default -> null;
            });
        }
        if (rt instanceof PyCore.SetType(var e, var sp) && !kw) {
            return Option.of(switch (m.method()) {
                case "add" -> n == 1 ? prim(PrimOp.SetAdd, List.of(recv, arg(m, 0, e)), PyTypes.NONE, s) : arity(m, "1 argument");
                case "remove" -> n == 1 ? prim(PrimOp.SetRemove, List.of(recv, arg(m, 0, e)), PyTypes.NONE, s) : arity(m, "1 argument");
                case "discard" -> n == 1 ? prim(PrimOp.SetDiscard, List.of(recv, arg(m, 0, e)), PyTypes.NONE, s) : arity(m, "1 argument");
                case "union", "intersection", "difference" -> {
                    if (n != 1) {
                        yield arity(m, "1 argument in NanoPy");
                    }
                    Option<Builtins.Items> other = new Builtins(typing, exprs, null).asList(m.args().head(), false, Option.some(e));
                    if (other.isEmpty()) {
                        yield typing.failed(s, rt);
                    }
                    if (!other.get().elem().equals(e)) {
                        yield typing.fail(s, m.method() + " of " + Typing.show(rt) + " and " + Typing.show(other.get().elem()) + " values", rt);
                    }
                    // a set argument is passed as it is, anything else as a list: CPython merges or scans a
                    // set's table in slot order, and goes through other iterables item by item
                    PyTyped.Expr asSet = other.get().list() instanceof PyTyped.Prim(var op0, var xs, var t0, var s0) && op0 == PrimOp.SetToList
                            ? xs.head() : other.get().list();
                    PrimOp op = switch (m.method()) {
                        case "union" -> PrimOp.SetUnion;
                        case "intersection" -> PrimOp.SetIntersection;
                        default -> PrimOp.SetDifference;
                    };
                    yield prim(op, List.of(recv, asSet), rt, s);
                }
                default -> null;
            });
        }
        return Option.none();
    }

    /** A receiver that evaluating twice cannot change: a variable, a constant, a field of one. */
    static boolean pure(PyTyped.Expr e) {
        return switch (e) {
            case PyTyped.Var v -> true;
            case PyTyped.Prim(var op, var args, var t, var s) when op == PrimOp.ObjGet -> pure(args.head());
            default -> false;
        };
    }

    private Option<PyTyped.Expr> list(PyTyped.Expr recv, Type rt, Type elem, PyResolved.MethodCall m, Span s) {
        int n = m.args().size();
        if (m.method().equals("sort")) {
            for (PyResolved.Keyword k : m.keywords()) {
                if (!k.arg().equals("key") && !k.arg().equals("reverse")) {
                    return Option.some(typing.fail(k.span(), "sort takes no keyword argument " + k.arg(), PyTypes.NONE));
                }
            }
            if (n != 0) {
                return Option.some(arity(m, "no positional arguments"));
            }
            PyTyped.Expr rev = m.keywords().find(k -> k.arg().equals("reverse")).map(k -> exprs.expect(k.value(), PyTypes.BOOL, "reverse="))
                    .getOrElse(() -> new PyTyped.BoolLit(false, s));
            Option<PyResolved.Keyword> key = m.keywords().find(k -> k.arg().equals("key"));
            if (key.isEmpty()) {
                if (!Operators.orderable(elem)) {
                    return Option.some(typing.fail(s, "unsupported: sorting " + Typing.show(elem) + " values is not in NanoPy yet (give a key=)", PyTypes.NONE));
                }
                return Option.some(prim(PrimOp.ListSort, List.of(recv, rev), PyTypes.NONE, s));
            }
            if (!pure(recv)) {
                return Option.some(typing.fail(s, "unsupported: sort(key=...) of a computed list is not in NanoPy yet; assign the list to a variable first", PyTypes.NONE));
            }
            Option<PyTyped.Expr> pairs = new Builtins(typing, exprs, null).keyPairs(new Builtins.Items(recv, elem), key.get().value(), s);
            return Option.some(pairs.isDefined() ? prim(PrimOp.ListSortPairs, List.of(recv, pairs.get(), rev), PyTypes.NONE, s)
                    : typing.failed(s, PyTypes.NONE));
        }
        if (!m.keywords().isEmpty()) {
            return Option.none();
        }
        return Option.of(switch (m.method()) {
            case "insert" -> n == 2 ? prim(PrimOp.ListInsert, List.of(recv, arg(m, 0, PyTypes.INT), arg(m, 1, elem)), PyTypes.NONE, s) : arity(m, "2 arguments");
            case "remove" -> n == 1 ? prim(PrimOp.ListRemove, List.of(recv, arg(m, 0, elem)), PyTypes.NONE, s) : arity(m, "1 argument");
            case "index" -> n == 1 ? prim(PrimOp.ListIndexOf, List.of(recv, arg(m, 0, elem)), PyTypes.INT, s) : arity(m, "1 argument in NanoPy");
            case "count" -> n == 1 ? prim(PrimOp.ListCount, List.of(recv, arg(m, 0, elem)), PyTypes.INT, s) : arity(m, "1 argument");
            case "reverse" -> n == 0 ? prim(PrimOp.ListReverse, List.of(recv), PyTypes.NONE, s) : arity(m, "no arguments");
            case "copy" -> n == 0 ? prim(PrimOp.ListSlice, List.of(recv, new PyTyped.NoneLit(s), new PyTyped.NoneLit(s)), rt, s) : arity(m, "no arguments");
            case "extend" -> {
                if (n != 1) {
                    yield arity(m, "1 argument");
                }
                Option<Builtins.Items> items = new Builtins(typing, exprs, null).asList(m.args().head(), false, Option.some(elem));
                if (items.isEmpty()) {
                    yield typing.failed(s, PyTypes.NONE);
                }
                yield items.get().elem().equals(elem) ? prim(PrimOp.ListExtend, List.of(recv, items.get().list()), PyTypes.NONE, s)
                        : typing.fail(s, "cannot extend " + Typing.show(rt) + " with " + Typing.show(items.get().elem()) + " values", PyTypes.NONE);
            }
            default -> null;
        });
    }
}
