package nanopy.passes.front.python;

import nanopy.ir.CompileError;

/**
 * One token: its kind, its source text, its 0-based offsets (end exclusive), and for strings the
 * decoded literal, for {@link TokenKind#ERROR} the tokenizer's error.
 */
record Token(TokenKind kind, String text, int start, int end, StringLiteral string, CompileError error) {
    /** A token that is neither a string nor an error. */
    static Token of(TokenKind kind, String text, int start, int end) {
        return new Token(kind, text, start, end, null, null);
    }

    /** True for the operator or keyword {@code s}. */
    boolean is(String s) {
        return (kind == TokenKind.OP || kind == TokenKind.NAME) && text.equals(s);
    }
}
