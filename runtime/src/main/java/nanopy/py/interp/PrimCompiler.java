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
