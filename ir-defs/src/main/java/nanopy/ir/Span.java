package nanopy.ir;

/**
 * A source region: 1-based line and column of the first character, and 1-based line and column
 * just past the last character (end exclusive). Columns count Unicode code units of the line.
 * {@link #NONE} marks a node that was built without a source position.
 */
public record Span(int line, int col, int endLine, int endCol) {
    /** The span of nodes with no source position. */
    public static final Span NONE = new Span(0, 0, 0, 0);

    /** A span covering one point. */
    public static Span at(int line, int col) {
        return new Span(line, col, line, col);
    }

    /** True unless this is {@link #NONE}. */
    public boolean isKnown() {
        return line > 0;
    }

    /** The smallest span covering this and {@code other}; NONE is ignored. */
    public Span to(Span other) {
        if (!isKnown()) {
            return other;
        }
        if (!other.isKnown()) {
            return this;
        }
        return new Span(line, col, other.endLine, other.endCol);
    }

    /** {@code line:col-endLine:endCol}, the form used in IR text after {@code @}. */
    @Override
    public String toString() {
        return line + ":" + col + "-" + endLine + ":" + endCol;
    }

    /**
     * Parses {@link #toString()}'s form.
     *
     * @throws IllegalArgumentException when the text is not of that form
     */
    public static Span parse(String text) {
        String[] halves = text.split("-", -1);
        if (halves.length != 2) {
            throw new IllegalArgumentException("a span looks like 3:5-3:9, not '" + text + "'");
        }
        String[] a = halves[0].split(":", -1);
        String[] b = halves[1].split(":", -1);
        if (a.length != 2 || b.length != 2) {
            throw new IllegalArgumentException("a span looks like 3:5-3:9, not '" + text + "'");
        }
        try {
            return new Span(Integer.parseInt(a[0]), Integer.parseInt(a[1]), Integer.parseInt(b[0]), Integer.parseInt(b[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a span looks like 3:5-3:9, not '" + text + "'", e);
        }
    }
}
