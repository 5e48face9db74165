package nanopy.py.interp;

import java.math.BigDecimal;

/**
 * Python's {@code repr} of a float: the shortest decimal string that reads back as the same double
 * (Java's {@link Double#toString} finds those digits since JDK 19), laid out as CPython does
 * ({@code float_repr_style = 'short'}, format code {@code 'r'}): positional when the decimal exponent
 * is in [-4, 16), with {@code .0} for whole numbers, otherwise {@code d.ddde+XX} with at least two
 * exponent digits; {@code inf}, {@code -inf}, {@code nan}, {@code -0.0}.
 */
final class FloatRepr {
    private FloatRepr() {}

    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal b = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = b.unscaledValue().toString();
        // value = 0.digits * 10^decpt
        int decpt = digits.length() - b.scale();
        StringBuilder sb = new StringBuilder(d < 0 ? "-" : "");
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            int e = decpt - 1;
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e) < 10 ? "0" : "").append(Math.abs(e));
        }
        return sb.toString();
    }
}
