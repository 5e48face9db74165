package nanopy.py.interp;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nanopy.ir.Span;

/**
 * CPython's {@code int(str)} and {@code float(str)}, and its Unicode whitespace ({@code str.isspace},
 * which {@code strip()} and {@code split()} use).
 *
 * <p>Both conversions first map the text to ASCII as CPython's
 * {@code _PyUnicode_TransformDecimalAndSpaceToASCII} does: a code point below 127 stays, a Unicode
 * space becomes {@code ' '}, a Unicode decimal digit (Unicode 14, CPython 3.11's version: the runs of
 * ten listed in {@link #DIGIT_ZEROS}) becomes its ASCII digit, anything else makes the text invalid.
 * Then only ASCII whitespace is stripped, so {@code int("\u0661\u0662\u3000")} is 12 but
 * {@code int("\x1c12")} is invalid. {@code int}: {@code [+-]? digit ('_'? digit)*}, at most 4300
 * digits. {@code float}: underscores only between two digits, then {@code inf}, {@code infinity},
 * {@code nan} (any case) or a decimal with an optional exponent, correctly rounded.
 */
public final class PyParse {
    /**
     * The first code point (digit zero) of each run of ten Unicode decimal digits in Unicode 14.0,
     * CPython 3.11's Unicode version (printed by {@code tools/numeric-sweep --digit-zeros}; the JDK's
     * newer Unicode has more, which CPython 3.11 rejects).
     */
    static final int[] DIGIT_ZEROS = {
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
        0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
        0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0,
        0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
        0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    };

    /** CPython's limit on the digits of an int read from a string ({@code sys.get_int_max_str_digits()}). */
    static final int MAX_STR_DIGITS = 4300;

    private static final String ASCII_SPACE = "[ \\t\\n\\x0b\\f\\r]*";
    private static final Pattern INT = Pattern.compile(ASCII_SPACE + "([+-]?)([0-9](?:_?[0-9])*)" + ASCII_SPACE);
    private static final Pattern FLOAT = Pattern.compile("[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)");
    private static final Pattern INF_NAN = Pattern.compile("([+-]?)(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private PyParse() {}

    /** Python's {@code str.isspace()} of one code point: the 29 code points CPython counts as whitespace. */
    public static boolean isSpace(int c) {
        if (c < 0x80) {
            return c == ' ' || c >= 0x09 && c <= 0x0d || c >= 0x1c && c <= 0x1f;
        }
        return c == 0x85 || c == 0xa0 || c == 0x1680 || c >= 0x2000 && c <= 0x200a || c == 0x2028 || c == 0x2029
                || c == 0x202f || c == 0x205f || c == 0x3000;
    }

    /** The value (0 to 9) of a Unicode decimal digit as CPython 3.11 knows them, else -1. */
    public static int decimal(int c) {
        int k = Arrays.binarySearch(DIGIT_ZEROS, c);
        int zero = k >= 0 ? DIGIT_ZEROS[k] : -k - 2 >= 0 ? DIGIT_ZEROS[-k - 2] : -1;
        return zero >= 0 && c - zero < 10 ? c - zero : -1;
    }

    /** CPython's transform to ASCII (see the class comment), or null when a code point has no ASCII form. */
    private static String toAscii(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c >= 127 && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                if (c < 127) {
                    sb.append((char) c);
                } else if (isSpace(c)) {
                    sb.append(' ');
                } else {
                    int d = decimal(c);
                    if (d < 0) {
                        return null;
                    }
                    sb.append((char) ('0' + d));
                }
            }
            i += Character.charCount(c);
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * {@code int(s)} (base 10).
     *
     * @throws nanopy.ir.PyRuntimeError {@code ValueError: invalid literal for int() with base 10: 's'}
     *     (the repr cut to 200 characters, as CPython's {@code %.200R}), the ValueError of more than 4300
     *     digits, or {@code OverflowError: integer overflow} beyond 64 bits
     */
    public static long parseInt(String s, Span span) {
        String t = toAscii(s);
        Matcher m = t == null ? null : INT.matcher(t);
        if (m == null || !m.matches()) {
            String repr = Values.repr(s);
            int cut = repr.codePointCount(0, repr.length()) > 200 ? repr.offsetByCodePoints(0, 200) : repr.length();
            throw Prims.error("ValueError", "invalid literal for int() with base 10: " + repr.substring(0, cut), span);
        }
        String digits = m.group(2).replace("_", "");
        if (digits.length() > MAX_STR_DIGITS) {
            throw Prims.error("ValueError", "Exceeds the limit (" + MAX_STR_DIGITS + " digits) for integer string conversion: value has "
                    + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the limit", span);
        }
        try {
            return Long.parseLong(m.group(1) + digits);
        } catch (NumberFormatException e) {
            throw Prims.overflow(span);
        }
    }

    /**
     * {@code float(s)}: correctly rounded; too big is an infinity and too small zero, as in CPython.
     *
     * @throws nanopy.ir.PyRuntimeError {@code ValueError: could not convert string to float: 's'}
     */
    public static double parseFloat(String s, Span span) {
        String t = toAscii(s);
        if (t != null) {
            int a = 0;
            int b = t.length();
            while (a < b && asciiSpace(t.charAt(a))) {
                a++;
            }
            while (b > a + 1 && asciiSpace(t.charAt(b - 1))) {
                b--;
            }
            t = withoutUnderscores(t.substring(a, b));
        }
        if (t != null) {
            if (FLOAT.matcher(t).matches()) {
                return Double.parseDouble(t);
            }
            Matcher m = INF_NAN.matcher(t);
            if (m.matches()) {
                if (m.group(2).equalsIgnoreCase("nan")) {
                    return Double.NaN;
                }
                return m.group(1).equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        throw Prims.error("ValueError", "could not convert string to float: " + Values.repr(s), span);
    }

    private static boolean asciiSpace(char c) {
        return c == ' ' || c >= 0x09 && c <= 0x0d;
    }

    /** {@code t} without its underscores when each one is between two digits, else null (CPython's rule). */
    private static String withoutUnderscores(String t) {
        if (t.indexOf('_') < 0) {
            return t;
        }
        StringBuilder sb = new StringBuilder(t.length());
        char prev = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '_') {
                if (!digit(prev)) {
                    return null;
                }
            } else {
                if (prev == '_' && !digit(c)) {
                    return null;
                }
                sb.append(c);
            }
            prev = c;
        }
        return prev == '_' ? null : sb.toString();
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
