package nanopy.py.interp;

/**
 * Python's {@code repr} of a str: single quotes unless the text has a single quote and no double
 * quote; backslash escapes for the quote, backslash, tab, newline and carriage return;
 * {@code \xNN}, {@code \\uNNNN} or {@code \\UNNNNNNNN} for characters that are not printable
 * (CPython's {@code str.isprintable()}, of its Unicode version).
 */
final class StrRepr {
    private StrRepr() {}

    static void repr(String s, StringBuilder sb) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                sb.append('\\').appendCodePoint(c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (printable(c)) {
                sb.appendCodePoint(c);
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", c));
            } else if (c < 0x10000) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.append(String.format("\\U%08x", c));
            }
        }
        sb.append(quote);
    }

    /**
     * CPython's {@code str.isprintable()}: its Unicode version's (14.0 for 3.11), read from
     * {@code unprintable.txt} (written from the oracle by {@code tools/numeric-sweep --unprintable}),
     * not the JDK's, whose newer Unicode prints characters CPython escapes.
     */
    private static boolean printable(int c) {
        if (c < 0x7f) {
            return c >= 0x20;
        }
        int[] firsts = Unprintable.FIRSTS;
        int k = java.util.Arrays.binarySearch(firsts, c);
        int i = k >= 0 ? k : -k - 2;
        return i < 0 || c > Unprintable.LASTS[i];
    }

    /** The ranges of unprintable code points, loaded on first use. */
    private static final class Unprintable {
        static final int[] FIRSTS;
        static final int[] LASTS;

        static {
            java.util.List<int[]> ranges = new java.util.ArrayList<>();
            try (var in = StrRepr.class.getResourceAsStream("unprintable.txt")) {
                if (in == null) {
                    throw new IllegalStateException("nanopy/py/interp/unprintable.txt is missing from the class path");
                }
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] f = line.strip().split(" ");
                        ranges.add(new int[] {Integer.parseInt(f[0], 16), Integer.parseInt(f[1], 16)});
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            FIRSTS = ranges.stream().mapToInt(r -> r[0]).toArray();
            LASTS = ranges.stream().mapToInt(r -> r[1]).toArray();
        }
    }
}
