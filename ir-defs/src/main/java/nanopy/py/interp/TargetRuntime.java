package nanopy.py.interp;

import java.util.ArrayList;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.Values.PyList;
import nanopy.py.interp.Values.PyTuple;

/**
 * The PyTyped interpreter's values, primitives and printing, for compiled targets (the register
 * VM), so that every target prints and fails exactly as the reference interpreter does. Lists and
 * tuples are the interpreter's own objects; ints, floats and bools box as {@link Long},
 * {@link Double} and {@link Boolean}; None is {@link #NONE}.
 */
public final class TargetRuntime {
    /** Python's None. */
    public static final Object NONE = Values.None.NONE;

    private TargetRuntime() {}

    /** One primitive over boxed operands, compiled once. */
    public interface Applier {
        /** Applies the primitive to {@code args} (boxed); returns its boxed result or {@link #NONE}. */
        Object apply(Object[] args);
    }

    /**
     * PyTyped's implementation of {@code op} over {@code arity} boxed operands; errors carry {@code span}.
     * The returned applier reads its operands from the array it is given.
     */
    public static Applier applier(PrimOp op, int arity, Span span, ProgramIo io) {
        Object[][] current = new Object[1][];
        Code.Ev[] args = new Code.Ev[arity];
        for (int i = 0; i < arity; i++) {
            int k = i;
            args[i] = f -> current[0][k];
        }
        Code.Ev ev = new PrimCompiler(io).prim(op, args, span);
        return a -> {
            current[0] = a;
            return ev.eval(null);
        };
    }

    /** Python's {@code str(v)}. */
    public static String str(Object v) {
        return Values.str(v);
    }

    /** Python's {@code repr} of a float. */
    public static String floatRepr(double d) {
        return FloatRepr.repr(d);
    }

    /** A new list of {@code size} elements, each None. */
    public static Object newList(int size) {
        ArrayList<Object> items = new ArrayList<>(Math.max(size, 4));
        for (int i = 0; i < size; i++) {
            items.add(NONE);
        }
        return new PyList(items);
    }

    /** A new tuple of {@code size} elements, each None until set. */
    public static Object newTuple(int size) {
        Object[] items = new Object[size];
        java.util.Arrays.fill(items, NONE);
        return new PyTuple(items);
    }

    /** The elements of a list (mutable, shared with the list). */
    public static ArrayList<Object> items(Object list) {
        return ((PyList) list).items;
    }

    /** The elements of a tuple (shared with the tuple; set only while it is being built). */
    public static Object[] tupleItems(Object tuple) {
        return ((PyTuple) tuple).items;
    }

    /** Whether {@code v} is a list. */
    public static boolean isList(Object v) {
        return v instanceof PyList;
    }

    /** Whether {@code v} is a tuple. */
    public static boolean isTuple(Object v) {
        return v instanceof PyTuple;
    }

    /** The index into a sequence of {@code size}, as Python reads {@code i}, or the IndexError for {@code what} ("list", "string"). */
    public static int index(long i, int size, String what, Span span) {
        return Prims.index(i, size, what, span);
    }

    /** Python's int {@code //}, with ZeroDivisionError and OverflowError. */
    public static long floorDiv(long a, long b, Span span) {
        return Prims.floorDiv(a, b, span);
    }

    /** Python's int {@code %}, with ZeroDivisionError. */
    public static long mod(long a, long b, Span span) {
        return Prims.mod(a, b, span);
    }

    /** Python's float {@code /}, with ZeroDivisionError. */
    public static double trueDiv(double a, double b, Span span) {
        return Prims.trueDiv(a, b, false, span);
    }

    /** Python's float {@code **}, with ZeroDivisionError, ValueError and OverflowError as PyTyped raises them. */
    public static double floatPow(double a, double b, Span span) {
        return Prims.pow(a, b, span);
    }

    /** Python's {@code int(float)}, with ValueError and OverflowError as PyTyped raises them. */
    public static long floatToInt(double d, Span span) {
        return Prims.floatToInt(d, span);
    }

    /** A run-time error as PyTyped raises it. */
    public static PyRuntimeError error(String exceptionClass, String message, Span span) {
        return Prims.error(exceptionClass, message, span);
    }
}
