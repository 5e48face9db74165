package nanopy.py.interp;

import java.math.BigInteger;

/**
 * CPython's algorithms for the numeric operations whose obvious Java version gives a different
 * answer: int / int correctly rounded ({@code long_true_divide}), int-float comparison without
 * rounding the int ({@code float_richcompare}), and float powers with C99's special cases
 * ({@code float_pow}). Every target runs these (the interpreters and VMs through {@link Prims}, the
 * constant folder and compiled targets directly), so a fix reaches all of them; the C runtime
 * implements the same algorithms (docs/numeric-semantics.md).
 */
public final class PyNumbers {
    /** What {@link #compare(long, double)} returns when one operand is NaN: no ordering holds, {@code !=} does. */
    public static final int UNORDERED = 2;

    private static final long EXACT = 1L << 53;

    private PyNumbers() {}

    /**
     * {@code a / b} for ints, correctly rounded to the nearest double (ties to even), as CPython
     * computes it. When both operands are at most 2**53 in magnitude they convert exactly and one
     * IEEE division rounds once; otherwise the quotient is computed as an integer with 55 or 56
     * significant bits, plus a sticky bit when the division is inexact, converted (the one rounding)
     * and scaled by a power of two (exact: the result is never subnormal).
     *
     * @param b not 0 (the caller raises {@code ZeroDivisionError: division by zero})
     */
    public static double trueDivide(long a, long b) {
        if (a >= -EXACT && a <= EXACT && b >= -EXACT && b <= EXACT) {
            return (double) a / (double) b;
        }
        BigInteger x = BigInteger.valueOf(a).abs();
        BigInteger y = BigInteger.valueOf(b).abs();
        int k = 55 - (x.bitLength() - y.bitLength());
        BigInteger[] qr = k >= 0 ? x.shiftLeft(k).divideAndRemainder(y) : x.divideAndRemainder(y.shiftLeft(-k));
        long q = qr[0].longValueExact();
        if (qr[1].signum() != 0) {
            q |= 1;
        }
        double r = Math.scalb((double) q, -k);
        return (a < 0) != (b < 0) ? -r : r;
    }

    /**
     * Compares an int with a float exactly (without rounding the int to a double): negative, zero or
     * positive as {@code i} is below, equal to or above {@code d}, or {@link #UNORDERED} when
     * {@code d} is NaN.
     */
    public static int compare(long i, double d) {
        if (Double.isNaN(d)) {
            return UNORDERED;
        }
        if (d >= 0x1p63) {
            return -1;
        }
        if (d < -0x1p63) {
            return 1;
        }
        double f = Math.floor(d);
        long fl = (long) f;
        if (i != fl) {
            return i < fl ? -1 : 1;
        }
        return d > f ? -1 : 0;
    }

    /**
     * Python's comparison of two numbers, each a {@link Long} or a {@link Double}: -1, 0, 1, or
     * {@link #UNORDERED} when a float operand is NaN. Exact across int and float.
     */
    public static int compareNumbers(Object a, Object b) {
        if (a instanceof Long x) {
            return b instanceof Long y ? Long.compare(x, y) : compare(x.longValue(), ((Double) b).doubleValue());
        }
        double x = (Double) a;
        if (b instanceof Long y) {
            int c = compare(y.longValue(), x);
            return c == UNORDERED ? c : -c;
        }
        double y = (Double) b;
        return x < y ? -1 : x > y ? 1 : x == y ? 0 : UNORDERED;
    }

    /** The error a float power raises before it is computed (CPython's, or NanoPy's for a complex result). */
    enum PowError { NONE, ZERO_TO_NEGATIVE, NEGATIVE_TO_FRACTION }

    /** Whether {@code w} is an odd integer. */
    private static boolean odd(double w) {
        return Math.abs(w) < 0x1p53 && w == Math.rint(w) && Math.abs(w % 2.0) == 1.0;
    }

    /**
     * The error of {@code v ** w} for floats that shows before computing it, in CPython's order, or
     * {@link PowError#NONE}; then {@link #pow} gives the value (an infinity from finite operands is
     * CPython's OverflowError).
     */
    static PowError powError(double v, double w) {
        if (w == 0 || Double.isNaN(v) || Double.isNaN(w) || Double.isInfinite(w) || Double.isInfinite(v)) {
            return PowError.NONE;
        }
        if (v == 0) {
            return w < 0 ? PowError.ZERO_TO_NEGATIVE : PowError.NONE;
        }
        if (v < 0 && w != Math.floor(w)) {
            return PowError.NEGATIVE_TO_FRACTION;
        }
        return PowError.NONE;
    }

    /**
     * {@code v ** w} for floats as CPython's {@code float_pow} computes it when it does not fail
     * (see {@link #powError}): {@code 1.0 ** nan == 1.0}, {@code (-1.0) ** inf == 1.0},
     * {@code (-inf) ** 0.5 == inf}, {@code (-0.0) ** 3.0 == -0.0}; else C's {@code pow}.
     */
    static double pow(double v, double w) {
        if (w == 0) {
            return 1.0;
        }
        if (Double.isNaN(v)) {
            return v;
        }
        if (Double.isNaN(w)) {
            return v == 1.0 ? 1.0 : w;
        }
        if (Double.isInfinite(w)) {
            double a = Math.abs(v);
            if (a == 1.0) {
                return 1.0;
            }
            return (w > 0) == (a > 1.0) ? Double.POSITIVE_INFINITY : 0.0;
        }
        if (Double.isInfinite(v)) {
            boolean odd = odd(w);
            if (v > 0) {
                return w > 0 ? v : 0.0;
            }
            return w > 0 ? (odd ? v : -v) : (odd ? -0.0 : 0.0);
        }
        if (v == 0) {
            return odd(w) ? v : 0.0;
        }
        if (v == 1.0) {
            return 1.0;
        }
        boolean negate = false;
        if (v < 0) {
            negate = odd(w);
            v = -v;
            if (v == 1.0) {
                return negate ? -1.0 : 1.0;
            }
        }
        double r = power(v, w);
        return negate ? -r : r;
    }

    /** Exponents up to this magnitude are computed exactly (with BigDecimal) when integral. */
    private static final int EXACT_EXPONENT = 64;

    /**
     * {@code v ** w} for a finite positive {@code v} other than 1 and a finite non-zero {@code w},
     * correctly rounded where it is cheap to be (C's {@code pow} in glibc is correctly rounded in
     * practice; the JDK's {@link Math#pow} may be one unit in the last place off): an integral
     * exponent up to 64 in magnitude exactly ({@code v ** n} with BigDecimal, {@code 1 / v ** n}
     * to 60 digits, then rounded once), {@code 0.5} as {@link Math#sqrt}; others with
     * {@link Math#pow} (where the last digit may differ from glibc's: docs/numeric-semantics.md).
     */
    private static double power(double v, double w) {
        if (w == 1 || w == 2 || w == -1) {
            return w == 1 ? v : w == 2 ? v * v : 1 / v;
        }
        if (w == Math.rint(w) && Math.abs(w) <= EXACT_EXPONENT) {
            int n = (int) Math.abs(w);
            java.math.BigDecimal p = new java.math.BigDecimal(v).pow(n);
            return w > 0 ? p.doubleValue() : java.math.BigDecimal.ONE.divide(p, new java.math.MathContext(60)).doubleValue();
        }
        if (w == 0.5) {
            return Math.sqrt(v);
        }
        return Math.pow(v, w);
    }
}
