package nanopy.targets.stackvm;

import java.util.Optional;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.stackvm.StackCode.BoolConst;
import nanopy.stackvm.StackCode.Const;
import nanopy.stackvm.StackCode.FloatConst;
import nanopy.stackvm.StackCode.IntConst;
import nanopy.stackvm.StackCode.Opcode;
import nanopy.stackvm.StackCode.StrConst;

/**
 * What the peephole optimizer may compute at compile time: operators on constants whose result
 * is certain and cannot fail (a 64-bit overflow stays for the VM to raise; strings are folded
 * only up to {@value #MAX_STR} characters, as CPython's optimizer limits them).
 */
final class ConstantFolding {
    static final int MAX_STR = 4096;

    private ConstantFolding() {}

    /** {@code x op y} for the instruction {@code op arg}, if foldable. */
    static Optional<Const> binary(Opcode op, int arg, Const x, Const y) {
        return switch (op) {
            case BINARY_OP_ADD_INT, BINARY_OP_SUBTRACT_INT, BINARY_OP_MULTIPLY_INT, COMPARE_OP_INT ->
                    x instanceof IntConst(var a, var sa) && y instanceof IntConst(var b, var sb)
                            ? ints(PrimOpcodes.primitive(arg), a, b) : Optional.empty();
            case BINARY_OP_ADD_UNICODE -> x instanceof StrConst(var a, var sa) && y instanceof StrConst(var b, var sb)
                    && a.length() + b.length() <= MAX_STR ? Optional.of(new StrConst(a + b, Span.NONE)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** {@code op x} for the instruction {@code op arg}, if foldable. */
    static Optional<Const> unary(Opcode op, int arg, Const x) {
        return switch (op) {
            case UNARY_NOT -> x instanceof BoolConst(var v, var sp) ? Optional.of(new BoolConst(!v, Span.NONE)) : Optional.empty();
            case UNARY_NEGATIVE -> switch (x) {
                case IntConst(var v, var sp) when v != Long.MIN_VALUE -> Optional.of(new IntConst(-v, Span.NONE));
                case FloatConst(var v, var sp) -> Optional.of(new FloatConst(-v, Span.NONE));
                default -> Optional.empty();
            };
            default -> Optional.empty();
        };
    }

    private static Optional<Const> ints(PrimOp op, long a, long b) {
        try {
            return Optional.of(switch (op) {
                case IntAdd -> new IntConst(Math.addExact(a, b), Span.NONE);
                case IntSub -> new IntConst(Math.subtractExact(a, b), Span.NONE);
                case IntMul -> new IntConst(Math.multiplyExact(a, b), Span.NONE);
                case IntEq -> new BoolConst(a == b, Span.NONE);
                case IntNe -> new BoolConst(a != b, Span.NONE);
                case IntLt -> new BoolConst(a < b, Span.NONE);
                case IntLe -> new BoolConst(a <= b, Span.NONE);
                case IntGt -> new BoolConst(a > b, Span.NONE);
                case IntGe -> new BoolConst(a >= b, Span.NONE);
                default -> throw new IllegalStateException(op + " on two ints is not folded");
            });
        } catch (ArithmeticException overflow) {
            return Optional.empty();
        }
    }
}
