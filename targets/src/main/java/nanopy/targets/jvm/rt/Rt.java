package nanopy.targets.jvm.rt;

import java.util.ArrayList;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.interp.PyStrings;
import nanopy.py.interp.TargetRuntime;

/**
 * The static helpers that generated classes call for lists, tuples, strings and division: thin,
 * inlinable wrappers over the shared run-time library ({@link TargetRuntime}, {@link PyStrings}),
 * so that every semantic (messages, negative indices, code-point strings) stays implemented once.
 * Values in lists, tuples and activation records are boxed as the library expects ({@link Long},
 * {@link Double}, {@link Boolean}, {@link String}, {@link TargetRuntime#NONE}, its lists and tuples).
 * Errors carry no position ({@link Span#NONE}); the runner finds the source line from the stack.
 */
public final class Rt {
    private Rt() {}

    /** {@code xs[i]} with Python's negative indices; IndexError "list index out of range". */
    public static Object listGet(Object list, long i) {
        ArrayList<Object> xs = TargetRuntime.items(list);
        int n = xs.size();
        if (i >= 0 && i < n) {
            return xs.get((int) i);
        }
        return xs.get(TargetRuntime.index(i, n, "list", Span.NONE));
    }

    /** {@code xs[i] = v}; IndexError "list assignment index out of range". */
    public static void listSet(Object list, long i, Object v) {
        ArrayList<Object> xs = TargetRuntime.items(list);
        if (i >= 0 && i < xs.size()) {
            xs.set((int) i, v);
        } else {
            TargetRuntime.setItem(list, i, v, Span.NONE);
        }
    }

    /** {@code len(xs)}. */
    public static long listLen(Object list) {
        return TargetRuntime.items(list).size();
    }

    /** {@code xs.append(v)}. */
    public static void listAppend(Object list, Object v) {
        TargetRuntime.items(list).add(v);
    }

    /** A new list of {@code size} Nones, for Init to fill. */
    public static Object newList(int size) {
        return TargetRuntime.newList(size);
    }

    /** A new tuple of {@code size} Nones, for Init to fill. */
    public static Object newTuple(int size) {
        return TargetRuntime.newTuple(size);
    }

    /** Sets element {@code i} of a list being built. */
    public static void initList(Object list, int i, Object v) {
        TargetRuntime.items(list).set(i, v);
    }

    /** Sets element {@code i} of a tuple being built. */
    public static void initTuple(Object tuple, int i, Object v) {
        TargetRuntime.tupleItems(tuple)[i] = v;
    }

    /** Element {@code i} (in range) of a tuple. */
    public static Object tupleGet(Object tuple, int i) {
        return TargetRuntime.tupleItem(tuple, i);
    }

    /** {@code s[i]}; IndexError "string index out of range". */
    public static String strIndex(String s, long i) {
        return PyStrings.index(s, i, Span.NONE);
    }

    /** {@code len(s)} in code points. */
    public static long strLen(String s) {
        return PyStrings.length(s);
    }

    /** Python's int {@code a // b}; ZeroDivisionError, OverflowError. */
    public static long floorDiv(long a, long b) {
        return b > 0 ? Math.floorDiv(a, b) : TargetRuntime.floorDiv(a, b, Span.NONE);
    }

    /** Python's int {@code a % b}; ZeroDivisionError. */
    public static long mod(long a, long b) {
        return b > 0 ? Math.floorMod(a, b) : TargetRuntime.mod(a, b, Span.NONE);
    }

    /** Python's float {@code a / b}; ZeroDivisionError. */
    public static double trueDiv(double a, double b) {
        return b != 0 ? a / b : TargetRuntime.trueDiv(a, b, Span.NONE);
    }

    /** Python's float {@code a ** b}. */
    public static double floatPow(double a, double b) {
        return TargetRuntime.floatPow(a, b, Span.NONE);
    }

    /** Python's {@code int(d)}. */
    public static long floatToInt(double d) {
        return TargetRuntime.floatToInt(d, Span.NONE);
    }

    /** Python's {@code str(d)} of a float. */
    public static String floatStr(double d) {
        return TargetRuntime.floatRepr(d);
    }

    /** Python's {@code str(v)}. */
    public static String str(Object v) {
        return TargetRuntime.str(v);
    }

    /** The exception value a handler takes for {@code t} (an overflow of {@code Math.addExact} is OverflowError). */
    public static Object caught(Throwable t) {
        return ProgramThread.translate(t);
    }

    /** The error to throw for {@code raise exc}. */
    public static PyRuntimeError raise(Object exc) {
        return nanopy.py.interp.Exceptions.raise(exc, Span.NONE);
    }

    /** The error of a call one deeper than the recursion limit. */
    public static PyRuntimeError recursionError() {
        return new PyRuntimeError("RecursionError", "maximum recursion depth exceeded", Span.NONE);
    }

    /** Python's ordering of strings (by code point): negative, zero or positive. */
    public static int compare(String a, String b) {
        return PyStrings.compare(a, b);
    }
}
