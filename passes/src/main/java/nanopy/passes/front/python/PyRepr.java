package nanopy.passes.front.python;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
        return floating(x, true);
    }

    /** {@code repr(x * 1j)}: {@code 1j}, {@code 2.5j}, {@code 1e+16j}, {@code infj}. */
    public static String imaginary(double x) {
        return floating(x, false) + "j";
    }

    /**
     * The shortest decimal that reads back as {@code x} (positive, finite). The JDK's
     * {@link Double#toString} gives the shortest with at least two digits, so a one-digit
     * candidate is tried too.
     */
    private static BigDecimal shortest(double x) {
        BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
        if (d.precision() == 2) {
            BigDecimal exact = new BigDecimal(x);
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING}) {
                BigDecimal one = exact.round(new MathContext(1, mode));
                if (one.doubleValue() == x) {
                    return one.stripTrailingZeros();
                }
            }
        }
        return d;
    }

    private static String floating(double x, boolean addDotZero) {
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String sign = x < 0 || x == 0 && 1 / x < 0 ? "-" : "";
        if (x == 0) {
            return sign + (addDotZero ? "0.0" : "0");
        }
        BigDecimal d = shortest(Math.abs(x));
        String digits = d.unscaledValue().toString();
        int decpt = digits.length() - d.scale();
        StringBuilder b = new StringBuilder(sign);
        if (decpt <= -4 || decpt > 16) {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            b.append('e').append(exp < 0 ? '-' : '+');
            String e = Integer.toString(Math.abs(exp));
            if (e.length() < 2) {
                b.append('0');
            }
            b.append(e);
        } else if (decpt <= 0) {
            b.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= digits.length()) {
            b.append(digits).append("0".repeat(decpt - digits.length()));
            if (addDotZero) {
                b.append(".0");
            }
        } else {
            b.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return b.toString();
    }
}
