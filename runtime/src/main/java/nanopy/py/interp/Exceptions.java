package nanopy.py.interp;

import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.ExceptionClasses;

/**
 * Exception instances, written once for every target. An exception value is the
 * {@link PyRuntimeError} a target throws: its class and its message, which is what {@code str()} of
 * the exception gives (for {@code KeyError} the repr of the key, as CPython prints it). Raising a
 * value throws a fresh error at the {@code raise} (so a caught exception's traceback does not carry
 * over); a handler matches by {@link ExceptionClasses#isSubclass}.
 */
public final class Exceptions {
    private Exceptions() {}

    /** A new instance of {@code cls}, as {@code cls(arg)} makes it: {@code message} is {@code str()} of it. */
    public static PyRuntimeError make(String cls, String message, Span span) {
        return new PyRuntimeError(cls, message, span);
    }

    /** The error to throw for {@code raise exc} at {@code span}. */
    public static PyRuntimeError raise(Object exc, Span span) {
        PyRuntimeError e = (PyRuntimeError) exc;
        return new PyRuntimeError(e.exceptionClass(), e.pyMessage(), span);
    }

    /** Whether {@code exc} is an instance of {@code cls} (a built-in class name) or of a subclass of it. */
    public static boolean matches(Object exc, String cls) {
        return ExceptionClasses.isSubclass(((PyRuntimeError) exc).exceptionClass(), cls);
    }

    /** Whether a handler naming {@code classes} (none: a bare {@code except:}, every exception) catches {@code exc}. */
    public static boolean caughtBy(PyRuntimeError exc, String[] classes) {
        if (classes.length == 0) {
            return true;
        }
        for (String c : classes) {
            if (matches(exc, c)) {
                return true;
            }
        }
        return false;
    }

    /** {@code str(exc)}. */
    static String str(PyRuntimeError exc) {
        return exc.pyMessage();
    }

    /** {@code repr(exc)}: {@code ValueError('bad')}, {@code KeyError('k')}, {@code AssertionError()}. */
    static String repr(PyRuntimeError exc) {
        String m = exc.pyMessage();
        if (m.isEmpty() && !exc.exceptionClass().equals("KeyError")) {
            return exc.exceptionClass() + "()";
        }
        return exc.exceptionClass() + "(" + (exc.exceptionClass().equals("KeyError") ? m : Values.repr(m)) + ")";
    }
}
