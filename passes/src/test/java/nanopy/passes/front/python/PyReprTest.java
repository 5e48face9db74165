package nanopy.passes.front.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link PyRepr} against CPython 3.11's {@code repr} of floats and strings. */
class PyReprTest {
    @Test
    void floatsPrintAsCPython() throws Exception {
        assumeTrue(CPythonOracle.available());
        Random random = new Random(1);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.1, 1e16, 1e15, 1e-4, 1e-5, 123456789.125, 5e-324,
                Double.MAX_VALUE, 1.0 / 3, 2.5, 1e22, 9007199254740993.0, Double.POSITIVE_INFINITY, Double.NaN));
        for (int i = 0; i < 2000; i++) {
            values.add(i % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
        }
        List<String> args = values.stream().map(Double::toHexString).toList();
        List<String> expected = CPythonOracle.run("import sys\nfor a in sys.argv[1:]: f = float.fromhex(a); print(repr(f), repr(complex(0, f)) if f == f and f >= 0 else '')", args);
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            String want = expected.get(i);
            String got = PyRepr.floating(v) + " " + (!Double.isNaN(v) && v >= 0 ? PyRepr.imaginary(v) : "");
            assertEquals(want, got, "repr of " + args.get(i));
        }
    }

    @Test
    void stringsPrintAsCPythonForCharactersItsUnicodeKnows() throws Exception {
        assumeTrue(CPythonOracle.available());
        String script = """
                import unicodedata
                for cp in range(0x3000):
                    if 0xd800 <= cp < 0xe000 or unicodedata.category(chr(cp)) == 'Cn':
                        print('-')
                    else:
                        print(ascii(repr(chr(cp) + "'")))
                """;
        List<String> expected = CPythonOracle.run(script, List.of());
        for (int cp = 0; cp < 0x3000; cp++) {
            if (expected.get(cp).equals("-")) {
                continue;
            }
            String got = PyRepr.str(new String(Character.toChars(cp)) + "'");
            assertEquals(expected.get(cp), ascii(got), "repr of U+" + Integer.toHexString(cp));
        }
        assertEquals("b'\\x00\\'\"\\\\\\xff'", PyRepr.bytes("\0'\"\\\u00ff"));
    }

    /** Python's {@code ascii()} of a repr, so that both sides compare in ASCII. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == '\'') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else if (c < 0x7f) {
                b.append(c);
            } else if (c <= 0xff) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.append('\'').toString();
    }
}
