package nanopy.py.interp;

import java.util.ArrayList;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.interp.Values.PyList;

/**
 * The primitive operations whose behaviour is more than one Java operator: 64-bit int arithmetic
 * that raises {@code OverflowError: integer overflow} instead of wrapping, Python's floor division
 * and modulo (CPython's {@code float_divmod} for floats), powers, conversions, indexing, slicing and
 * the str methods, each failing with CPython's exception class and message.
 */
final class Prims {
    private Prims() {}

    /**
     * The error of a {@code Raise} primitive: its operand is {@code "ExceptionClass: message"}
     * (the class alone when there is no colon).
     */
    static PyRuntimeError raise(String error, Span span) {
        return PyRuntimeError.fromLastLine(error, span);
    }

    static PyRuntimeError error(String cls, String msg, Span span) {
        return new PyRuntimeError(cls, msg, span);
    }

    /**
     * Ends the run with {@code KeyboardInterrupt} when the interpreter's thread was interrupted (the
     * embedding cancelled it, e.g. a time limit); loops call it on every back edge.
     */
    static void checkInterrupt(Span span) {
        if (Thread.currentThread().isInterrupted()) {
            throw error("KeyboardInterrupt", "", span);
        }
    }

    static PyRuntimeError overflow(Span span) {
        return error("OverflowError", "integer overflow", span);
    }

    static long add(long a, long b, Span s) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw overflow(s);
        }
        return r;
    }

    static long sub(long a, long b, Span s) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            throw overflow(s);
        }
        return r;
    }

    static long mul(long a, long b, Span s) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi != (lo >> 63)) {
            throw overflow(s);
        }
        return lo;
    }

    static long neg(long a, Span s) {
        if (a == Long.MIN_VALUE) {
            throw overflow(s);
        }
        return -a;
    }

    static long floorDiv(long a, long b, Span s) {
        if (b == 0) {
            throw error("ZeroDivisionError", "integer division or modulo by zero", s);
        }
        if (a == Long.MIN_VALUE && b == -1) {
            throw overflow(s);
        }
        return Math.floorDiv(a, b);
    }

    static long mod(long a, long b, Span s) {
        if (b == 0) {
            throw error("ZeroDivisionError", "integer modulo by zero", s);
        }
        return b == -1 ? 0 : Math.floorMod(a, b);
    }

    static long pow(long base, long exp, Span s) {
        if (exp < 0) {
            throw error("ValueError", "int ** negative int gives a float in Python; NanoPy needs a float base here", s);
        }
        long result = 1;
        long b = base;
        long e = exp;
        while (e > 0) {
            if ((e & 1) != 0) {
                result = mul(result, b, s);
            }
            e >>= 1;
            if (e > 0) {
                b = mul(b, b, s);
            }
        }
        return result;
    }

    static double trueDiv(double a, double b, Span s) {
        if (b == 0) {
            throw error("ZeroDivisionError", "float division by zero", s);
        }
        return a / b;
    }

    /** int / int, correctly rounded ({@link PyNumbers#trueDivide}). */
    static double trueDiv(long a, long b, Span s) {
        if (b == 0) {
            throw error("ZeroDivisionError", "division by zero", s);
        }
        return PyNumbers.trueDivide(a, b);
    }

    /** CPython's float floor division: {@code float_divmod}'s quotient. */
    static double floorDiv(double vx, double wx, Span s) {
        if (wx == 0) {
            throw error("ZeroDivisionError", "float floor division by zero", s);
        }
        double mod = vx % wx;
        double div = (vx - mod) / wx;
        if (mod != 0 && (wx < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div != 0) {
            double floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
            return floordiv;
        }
        return Math.copySign(0.0, vx / wx);
    }

    /** CPython's float modulo: {@code float_divmod}'s remainder (the sign of the divisor). */
    static double mod(double vx, double wx, Span s) {
        if (wx == 0) {
            throw error("ZeroDivisionError", "float modulo", s);
        }
        double mod = vx % wx;
        if (mod != 0) {
            if ((wx < 0) != (mod < 0)) {
                mod += wx;
            }
        } else {
            mod = Math.copySign(0.0, wx);
        }
        return mod;
    }

    /** Float {@code **} as CPython's {@code float_pow} ({@link PyNumbers#pow}). */
    static double pow(double a, double b, Span s) {
        PyNumbers.PowError e = PyNumbers.powError(a, b);
        if (e == PyNumbers.PowError.ZERO_TO_NEGATIVE) {
            throw error("ZeroDivisionError", "0.0 cannot be raised to a negative power", s);
        }
        if (e == PyNumbers.PowError.NEGATIVE_TO_FRACTION) {
            throw error("ValueError", "a negative float to a fractional power is a complex number, not in NanoPy", s);
        }
        double r = PyNumbers.pow(a, b);
        if (Double.isInfinite(r) && Double.isFinite(a) && Double.isFinite(b)) {
            throw error("OverflowError", "(34, 'Numerical result out of range')", s);
        }
        return r;
    }

    static long floatToInt(double d, Span s) {
        if (Double.isNaN(d)) {
            throw error("ValueError", "cannot convert float NaN to integer", s);
        }
        if (Double.isInfinite(d)) {
            throw error("OverflowError", "cannot convert float infinity to integer", s);
        }
        if (d >= 0x1p63 || d < -0x1p63) {
            throw overflow(s);
        }
        return (long) d;
    }

    static long strToInt(String str, Span s) {
        return PyParse.parseInt(str, s);
    }

    static double strToFloat(String str, Span s) {
        return PyParse.parseFloat(str, s);
    }

    static int index(long i, int size, String what, Span s) {
        long k = i < 0 ? i + size : i;
        if (k < 0 || k >= size) {
            throw error("IndexError", what + " index out of range", s);
        }
        return (int) k;
    }

    /** Python's slice bounds {@code [lo:hi]} clamped to {@code 0..size}; a null bound is absent. */
    static int bound(Object b, int size, boolean low) {
        if (!(b instanceof Long l)) {
            return low ? 0 : size;
        }
        long k = l < 0 ? l + size : l;
        return (int) Math.max(0, Math.min(size, k));
    }

    static PyList listSlice(PyList l, Object lo, Object hi) {
        int a = bound(lo, l.items.size(), true);
        int b = bound(hi, l.items.size(), false);
        return new PyList(a >= b ? new ArrayList<>() : new ArrayList<>(l.items.subList(a, b)));
    }

    /**
     * {@code str * n}: CPython's OverflowError when the result would have more than 2**63 - 1 code
     * points, a MemoryError when it would not fit a Java string (2**31 - 17 UTF-16 units).
     */
    static String strRepeat(String str, long n, Span s) {
        if (n <= 0 || str.isEmpty()) {
            return "";
        }
        if (n > Long.MAX_VALUE / PyStrings.length(str)) {
            throw error("OverflowError", "repeated string is too long", s);
        }
        if (n > (Integer.MAX_VALUE - 16) / str.length()) {
            throw error("MemoryError", "", s);
        }
        return str.repeat((int) n);
    }

    static PyList listRepeat(PyList l, long n, Span s) {
        ArrayList<Object> out = new ArrayList<>();
        if (n > 0 && !l.items.isEmpty()) {
            if (n > (Integer.MAX_VALUE - 16) / l.items.size()) {
                throw error("MemoryError", "", s);
            }
            for (long i = 0; i < n; i++) {
                out.addAll(l.items);
            }
        }
        return new PyList(out);
    }

    /** Python's {@code str.isspace()} of a UTF-16 unit (every Unicode space is in the BMP). */
    private static boolean space(char c) {
        return PyParse.isSpace(c);
    }

    static PyList split(String str) {
        ArrayList<Object> out = new ArrayList<>();
        int i = 0;
        int n = str.length();
        while (true) {
            while (i < n && space(str.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return new PyList(out);
            }
            int j = i;
            while (j < n && !space(str.charAt(j))) {
                j++;
            }
            out.add(str.substring(i, j));
            i = j;
        }
    }

    static PyList split(String str, String sep, Span s) {
        if (sep.isEmpty()) {
            throw error("ValueError", "empty separator", s);
        }
        ArrayList<Object> out = new ArrayList<>();
        int i = 0;
        while (true) {
            int j = str.indexOf(sep, i);
            if (j < 0) {
                out.add(str.substring(i));
                return new PyList(out);
            }
            out.add(str.substring(i, j));
            i = j + sep.length();
        }
    }

    static String strip(String str) {
        int a = 0;
        int b = str.length();
        while (a < b && space(str.charAt(a))) {
            a++;
        }
        while (b > a && space(str.charAt(b - 1))) {
            b--;
        }
        return str.substring(a, b);
    }

    static String join(String sep, PyList l) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < l.items.size(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append((String) l.items.get(i));
        }
        return sb.toString();
    }

    static long ord(String str, Span s) {
        int n = str.codePointCount(0, str.length());
        if (n != 1) {
            throw error("TypeError", "ord() expected a character, but string of length " + n + " found", s);
        }
        return str.codePointAt(0);
    }

    static String chr(long c, Span s) {
        if (c != (int) c) {
            throw error("OverflowError", "Python int too large to convert to C int", s);
        }
        if (c < 0 || c > 0x10ffff) {
            throw error("ValueError", "chr() arg not in range(0x110000)", s);
        }
        return Character.toString((int) c);
    }

    static Object pop(PyList l, long i, Span s) {
        if (l.items.isEmpty()) {
            throw error("IndexError", "pop from empty list", s);
        }
        long k = i < 0 ? i + l.items.size() : i;
        if (k < 0 || k >= l.items.size()) {
            throw error("IndexError", "pop index out of range", s);
        }
        return l.items.remove((int) k);
    }

    static boolean listContains(PyList l, Object x) {
        for (Object y : l.items) {
            if (Values.eq(x, y)) {
                return true;
            }
        }
        return false;
    }
}
