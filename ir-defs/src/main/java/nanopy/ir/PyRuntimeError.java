package nanopy.ir;

/**
 * A run-time error of the user's program, as CPython reports it: the last line on stderr is
 * {@code exceptionClass + ": " + message} (or just the class when the message is empty), and the
 * process exits with status 1. Interpreters and VMs throw it; the driver prints it.
 *
 * <p>Carries no Java stack trace (it is not a bug in nanopy), except on a thread that asked for one
 * with {@link #recordJvmStackOnThisThread()}: a target whose program is JVM code (the jvm target) reads
 * the program's frames from it to make the traceback.
 */
public final class PyRuntimeError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String exceptionClass;
    private final String pyMessage;
    private final transient Span span;
    /** The functions the error left, innermost first, each with the line it was running. */
    private final transient java.util.List<TraceFrame> left = new java.util.ArrayList<>();
    /** The line running in the frame the error is in now (starts at {@link #span()}). */
    private transient Span current;
    private transient boolean traced;

    /** Whether errors made on this thread record the JVM stack ({@link #recordJvmStackOnThisThread()}). */
    private static final ThreadLocal<Boolean> RECORD_JVM_STACK = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * Makes every error created from now on on the calling thread record the JVM stack (a thread
     * that runs a NanoPy program compiled to JVM methods, whose frames are the program's frames).
     */
    public static void recordJvmStackOnThisThread() {
        RECORD_JVM_STACK.set(Boolean.TRUE);
    }

    /** One entry of a traceback: a function and the line it was running ({@code <module>} for the top level). */
    public record TraceFrame(String function, Span span) {}

    /**
     * @param exceptionClass the Python exception class, e.g. {@code ZeroDivisionError}
     * @param message its message, e.g. {@code integer division or modulo by zero}
     * @param span the source position of the failing operation, or {@link Span#NONE}
     */
    public PyRuntimeError(String exceptionClass, String message, Span span) {
        super(message.isEmpty() ? exceptionClass : exceptionClass + ": " + message, null, false, RECORD_JVM_STACK.get());
        this.exceptionClass = exceptionClass;
        this.pyMessage = message;
        this.span = span;
        this.current = span;
    }

    /**
     * The error whose CPython report ends in {@code line}: {@code Class: message}, or the class alone
     * (a {@code raise} primitive's operand, the last stderr line of a program run in another process).
     *
     * @param line e.g. {@code ZeroDivisionError: integer division or modulo by zero}
     * @param span the source position of the failing operation, or {@link Span#NONE}
     */
    public static PyRuntimeError fromLastLine(String line, Span span) {
        int colon = line.indexOf(": ");
        return colon < 0 ? new PyRuntimeError(line, "", span) : new PyRuntimeError(line.substring(0, colon), line.substring(colon + 2), span);
    }

    /**
     * Records that the error leaves function {@code function} (the frame it is in now) for its
     * caller, which was running the call at {@code callSite}. A runtime calls this at each call
     * boundary as the error unwinds (a VM with an explicit call stack calls it once per frame, from
     * the innermost), and so marks the error as {@link #traced()}.
     */
    public void leaveFunction(String function, Span callSite) {
        left.add(new TraceFrame(function, current));
        current = callSite;
        traced = true;
    }

    /**
     * Gives the innermost frame the line it was running, for an error made without a position
     * ({@link #span()} is {@link Span#NONE}) by a runtime that finds the line afterwards; no effect
     * once the error has a line there.
     */
    public void locate(Span line) {
        if (!current.isKnown() && left.isEmpty()) {
            current = line;
        }
    }

    /** Marks the error as traced by a runtime that records every call ({@link #leaveFunction}), even with no call on the way. */
    public void markTraced() {
        traced = true;
    }

    /** Whether the runtime recorded the calls the error went through, so {@link #traceback()} is complete. */
    public boolean traced() {
        return traced;
    }

    /** The traceback, outermost first: the top level ({@code <module>}) and then each function the error went through. */
    public java.util.List<TraceFrame> traceback() {
        java.util.List<TraceFrame> out = new java.util.ArrayList<>();
        out.add(new TraceFrame("<module>", current));
        for (int i = left.size() - 1; i >= 0; i--) {
            out.add(left.get(i));
        }
        return out;
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
