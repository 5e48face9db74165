package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.ir.Span;
import nanopy.py.PyCore.Type;
import nanopy.py.PySyntax;
import nanopy.py.PyTyped;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.PyTypes;

/**
 * Picks the typed primitive for an arithmetic or comparison operator from its operand types, as
 * Python evaluates them: int with int stays int ({@code /} gives a float), int with float promotes the
 * int ({@link PrimOp#IntToFloat}), {@code str + str}, {@code str * int}, {@code list + list},
 * {@code list * int}. {@code bool} is not a number. Reports {@code operator - not supported between
 * str and int ("a" - 1)}.
 */
final class Operators {
    private final Typing typing;

    Operators(Typing typing) {
        this.typing = typing;
    }

    static String symbol(PySyntax.Operator op) {
        return switch (op) {
            case Add -> "+";
            case Sub -> "-";
            case Mult -> "*";
            case Div -> "/";
            case FloorDiv -> "//";
            case Mod -> "%";
            case Pow -> "**";
            case MatMult -> "@";
            case LShift -> "<<";
            case RShift -> ">>";
            case BitOr -> "|";
            case BitXor -> "^";
            case BitAnd -> "&";
        };
    }

    static String symbol(PySyntax.CmpOp op) {
        return switch (op) {
            case Eq -> "==";
            case NotEq -> "!=";
            case Lt -> "<";
            case LtE -> "<=";
            case Gt -> ">";
            case GtE -> ">=";
            case Is -> "is";
            case IsNot -> "is not";
            case In -> "in";
            case NotIn -> "not in";
        };
    }

    private static PyTyped.Expr toFloat(PyTyped.Expr e) {
        return PyTypes.typeOf(e).equals(PyTypes.INT) ? new PyTyped.Prim(PrimOp.IntToFloat, List.of(e), PyTypes.FLOAT, e.span()) : e;
    }

    /** A message for operands that do not fit the operator. */
    String mismatch(String symbol, Type l, Type r, Span whole) {
        boolean boolWithNumber = l.equals(PyTypes.BOOL) && Typing.numeric(r) || r.equals(PyTypes.BOOL) && Typing.numeric(l);
        String text = typing.text(whole);
        String note = boolWithNumber ? " (bool is not an int in NanoPy)" : text.isEmpty() ? "" : " (" + text + ")";
        return "operator " + symbol + " not supported between " + Typing.show(l) + " and " + Typing.show(r) + note;
    }

    /** The typed primitive for {@code l op r}, or a reported error. */
    PyTyped.Expr binary(PySyntax.Operator op, PyTyped.Expr l, PyTyped.Expr r, Span span) {
        Type lt = PyTypes.typeOf(l);
        Type rt = PyTypes.typeOf(r);
        Option<PyTyped.Expr> out = arith(op, l, r, lt, rt, span);
        return out.getOrElse(() -> typing.fail(span, mismatch(symbol(op), lt, rt, span), lt));
    }

    private Option<PyTyped.Expr> arith(PySyntax.Operator op, PyTyped.Expr l, PyTyped.Expr r, Type lt, Type rt, Span span) {
        boolean ints = lt.equals(PyTypes.INT) && rt.equals(PyTypes.INT);
        boolean nums = Typing.numeric(lt) && Typing.numeric(rt);
        if (ints && op == PySyntax.Operator.Pow && isNegativeConstant(r)) {
            // Python's int ** negative int is a float (2 ** -1 == 0.5); with a constant exponent the type is known.
            return Option.some(prim(PrimOp.FloatPow, List.of(toFloat(l), toFloat(r)), PyTypes.FLOAT, span));
        }
        if (ints) {
            PrimOp p = switch (op) {
                case Add -> PrimOp.IntAdd;
                case Sub -> PrimOp.IntSub;
                case Mult -> PrimOp.IntMul;
                case Div -> PrimOp.IntTrueDiv;
                case FloorDiv -> PrimOp.IntFloorDiv;
                case Mod -> PrimOp.IntMod;
                case Pow -> PrimOp.IntPow;
                case BitAnd -> PrimOp.IntAnd;
                case BitOr -> PrimOp.IntOr;
                case BitXor -> PrimOp.IntXor;
                case LShift -> PrimOp.IntLShift;
                case RShift -> PrimOp.IntRShift;
                default -> null;
            };
            return Option.of(p).map(x -> prim(x, List.of(l, r), x == PrimOp.IntTrueDiv ? PyTypes.FLOAT : PyTypes.INT, span));
        }
        if (nums) {
            PrimOp p = switch (op) {
                case Add -> PrimOp.FloatAdd;
                case Sub -> PrimOp.FloatSub;
                case Mult -> PrimOp.FloatMul;
                case Div -> PrimOp.FloatDiv;
                case FloorDiv -> PrimOp.FloatFloorDiv;
                case Mod -> PrimOp.FloatMod;
                case Pow -> PrimOp.FloatPow;
                default -> null;
            };
            return Option.of(p).map(x -> prim(x, List.of(toFloat(l), toFloat(r)), PyTypes.FLOAT, span));
        }
        if (lt instanceof nanopy.py.PyCore.SetType && lt.equals(rt)) {
            PrimOp p = switch (op) {
                case BitOr -> PrimOp.SetUnion;
                case BitAnd -> PrimOp.SetIntersection;
                case Sub -> PrimOp.SetDifference;
                default -> null;
            };
            return Option.of(p).map(x -> prim(x, List.of(l, r), lt, span));
        }
        if (op == PySyntax.Operator.Add && lt.equals(PyTypes.STR) && rt.equals(PyTypes.STR)) {
            return Option.some(prim(PrimOp.StrConcat, List.of(l, r), PyTypes.STR, span));
        }
        if (op == PySyntax.Operator.Add && lt instanceof nanopy.py.PyCore.ListType && lt.equals(rt)) {
            return Option.some(prim(PrimOp.ListConcat, List.of(l, r), lt, span));
        }
        if (op == PySyntax.Operator.Mult) {
            if ((lt.equals(PyTypes.STR) || lt instanceof nanopy.py.PyCore.ListType) && rt.equals(PyTypes.INT)) {
                return Option.some(prim(lt.equals(PyTypes.STR) ? PrimOp.StrRepeat : PrimOp.ListRepeat, List.of(l, r), lt, span));
            }
            if ((rt.equals(PyTypes.STR) || rt instanceof nanopy.py.PyCore.ListType) && lt.equals(PyTypes.INT)) {
                return Option.some(prim(rt.equals(PyTypes.STR) ? PrimOp.StrRepeat : PrimOp.ListRepeat, List.of(r, l), rt, span));
            }
        }
        return Option.none();
    }

    /** True for a negative int literal, as typed: {@code -3} is {@code IntNeg} of a positive literal. */
    private static boolean isNegativeConstant(PyTyped.Expr e) {
        return switch (e) {
            case PyTyped.IntLit(var v, var s) -> v < 0;
            case PyTyped.Prim(var op, var args, var t, var s) when op == PrimOp.IntNeg && args.size() == 1 -> args.head() instanceof PyTyped.IntLit(var v, var s2) && v > 0;
            default -> false;
        };
    }

    private static PyTyped.Expr prim(PrimOp op, List<PyTyped.Expr> args, Type type, Span span) {
        return new PyTyped.Prim(op, args, type, span);
    }

    /** The typed comparison {@code op} of a chain link, with the right operand (promoted if needed). */
    Option<PyTyped.Cmp> compare(PySyntax.CmpOp op, PyTyped.Expr l, PyTyped.Expr r, Span span) {
        Type lt = PyTypes.typeOf(l);
        Type rt = PyTypes.typeOf(r);
        Option<PyTyped.Cmp> out = switch (op) {
            case Eq, NotEq, Lt, LtE, Gt, GtE -> ordering(op, r, lt, rt, span);
            case Is, IsNot -> identity(lt, rt) ? Option.some(new PyTyped.Cmp(op == PySyntax.CmpOp.Is ? PrimOp.Is : PrimOp.IsNot, r, span))
                    : Option.none();
            case In, NotIn -> {
                boolean in = op == PySyntax.CmpOp.In;
                if (lt.equals(PyTypes.STR) && rt.equals(PyTypes.STR)) {
                    yield Option.some(new PyTyped.Cmp(in ? PrimOp.StrIn : PrimOp.StrNotIn, r, span));
                }
                if (rt instanceof nanopy.py.PyCore.ListType(var e, var s) && e.equals(lt)) {
                    yield Option.some(new PyTyped.Cmp(in ? PrimOp.ListIn : PrimOp.ListNotIn, r, span));
                }
                if (rt instanceof nanopy.py.PyCore.DictType(var k, var v, var s) && k.equals(lt)) {
                    yield Option.some(new PyTyped.Cmp(in ? PrimOp.DictIn : PrimOp.DictNotIn, r, span));
                }
                if (rt instanceof nanopy.py.PyCore.SetType(var e, var s) && e.equals(lt)) {
                    yield Option.some(new PyTyped.Cmp(in ? PrimOp.SetIn : PrimOp.SetNotIn, r, span));
                }
                yield Option.none();
            }
        };
        if (out.isEmpty()) {
            boolean ordering = op == PySyntax.CmpOp.Lt || op == PySyntax.CmpOp.LtE || op == PySyntax.CmpOp.Gt || op == PySyntax.CmpOp.GtE;
            boolean sequences = lt.equals(rt) && (lt instanceof nanopy.py.PyCore.ListType || lt instanceof nanopy.py.PyCore.TupleType);
            typing.ctx.error(span, ordering && sequences
                    ? "unsupported: ordering comparison " + symbol(op) + " of " + Typing.show(lt) + " values is not in NanoPy yet"
                    : mismatch(symbol(op), lt, rt, span));
        }
        return out;
    }

    private static boolean identity(Type lt, Type rt) {
        return lt.equals(PyTypes.NONE) || rt.equals(PyTypes.NONE)
                || lt.equals(rt) && (lt instanceof nanopy.py.PyCore.TupleType || lt instanceof nanopy.py.PyCore.ListType);
    }

    private Option<PyTyped.Cmp> ordering(PySyntax.CmpOp op, PyTyped.Expr r, Type lt, Type rt, Span span) {
        boolean eq = op == PySyntax.CmpOp.Eq || op == PySyntax.CmpOp.NotEq;
        int k = switch (op) {
            case Eq -> 0;
            case NotEq -> 1;
            case Lt -> 2;
            case LtE -> 3;
            case Gt -> 4;
            default -> 5;
        };
        if (lt.equals(PyTypes.INT) && rt.equals(PyTypes.INT)) {
            return cmp(List.of(PrimOp.IntEq, PrimOp.IntNe, PrimOp.IntLt, PrimOp.IntLe, PrimOp.IntGt, PrimOp.IntGe).get(k), r, span);
        }
        if (Typing.numeric(lt) && Typing.numeric(rt)) {
            return cmp(List.of(PrimOp.FloatEq, PrimOp.FloatNe, PrimOp.FloatLt, PrimOp.FloatLe, PrimOp.FloatGt, PrimOp.FloatGe).get(k), r, span);
        }
        if (lt.equals(PyTypes.STR) && rt.equals(PyTypes.STR)) {
            return cmp(List.of(PrimOp.StrEq, PrimOp.StrNe, PrimOp.StrLt, PrimOp.StrLe, PrimOp.StrGt, PrimOp.StrGe).get(k), r, span);
        }
        if (eq && lt.equals(PyTypes.BOOL) && rt.equals(PyTypes.BOOL)) {
            return cmp(k == 0 ? PrimOp.BoolEq : PrimOp.BoolNe, r, span);
        }
        if (eq && lt.equals(rt) && !(lt instanceof nanopy.py.PyCore.FunType) && !(lt instanceof nanopy.py.PyCore.ClassType)) {
            return cmp(k == 0 ? PrimOp.ValueEq : PrimOp.ValueNe, r, span);
        }
        if (!eq && lt.equals(rt) && orderable(lt)) {
            return cmp(List.of(PrimOp.ValueLt, PrimOp.ValueLe, PrimOp.ValueGt, PrimOp.ValueGe).get(k - 2), r, span);
        }
        return Option.none();
    }

    /** Tuples and lists whose elements Python orders (numbers, strs, bools, and such tuples and lists). */
    static boolean orderable(Type t) {
        return switch (t) {
            case nanopy.py.PyCore.IntType x -> true;
            case nanopy.py.PyCore.FloatType x -> true;
            case nanopy.py.PyCore.StrType x -> true;
            case nanopy.py.PyCore.BoolType x -> true;
            case nanopy.py.PyCore.ListType(var e, var s) -> orderable(e);
            case nanopy.py.PyCore.TupleType(var es, var s) -> es.forAll(Operators::orderable);
            default -> false;
        };
    }

    private static Option<PyTyped.Cmp> cmp(PrimOp op, PyTyped.Expr r, Span span) {
        return Option.some(new PyTyped.Cmp(op, r, span));
    }
}
