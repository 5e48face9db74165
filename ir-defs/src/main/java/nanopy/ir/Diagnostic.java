package nanopy.ir;

/**
 * One problem in a user's program, at a source position: {@code file:line:col: error: message},
 * rendered by the driver with the source line and a caret under the span.
 *
 * @param file the source file name as the user gave it (or {@code <string>} for {@code -c})
 * @param span where; {@link Span#NONE} when there is no position
 * @param message one sentence a user can act on, such as {@code undefined name 'x'}
 */
public record Diagnostic(String file, Span span, String message) {
    /** {@code file:line:col: error: message}. */
    public String header() {
        return span.isKnown() ? file + ":" + span.line() + ":" + span.col() + ": error: " + message : file + ": error: " + message;
    }
}
