package nanopy.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * S-expressions, the textual form of every IR: atoms (symbols, numbers, quoted strings) and lists in
 * {@code ( )} (a node) or {@code [ ]} (a sequence). {@link #read} keeps 1-based line:column positions
 * for error messages; {@link #pretty} lays a tree out within a line width.
 */
public sealed interface Sexp {
    /** Line and column (1-based) where this expression starts in its text; 0:0 when built in memory. */
    int line();

    int col();

    /** A symbol or number ({@code quoted == false}) or a string literal ({@code quoted == true}, text unescaped). */
    record Atom(String text, boolean quoted, int line, int col) implements Sexp {
        public Atom(String text, boolean quoted) {
            this(text, quoted, 0, 0);
        }
    }

    /** A list; {@code square} for {@code [ ]}. */
    record SList(List<Sexp> items, boolean square, int line, int col) implements Sexp {
        public SList(List<Sexp> items, boolean square) {
            this(items, square, 0, 0);
        }
    }

    /** Thrown for malformed text; the message starts with {@code line:col:}. */
    final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int col;

        public SyntaxError(int line, int col, String message) {
            super(line + ":" + col + ": " + message);
            this.line = line;
            this.col = col;
        }

        public int line() {
            return line;
        }

        public int col() {
            return col;
        }
    }

    /**
     * Reads exactly one expression from {@code text} ({@code ;} starts a comment to end of line).
     *
     * @throws SyntaxError for unbalanced brackets, bad strings, or trailing text
     */
    static Sexp read(String text) throws SyntaxError {
        Reader r = new Reader(text);
        r.skip();
        if (r.i >= text.length()) {
            throw new SyntaxError(r.line, r.col(), "empty input: expected an IR program");
        }
        Sexp s = r.expr();
        r.skip();
        if (r.i < text.length()) {
            throw new SyntaxError(r.line, r.col(), "unexpected text after the end of the program");
        }
        return s;
    }

    /** Quotes a string the way {@link #read} unquotes it. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** The expression on one line. */
    static String flat(Sexp s) {
        StringBuilder sb = new StringBuilder();
        flat(s, sb);
        return sb.toString();
    }

    private static void flat(Sexp s, StringBuilder sb) {
        switch (s) {
            case Atom a -> sb.append(a.quoted() ? quote(a.text()) : a.text());
            case SList l -> {
                sb.append(l.square() ? '[' : '(');
                for (int i = 0; i < l.items().size(); i++) {
                    if (i > 0) {
                        sb.append(' ');
                    }
                    flat(l.items().get(i), sb);
                }
                sb.append(l.square() ? ']' : ')');
            }
        }
    }

    /**
     * Lays {@code s} out: a list that fits in {@code width} columns stays on one line; otherwise its
     * head and leading atoms stay on the first line and each other item goes on its own line,
     * indented by two spaces.
     */
    static String pretty(Sexp s, int width) {
        StringBuilder sb = new StringBuilder();
        pretty(s, 0, width, sb);
        return sb.toString();
    }

    private static void pretty(Sexp s, int indent, int width, StringBuilder sb) {
        String f = flat(s);
        if (!(s instanceof SList l) || indent + f.length() <= width || l.items().isEmpty()) {
            sb.append(f);
            return;
        }
        sb.append(l.square() ? '[' : '(');
        int i = 0;
        List<Sexp> items = l.items();
        // Keep the head (and, in a node, the atoms right after it) on the opening line.
        while (i < items.size() && items.get(i) instanceof Atom && (i == 0 || !l.square())) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(flat(items.get(i)));
            i++;
        }
        boolean first = i == 0;
        for (; i < items.size(); i++) {
            if (first && l.square()) {
                pretty(items.get(i), indent + 1, width, sb);
                first = false;
                continue;
            }
            sb.append('\n').append(" ".repeat(indent + (l.square() ? 1 : 2)));
            pretty(items.get(i), indent + (l.square() ? 1 : 2), width, sb);
        }
        sb.append(l.square() ? ']' : ')');
    }

    /** The tokenizer-parser behind {@link #read}. */
    final class Reader {
        private final String s;
        private int i;
        private int line = 1;
        private int lineStart;

        Reader(String s) {
            this.s = s;
        }

        int col() {
            return i - lineStart + 1;
        }

        void skip() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\n') {
                    line++;
                    i++;
                    lineStart = i;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == ';') {
                    while (i < s.length() && s.charAt(i) != '\n') {
                        i++;
                    }
                } else {
                    return;
                }
            }
        }

        Sexp expr() throws SyntaxError {
            int l = line;
            int c = col();
            char ch = s.charAt(i);
            if (ch == '(' || ch == '[') {
                char close = ch == '(' ? ')' : ']';
                i++;
                List<Sexp> items = new ArrayList<>();
                while (true) {
                    skip();
                    if (i >= s.length()) {
                        throw new SyntaxError(l, c, "'" + ch + "' is never closed");
                    }
                    char d = s.charAt(i);
                    if (d == close) {
                        i++;
                        return new SList(List.copyOf(items), ch == '[', l, c);
                    }
                    if (d == ')' || d == ']') {
                        throw new SyntaxError(line, col(), "'" + d + "' does not match '" + ch + "' at " + l + ":" + c);
                    }
                    items.add(expr());
                }
            }
            if (ch == ')' || ch == ']') {
                throw new SyntaxError(l, c, "unmatched '" + ch + "'");
            }
            if (ch == '"') {
                i++;
                StringBuilder sb = new StringBuilder();
                while (true) {
                    if (i >= s.length() || s.charAt(i) == '\n') {
                        throw new SyntaxError(l, c, "unterminated string");
                    }
                    char d = s.charAt(i++);
                    if (d == '"') {
                        return new Atom(sb.toString(), true, l, c);
                    }
                    if (d == '\\') {
                        if (i >= s.length()) {
                            throw new SyntaxError(l, c, "unterminated string");
                        }
                        char e = s.charAt(i++);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 't' -> sb.append('\t');
                            case 'r' -> sb.append('\r');
                            case '"' -> sb.append('"');
                            case '\\' -> sb.append('\\');
                            case 'u' -> {
                                if (i + 4 > s.length()) {
                                    throw new SyntaxError(line, col(), "\\u needs four hex digits");
                                }
                                try {
                                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                                } catch (NumberFormatException ex) {
                                    throw new SyntaxError(line, col(), "\\u needs four hex digits");
                                }
                                i += 4;
                            }
                            default -> throw new SyntaxError(line, col() - 2, "unknown escape \\" + e + " in string");
                        }
                    } else {
                        sb.append(d);
                    }
                }
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()[]\";".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            return new Atom(s.substring(start, i), false, l, c);
        }
    }
}
