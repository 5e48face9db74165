package nanopy.irgen;

/** An error in an {@code .ir} file; the message starts with {@code file:line:col:}. */
public final class IrSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public IrSyntaxException(IrModel.Pos pos, String message) {
        super(pos + ": " + message);
    }
}
