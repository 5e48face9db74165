package nanopy.driver;

import nanopy.ir.PyRuntimeError;

/** Python-style tracebacks for run-time errors; the last line is exactly CPython's. */
public final class Tracebacks {
    private Tracebacks() {}

    /**
     * {@code Traceback (most recent call last):}, the failing source line when known, then
     * {@code Class: message}; every line ends in a newline.
     */
    public static String render(String fileName, String source, PyRuntimeError e) {
        StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
        if (e.span().isKnown()) {
            sb.append("  File \"").append(fileName).append("\", line ").append(e.span().line()).append('\n');
            if (source != null) {
                String[] lines = source.split("\n", -1);
                if (e.span().line() <= lines.length) {
                    sb.append("    ").append(lines[e.span().line() - 1].strip()).append('\n');
                }
            }
        }
        sb.append(e.lastLine()).append('\n');
        return sb.toString();
    }
}
