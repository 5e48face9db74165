package nanopy.py;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr} of floats (and of imaginary literals): the shortest decimal string that reads
 * back as the same double, laid out as CPython's {@code float_repr_style = 'short'} does: positional
 * when the decimal exponent is in [-4, 16), with {@code .0} for whole numbers, otherwise
 * {@code d.ddde+XX} with at least two exponent digits; {@code inf}, {@code -inf}, {@code nan},
 * {@code -0.0}. Shared by the parser's {@code ast.dump} and every target's {@code print}.
 */
public final class FloatFormat {
    private FloatFormat() {}

    /** {@code repr(x)}: {@code 1.0}, {@code 0.1}, {@code 1e+16}, {@code 1e-05}, {@code 5e-324}, {@code inf}, {@code nan}. */
    public static String repr(double x) {
        return floating(x, true);
    }

    /** {@code repr(x * 1j)} for a non-negative {@code x}: {@code 1j}, {@code 2.5j}, {@code 1e+16j}, {@code infj}. */
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
