package nanopy.py.interp;

import nanopy.ir.Span;

/**
 * Python's view of a {@code str} held in a Java {@link String}: lengths, indices and slices count
 * code points, not UTF-16 units, and ordering compares code points, so a character outside the
 * Basic Multilingual Plane (an emoji, stored as a surrogate pair) is one character as in CPython.
 *
 * <p>Cost: a string without surrogate pairs (checked in O(1) for Latin-1 strings, which the JDK
 * stores one byte per character, and with a one-entry cache for long strings otherwise) takes the
 * UTF-16 fast path; a string with surrogate pairs is walked from its start, O(index).
 */
public final class PyStrings {
    /** Longer strings remember whether they are surrogate-free, so loops over them stay linear. */
    private static final int CACHE_FROM = 64;

    /** The last long string checked; a record, so a racing reader sees a consistent pair. */
    private record Checked(String s, boolean bmp) {}

    private static Checked last = new Checked("", true);

    private PyStrings() {}

    /** Whether {@code s} has no surrogate pairs, so UTF-16 indices are code-point indices. */
    public static boolean bmpOnly(String s) {
        int n = s.length();
        if (n < CACHE_FROM) {
            return s.codePointCount(0, n) == n;
        }
        Checked c = last;
        if (c.s() == s) {
            return c.bmp();
        }
        boolean bmp = s.codePointCount(0, n) == n;
        last = new Checked(s, bmp);
        return bmp;
    }

    /** {@code len(s)}: the number of code points. */
    public static int length(String s) {
        return bmpOnly(s) ? s.length() : s.codePointCount(0, s.length());
    }

    /** {@code s[i]} (negative {@code i} counts from the end); IndexError "string index out of range". */
    public static String index(String s, long i, Span span) {
        if (bmpOnly(s)) {
            int k = Prims.index(i, s.length(), "string", span);
            return s.substring(k, k + 1);
        }
        int k = Prims.index(i, s.codePointCount(0, s.length()), "string", span);
        int from = s.offsetByCodePoints(0, k);
        return s.substring(from, s.offsetByCodePoints(from, 1));
    }

    /** {@code s[lo:hi]}; a bound that is not a {@code Long} is absent. */
    public static String slice(String s, Object lo, Object hi) {
        boolean bmp = bmpOnly(s);
        int size = bmp ? s.length() : s.codePointCount(0, s.length());
        int a = Prims.bound(lo, size, true);
        int b = Prims.bound(hi, size, false);
        if (a >= b) {
            return "";
        }
        if (bmp) {
            return s.substring(a, b);
        }
        int from = s.offsetByCodePoints(0, a);
        return s.substring(from, s.offsetByCodePoints(from, b - a));
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
