package nanopy.py.interp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import nanopy.ir.Span;
import nanopy.py.FloatFormat;

/**
 * Python's {@code format(value, spec)} for the values NanoPy formats in f-strings (ints, bools,
 * floats, strs): the format-spec mini-language {@code [[fill]align][sign][#][0][width][,|_][.precision][type]}
 * of the Python library reference ("Format Specification Mini-Language"). Floats are rounded from
 * their exact binary value, half to even, as CPython's {@code PyOS_double_to_string} does. A spec
 * CPython rejects fails with CPython's {@code ValueError}.
 */
final class PyFormat {
    private PyFormat() {}

    /** A parsed format spec. */
    private record Spec(char fill, char align, char sign, boolean alt, boolean zero, int width, char grouping,
                        int precision, char type) {}

    /** {@code format(v, spec)}; {@code v} a Long, Boolean, Double or String. */
    static String format(Object v, String spec, Span span) {
        if (spec.isEmpty()) {
            return Values.str(v);
        }
        Spec s = parse(spec, span);
        return switch (v) {
            case Boolean b -> integer(b ? 1 : 0, s, span);
            case Long l -> integer(l, s, span);
            case Double d -> floating(d, s, span);
            case String str -> string(str, s, span);
            default -> throw Prims.error("TypeError", "unsupported format string passed to "
                    + typeName(v) + ".__format__", span);
        };
    }

    private static String typeName(Object v) {
        return switch (v) {
            case Values.PyList l -> "list";
            case Values.PyTuple t -> "tuple";
            case Values.None n -> "NoneType";
            default -> "object";
        };
    }

    private static Spec parse(String spec, Span span) {
        int i = 0;
        int n = spec.length();
        char fill = ' ';
        char align = 0;
        if (n >= 2 && "<>=^".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        char sign = 0;
        if (i < n && "+- ".indexOf(spec.charAt(i)) >= 0) {
            sign = spec.charAt(i++);
        }
        boolean alt = false;
        if (i < n && spec.charAt(i) == '#') {
            alt = true;
            i++;
        }
        boolean zero = false;
        if (i < n && spec.charAt(i) == '0') {
            zero = true;
            i++;
        }
        int width = -1;
        int start = i;
        while (i < n && Character.isDigit(spec.charAt(i))) {
            i++;
        }
        if (i > start) {
            width = Integer.parseInt(spec.substring(start, i));
        }
        char grouping = 0;
        if (i < n && (spec.charAt(i) == ',' || spec.charAt(i) == '_')) {
            grouping = spec.charAt(i++);
        }
        int precision = -1;
        if (i < n && spec.charAt(i) == '.') {
            i++;
            start = i;
            while (i < n && Character.isDigit(spec.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw Prims.error("ValueError", "Format specifier missing precision", span);
            }
            precision = Integer.parseInt(spec.substring(start, i));
        }
        char type = 0;
        if (i < n) {
            type = spec.charAt(i++);
        }
        if (i < n) {
            throw Prims.error("ValueError", "Invalid format specifier '" + spec + "' for object of type 'str'", span);
        }
        return new Spec(fill, align, sign, alt, zero, width, grouping, precision, type);
    }

    private static String integer(long v, Spec s, Span span) {
        if ("eEfFgG%".indexOf(s.type) >= 0 && s.type != 0) {
            return floating((double) v, s, span);
        }
        if (s.precision >= 0) {
            throw Prims.error("ValueError", "Precision not allowed in integer format specifier", span);
        }
        String digits;
        String prefix = "";
        long mag = Math.abs(v);
        switch (s.type) {
            case 0, 'd', 'n' -> digits = v == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(mag);
            case 'b' -> {
                digits = Long.toBinaryString(mag);
                prefix = s.alt ? "0b" : "";
            }
            case 'o' -> {
                digits = Long.toOctalString(mag);
                prefix = s.alt ? "0o" : "";
            }
            case 'x' -> {
                digits = Long.toHexString(mag);
                prefix = s.alt ? "0x" : "";
            }
            case 'X' -> {
                digits = Long.toHexString(mag).toUpperCase();
                prefix = s.alt ? "0X" : "";
            }
            case 'c' -> {
                return pad(Prims.chr(v, span), "", s, '<');
            }
            default -> throw Prims.error("ValueError", "Unknown format code '" + s.type + "' for object of type 'int'", span);
        }
        if (s.grouping != 0) {
            digits = group(digits, s.grouping, s.type == 0 || s.type == 'd' ? 3 : 4);
        }
        return number(sign(v < 0, s) + prefix, digits, s);
    }

    private static String sign(boolean negative, Spec s) {
        if (negative) {
            return "-";
        }
        return s.sign == '+' ? "+" : s.sign == ' ' ? " " : "";
    }

    private static String floating(double v, Spec s, Span span) {
        char type = s.type;
        int precision = s.precision;
        boolean negative = v < 0 || v == 0 && 1 / v < 0;
        double mag = Math.abs(v);
        String body;
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            body = Double.isNaN(v) ? "nan" : "inf";
            if (Character.isUpperCase(type)) {
                body = body.toUpperCase();
            }
            if (type == '%') {
                body += "%";
            }
            return number(sign(negative && !Double.isNaN(v), s), body, new Spec(s.fill, s.align, s.sign, s.alt,
                    false, s.width, (char) 0, -1, type));
        }
        switch (type) {
            case 'f', 'F' -> body = fixed(mag, precision < 0 ? 6 : precision);
            case '%' -> body = fixed(mag * 100, precision < 0 ? 6 : precision) + "%";
            case 'e', 'E' -> body = exponent(mag, precision < 0 ? 6 : precision, type == 'E');
            case 'g', 'G' -> body = general(mag, precision < 0 ? 6 : Math.max(precision, 1), type == 'G', s.alt, false);
            case 0 -> body = precision < 0 ? FloatFormat.repr(mag) : general(mag, Math.max(precision, 1), false, s.alt, true);
            default -> throw Prims.error("ValueError", "Unknown format code '" + type + "' for object of type 'float'", span);
        }
        if (s.alt && (type == 'f' || type == 'F' || type == 'e' || type == 'E' || type == '%') && precision == 0) {
            int at = body.indexOf('e');
            at = at < 0 ? (type == '%' ? body.length() - 1 : body.length()) : at;
            body = body.substring(0, at) + "." + body.substring(at);
        }
        if (s.grouping != 0) {
            int end = 0;
            while (end < body.length() && Character.isDigit(body.charAt(end))) {
                end++;
            }
            body = group(body.substring(0, end), s.grouping, 3) + body.substring(end);
        }
        return number(sign(negative, s), body, s);
    }

    private static String fixed(double mag, int precision) {
        return new BigDecimal(mag).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String exponent(double mag, int precision, boolean upper) {
        String out;
        if (mag == 0) {
            out = (precision > 0 ? "0." + "0".repeat(precision) : "0") + "e+00";
        } else {
            BigDecimal d = new BigDecimal(mag).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            String digits = d.unscaledValue().toString();
            digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
            int exp = d.precision() - d.scale() - 1;
            out = digits.charAt(0) + (precision > 0 ? "." + digits.substring(1) : "") + "e" + (exp < 0 ? "-" : "+")
                    + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return upper ? out.toUpperCase() : out;
    }

    /** The 'g' presentation (and, with {@code repr}, the float's default one given a precision). */
    private static String general(double mag, int precision, boolean upper, boolean alt, boolean noType) {
        int exp;
        if (mag == 0) {
            exp = 0;
        } else {
            BigDecimal d = new BigDecimal(mag).round(new MathContext(precision, RoundingMode.HALF_EVEN));
            exp = d.precision() - d.scale() - 1;
        }
        String out;
        if (-4 <= exp && exp < precision) {
            out = fixed(mag, precision - 1 - exp);
            if (!alt) {
                out = stripZeros(out);
                if (noType && !out.contains(".")) {
                    out += ".0";
                }
            }
        } else {
            out = exponent(mag, precision - 1, false);
            if (!alt) {
                int e = out.indexOf('e');
                out = stripZeros(out.substring(0, e)) + out.substring(e);
            }
        }
        return upper ? out.toUpperCase() : out;
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String group(String digits, char sep, int every) {
        StringBuilder sb = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % every == 0) {
                sb.append(sep);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** Pads a number: sign and prefix, then digits; '0' means fill 0 with '=' alignment. */
    private static String number(String signPrefix, String digits, Spec s) {
        char align = s.align != 0 ? s.align : s.zero ? '=' : '>';
        char fill = s.align == 0 && s.zero ? '0' : s.fill;
        int len = PyStrings.length(signPrefix) + PyStrings.length(digits);
        if (s.width <= len) {
            return signPrefix + digits;
        }
        int padding = s.width - len;
        if (align == '=') {
            if (fill == '0' && s.grouping != 0 && s.zero && s.align == 0) {
                // CPython groups the zero padding too: format(1234, '010,') is '00,001,234'.
                String raw = digits.replace(String.valueOf(s.grouping), "");
                String grouped = raw;
                while (PyStrings.length(signPrefix) + grouped.length() < s.width) {
                    raw = "0" + raw;
                    grouped = group(raw, s.grouping, 3);
                }
                return signPrefix + grouped;
            }
            return signPrefix + String.valueOf(fill).repeat(padding) + digits;
        }
        return pad(signPrefix + digits, "", new Spec(fill, align, s.sign, s.alt, false, s.width, s.grouping,
                s.precision, s.type), align);
    }

    private static String string(String v, Spec s, Span span) {
        if (s.type != 0 && s.type != 's') {
            throw Prims.error("ValueError", "Unknown format code '" + s.type + "' for object of type 'str'", span);
        }
        if (s.sign != 0) {
            throw Prims.error("ValueError", "Sign not allowed in string format specifier", span);
        }
        if (s.align == '=') {
            throw Prims.error("ValueError", "'=' alignment not allowed in string format specifier", span);
        }
        String text = v;
        if (s.precision >= 0 && PyStrings.length(v) > s.precision) {
            text = v.substring(0, v.offsetByCodePoints(0, s.precision));
        }
        Spec t = s.zero && s.align == 0 ? new Spec('0', '<', s.sign, s.alt, false, s.width, s.grouping, s.precision, s.type) : s;
        return pad(text, "", t, '<');
    }

    private static String pad(String text, String unused, Spec s, char defaultAlign) {
        int len = PyStrings.length(text);
        if (s.width <= len) {
            return text;
        }
        int padding = s.width - len;
        char align = s.align != 0 ? s.align : defaultAlign;
        String f = String.valueOf(s.fill);
        return switch (align) {
            case '<' -> text + f.repeat(padding);
            case '^' -> f.repeat(padding / 2) + text + f.repeat(padding - padding / 2);
            default -> f.repeat(padding) + text;
        };
    }
}
