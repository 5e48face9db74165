package nanopy.py.interp;

import java.util.ArrayList;
import nanopy.ir.ProgramIo;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.Code.Ev;
import nanopy.py.interp.Values.PyList;
import nanopy.py.interp.Values.PyTuple;

/**
 * Compiles each typed primitive to a closure over its compiled operands. Binary primitives are
 * also available as functions of two values, for comparison chains and augmented assignments.
 */
final class PrimCompiler {
    /** A binary primitive applied to two values. */
    interface Binary {
        Object apply(Object a, Object b);
    }

    private final ProgramIo io;

    PrimCompiler(ProgramIo io) {
        this.io = io;
    }

    private static long l(Object o) {
        return (Long) o;
    }

    private static double d(Object o) {
        return ((Number) o).doubleValue();
    }

    private static String s(Object o) {
        return (String) o;
    }

    private static PyList list(Object o) {
        return (PyList) o;
    }

    /** The binary primitive {@code op}; fails for primitives that do not take two operands. */
    Binary binary(PrimOp op, Span sp) {
        return switch (op) {
            case IntAdd -> (a, b) -> Prims.add(l(a), l(b), sp);
            case IntSub -> (a, b) -> Prims.sub(l(a), l(b), sp);
            case IntMul -> (a, b) -> Prims.mul(l(a), l(b), sp);
            case IntFloorDiv -> (a, b) -> Prims.floorDiv(l(a), l(b), sp);
            case IntMod -> (a, b) -> Prims.mod(l(a), l(b), sp);
            case IntPow -> (a, b) -> Prims.pow(l(a), l(b), sp);
            case IntMin -> (a, b) -> l(b) < l(a) ? b : a;
            case IntMax -> (a, b) -> l(b) > l(a) ? b : a;
            case IntTrueDiv -> (a, b) -> Prims.trueDiv(l(a), l(b), sp);
            case FloatAdd -> (a, b) -> d(a) + d(b);
            case FloatSub -> (a, b) -> d(a) - d(b);
            case FloatMul -> (a, b) -> d(a) * d(b);
            case FloatDiv -> (a, b) -> Prims.trueDiv(d(a), d(b), sp);
            case FloatFloorDiv -> (a, b) -> Prims.floorDiv(d(a), d(b), sp);
            case FloatMod -> (a, b) -> Prims.mod(d(a), d(b), sp);
            case FloatPow -> (a, b) -> Prims.pow(d(a), d(b), sp);
            case FloatMin -> (a, b) -> d(b) < d(a) ? b : a;
            case FloatMax -> (a, b) -> d(b) > d(a) ? b : a;
            case IntEq -> (a, b) -> l(a) == l(b);
            case IntNe -> (a, b) -> l(a) != l(b);
            case IntLt -> (a, b) -> l(a) < l(b);
            case IntLe -> (a, b) -> l(a) <= l(b);
            case IntGt -> (a, b) -> l(a) > l(b);
            case IntGe -> (a, b) -> l(a) >= l(b);
            case FloatEq -> (a, b) -> PyNumbers.compareNumbers(a, b) == 0;
            case FloatNe -> (a, b) -> PyNumbers.compareNumbers(a, b) != 0;
            case FloatLt -> (a, b) -> PyNumbers.compareNumbers(a, b) == -1;
            case FloatLe -> (a, b) -> PyNumbers.compareNumbers(a, b) <= 0;
            case FloatGt -> (a, b) -> PyNumbers.compareNumbers(a, b) == 1;
            case FloatGe -> (a, b) -> {
                int c = PyNumbers.compareNumbers(a, b);
                return c == 0 || c == 1;
            };
            case StrEq -> (a, b) -> s(a).equals(s(b));
            case StrNe -> (a, b) -> !s(a).equals(s(b));
            case StrLt -> (a, b) -> PyStrings.compare(s(a), s(b)) < 0;
            case StrLe -> (a, b) -> PyStrings.compare(s(a), s(b)) <= 0;
            case StrGt -> (a, b) -> PyStrings.compare(s(a), s(b)) > 0;
            case StrGe -> (a, b) -> PyStrings.compare(s(a), s(b)) >= 0;
            case BoolEq -> (a, b) -> a.equals(b);
            case BoolNe -> (a, b) -> !a.equals(b);
            case ValueEq -> (a, b) -> Values.eq(a, b);
            case ValueNe -> (a, b) -> !Values.eq(a, b);
            case Is -> (a, b) -> a == b;
            case IsNot -> (a, b) -> a != b;
            case StrConcat -> (a, b) -> s(a).concat(s(b));
            case StrRepeat -> (a, b) -> Prims.strRepeat(s(a), l(b), sp);
            case StrIndex -> (a, b) -> PyStrings.index(s(a), l(b), sp);
            case StrIn -> (a, b) -> s(b).contains(s(a));
            case StrNotIn -> (a, b) -> !s(b).contains(s(a));
            case StrJoin -> (a, b) -> Prims.join(s(a), list(b));
            case StrSplitSep -> (a, b) -> Prims.split(s(a), s(b), sp);
            case ListIndex -> (a, b) -> {
                PyList x = list(a);
                return x.items.get(Prims.index(l(b), x.items.size(), "list", sp));
            };
            case ListConcat -> (a, b) -> {
                ArrayList<Object> out = new ArrayList<>(list(a).items);
                out.addAll(list(b).items);
                return new PyList(out);
            };
            case ListExtend -> (a, b) -> {
                list(a).items.addAll(new ArrayList<>(list(b).items));
                return a;
            };
            case ListRepeat -> (a, b) -> Prims.listRepeat(list(a), l(b), sp);
            case ListAppend -> (a, b) -> {
                list(a).items.add(b);
                return Values.None.NONE;
            };
            case ListPopAt -> (a, b) -> Prims.pop(list(a), l(b), sp);
            case ListIn -> (a, b) -> Prims.listContains(list(b), a);
            case ListNotIn -> (a, b) -> !Prims.listContains(list(b), a);
            case IntAnd -> (a, b) -> l(a) & l(b);
            case IntOr -> (a, b) -> l(a) | l(b);
            case IntXor -> (a, b) -> l(a) ^ l(b);
            case IntLShift -> (a, b) -> shiftLeft(l(a), l(b), sp);
            case IntRShift -> (a, b) -> {
                if (l(b) < 0) {
                    throw Prims.error("ValueError", "negative shift count", sp);
                }
                return l(a) >> Math.min(63, l(b));
            };
            case StrFind -> (a, b) -> StrMethods.find(s(a), s(b));
            case StrCount -> (a, b) -> StrMethods.count(s(a), s(b));
            case StrStartsWith -> (a, b) -> s(a).startsWith(s(b));
            case StrEndsWith -> (a, b) -> s(a).endsWith(s(b));
            case StrStripChars -> (a, b) -> StrMethods.strip(s(a), s(b));
            case ListRemove -> (a, b) -> {
                Containers.remove(list(a), b, sp);
                return Values.None.NONE;
            };
            case ListIndexOf -> (a, b) -> Containers.indexOf(list(a), b, sp);
            case ListCount -> (a, b) -> Containers.count(list(a), b);
            case ListSort -> (a, b) -> {
                Containers.sortInPlace(list(a), (Boolean) b);
                return Values.None.NONE;
            };
            case ListDelAt -> (a, b) -> {
                Containers.delAt(list(a), l(b), sp);
                return Values.None.NONE;
            };
            case Sorted -> (a, b) -> Containers.sorted(list(a), (Boolean) b);
            case SortedPairs -> (a, b) -> Containers.sortedPairs(list(a), (Boolean) b);
            case RoundDigits -> (a, b) -> StrMethods.roundDigits(d(a), l(b));
            case Enumerate -> (a, b) -> Containers.enumerate(list(a), l(b), sp);
            case Zip -> (a, b) -> Containers.zip(list(a), list(b));
            case Format -> (a, b) -> PyFormat.format(a, s(b), sp);
            case ValueLt -> (a, b) -> Values.compare(a, b) < 0;
            case ValueLe -> (a, b) -> Values.compare(a, b) <= 0;
            case ValueGt -> (a, b) -> Values.compare(a, b) > 0;
            case ValueGe -> (a, b) -> Values.compare(a, b) >= 0;
            case DictGet -> (a, b) -> Containers.get(dict(a), b, sp);
            case DictDel -> (a, b) -> {
                Containers.del(dict(a), b, sp);
                return Values.None.NONE;
            };
            case DictIn -> (a, b) -> dict(b).map.containsKey(new Values.Key(a));
            case DictNotIn -> (a, b) -> !dict(b).map.containsKey(new Values.Key(a));
            case DictPop -> (a, b) -> Containers.pop(dict(a), b, sp);
            case SetAdd -> (a, b) -> {
                set(a).set.add(new Values.Key(b));
                return Values.None.NONE;
            };
            case SetRemove -> (a, b) -> {
                Containers.remove(set(a), b, sp);
                return Values.None.NONE;
            };
            case SetDiscard -> (a, b) -> {
                set(a).set.remove(new Values.Key(b));
                return Values.None.NONE;
            };
            case SetIn -> (a, b) -> set(b).set.contains(new Values.Key(a));
            case SetNotIn -> (a, b) -> !set(b).set.contains(new Values.Key(a));
            case SetUnion -> (a, b) -> Containers.union(set(a), b);
            case SetIntersection -> (a, b) -> Containers.intersection(set(a), b);
            case SetDifference -> (a, b) -> Containers.difference(set(a), b);
            case ObjNew -> (a, b) -> new Values.PyObject(s(a), (int) l(b));
            case ExcNew -> (a, b) -> Exceptions.make(s(a), s(b), sp);
            case ObjGet -> (a, b) -> {
                Object v = ((Values.PyObject) a).fields[(int) l(b)];
                if (v == null) {
                    throw Prims.error("AttributeError", "'" + ((Values.PyObject) a).cls + "' object has no attribute", sp);
                }
                return v;
            };
            default -> throw new IllegalStateException(op + " is not a binary primitive");
        };
    }

    /** The primitive {@code op} applied to compiled operands. */
    Ev prim(PrimOp op, Ev[] args, Span sp) {
        return switch (op) {
            case IntNeg -> unary(args, a -> Prims.neg(l(a), sp));
            case IntAbs -> unary(args, a -> l(a) < 0 ? Prims.neg(l(a), sp) : a);
            case IntToFloat -> unary(args, a -> (double) l(a));
            case FloatNeg -> unary(args, a -> -d(a));
            case FloatAbs -> unary(args, a -> Math.abs(d(a)));
            case FloatToInt -> unary(args, a -> Prims.floatToInt(d(a), sp));
            case Not -> unary(args, a -> !(Boolean) a);
            case Truthy -> unary(args, Values::truthy);
            case StrLen -> unary(args, a -> (long) PyStrings.length(s(a)));
            case StrSplit -> unary(args, a -> Prims.split(s(a)));
            case StrStrip -> unary(args, a -> Prims.strip(s(a)));
            case StrToInt -> unary(args, a -> Prims.strToInt(s(a), sp));
            case StrToFloat -> unary(args, a -> Prims.strToFloat(s(a), sp));
            case Ord -> unary(args, a -> Prims.ord(s(a), sp));
            case Chr -> unary(args, a -> Prims.chr(l(a), sp));
            case ToStr -> unary(args, Values::str);
            case ExcMatches -> f -> {
                Object exc = args[0].eval(f);
                for (int i = 1; i < args.length; i++) {
                    if (Exceptions.matches(exc, s(args[i].eval(f)))) {
                        return true;
                    }
                }
                return false;
            };
            case Raise -> unary(args, a -> {
                throw Prims.raise(s(a), sp);
            });
            case ListLen -> unary(args, a -> (long) list(a).items.size());
            case ListPop -> unary(args, a -> Prims.pop(list(a), -1, sp));
            case TupleLen -> unary(args, a -> (long) ((PyTuple) a).items.length);
            case StrSlice -> slice(args, (a, lo, hi) -> PyStrings.slice(s(a), lo, hi));
            case ListSlice -> slice(args, (a, lo, hi) -> Prims.listSlice(list(a), lo, hi));
            case Input -> f -> {
                if (args.length == 1) {
                    String prompt = s(args[0].eval(f));
                    if (!io.stdinLost()) {   // CPython checks sys.stdin before it writes the prompt
                        io.print(prompt);
                    }
                }
                return readLine(sp);
            };
            case InputInt -> f -> Prims.strToInt(readLine(sp), sp);
            case IntInvert -> unary(args, a -> ~l(a));
            case StrLower -> unary(args, a -> StrMethods.lower(s(a)));
            case StrUpper -> unary(args, a -> StrMethods.upper(s(a)));
            case StrIsDigit -> unary(args, a -> StrMethods.isDigit(s(a)));
            case StrIsAlpha -> unary(args, a -> StrMethods.isAlpha(s(a)));
            case StrIsSpace -> unary(args, a -> StrMethods.isSpace(s(a)));
            case StrToList -> unary(args, a -> Containers.strToList(s(a)));
            case ListReverse -> unary(args, a -> {
                java.util.Collections.reverse(list(a).items);
                return Values.None.NONE;
            });
            case SumInt -> unary(args, a -> Containers.sumInt(list(a), sp));
            case SumFloat -> unary(args, a -> Containers.sumFloat(list(a)));
            case MinOf -> unary(args, a -> Containers.extreme(list(a), true, sp));
            case MaxOf -> unary(args, a -> Containers.extreme(list(a), false, sp));
            case MinPairs -> unary(args, a -> Containers.extremePairs(list(a), true, sp));
            case MaxPairs -> unary(args, a -> Containers.extremePairs(list(a), false, sp));
            case RoundToInt -> unary(args, a -> StrMethods.roundToInt(d(a), sp));
            case AnyOf -> unary(args, a -> Containers.any(list(a)));
            case AllOf -> unary(args, a -> Containers.all(list(a)));
            case Repr -> unary(args, Values::repr);
            case DictOf -> unary(args, a -> Containers.dictOf(list(a)));
            case DictLen -> unary(args, a -> (long) dict(a).map.size());
            case DictKeys -> unary(args, a -> Containers.keys(dict(a)));
            case DictValues -> unary(args, a -> Containers.values(dict(a)));
            case DictItems -> unary(args, a -> Containers.items(dict(a)));
            case SetOf -> unary(args, a -> Containers.setOf(list(a)));
            case SetLen -> unary(args, a -> (long) set(a).set.size());
            case SetToList -> unary(args, a -> Containers.toList(set(a)));
            case StrSliceStep -> quaternary(args, (a, b, c, e) -> Containers.strSliceStep(s(a), b, c, e, sp));
            case ListSliceStep -> quaternary(args, (a, b, c, e) -> Containers.listSliceStep(list(a), b, c, e, sp));
            case ListSetSlice -> quaternary(args, (a, b, c, e) -> {
                Containers.setSlice(list(a), b, c, list(e));
                return Values.None.NONE;
            });
            case StrReplace -> ternary(args, (a, b, c) -> StrMethods.replace(s(a), s(b), s(c)));
            case ListInsert -> ternary(args, (a, b, c) -> {
                Containers.insert(list(a), l(b), c);
                return Values.None.NONE;
            });
            case ListSortPairs -> ternary(args, (a, b, c) -> {
                Containers.sortPairsInPlace(list(a), list(b), (Boolean) c);
                return Values.None.NONE;
            });
            case Zip3 -> ternary(args, (a, b, c) -> Containers.zip(list(a), list(b), list(c)));
            case DictGetOr -> ternary(args, (a, b, c) -> Containers.getOr(dict(a), b, c));
            case DictSet -> ternary(args, (a, b, c) -> {
                Containers.set(dict(a), b, c);
                return Values.None.NONE;
            });
            case DictSetDefault -> ternary(args, (a, b, c) -> Containers.setDefault(dict(a), b, c));
            case DictPopOr -> ternary(args, (a, b, c) -> Containers.popOr(dict(a), b, c));
            case ObjSet -> ternary(args, (a, b, c) -> {
                ((Values.PyObject) a).fields[(int) l(b)] = c;
                return Values.None.NONE;
            });
            default -> {
                Binary b = binary(op, sp);
                Ev x = args[0];
                Ev y = args[1];
                yield f -> {
                    Object a = x.eval(f);
                    return b.apply(a, y.eval(f));
                };
            }
        };
    }

    private interface Unary {
        Object apply(Object a);
    }

    private interface Ternary {
        Object apply(Object a, Object b, Object c);
    }

    private interface Quaternary {
        Object apply(Object a, Object b, Object c, Object d);
    }

    private static Ev ternary(Ev[] args, Ternary t) {
        return slice(args, t);
    }

    private static Ev quaternary(Ev[] args, Quaternary q) {
        Ev x = args[0];
        Ev y = args[1];
        Ev z = args[2];
        Ev w = args[3];
        return f -> {
            Object a = x.eval(f);
            Object b = y.eval(f);
            Object c = z.eval(f);
            return q.apply(a, b, c, w.eval(f));
        };
    }

    private static long shiftLeft(long a, long n, Span sp) {
        if (n < 0) {
            throw Prims.error("ValueError", "negative shift count", sp);
        }
        if (a == 0) {
            return 0;
        }
        if (n >= 63 || (a << n) >> n != a) {
            throw Prims.overflow(sp);
        }
        return a << n;
    }

    private static Values.PyDict dict(Object o) {
        return (Values.PyDict) o;
    }

    private static Values.PySet set(Object o) {
        return (Values.PySet) o;
    }

    private static Ev unary(Ev[] args, Unary u) {
        Ev x = args[0];
        return f -> u.apply(x.eval(f));
    }

    private static Ev slice(Ev[] args, Ternary t) {
        Ev x = args[0];
        Ev lo = args[1];
        Ev hi = args[2];
        return f -> {
            Object a = x.eval(f);
            Object b = lo.eval(f);
            return t.apply(a, b, hi.eval(f));
        };
    }

    private String readLine(Span sp) {
        String line = io.readLine();
        if (line == null && io.stdinLost()) {
            throw Prims.error("RuntimeError", "input(): lost sys.stdin", sp);
        }
        if (line == null) {
            throw Prims.error("EOFError", "EOF when reading a line", sp);
        }
        return line;
    }

    Ev print(Ev[] args, Ev sep, Ev end) {
        return f -> {
            Object[] vs = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                vs[i] = args[i].eval(f);
            }
            String between = s(sep.eval(f));
            String last = s(end.eval(f));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < vs.length; i++) {
                sb.append(i > 0 ? between : "").append(Values.str(vs[i]));
            }
            io.print(sb.append(last));
            return Values.None.NONE;
        };
    }
}
