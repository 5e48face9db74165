package nanopy.passes.front.python;

/**
 * Decodes the backslash escapes of Python string and bytes literals, as CPython's
 * {@code unicode_escape} and {@code escape_decode} do. Unknown escapes such as {@code \d} are kept
 * as written (CPython warns about them). {@code \N{name}} is resolved with
 * {@link Character#codePointOf(String)}, the JDK's table of Unicode character names (name aliases
 * and named sequences are not known to it and are rejected).
 */
final class StringEscapes {
    private StringEscapes() {}

    /** A malformed escape; the message is CPython's, without the exception class. */
    static final class BadEscape extends Exception {
        private static final long serialVersionUID = 1L;

        BadEscape(String message) {
            super(message, null, false, false);
        }
    }

    /** Decodes {@code s[from..to)}, a literal's body (not raw). */
    static String decode(String s, int from, int to, boolean bytes) throws BadEscape {
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < to) {
                i = escape(s, i, to, from, bytes, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Decodes the escape at {@code s[i]} (a backslash followed by at least one character before
     * {@code to}), appends its value and returns the index after it.
     *
     * @param bodyStart where the literal's body starts, for CPython's positions in messages
     */
    static int escape(String s, int i, int to, int bodyStart, boolean bytes, StringBuilder out) throws BadEscape {
        char c = s.charAt(i + 1);
        switch (c) {
            case '\n':
                return i + 2;
            case '\\', '\'', '"':
                out.append(c);
                return i + 2;
            case 'a':
                out.append('\u0007');
                return i + 2;
            case 'b':
                out.append('\b');
                return i + 2;
            case 'f':
                out.append('\f');
                return i + 2;
            case 'n':
                out.append('\n');
                return i + 2;
            case 'r':
                out.append('\r');
                return i + 2;
            case 't':
                out.append('\t');
                return i + 2;
            case 'v':
                out.append('\u000b');
                return i + 2;
            case 'x':
                return hex(s, i, to, bodyStart, 2, bytes, out);
            case 'u', 'U':
                if (bytes) {
                    break;
                }
                return hex(s, i, to, bodyStart, c == 'u' ? 4 : 8, false, out);
            case 'N':
                if (bytes) {
                    break;
                }
                return named(s, i, to, bodyStart, out);
            default:
                if (c >= '0' && c <= '7') {
                    int j = i + 1;
                    int v = 0;
                    while (j < to && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                        v = v * 8 + (s.charAt(j) - '0');
                        j++;
                    }
                    out.append((char) (bytes ? v & 0xFF : v));
                    return j;
                }
                break;
        }
        out.append('\\');
        return i + 1;
    }

    private static int hex(String s, int i, int to, int bodyStart, int digits, boolean bytes, StringBuilder out)
            throws BadEscape {
        int j = i + 2;
        int v = 0;
        while (j < to && j < i + 2 + digits && Character.digit(s.charAt(j), 16) >= 0) {
            v = v * 16 + Character.digit(s.charAt(j), 16);
            j++;
        }
        int start = i - bodyStart;
        if (j < i + 2 + digits) {
            if (bytes) {
                throw new BadEscape("(value error) invalid \\x escape at position " + start);
            }
            String what = digits == 2 ? "\\xXX" : digits == 4 ? "\\uXXXX" : "\\UXXXXXXXX";
            throw new BadEscape(codec(start, j - 1 - bodyStart, "truncated " + what + " escape"));
        }
        if (digits == 8 && (v < 0 || v > Character.MAX_CODE_POINT)) {
            throw new BadEscape(codec(start, j - 1 - bodyStart, "illegal Unicode character"));
        }
        out.appendCodePoint(v);
        return j;
    }

    private static int named(String s, int i, int to, int bodyStart, StringBuilder out) throws BadEscape {
        int start = i - bodyStart;
        if (i + 2 >= to || s.charAt(i + 2) != '{') {
            throw new BadEscape(codec(start, start + 1, "malformed \\N character escape"));
        }
        int close = s.indexOf('}', i + 3);
        if (close < 0 || close >= to || close == i + 3) {
            throw new BadEscape(codec(start, (close < 0 || close >= to ? to : close) - 1 - bodyStart,
                    "malformed \\N character escape"));
        }
        String name = s.substring(i + 3, close);
        int cp = -1;
        if (name.strip().equals(name)) {
            try {
                cp = Character.codePointOf(name);
            } catch (IllegalArgumentException e) {
                cp = -1;
            }
        }
        if (cp < 0) {
            throw new BadEscape(codec(start, close - bodyStart, "unknown Unicode character name"));
        }
        out.appendCodePoint(cp);
        return close + 1;
    }

    private static String codec(int from, int to, String what) {
        return "(unicode error) 'unicodeescape' codec can't decode bytes in position " + from + "-" + to + ": " + what;
    }
}
