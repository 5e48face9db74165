package nanopy.passes.front.python;

import java.util.List;
import nanopy.ir.CompileError;
import nanopy.ir.Span;

/**
 * The token cursor under the recursive-descent parser: looking at and consuming tokens, spans
 * from a start offset to the end of the last consumed token, error construction, and the nesting
 * guard that turns pathological nesting into a syntax error instead of a stack overflow.
 */
abstract class ParserBase {
    /** Deepest nesting of expressions (unary operators, lambdas, conditional expressions, brackets). */
    private static final int MAX_DEPTH = 400;

    protected final SourceText src;
    protected List<Token> toks;
    protected int pos;
    protected int depth;
    private final List<Token> mainToks;
    private int furthest;

    ParserBase(SourceText src, List<Token> toks) {
        this.src = src;
        this.toks = toks;
        this.mainToks = toks;
    }

    /** The furthest token of the file's token list the parser has looked at. */
    final Token furthest() {
        return mainToks.get(furthest);
    }

    private Token look(int i) {
        int at = Math.min(i, toks.size() - 1);
        if (toks == mainToks && at > furthest) {
            furthest = at;
        }
        return toks.get(at);
    }

    final Token peek() {
        return look(pos);
    }

    final Token peek(int k) {
        return look(pos + k);
    }

    final Token next() {
        Token t = look(pos);
        if (pos < toks.size() - 1) {
            pos++;
        }
        return t;
    }

    final boolean at(String s) {
        return peek().is(s);
    }

    final boolean at(TokenKind kind) {
        return peek().kind() == kind;
    }

    final boolean accept(String s) {
        if (at(s)) {
            next();
            return true;
        }
        return false;
    }

    /** Consumes {@code s} or fails with {@code invalid syntax} at the current token. */
    final Token expect(String s) {
        if (!at(s)) {
            throw invalid(peek());
        }
        return next();
    }

    /** Consumes {@code s} or fails with CPython's {@code expected 's'}. */
    final Token expectForced(String s) {
        if (!at(s)) {
            Token t = peek();
            if (t.kind() == TokenKind.ERROR) {
                throw t.error();
            }
            throw src.error(t.start(), "SyntaxError: expected '" + s + "'");
        }
        return next();
    }

    /** A NAME that is not a hard keyword. */
    final boolean atName() {
        return peek().kind() == TokenKind.NAME && !Keywords.isKeyword(peek().text());
    }

    final Token expectName() {
        if (!atName()) {
            throw invalid(peek());
        }
        return next();
    }

    /** Where the last consumed token ends. */
    final int prevEnd() {
        return pos == 0 ? peek().start() : toks.get(pos - 1).end();
    }

    /** From {@code start} to the end of the last consumed token. */
    final Span span(int start) {
        return src.span(start, Math.max(start, prevEnd()));
    }

    /** {@code SyntaxError: message} covering {@code start..end}, unless a tokenizer error is pending at {@code t}. */
    final CompileError error(int start, int end, String message) {
        return src.error(start, end, "SyntaxError: " + message);
    }

    final CompileError error(Token t, String message) {
        if (t.kind() == TokenKind.ERROR) {
            return t.error();
        }
        return error(t.start(), t.end(), message);
    }

    final CompileError error(Span at, String message) {
        return new CompileError(src.file(), at, "SyntaxError: " + message);
    }

    /** CPython's generic error at the token where parsing could not go on. */
    final CompileError invalid(Token t) {
        return switch (t.kind()) {
            case ERROR -> t.error();
            case INDENT -> src.error(t.start(), t.end(), "IndentationError: unexpected indent");
            case DEDENT -> src.error(t.start(), t.end(), "IndentationError: unexpected unindent");
            default -> error(t.start(), t.end(), "invalid syntax");
        };
    }

    /** Enters one level of nesting; see {@link #MAX_DEPTH}. */
    final void enter() {
        if (++depth > MAX_DEPTH) {
            throw error(peek().start(), peek().end(), "too many nested parentheses");
        }
    }

    final void leave() {
        depth--;
    }
}
