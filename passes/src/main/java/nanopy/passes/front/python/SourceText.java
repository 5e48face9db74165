package nanopy.passes.front.python;

import java.util.Arrays;
import nanopy.ir.CompileError;
import nanopy.ir.Span;

/**
 * A source file's text with its line table: converts 0-based UTF-16 offsets to 1-based lines and
 * columns ({@link Span}) and builds {@link CompileError}s at offsets.
 */
final class SourceText {
    private final String file;
    private final String text;
    private final int[] lineStarts;

    /**
     * @param file the file name used in diagnostics
     * @param text the source, with line ends already normalized to {@code \n}
     */
    SourceText(String file, String text) {
        this.file = file;
        this.text = text;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    String file() {
        return file;
    }

    String text() {
        return text;
    }

    /** The 1-based line holding {@code offset}. */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based column of {@code offset} on its line. */
    int col(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The offset where 1-based {@code line} starts. */
    int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** The span from {@code start} (inclusive) to {@code end} (exclusive), both offsets. */
    Span span(int start, int end) {
        return new Span(line(start), col(start), line(end), col(end));
    }

    /** A syntax error with one diagnostic covering {@code start..end}. */
    CompileError error(int start, int end, String message) {
        return new CompileError(file, span(start, Math.max(start, end)), message);
    }

    /** A syntax error with one diagnostic at the point {@code offset}. */
    CompileError error(int offset, String message) {
        return error(offset, offset, message);
    }
}
