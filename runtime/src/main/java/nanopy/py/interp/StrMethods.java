package nanopy.py.interp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import nanopy.ir.Span;

/**
 * The stage-2 str methods and {@code round}, with Python's code-point view of strings (indices
 * count code points) and CPython's results.
 */
final class StrMethods {
    private StrMethods() {}

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    static String replace(String s, String old, String now) {
        if (old.isEmpty()) {
            StringBuilder sb = new StringBuilder(now);
            s.codePoints().forEach(c -> sb.appendCodePoint(c).append(now));
            return sb.toString();
        }
        return s.replace(old, now);
    }

    static long find(String s, String sub) {
        int i = s.indexOf(sub);
        return i < 0 ? -1 : s.codePointCount(0, i);
    }

    static long count(String s, String sub) {
        if (sub.isEmpty()) {
            return PyStrings.length(s) + 1L;
        }
        long n = 0;
        int i = s.indexOf(sub);
        while (i >= 0) {
            n++;
            i = s.indexOf(sub, i + sub.length());
        }
        return n;
    }

    static boolean isDigit(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
    }

    static boolean isAlpha(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
    }

    static boolean isSpace(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> PyParse.isSpace((char) c));
    }

    /** {@code s.strip(chars)}: removes the code points of {@code chars} from both ends. */
    static String strip(String s, String chars) {
        int[] cps = s.codePoints().toArray();
        int a = 0;
        int b = cps.length;
        while (a < b && chars.indexOf(Character.toString(cps[a])) >= 0) {
            a++;
        }
        while (b > a && chars.indexOf(Character.toString(cps[b - 1])) >= 0) {
            b--;
        }
        return new String(cps, a, b - a);
    }

    /** {@code round(x)}: the nearest int, halves to even. */
    static long roundToInt(double x, Span s) {
        return Prims.floatToInt(Math.rint(x), s);
    }

    /** {@code round(x, n)}: the double nearest to x's exact value rounded to n decimals, halves to even. */
    static double roundDigits(double x, long n) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return x;
        }
        if (n > 400) {
            return x;
        }
        if (n < -400) {
            return Math.copySign(0.0, x);
        }
        double r = new BigDecimal(x).setScale((int) n, RoundingMode.HALF_EVEN).doubleValue();
        return r == 0 ? Math.copySign(0.0, x) : r;
    }
}
