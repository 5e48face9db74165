package nanopy.py.interp;

import nanopy.ir.PyRuntimeError;
import nanopy.py.interp.Code.Ex;
import nanopy.py.interp.Code.Frame;

/**
 * A compiled {@code try} statement, shared by the tree interpreters (PyTyped and the middle-end
 * languages down to Flat): the body; on an exception the first handler whose classes match binds
 * it and runs (no match: it propagates); {@code else} after a body that completed normally; and
 * {@code finally} on every way out. A {@code finally} that ends in {@code return}, {@code break}
 * or {@code continue} discards the exception or the result in flight, as in Python.
 *
 * @param body the try body
 * @param handlers the except clauses in order
 * @param orelse the else body (empty: nothing)
 * @param finalbody the finally body, or null
 */
record TryStatement(Ex body, Handler[] handlers, Ex orelse, Ex finalbody) implements Ex {
    /** How a handler binds the exception it caught. */
    interface Bind {
        void bind(Frame f, Object exc);
    }

    /** An except clause: the classes it catches (none: all), where it binds the exception, its body. */
    record Handler(String[] classes, Bind target, Ex body) {}

    @Override
    public int exec(Frame f) {
        int status;
        PyRuntimeError pending = null;
        try {
            status = tryExcept(f);
        } catch (PyRuntimeError e) {
            pending = e;
            status = Code.NORMAL;
        }
        if (finalbody != null) {
            int fs = finalbody.exec(f);
            if (fs != Code.NORMAL) {
                return fs;
            }
        }
        if (pending != null) {
            throw pending;
        }
        return status;
    }

    private int tryExcept(Frame f) {
        int status;
        try {
            status = body.exec(f);
        } catch (PyRuntimeError e) {
            for (Handler h : handlers) {
                if (Exceptions.caughtBy(e, h.classes())) {
                    h.target().bind(f, e);
                    return h.body().exec(f);
                }
            }
            throw e;
        }
        return status == Code.NORMAL ? orelse.exec(f) : status;
    }
}
