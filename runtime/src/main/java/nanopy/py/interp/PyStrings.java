package nanopy.py.interp;

import nanopy.ir.Span;

/**
 * Python's view of a {@code str} held in a Java {@link String}: lengths, indices and slices count
 * code points, not UTF-16 units, and ordering compares code points, so a character outside the
 * Basic Multilingual Plane (an emoji, stored as a surrogate pair) is one character as in CPython.
 *
 * <p>Cost: a string without surrogate pairs (checked in O(1) for Latin-1 strings, which the JDK
 * stores one byte per character) takes the UTF-16 fast path. A string of 64 or more UTF-16 units
 * is checked once and remembered (the last one only), with its code points' offsets when it has
 * surrogate pairs, so indexing it is O(1) after an O(n) first time; a shorter string with
 * surrogate pairs is walked from its start.
 */
public final class PyStrings {
    /**
     * Longer strings are remembered (one at a time): whether they are surrogate-free, and if not,
     * where each code point starts, so that a loop indexing one string stays linear.
     */
    private static final int CACHE_FROM = 64;

    /**
     * The last long string checked, and for one with surrogate pairs the UTF-16 offset of each
     * code point plus its length at the end (null when surrogate-free). A record, so a racing
     * reader sees a consistent triple.
     */
    private record Checked(String s, int[] starts) {}

    private static Checked last = new Checked("", null);

    private PyStrings() {}

    /** Whether {@code s} has no surrogate pairs, so UTF-16 indices are code-point indices. */
    public static boolean bmpOnly(String s) {
        int n = s.length();
        if (n < CACHE_FROM) {
            return s.codePointCount(0, n) == n;
        }
        return checked(s).starts() == null;
    }

    private static Checked checked(String s) {
        Checked c = last;
        if (c.s() == s) {
            return c;
        }
        int n = s.length();
        int count = s.codePointCount(0, n);
        int[] starts = null;
        if (count != n) {
            starts = new int[count + 1];
            for (int i = 0, k = 0; i < n; i += Character.charCount(s.codePointAt(i))) {
                starts[k++] = i;
            }
            starts[count] = n;
        }
        c = new Checked(s, starts);
        last = c;
        return c;
    }

    /** The UTF-16 offset where code point {@code k} of {@code s} starts ({@code k} may be the length). */
    private static int offset(String s, int k) {
        return s.length() < CACHE_FROM ? s.offsetByCodePoints(0, k) : checked(s).starts()[k];
    }

    /** {@code len(s)}: the number of code points. */
    public static int length(String s) {
        int n = s.length();
        if (n < CACHE_FROM) {
            return s.codePointCount(0, n);
        }
        int[] starts = checked(s).starts();
        return starts == null ? n : starts.length - 1;
    }

    /** {@code s[i]} (negative {@code i} counts from the end); IndexError "string index out of range". */
    public static String index(String s, long i, Span span) {
        if (bmpOnly(s)) {
            int k = Prims.index(i, s.length(), "string", span);
            return s.substring(k, k + 1);
        }
        int k = Prims.index(i, length(s), "string", span);
        return s.substring(offset(s, k), offset(s, k + 1));
    }

    /** {@code s[lo:hi]}; a bound that is not a {@code Long} is absent. */
    public static String slice(String s, Object lo, Object hi) {
        boolean bmp = bmpOnly(s);
        int size = bmp ? s.length() : length(s);
        int a = Prims.bound(lo, size, true);
        int b = Prims.bound(hi, size, false);
        if (a >= b) {
            return "";
        }
        if (bmp) {
            return s.substring(a, b);
        }
        return s.substring(offset(s, a), offset(s, b));
    }

    /**
     * Python's string ordering: by code point. UTF-16 order differs only where one string has a
     * surrogate (a character above U+FFFF) and the other a character from U+E000 to U+FFFF.
     */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                if (sx != sy) {
                    return sx ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }
}
