package nanopy.py.interp;

import nanopy.ir.Span;
import nanopy.py.interp.Values.Cell;
import nanopy.py.interp.Values.Closure;

/**
 * The compiled code of a function or lambda: how many frame slots it needs, where its parameters
 * go (into a cell when a nested function captures them), which other slots start as empty cells,
 * and its body. Calling it counts the Python call depth and raises {@code RecursionError} past the
 * limit instead of exhausting the Java stack.
 */
final class Code {
    /** A statement: returns {@link #NORMAL}, {@link #BREAK}, {@link #CONTINUE} or {@link #RETURN}. */
    interface Ex {
        int exec(Frame f);
    }

    /** An expression. */
    interface Ev {
        Object eval(Frame f);
    }

    static final int NORMAL = 0;
    static final int BREAK = 1;
    static final int CONTINUE = 2;
    static final int RETURN = 3;

    /** An activation record: local slots, the closure's free-variable cells, the return value. */
    static final class Frame {
        final Object[] slots;
        final Cell[] free;
        Object ret = Values.None.NONE;
        /** The exception a handler block of a Blocks program is entered with, for its Catch. */
        Object caught;

        Frame(Object[] slots, Cell[] free) {
            this.slots = slots;
            this.free = free;
        }
    }

    /** The call depth of one run. */
    static final class Depth {
        final int limit;
        int depth;

        Depth(int limit) {
            this.limit = limit;
        }
    }

    private final String name;
    private final int slots;
    private final int[] paramSlots;
    private final boolean[] paramCells;
    private final int[] cellSlots;
    private final Depth depth;
    private Ex body = f -> NORMAL;
    private Ev result = f -> Values.None.NONE;
    private boolean isLambda;

    Code(String name, int slots, int[] paramSlots, boolean[] paramCells, int[] cellSlots, Depth depth) {
        this.name = name;
        this.slots = slots;
        this.paramSlots = paramSlots;
        this.paramCells = paramCells;
        this.cellSlots = cellSlots;
        this.depth = depth;
    }

    String name() {
        return name;
    }

    void setBody(Ex body) {
        this.body = body;
    }

    void setLambdaBody(Ev result) {
        this.result = result;
        this.isLambda = true;
    }

    /** Calls the closure {@code c} (whose code is this) with {@code args}. */
    Object call(Closure c, Object[] args, Span span) {
        Prims.checkInterrupt(span);
        if (++depth.depth > depth.limit) {
            depth.depth--;
            throw Prims.error("RecursionError", "maximum recursion depth exceeded", span);
        }
        try {
            Frame f = new Frame(new Object[slots], c.free());
            for (int i = 0; i < paramSlots.length; i++) {
                f.slots[paramSlots[i]] = paramCells[i] ? new Cell(args[i]) : args[i];
            }
            for (int s : cellSlots) {
                f.slots[s] = new Cell(null);
            }
            if (isLambda) {
                return result.eval(f);
            }
            return body.exec(f) == RETURN ? f.ret : Values.None.NONE;
        } catch (nanopy.ir.PyRuntimeError e) {
            e.leaveFunction(name, span);   // the traceback's frame for this call (free unless an error passes)
            throw e;
        } finally {
            depth.depth--;
        }
    }
}
