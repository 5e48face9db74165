package nanopy.py.interp;

import nanopy.ir.Span;
import nanopy.py.interp.Code.Frame;

/**
 * The run-time pieces of the middle-end interpreter ({@link MiddleCompiler}) that PyTyped's own
 * interpreter does not have: functions as (code, environment) pairs and the call protocol.
 *
 * <p>A frame's slot 0 holds the environment of the closure being run (before closure conversion
 * the frame of the lexically enclosing function, after it the activation record passed as the
 * static link parameter); the arguments follow in slots 1..n; locals come after them.
 */
final class Runtime {
    private Runtime() {}

    static final Values.Cell[] NO_CELLS = new Values.Cell[0];

    /** A function's body: runs a fresh frame and returns the function's value. */
    interface Body {
        Object run(Frame f);
    }

    /** The code of a function: its name, frame size and body (set once compiled). */
    static final class FnCode {
        final String name;
        final int size;
        Body body = f -> Values.None.NONE;

        FnCode(String name, int size) {
            this.name = name;
            this.size = size;
        }
    }

    /** A closure: code and environment. The environment is set later for an allocated closure. */
    static final class Fn {
        final FnCode code;
        Object env;

        Fn(FnCode code, Object env) {
            this.code = code;
            this.env = env;
        }
    }

    /** Counts nested calls of one run and raises RecursionError past the limit. */
    static final class Calls {
        private final int limit;
        private int depth;

        Calls(int limit) {
            this.limit = limit;
        }

        /** Calls {@code fn} with {@code args}: a new frame with the environment in slot 0. */
        Object invoke(Fn fn, Object[] args, Span span) {
            if (++depth > limit) {
                depth--;
                throw Prims.error("RecursionError", "maximum recursion depth exceeded", span);
            }
            try {
                Object[] slots = new Object[fn.code.size];
                slots[0] = fn.env;
                System.arraycopy(args, 0, slots, 1, args.length);
                return fn.code.body.run(new Frame(slots, NO_CELLS));
            } catch (nanopy.ir.PyRuntimeError e) {
                e.leaveFunction(TargetRuntime.userName(fn.code.name), span);   // the traceback's frame (free unless an error passes)
                throw e;
            } finally {
                depth--;
            }
        }
    }
}
