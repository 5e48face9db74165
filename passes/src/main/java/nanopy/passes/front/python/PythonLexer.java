package nanopy.passes.front.python;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import nanopy.ir.CompileError;

/**
 * The Python 3.12 tokenizer, after CPython's {@code Parser/tokenizer.c}: INDENT/DEDENT from the
 * indentation stack (tabs to the next multiple of 8, checked against a second count where a tab is
 * one column, which detects indentation whose meaning depends on the tab size: {@code TabError}),
 * implicit line joining inside brackets, backslash continuation, comments, every number and string
 * literal form, and PEP 701 f-strings (a replacement field's expression is tokenized here, in
 * place, so nested quotes and nested f-strings work; the parser parses its tokens).
 *
 * <p>Tokens carry 0-based offsets into the source (line ends normalized to {@code \n}). A
 * tokenizer error does not stop tokenizing at once: it becomes a final {@link TokenKind#ERROR}
 * token, so that a syntax error the parser finds earlier can be reported first, as CPython does.
 */
public final class PythonLexer {
    /** The text of an ERROR token for a bracket never closed (CPython lets it win over parser errors only sometimes). */
    static final String UNCLOSED = "unclosed";
    /**
     * The text of an ERROR token for errors CPython's tokenizer only signals with a status code
     * (indentation, line continuation, end of file), which never win over a parser error.
     */
    static final String SOFT = "soft";

    private static final int MAX_BRACKETS = 200;
    private static final int MAX_INDENT = 100;
    private static final int MAX_FSTRING_NESTING = 150;
    private static final int TAB_SIZE = 8;
    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...", "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<",
        "<=", "==", ">=", ">>", "@=", "^=", "|=", "%", "&", "(", ")", "*", "+", ",", "-", ".", "/", ":", ";", "<",
        "=", ">", "@", "[", "]", "^", "{", "|", "}", "~", "!",
    };
    private static final String[] KEYWORDS_AFTER_NUMBER = {"and", "else", "for", "if", "in", "is", "not", "or"};

    private final SourceText src;
    private final String s;
    private final int n;
    private int pos;
    private final List<Token> out = new ArrayList<>();
    private final int[] indents = new int[MAX_INDENT + 1];
    private final int[] altIndents = new int[MAX_INDENT + 1];
    private int depth;
    private final Deque<int[]> brackets = new ArrayDeque<>();
    private boolean lineHasTokens;
    private int fstringNesting;

    private PythonLexer(SourceText src) {
        this.src = src;
        this.s = src.text();
        this.n = s.length();
    }

    /**
     * Tokenizes a whole file.
     *
     * @param file the file name for diagnostics
     * @param source the source text (any line ends)
     * @return the tokens, ending with {@link TokenKind#ENDMARKER}
     * @throws CompileError at the first tokenizer error, e.g. {@code SyntaxError: unterminated string literal (detected at line 3)}
     */
    public static List<Token> tokenize(String file, String source) {
        List<Token> tokens = tokenize(new SourceText(file, normalizeNewlines(source)));
        Token last = tokens.get(tokens.size() - 1);
        if (last.kind() == TokenKind.ERROR) {
            throw last.error();
        }
        return tokens;
    }

    /** The tokens of {@code src}, ending with ENDMARKER or with an ERROR token. */
    static List<Token> tokenize(SourceText src) {
        PythonLexer lexer = new PythonLexer(src);
        try {
            lexer.run();
        } catch (LexError e) {
            int at = Math.min(lexer.pos, lexer.n);
            lexer.out.add(new Token(TokenKind.ERROR, e.kind, at, at, null, e.error));
        }
        return lexer.out;
    }

    /** Replaces {@code \r\n} and lone {@code \r} by {@code \n}, as CPython does when it reads source. */
    static String normalizeNewlines(String source) {
        return source.indexOf('\r') < 0 ? source : source.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Internal: a tokenizer error on its way to become an ERROR token. */
    private static final class LexError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CompileError error;
        private final String kind;

        LexError(CompileError error, String kind) {
            super(null, null, false, false);
            this.error = error;
            this.kind = kind;
        }
    }

    private LexError fail(int offset, String message) {
        return new LexError(src.error(offset, message), "");
    }

    private LexError soft(int offset, String message) {
        return new LexError(src.error(offset, message), SOFT);
    }

    private LexError fail(int start, int end, String message) {
        return new LexError(src.error(start, end, message), "");
    }

    private void emit(Token t) {
        out.add(t);
        lineHasTokens = true;
    }

    private char at(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    private void run() {
        boolean lineStart = true;
        while (true) {
            if (lineStart) {
                lineStart = false;
                if (brackets.isEmpty()) {
                    indentation();
                }
            }
            skipBlanks();
            if (pos >= n) {
                break;
            }
            char c = s.charAt(pos);
            if (c == '#') {
                skipComment();
            } else if (c == '\n') {
                if (brackets.isEmpty() && lineHasTokens) {
                    out.add(Token.of(TokenKind.NEWLINE, "\n", pos, pos + 1));
                    lineHasTokens = false;
                }
                pos++;
                lineStart = true;
            } else if (c == '\\') {
                continuation();
            } else {
                emit(scanToken(brackets));
            }
        }
        if (!brackets.isEmpty()) {
            throw unclosed();
        }
        if (lineHasTokens) {
            out.add(Token.of(TokenKind.NEWLINE, "", n, n));
        }
        int end = n > 0 && s.charAt(n - 1) == '\n' ? n - 1 : n;
        for (; depth > 0; depth--) {
            out.add(Token.of(TokenKind.DEDENT, "", end, end));
        }
        out.add(Token.of(TokenKind.ENDMARKER, "", end, end));
    }

    private LexError unclosed() {
        int[] open = brackets.peek();
        return new LexError(src.error(open[1], "SyntaxError: '" + (char) open[0] + "' was never closed"), UNCLOSED);
    }

    private void skipBlanks() {
        while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\f')) {
            pos++;
        }
    }

    private void skipComment() {
        while (pos < n && s.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void continuation() {
        if (pos + 1 >= n) {
            if (!brackets.isEmpty()) {
                throw unclosed();
            }
            throw soft(pos + 1, "SyntaxError: unexpected EOF while parsing");
        }
        if (s.charAt(pos + 1) != '\n') {
            throw soft(pos + 1, "SyntaxError: unexpected character after line continuation character");
        }
        pos += 2;
        if (pos >= n) {
            throw soft(pos, "SyntaxError: unexpected EOF while parsing");
        }
    }

    /** At a line start outside brackets: measures the indentation and emits INDENT or DEDENTs. */
    private void indentation() {
        int lineStart = pos;
        int col = 0;
        int alt = 0;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ') {
                col++;
                alt++;
            } else if (c == '\t') {
                col = (col / TAB_SIZE + 1) * TAB_SIZE;
                alt++;
            } else if (c == '\f') {
                col = 0;
                alt = 0;
            } else {
                break;
            }
            pos++;
        }
        if (pos >= n || s.charAt(pos) == '#' || s.charAt(pos) == '\n') {
            return;
        }
        if (s.charAt(pos) == '\\' && at(pos + 1) != '\n') {
            continuation();
        }
        if (col == indents[depth]) {
            if (alt != altIndents[depth]) {
                throw tabError(lineStart);
            }
        } else if (col > indents[depth]) {
            if (depth + 1 >= MAX_INDENT) {
                throw soft(pos, "IndentationError: too many levels of indentation");
            }
            if (alt <= altIndents[depth]) {
                throw tabError(lineStart);
            }
            depth++;
            indents[depth] = col;
            altIndents[depth] = alt;
            out.add(Token.of(TokenKind.INDENT, s.substring(lineStart, pos), Math.max(lineStart, pos - 1), pos));
        } else {
            while (depth > 0 && col < indents[depth]) {
                depth--;
                out.add(Token.of(TokenKind.DEDENT, "", pos, pos));
            }
            if (col != indents[depth]) {
                int lineEnd = s.indexOf('\n', pos);
                throw soft(lineEnd < 0 ? n : lineEnd, "IndentationError: unindent does not match any outer indentation level");
            }
            if (alt != altIndents[depth]) {
                throw tabError(lineStart);
            }
        }
    }

    private LexError tabError(int lineStart) {
        return soft(lineStart, "TabError: inconsistent use of tabs and spaces in indentation");
    }

    /** Scans one token at {@code pos} (not a blank, newline, comment or backslash). */
    private Token scanToken(Deque<int[]> open) {
        int start = pos;
        char c = s.charAt(pos);
        if (isAsciiIdentStart(c) || c >= 128) {
            return scanName(start);
        }
        if (c >= '0' && c <= '9' || c == '.' && at(pos + 1) >= '0' && at(pos + 1) <= '9') {
            return scanNumber(start);
        }
        if (c == '\'' || c == '"') {
            return scanString(start, "");
        }
        for (String op : OPERATORS) {
            if (s.startsWith(op, pos)) {
                pos += op.length();
                brackets(open, op, start);
                return Token.of(TokenKind.OP, op, start, pos);
            }
        }
        pos++;
        return Token.of(TokenKind.OP, String.valueOf(c), start, pos);
    }

    private void brackets(Deque<int[]> open, String op, int start) {
        char c = op.charAt(0);
        if (op.length() != 1) {
            return;
        }
        if (c == '(' || c == '[' || c == '{') {
            if (open.size() >= MAX_BRACKETS) {
                throw fail(start, "SyntaxError: too many nested parentheses");
            }
            open.push(new int[] {c, start});
        } else if (c == ')' || c == ']' || c == '}') {
            if (open.isEmpty()) {
                throw fail(start, "SyntaxError: unmatched '" + c + "'");
            }
            int[] top = open.pop();
            char expected = top[0] == '(' ? ')' : top[0] == '[' ? ']' : '}';
            if (c != expected) {
                String where = src.line(top[1]) == src.line(start) ? "" : " on line " + src.line(top[1]);
                throw fail(start, "SyntaxError: closing parenthesis '" + c + "' does not match opening parenthesis '"
                        + (char) top[0] + "'" + where);
            }
        }
    }

    private static boolean isAsciiIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isAsciiIdentPart(char c) {
        return isAsciiIdentStart(c) || c >= '0' && c <= '9';
    }

    private Token scanName(int start) {
        boolean ascii = true;
        while (pos < n) {
            char c = s.charAt(pos);
            if (isAsciiIdentPart(c)) {
                pos++;
            } else if (c >= 128) {
                ascii = false;
                pos++;
            } else {
                break;
            }
        }
        String word = s.substring(start, pos);
        if (pos < n && (s.charAt(pos) == '\'' || s.charAt(pos) == '"') && isStringPrefix(word)) {
            return scanString(start, word);
        }
        if (!ascii) {
            word = checkIdentifier(start, word);
        }
        return Token.of(TokenKind.NAME, word, start, pos);
    }

    private String checkIdentifier(int start, String word) {
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            boolean ok = cp < 128 ? isAsciiIdentPart((char) cp) && (i > 0 || !Character.isDigit(cp))
                    : (i == 0 ? Character.isUnicodeIdentifierStart(cp)
                            : Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
            if (!ok) {
                pos = start + i;
                if (!PyRepr.isPrintable(cp)) {
                    throw fail(start + i, String.format(Locale.ROOT, "SyntaxError: invalid non-printable character U+%04X", cp));
                }
                throw fail(start + i, String.format(Locale.ROOT, "SyntaxError: invalid character '%s' (U+%04X)",
                        new String(Character.toChars(cp)), cp));
            }
            i += Character.charCount(cp);
        }
        return Normalizer.normalize(word, Normalizer.Form.NFKC);
    }

    private static boolean isStringPrefix(String word) {
        if (word.length() > 2) {
            return false;
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "r", "u", "b", "f", "br", "rb", "fr", "rf" -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- numbers

    private boolean isDigit(int i) {
        char c = at(i);
        return c >= '0' && c <= '9';
    }

    private Token scanNumber(int start) {
        char c = s.charAt(pos);
        if (c == '0' && "xXoObB".indexOf(at(pos + 1)) >= 0) {
            char kind = Character.toLowerCase(at(pos + 1));
            int radix = kind == 'x' ? 16 : kind == 'o' ? 8 : 2;
            String name = kind == 'x' ? "hexadecimal" : kind == 'o' ? "octal" : "binary";
            pos += 2;
            do {
                if (at(pos) == '_') {
                    pos++;
                }
                if (Character.digit(at(pos), radix) < 0) {
                    throw badDigit(name, radix, isDigit(pos) ? pos : pos - 1);
                }
                while (Character.digit(at(pos), radix) >= 0) {
                    pos++;
                }
            } while (at(pos) == '_');
            if (isDigit(pos)) {
                throw badDigit(name, radix, pos);
            }
            verifyEnd(start, name);
            return Token.of(TokenKind.NUMBER, s.substring(start, pos), start, pos);
        }
        boolean leadingZero = c == '0';
        boolean nonZero = false;
        if (c != '.') {
            int digitsStart = pos;
            decimals();
            for (int i = digitsStart; i < pos; i++) {
                nonZero |= s.charAt(i) >= '1' && s.charAt(i) <= '9';
            }
        }
        boolean fraction = false;
        if (at(pos) == '.') {
            fraction = true;
            pos++;
            if (isDigit(pos)) {
                decimals();
            }
        }
        boolean exponent = false;
        if (at(pos) == 'e' || at(pos) == 'E') {
            int e = pos;
            pos++;
            if (at(pos) == '+' || at(pos) == '-') {
                pos++;
                if (!isDigit(pos)) {
                    throw fail(pos - 1, "SyntaxError: invalid decimal literal");
                }
            } else if (!isDigit(pos)) {
                pos = e;
                throw fail(start, "SyntaxError: invalid decimal literal");
            }
            exponent = true;
            decimals();
        }
        boolean imaginary = false;
        if (at(pos) == 'j' || at(pos) == 'J') {
            imaginary = true;
            pos++;
        }
        if (leadingZero && nonZero && !fraction && !exponent && !imaginary) {
            throw fail(start, start + 1,
                    "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
        }
        verifyEnd(start, imaginary ? "imaginary" : "decimal");
        return Token.of(TokenKind.NUMBER, s.substring(start, pos), start, pos);
    }

    private LexError badDigit(String name, int radix, int at) {
        char c = at(at);
        if (c >= '0' && c <= '9' && Character.digit(c, radix) < 0) {
            return fail(at, "SyntaxError: invalid digit '" + c + "' in " + name + " literal");
        }
        return fail(at, "SyntaxError: invalid " + name + " literal");
    }

    /** Digits with single underscores between them. */
    private void decimals() {
        while (true) {
            while (isDigit(pos)) {
                pos++;
            }
            if (at(pos) != '_') {
                return;
            }
            if (!isDigit(pos + 1)) {
                throw fail(pos, "SyntaxError: invalid decimal literal");
            }
            pos++;
        }
    }

    private void verifyEnd(int start, String name) {
        char c = at(pos);
        if (pos < n && (isAsciiIdentPart(c) || c >= 128)) {
            for (String kw : KEYWORDS_AFTER_NUMBER) {
                if (s.startsWith(kw, pos)) {
                    return;
                }
            }
            throw fail(name.equals("decimal") ? start : pos, "SyntaxError: invalid " + name + " literal");
        }
    }

    // ---------------------------------------------------------------- strings

    private Token scanString(int start, String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        boolean raw = p.contains("r");
        boolean bytes = p.contains("b");
        boolean f = p.contains("f");
        char q = s.charAt(pos);
        boolean triple = at(pos + 1) == q && at(pos + 2) == q;
        pos += triple ? 3 : 1;
        if (f) {
            if (++fstringNesting > MAX_FSTRING_NESTING) {
                throw fail(start, "SyntaxError: too many nested f-strings");
            }
            List<FStringPart> parts;
            try {
                parts = fstringBody(start, raw, q, triple, 0);
            } catch (LexError e) {
                throw atStringEnd(e, start, q, triple);
            }
            fstringNesting--;
            return new Token(TokenKind.STRING, s.substring(start, pos), start, pos, new StringLiteral(false, false, null, parts, null), null);
        }
        int bodyStart = pos;
        while (true) {
            if (pos >= n) {
                throw unterminated(start, triple);
            }
            char c = s.charAt(pos);
            if (c == '\\') {
                pos = Math.min(pos + 2, n);
            } else if (c == '\n' && !triple) {
                throw unterminated(start, false);
            } else if (c == q && (!triple || at(pos + 1) == q && at(pos + 2) == q)) {
                break;
            } else {
                pos++;
            }
        }
        int bodyEnd = pos;
        pos += triple ? 3 : 1;
        String value;
        if (raw) {
            value = s.substring(bodyStart, bodyEnd);
        } else {
            try {
                value = StringEscapes.decode(s, bodyStart, bodyEnd, bytes);
            } catch (StringEscapes.BadEscape e) {
                return badString(start, bytes, src.error(pos, "SyntaxError: " + e.getMessage()));
            }
        }
        if (bytes) {
            for (int i = bodyStart; i < bodyEnd; i++) {
                if (s.charAt(i) >= 128) {
                    return badString(start, true, src.error(start, "SyntaxError: bytes can only contain ASCII literal characters"));
                }
            }
        }
        return new Token(TokenKind.STRING, s.substring(start, pos), start, pos,
                new StringLiteral(bytes, prefix.equals("u"), value, null, null), null);
    }

    /**
     * CPython 3.11 reports errors inside an f-string at the end of the string: relocates {@code e}
     * there when it is such an error and the end (the first unescaped closing quote) exists.
     */
    private LexError atStringEnd(LexError e, int start, char q, boolean triple) {
        String message = e.error.diagnostics().get(0).message();
        if (!message.startsWith("SyntaxError: f-string")) {
            return e;
        }
        int i = s.indexOf(q, start) + (triple ? 3 : 1);
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '\n' && !triple) {
                return e;
            } else if (c == q && (!triple || s.startsWith(String.valueOf(q).repeat(3), i))) {
                return fail(i + (triple ? 3 : 1), message);
            } else {
                i++;
            }
        }
        return e;
    }

    /** A string token whose content CPython's parser (not its tokenizer) rejects. */
    private Token badString(int start, boolean bytes, CompileError error) {
        return new Token(TokenKind.STRING, s.substring(start, pos), start, pos, new StringLiteral(bytes, false, "", null, error), null);
    }

    private LexError unterminated(int start, boolean triple) {
        if (triple) {
            int last = n > 0 && s.charAt(n - 1) == '\n' ? n - 1 : n;
            return fail(start, "SyntaxError: unterminated triple-quoted string literal (detected at line " + src.line(last) + ")");
        }
        return fail(start, "SyntaxError: unterminated string literal (detected at line " + src.line(Math.min(pos, n)) + ")");
    }

    private boolean atClosingQuote(char q, boolean triple) {
        return at(pos) == q && (!triple || at(pos + 1) == q && at(pos + 2) == q);
    }

    /**
     * Scans an f-string's body (specDepth 0, up to and including the closing quote) or a format
     * spec (specDepth &gt; 0, up to the {@code '}'} that ends its field, not included).
     */
    private List<FStringPart> fstringBody(int start, boolean raw, char q, boolean triple, int specDepth) {
        List<FStringPart> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int litStart = pos;
        while (true) {
            if (pos >= n) {
                throw unterminated(start, triple);
            }
            char c = s.charAt(pos);
            if (atClosingQuote(q, triple)) {
                if (specDepth > 0) {
                    throw fail(pos, "SyntaxError: f-string: expecting '}'");
                }
                flush(parts, lit, litStart);
                pos += triple ? 3 : 1;
                return parts;
            }
            if (c == '\n' && !triple) {
                throw unterminated(start, false);
            }
            if (c == '\\' && pos + 1 < n) {
                char d = s.charAt(pos + 1);
                if (raw || d == '{' || d == '}') {
                    lit.append('\\');
                    pos++;
                    if (raw && (d == q || d == '\\')) {
                        lit.append(d);
                        pos++;
                    }
                } else {
                    try {
                        pos = StringEscapes.escape(s, pos, n, litStart, false, lit);
                    } catch (StringEscapes.BadEscape e) {
                        throw fail(pos, "SyntaxError: " + e.getMessage());
                    }
                }
            } else if (c == '{') {
                if (specDepth == 0 && at(pos + 1) == '{') {
                    lit.append('{');
                    pos += 2;
                } else {
                    flush(parts, lit, litStart);
                    parts.add(field(start, raw, q, triple, specDepth));
                    litStart = pos;
                }
            } else if (c == '}') {
                if (specDepth > 0) {
                    flush(parts, lit, litStart);
                    return parts;
                }
                if (at(pos + 1) != '}') {
                    throw fail(pos + 1, "SyntaxError: f-string: single '}' is not allowed");
                }
                lit.append('}');
                pos += 2;
            } else {
                lit.append(c);
                pos++;
            }
        }
    }

    private void flush(List<FStringPart> parts, StringBuilder lit, int litStart) {
        if (!lit.isEmpty()) {
            parts.add(new FStringPart.Literal(lit.toString(), litStart, pos));
            lit.setLength(0);
        }
    }

    /** Scans a replacement field at {@code '{'}: its expression's tokens, {@code =}, conversion and spec. */
    private FStringPart.Field field(int stringStart, boolean raw, char q, boolean triple, int specDepth) {
        int fieldStart = pos;
        if (specDepth >= 2) {
            throw fail(pos, "SyntaxError: f-string: expressions nested too deeply");
        }
        pos++;
        int exprStart = pos;
        List<Token> tokens = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>();
        while (true) {
            char c = at(pos);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\n' && (triple || !open.isEmpty())) {
                pos++;
                continue;
            }
            if (pos >= n) {
                throw unterminated(stringStart, triple);
            }
            if (c == '\n') {
                throw fail(pos, "SyntaxError: f-string: expecting '}'");
            }
            if (c == '#') {
                if (!triple) {
                    throw fail(pos, "SyntaxError: f-string expression part cannot include '#'");
                }
                skipComment();
                continue;
            }
            if (c == '\\') {
                continuation();
                continue;
            }
            if (open.isEmpty()) {
                if (c == '}' || c == ':' || c == '!' && at(pos + 1) != '=' || c == '=' && at(pos + 1) != '=') {
                    break;
                }
                if (atClosingQuote(q, triple) && endsOperand(tokens)) {
                    throw fail(pos, "SyntaxError: f-string: expecting '}'");
                }
            }
            tokens.add(scanToken(open));
        }
        if (tokens.isEmpty()) {
            throw fail(pos, "SyntaxError: f-string: empty expression not allowed");
        }
        String debug = null;
        if (at(pos) == '=') {
            pos++;
            while (at(pos) == ' ' || at(pos) == '\t' || at(pos) == '\f' || at(pos) == '\n' && triple) {
                pos++;
            }
            debug = s.substring(exprStart, pos);
        }
        int conversion = -1;
        if (at(pos) == '!') {
            pos++;
            char k = at(pos);
            if (k == 's' || k == 'r' || k == 'a') {
                conversion = k;
                pos++;
                if (at(pos) != '}' && at(pos) != ':') {
                    throw fail(pos, "SyntaxError: f-string: expecting '}'");
                }
            } else {
                throw fail(pos + 1, "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
        }
        List<FStringPart> spec = null;
        if (at(pos) == ':') {
            pos++;
            spec = fstringBody(stringStart, raw, q, triple, specDepth + 1);
        }
        if (at(pos) != '}') {
            if (pos >= n) {
                throw unterminated(stringStart, triple);
            }
            throw fail(pos, "SyntaxError: f-string: expecting '}'");
        }
        pos++;
        if (debug != null && conversion < 0 && spec == null) {
            conversion = 'r';
        }
        return new FStringPart.Field(List.copyOf(tokens), fieldStart, pos, debug, conversion, spec);
    }

    private static boolean endsOperand(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        Token t = tokens.get(tokens.size() - 1);
        return t.kind() == TokenKind.NUMBER || t.kind() == TokenKind.NAME && !Keywords.isKeyword(t.text())
                || t.kind() == TokenKind.OP && (t.text().equals(")") || t.text().equals("]") || t.text().equals("}"));
    }
}
