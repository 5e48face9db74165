package nanopy.py.interp;

import java.util.ArrayList;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.Values.PyList;
import nanopy.py.interp.Values.PyTuple;

/**
 * The PyTyped interpreter's values, primitives and printing, for the VMs of targets (the register
 * VM and the stack VM), so that every target prints the same text and fails with the same
 * exception class and message as the reference interpreter.
 *
 * <p>Values are plain Java objects: ints, floats and bools box as {@link Long}, {@link Double} and
 * {@link Boolean}, strings are {@link String}s, None is {@link #NONE}, and lists and tuples are the
 * interpreter's own objects made here; a VM may add its own kinds (closures, activation records)
 * as long as it does not print them. The static methods need no run; an instance serves one run
 * of a program (its primitives read and write that run's {@link ProgramIo}).
 */
public final class TargetRuntime {
    /** Python's None. */
    public static final Object NONE = Values.None.NONE;

    /**
     * The name the user wrote for a variable or function whose name a pass made unique
     * ({@code f.2} is {@code f}; a name without a dot is its own), for error messages and tracebacks.
     */
    public static String userName(String name) {
        int dot = name.indexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** One primitive over boxed operands, compiled once. */
    public interface Applier {
        /**
         * Applies the primitive to {@code args} (boxed, first operand first; the array may be
         * longer than the arity and is not kept); returns its boxed result or {@link #NONE}.
         *
         * @throws PyRuntimeError when the primitive fails as it would under CPython
         */
        Object apply(Object[] args);
    }

    /** A binary primitive applied to two values. */
    public interface BinaryOperation {
        /**
         * @return {@code a op b}
         * @throws PyRuntimeError when the operation fails as it would under CPython
         */
        Object apply(Object a, Object b);
    }

    private final PrimCompiler prims;

    /** @param io the stdin and stdout of the run */
    public TargetRuntime(ProgramIo io) {
        this.prims = new PrimCompiler(io);
    }

    /**
     * PyTyped's implementation of {@code op} over {@code arity} boxed operands; errors carry
     * {@code span}. Not reentrant (no primitive calls back into a program), one per call site.
     *
     * @throws IllegalStateException when {@code op} does not take {@code arity} operands
     */
    public Applier operation(PrimOp op, int arity, Span span) {
        Object[][] current = new Object[1][];
        Code.Ev[] args = new Code.Ev[arity];
        for (int i = 0; i < arity; i++) {
            int k = i;
            args[i] = f -> current[0][k];
        }
        Code.Ev ev = prims.prim(op, args, span);
        return a -> {
            current[0] = a;
            return ev.eval(null);
        };
    }

    /** {@link #operation} for a run whose stdin and stdout are {@code io}. */
    public static Applier applier(PrimOp op, int arity, Span span, ProgramIo io) {
        return new TargetRuntime(io).operation(op, arity, span);
    }

    /**
     * The binary primitive {@code op} (arithmetic, comparison, indexing, membership); errors
     * point at {@code span}.
     *
     * @throws IllegalStateException when {@code op} is not binary
     */
    public BinaryOperation binary(PrimOp op, Span span) {
        PrimCompiler.Binary b = prims.binary(op, span);
        return b::apply;
    }

    /** Prints {@code args} separated by {@code sep} and followed by {@code end}, as {@code print} does. */
    public void print(Object[] args, Object sep, Object end) {
        Code.Ev[] operands = new Code.Ev[args.length];
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            operands[i] = f -> v;
        }
        prims.print(operands, f -> sep, f -> end).eval(null);
    }

    /** Python's {@code repr(v)} ({@code 'a'}, {@code 0.1}, {@code [1, 2]}). */
    public static String repr(Object v) {
        return Values.repr(v);
    }

    /** The error to throw for {@code raise exc} at {@code span} ({@code exc}: an exception value). */
    public static PyRuntimeError raise(Object exc, Span span) {
        return Exceptions.raise(exc, span);
    }

    /** A new list of {@code count} items of {@code items} from {@code from} (copied). */
    public static Object list(Object[] items, int from, int count) {
        ArrayList<Object> xs = new ArrayList<>(Math.max(count, 4));
        for (int i = 0; i < count; i++) {
            xs.add(items[from + i]);
        }
        return new PyList(xs);
    }

    /** Appends {@code value} to {@code list} (a list made by this runtime). */
    public static void append(Object list, Object value) {
        ((PyList) list).items.add(value);
    }

    /**
     * {@code list[index]} for an index from 0 to the length minus one, else null (for the
     * primitive {@code ListIndex} to handle: negative indices and the IndexError).
     */
    public static Object itemOrNull(Object list, long index) {
        ArrayList<Object> items = ((PyList) list).items;
        return index >= 0 && index < items.size() ? items.get((int) index) : null;
    }

    /**
     * {@code list[index] = value}, with Python's negative indices.
     *
     * @throws PyRuntimeError {@code IndexError: list assignment index out of range}
     */
    public static void setItem(Object list, long index, Object value, Span span) {
        ArrayList<Object> items = ((PyList) list).items;
        long k = index < 0 ? index + items.size() : index;
        if (k < 0 || k >= items.size()) {
            throw Prims.error("IndexError", "list assignment index out of range", span);
        }
        items.set((int) k, value);
    }

    /** A new tuple of {@code count} items of {@code items} from {@code from} (copied). */
    public static Object tuple(Object[] items, int from, int count) {
        Object[] xs = new Object[count];
        System.arraycopy(items, from, xs, 0, count);
        return new PyTuple(xs);
    }

    /** Item {@code index} (0-based, in range) of a tuple. */
    public static Object tupleItem(Object tuple, int index) {
        return ((PyTuple) tuple).items[index];
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
        return Prims.trueDiv(a, b, span);
    }

    /** Python's int {@code /}: correctly rounded ({@link PyNumbers#trueDivide}), with ZeroDivisionError. */
    public static double trueDiv(long a, long b, Span span) {
        return Prims.trueDiv(a, b, span);
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
