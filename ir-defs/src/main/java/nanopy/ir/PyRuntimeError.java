package nanopy.ir;

/**
 * A run-time error of the user's program, as CPython reports it: the last line on stderr is
 * {@code exceptionClass + ": " + message} (or just the class when the message is empty), and the
 * process exits with status 1. Interpreters and VMs throw it; the driver prints it.
 *
 * <p>Carries no Java stack trace (it is not a bug in nanopy).
 */
public final class PyRuntimeError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String exceptionClass;
    private final String pyMessage;
    private final transient Span span;

    /**
     * @param exceptionClass the Python exception class, e.g. {@code ZeroDivisionError}
     * @param message its message, e.g. {@code integer division or modulo by zero}
     * @param span the source position of the failing operation, or {@link Span#NONE}
     */
    public PyRuntimeError(String exceptionClass, String message, Span span) {
        super(message.isEmpty() ? exceptionClass : exceptionClass + ": " + message, null, false, false);
        this.exceptionClass = exceptionClass;
        this.pyMessage = message;
        this.span = span;
    }

    public String exceptionClass() {
        return exceptionClass;
    }

    public String pyMessage() {
        return pyMessage;
    }

    public Span span() {
        return span;
    }

    /** The line CPython prints last: {@code Class: message}. */
    public String lastLine() {
        return getMessage();
    }
}
