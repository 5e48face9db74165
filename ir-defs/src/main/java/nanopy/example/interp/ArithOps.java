package nanopy.example.interp;

import java.util.List;
import nanopy.example.Arith.Op;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;

/** The primitives of the example languages on 64-bit integers; overflow is a run-time error. */
final class ArithOps {
    private ArithOps() {}

    /**
     * Applies {@code op} to its two operands.
     *
     * @throws PyRuntimeError {@code OverflowError: integer overflow} when the result needs more than 64 bits
     */
    static long apply(Op op, List<Long> args, Span span) {
        try {
            return switch (op) {
                case Add -> Math.addExact(args.get(0), args.get(1));
                case Sub -> Math.subtractExact(args.get(0), args.get(1));
                case Mul -> Math.multiplyExact(args.get(0), args.get(1));
            };
        } catch (ArithmeticException e) {
            throw new PyRuntimeError("OverflowError", "integer overflow", span);
        }
    }

    /** {@code -x}; overflow (of the most negative long) is a run-time error. */
    static long negate(long x, Span span) {
        try {
            return Math.negateExact(x);
        } catch (ArithmeticException e) {
            throw new PyRuntimeError("OverflowError", "integer overflow", span);
        }
    }
}
