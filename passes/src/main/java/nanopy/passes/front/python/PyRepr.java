package nanopy.passes.front.python;

import java.util.Locale;

/**
 * Python's {@code repr} of constants, as CPython 3.11 prints them: strings and bytes with its
 * quoting and escaping rules, floats as the shortest string that round-trips (the JDK's
 * {@link Double#toString} digits, laid out the way {@code float_repr_style = 'short'} does), and
 * imaginary numbers.
 */
public final class PyRepr {
    private PyRepr() {}

    /**
     * True when Python's {@code str.isprintable} holds for the code point: not in categories Cc,
     * Cf, Cs, Co, Cn, Zl, Zp, and not a space separator other than U+0020.
     */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                 Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** {@code repr(s)} of a str. */
    public static String str(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                b.append("\\t");
            } else if (cp == '\n') {
                b.append("\\n");
            } else if (cp == '\r') {
                b.append("\\r");
            } else if (cp < ' ' || cp == 0x7f) {
                b.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else if (cp < 0x7f || isPrintable(cp)) {
                b.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                b.append(String.format(Locale.ROOT, "\\x%02x", cp));
            } else if (cp <= 0xffff) {
                b.append(String.format(Locale.ROOT, "\\u%04x", cp));
            } else {
                b.append(String.format(Locale.ROOT, "\\U%08x", cp));
            }
        }
        return b.append(quote).toString();
    }

    /** {@code repr(b)} of a bytes value held one char per byte. */
    public static String bytes(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 3).append('b').append(quote);
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(i) & 0xff;
            if (c == quote || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < ' ' || c >= 0x7f) {
                b.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else {
                b.append((char) c);
            }
        }
        return b.append(quote).toString();
    }

    /** {@code repr(x)} of a float: {@code 1.0}, {@code 1e+16}, {@code 1e-05}, {@code inf}, {@code nan}. */
    public static String floating(double x) {
        return nanopy.py.FloatFormat.repr(x);
    }

    /** {@code repr(x * 1j)}: {@code 1j}, {@code 2.5j}, {@code 1e+16j}, {@code infj}. */
    public static String imaginary(double x) {
        return nanopy.py.FloatFormat.imaginary(x);
    }

}
