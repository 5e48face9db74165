package nanopy.driver;

import nanopy.ir.Diagnostic;
import nanopy.ir.Span;

/**
 * Renders diagnostics the way compilers do: the header {@code file:line:col: error: message}, then
 * the source line and a caret (or carets under the whole span when it is on one line).
 */
public final class Diagnostics {
    private Diagnostics() {}

    /** The header, the source line (when {@code source} has it) and the caret line, each ending in a newline. */
    public static String render(Diagnostic d, String source) {
        StringBuilder sb = new StringBuilder(d.header()).append('\n');
        sb.append(excerpt(d.span(), source));
        return sb.toString();
    }

    /** The source line of {@code span} with a caret under it, or "" when unknown. */
    public static String excerpt(Span span, String source) {
        if (!span.isKnown() || source == null) {
            return "";
        }
        String[] lines = source.split("\n", -1);
        if (span.line() > lines.length) {
            return "";
        }
        String line = lines[span.line() - 1].replace("\r", "").replace('\t', ' ');
        String num = String.valueOf(span.line());
        StringBuilder sb = new StringBuilder();
        sb.append(' ').append(num).append(" | ").append(line).append('\n');
        int col = Math.max(1, Math.min(span.col(), line.length() + 1));
        int width = span.endLine() == span.line() && span.endCol() > span.col() ? span.endCol() - span.col() : 1;
        width = Math.max(1, Math.min(width, line.length() + 1 - col + 1));
        sb.append(' ').append(" ".repeat(num.length())).append(" | ").append(" ".repeat(col - 1)).append("^".repeat(width)).append('\n');
        return sb.toString();
    }
}
