package nanopy.ir;

/**
 * A malformed IR text or an ill-formed IR tree. {@link #line()}/{@link #col()} locate the problem in
 * IR text (0 when the problem is in a tree built in memory). The message is one sentence without a
 * position prefix; {@link #getMessage()} adds {@code line:col: } when known.
 */
public final class IrError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int col;
    private final String detail;

    public IrError(int line, int col, String detail) {
        super(line > 0 ? line + ":" + col + ": " + detail : detail);
        this.line = line;
        this.col = col;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public int col() {
        return col;
    }

    /** The message without position. */
    public String detail() {
        return detail;
    }
}
