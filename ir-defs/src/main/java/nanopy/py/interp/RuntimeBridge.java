package nanopy.py.interp;

import java.util.ArrayList;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.Code.Ev;
import nanopy.py.interp.Code.Frame;
import nanopy.py.interp.Values.PyList;
import nanopy.py.interp.Values.PyTuple;

/**
 * The PyTyped interpreter's values, primitives and printing, for code outside this package that
 * executes NanoPy programs (the VMs of targets), so that every target prints the same text and
 * fails with the same exception class and message. One instance serves one run of a program
 * (it reads and writes that run's {@link ProgramIo}).
 *
 * <p>Values are plain Java objects: {@link Long}, {@link Double}, {@link Boolean}, {@link String},
 * {@link #none()}, and the lists and tuples made here; a VM may add its own kinds (closures,
 * activation records) as long as it does not print them.
 */
public final class RuntimeBridge {
    /** A primitive of fixed arity applied to its operands (the array is not kept). */
    public interface Operation {
        /**
         * @param args the operands, first operand first; the array may be longer than the arity
         * @return the primitive's value
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
    public RuntimeBridge(ProgramIo io) {
        this.prims = new PrimCompiler(io);
    }

    /** Python's {@code None}. */
    public static Object none() {
        return Values.None.NONE;
    }

    /**
     * The primitive {@code op} with {@code arity} operands; errors point at {@code span}.
     *
     * @throws IllegalStateException when {@code op} does not take {@code arity} operands
     */
    public Operation operation(PrimOp op, int arity, Span span) {
        Ev[] operands = new Ev[arity];
        for (int i = 0; i < arity; i++) {
            int k = i;
            operands[i] = f -> f.slots[k];
        }
        Ev ev = prims.prim(op, operands, span);
        return args -> ev.eval(new Frame(args, Runtime.NO_CELLS));
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
        Ev[] operands = new Ev[args.length];
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            operands[i] = f -> v;
        }
        prims.print(operands, f -> sep, f -> end).eval(null);
    }

    /** Python's {@code repr(v)} of a value of this runtime ({@code 'a'}, {@code 0.1}, {@code [1, 2]}). */
    public static String repr(Object v) {
        return Values.repr(v);
    }

    /** A new list of {@code items} (copied). */
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

    /** A new tuple of {@code items} (copied). */
    public static Object tuple(Object[] items, int from, int count) {
        Object[] xs = new Object[count];
        System.arraycopy(items, from, xs, 0, count);
        return new PyTuple(xs);
    }

    /** Item {@code index} (0-based, in range) of a tuple. */
    public static Object tupleItem(Object tuple, int index) {
        return ((PyTuple) tuple).items[index];
    }

    /** The number of items of a tuple. */
    public static int tupleSize(Object tuple) {
        return ((PyTuple) tuple).items.length;
    }
}
