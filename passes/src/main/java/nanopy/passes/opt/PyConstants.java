package nanopy.passes.opt;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.ir.Span;
import nanopy.py.NoLambda;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.PyStrings;

/**
 * The value of a primitive on literal operands, computed as the reference interpreter and CPython
 * compute it, or nothing when the operation would raise (64-bit overflow, division by zero) or is
 * not one folded here.
 */
final class PyConstants {
    private PyConstants() {}

    /** {@code op(args)} as a literal, if all {@code args} are literals and the operation cannot fail. */
    static Option<NoLambda.Expr> fold(PrimOp op, List<NoLambda.Expr> args, Span sp) {
        if (args.forAll(a -> a instanceof NoLambda.IntLit) && !args.isEmpty()) {
            return ints(op, args.map(a -> ((NoLambda.IntLit) a).value()), sp);
        }
        if (args.forAll(a -> a instanceof NoLambda.FloatLit) && !args.isEmpty()) {
            return floats(op, args.map(a -> ((NoLambda.FloatLit) a).value()), sp);
        }
        if (args.forAll(a -> a instanceof NoLambda.BoolLit) && !args.isEmpty()) {
            return bools(op, args.map(a -> ((NoLambda.BoolLit) a).value()), sp);
        }
        if (args.forAll(a -> a instanceof NoLambda.StrLit) && !args.isEmpty()) {
            return strs(op, args.map(a -> ((NoLambda.StrLit) a).value()), sp);
        }
        return Option.none();
    }

    private static Option<NoLambda.Expr> ints(PrimOp op, List<Long> xs, Span sp) {
        long a = xs.head();
        if (xs.size() == 1) {
            return switch (op) {
                case IntNeg -> a == Long.MIN_VALUE ? Option.none() : Option.some(new NoLambda.IntLit(-a, sp));
                case IntAbs -> a == Long.MIN_VALUE ? Option.none() : Option.some(new NoLambda.IntLit(Math.abs(a), sp));
                case IntToFloat -> Option.some(new NoLambda.FloatLit(a, sp));
                case Truthy -> Option.some(new NoLambda.BoolLit(a != 0, sp));
                case ToStr -> Option.some(new NoLambda.StrLit(Long.toString(a), sp));
                default -> Option.none();
            };
        }
        if (xs.size() != 2) {
            return Option.none();
        }
        long b = xs.get(1);
        try {
            return switch (op) {
                case IntAdd -> Option.some(new NoLambda.IntLit(Math.addExact(a, b), sp));
                case IntSub -> Option.some(new NoLambda.IntLit(Math.subtractExact(a, b), sp));
                case IntMul -> Option.some(new NoLambda.IntLit(Math.multiplyExact(a, b), sp));
                case IntFloorDiv -> b == 0 || a == Long.MIN_VALUE && b == -1 ? Option.none() : Option.some(new NoLambda.IntLit(Math.floorDiv(a, b), sp));
                case IntMod -> b == 0 ? Option.none() : Option.some(new NoLambda.IntLit(Math.floorMod(a, b), sp));
                case IntEq -> bool(a == b, sp);
                case IntNe -> bool(a != b, sp);
                case IntLt -> bool(a < b, sp);
                case IntLe -> bool(a <= b, sp);
                case IntGt -> bool(a > b, sp);
                case IntGe -> bool(a >= b, sp);
                default -> Option.none();
            };
        } catch (ArithmeticException overflow) {
            return Option.none();
        }
    }

    private static Option<NoLambda.Expr> floats(PrimOp op, List<Double> xs, Span sp) {
        double a = xs.head();
        if (xs.size() == 1) {
            return op == PrimOp.FloatNeg ? Option.some(new NoLambda.FloatLit(-a, sp)) : Option.none();
        }
        if (xs.size() != 2) {
            return Option.none();
        }
        double b = xs.get(1);
        return switch (op) {
            case FloatAdd -> Option.some(new NoLambda.FloatLit(a + b, sp));
            case FloatSub -> Option.some(new NoLambda.FloatLit(a - b, sp));
            case FloatMul -> Option.some(new NoLambda.FloatLit(a * b, sp));
            case FloatDiv -> b == 0 ? Option.none() : Option.some(new NoLambda.FloatLit(a / b, sp));
            case FloatEq -> bool(a == b, sp);
            case FloatNe -> bool(a != b, sp);
            case FloatLt -> bool(a < b, sp);
            case FloatLe -> bool(a <= b, sp);
            case FloatGt -> bool(a > b, sp);
            case FloatGe -> bool(a >= b, sp);
            default -> Option.none();
        };
    }

    private static Option<NoLambda.Expr> bools(PrimOp op, List<Boolean> xs, Span sp) {
        boolean a = xs.head();
        if (xs.size() == 1) {
            return switch (op) {
                case Not -> bool(!a, sp);
                case Truthy -> bool(a, sp);
                case ToStr -> Option.some(new NoLambda.StrLit(a ? "True" : "False", sp));
                default -> Option.none();
            };
        }
        return switch (op) {
            case BoolEq -> bool(a == xs.get(1), sp);
            case BoolNe -> bool(a != xs.get(1), sp);
            default -> Option.none();
        };
    }

    /** String primitives on literals, with Python's view of strings ({@link PyStrings}: code points). */
    private static Option<NoLambda.Expr> strs(PrimOp op, List<String> xs, Span sp) {
        String a = xs.head();
        if (xs.size() == 1) {
            return switch (op) {
                case StrLen -> Option.some(new NoLambda.IntLit(PyStrings.length(a), sp));
                case Truthy -> bool(!a.isEmpty(), sp);
                case ToStr -> Option.some(new NoLambda.StrLit(a, sp));
                default -> Option.none();
            };
        }
        String b = xs.get(1);
        return switch (op) {
            case StrEq -> bool(a.equals(b), sp);
            case StrNe -> bool(!a.equals(b), sp);
            case StrLt -> bool(PyStrings.compare(a, b) < 0, sp);
            case StrLe -> bool(PyStrings.compare(a, b) <= 0, sp);
            case StrGt -> bool(PyStrings.compare(a, b) > 0, sp);
            case StrGe -> bool(PyStrings.compare(a, b) >= 0, sp);
            case StrConcat -> Option.some(new NoLambda.StrLit(a + b, sp));
            default -> Option.none();
        };
    }

    private static Option<NoLambda.Expr> bool(boolean v, Span sp) {
        return Option.some(new NoLambda.BoolLit(v, sp));
    }
}
