package nanopy.passes.front.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import nanopy.ir.CompileError;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input, parsing ends with a module or a {@link CompileError}: never another
 * exception, a stack overflow, or a hang. Inputs: every corpus program cut at every line
 * boundary and at random offsets, pathological nesting, and random token soup.
 */
class PythonParserRobustnessTest {
    private static final String[] FRAGMENTS = {
        "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "=", "==", ":=", "*", "**", "->", "@", "+", "-", "~",
        "\n", "\n    ", "\n\t", " ", "\\\n", "\\", "#c", "x", "y1", "_", "1", "0x", "1e", "1.5j", "0777", "'", "\"",
        "'''", "f'", "f\"{", "rb'", "}", "!r", "if", "else", "elif", "for", "in", "while", "def", "class", "lambda",
        "return", "yield", "await", "async", "with", "as", "try", "except", "finally", "match", "case", "type",
        "not", "and", "or", "is", "del", "global", "import", "from", "pass", "None", "True", "...", "é", "€", "$",
    };

    /** Parses, accepting a module or a CompileError with a known position. */
    private static void parseQuietly(String source) {
        try {
            PythonParser.parse("fuzz.py", source);
        } catch (CompileError e) {
            assertEquals(1, e.diagnostics().size());
        } catch (RuntimeException | StackOverflowError e) {
            fail("parser crashed on " + quote(source), e);
        }
    }

    private static String quote(String s) {
        String head = s.length() > 300 ? s.substring(0, 300) + "..." : s;
        return "'" + head.replace("\n", "\\n") + "'";
    }

    @Test
    void corpusProgramsCutAnywhereParseOrFailCleanly() {
        List<Path> files = TestFiles.corpus();
        assumeTrue(!files.isEmpty(), "no corpus at " + TestFiles.CORPUS);
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (Path file : files) {
                String source = TestFiles.read(file);
                for (int i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
                    parseQuietly(source.substring(0, i));
                    parseQuietly(source.substring(0, i + 1));
                    parseQuietly(source.substring(i + 1));
                }
                for (int k = 0; k < 20 && !source.isEmpty(); k++) {
                    int cut = random.nextInt(source.length());
                    parseQuietly(source.substring(0, cut));
                    int from = random.nextInt(source.length());
                    parseQuietly(source.substring(0, cut) + source.substring(Math.max(cut, from)));
                }
            }
        });
    }

    @Test
    void pathologicalNestingIsASyntaxErrorNotAStackOverflow() {
        int n = 100_000;
        List<String> inputs = List.of(
                "(".repeat(n), "(".repeat(150) + ")".repeat(150), "x = " + "[".repeat(199) + "]".repeat(199),
                "-".repeat(n) + "1", "not ".repeat(n) + "x", "lambda: ".repeat(n) + "0", "x if y else ".repeat(n) + "z",
                "2" + " ** 2".repeat(n), "await ".repeat(n) + "x", "f'{".repeat(200) + "}'".repeat(200),
                "f'{f\"{".repeat(100), "a" + ".b".repeat(n), "a" + "+a".repeat(n), "x = " + "'s' ".repeat(n),
                "if x:\n" + nestedBlocks(150), "@d\n".repeat(n) + "def f(): pass\n", "[" + "x for x in y ".repeat(10_000) + "]",
                "case = " + "[".repeat(100), "match x:\n case " + "[".repeat(180) + "]".repeat(180) + ": pass\n",
                "match x:\n case " + "(".repeat(180) + ")".repeat(180) + ": pass\n", "x" + "[0]".repeat(n),
                "f(" + "a, ".repeat(n) + ")", "def f(" + "a, ".repeat(n) + "): pass", "\\\n".repeat(n), "#\n".repeat(n));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String input : inputs) {
                parseQuietly(input);
            }
        });
    }

    private static String nestedBlocks(int levels) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= levels; i++) {
            b.append(" ".repeat(i)).append("if x:\n");
        }
        return b.append(" ".repeat(levels + 1)).append("pass\n").toString();
    }

    @Test
    void randomTokenSoupParsesOrFailsCleanly() {
        Random random = new Random(7);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 20_000; i++) {
                StringBuilder b = new StringBuilder();
                int length = 1 + random.nextInt(30);
                for (int k = 0; k < length; k++) {
                    b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                    if (random.nextBoolean()) {
                        b.append(' ');
                    }
                }
                parseQuietly(b.toString());
            }
        });
    }
}
