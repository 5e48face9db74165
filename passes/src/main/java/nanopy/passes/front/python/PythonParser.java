package nanopy.passes.front.python;

import java.util.List;
import nanopy.ir.CompileError;
import nanopy.ir.Span;
import nanopy.py.PySyntax;

/**
 * Parses Python 3.12 source into {@link PySyntax}, as {@code ast.parse} does: a hand-written
 * recursive-descent parser following CPython's PEG grammar ({@code Grammar/python.gram}) over the
 * tokens of {@link PythonLexer}.
 *
 * <p>Errors: one {@link CompileError} with one diagnostic whose message starts with the Python
 * exception class and is CPython 3.11's wording where it has a dedicated one ({@code SyntaxError:
 * expected ':'}, {@code SyntaxError: '(' was never closed}, {@code IndentationError: unexpected
 * indent}, ...), else {@code SyntaxError: invalid syntax} at the token where parsing stopped. As in
 * CPython, a tokenizer error anywhere in the file wins over a parser error, except indentation,
 * continuation and end-of-file errors, and an unclosed bracket, which only wins when the parser
 * has looked at tokens on later lines. Nesting deeper than the parser
 * supports is a {@code SyntaxError: too many nested parentheses}, never a stack overflow.
 */
public final class PythonParser {
    private PythonParser() {}

    /**
     * Parses a whole file.
     *
     * @param fileName the name used in diagnostics
     * @param source the source text; a leading byte order mark is ignored, any line ends are accepted
     * @return the module, with a span on every node
     * @throws CompileError for a syntax error
     */
    public static PySyntax.Module parse(String fileName, String source) {
        String text = PythonLexer.normalizeNewlines(source.startsWith("\uFEFF") ? source.substring(1) : source);
        SourceText src = new SourceText(fileName, text);
        List<Token> tokens = PythonLexer.tokenize(src);
        Token last = tokens.get(tokens.size() - 1);
        StatementParser parser = new StatementParser(src, tokens);
        try {
            return parser.file();
        } catch (CompileError e) {
            throw prefer(e, last, parser.furthest(), src.line(parser.furthest().start()));
        } catch (StackOverflowError e) {
            throw new CompileError(fileName, Span.at(1, 1), "SyntaxError: too many nested parentheses");
        }
    }

    /** Which of a parser error and a pending tokenizer error CPython reports. */
    private static CompileError prefer(CompileError parserError, Token last, Token furthest, int furthestLine) {
        if (last.kind() != TokenKind.ERROR || last.error() == parserError) {
            return parserError;
        }
        String message = parserError.diagnostics().get(0).message();
        if (message.startsWith("IndentationError: unexpected indent") || last.text().equals(PythonLexer.SOFT)) {
            return parserError;
        }
        if (last.text().equals(PythonLexer.UNCLOSED)) {
            int bracketLine = last.error().diagnostics().get(0).span().line();
            return furthestLine > bracketLine || furthest == last ? last.error() : parserError;
        }
        return last.error();
    }
}
