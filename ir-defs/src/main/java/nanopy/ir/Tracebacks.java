package nanopy.ir;

import java.util.List;

/** Python-style tracebacks for run-time errors; the last line is exactly CPython's. */
public final class Tracebacks {
    /** CPython prints a frame repeated more often than this once, then "[Previous line repeated N more times]". */
    private static final int REPEATS_SHOWN = 3;

    private Tracebacks() {}

    /** The exit status after {@code e}: CPython's 130 (128 + SIGINT) for {@code KeyboardInterrupt}, else 1. */
    public static int status(PyRuntimeError e) {
        return e.exceptionClass().equals("KeyboardInterrupt") ? Interrupts.SIGINT_STATUS : 1;
    }

    /**
     * {@code Traceback (most recent call last):}, then as CPython 3.11 every frame the error went
     * through, outermost first ({@code File "f.py", line 3, in f} and the stripped source line when
     * {@code source} is known; more than three identical frames in a row are folded into
     * {@code [Previous line repeated N more times]}), then {@code Class: message}. A runtime that does not
     * record calls ({@link PyRuntimeError#traced()} false) gets only the failing line, without a
     * function. Every line ends in a newline.
     */
    public static String render(String fileName, String source, PyRuntimeError e) {
        StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
        String[] lines = source == null ? new String[0] : source.split("\n", -1);
        if (!e.traced()) {
            frame(sb, fileName, lines, e.span(), null);
        } else {
            List<PyRuntimeError.TraceFrame> frames = e.traceback();
            int i = 0;
            while (i < frames.size()) {
                PyRuntimeError.TraceFrame f = frames.get(i);
                int same = 1;
                while (i + same < frames.size() && sameLine(frames.get(i + same), f)) {
                    same++;
                }
                for (int k = 0; k < Math.min(same, REPEATS_SHOWN); k++) {
                    frame(sb, fileName, lines, f.span(), f.function());
                }
                if (same > REPEATS_SHOWN) {
                    int more = same - REPEATS_SHOWN;
                    sb.append("  [Previous line repeated ").append(more).append(" more time").append(more == 1 ? "" : "s").append("]\n");
                }
                i += same;
            }
        }
        sb.append(e.lastLine()).append('\n');
        return sb.toString();
    }

    /** CPython folds frames with the same file, line and function. */
    private static boolean sameLine(PyRuntimeError.TraceFrame a, PyRuntimeError.TraceFrame b) {
        return a.function().equals(b.function()) && a.span().line() == b.span().line();
    }

    private static void frame(StringBuilder sb, String fileName, String[] lines, Span span, String function) {
        if (!span.isKnown()) {
            return;
        }
        sb.append("  File \"").append(fileName).append("\", line ").append(span.line());
        if (function != null) {
            sb.append(", in ").append(function);
        }
        sb.append('\n');
        if (span.line() <= lines.length && !lines[span.line() - 1].isBlank()) {
            sb.append("    ").append(lines[span.line() - 1].strip()).append('\n');
        }
    }
}
