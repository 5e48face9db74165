package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared corpus ({@code ../shared/corpus} from the repository root; skipped when absent)
 * through the {@code nanopy} command: rejected programs fail {@code nanopy check} with exit 1 and a
 * diagnostic with a caret, the first on the line their {@code # line: N} header names; failing
 * programs print their {@code .golden} under {@code nanopy run} and end with their {@code .err}
 * line, exit 1; no output ever holds a Java stack trace.
 */
class CliCorpusTest {
    private static final Pattern HEADER = Pattern.compile("(?m)^(.+?):(\\d+):(\\d+): error: (.+)$");
    private static final Pattern CARET = Pattern.compile("(?m)^ +\\| +\\^+$");
    private static final Pattern JAVA_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$/]+\\(|Exception in thread|java\\.lang\\.|\\bnanopy\\.\\w+\\.");

    record Run(int status, String out, String err) {}

    static Path corpus() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "repository root not found");
        Path c = dir.resolve("../shared/corpus").normalize();
        assumeTrue(Files.isDirectory(c), "no corpus at " + c);
        return c;
    }

    private static List<Path> programs(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sibling(Path py, String ext) throws IOException {
        String n = py.getFileName().toString();
        Path p = py.resolveSibling(n.substring(0, n.length() - 3) + ext);
        return Files.exists(p) ? Files.readString(p) : "";
    }

    static Run nanopy(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader(stdin)));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertNoJavaTrace(Run r) {
        assertFalse(JAVA_TRACE.matcher(r.out()).find(), r.out());
        assertFalse(JAVA_TRACE.matcher(r.err()).find(), r.err());
    }

    @TestFactory
    Stream<DynamicTest> rejectedProgramsFailCheckWithACaretOnTheirLine() {
        Path root = corpus();
        return Stream.concat(programs(root.resolve("errors")).stream(), programs(root.resolve("eoc/if_typecheck_error")).stream())
                .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
                    Run r = nanopy("", "check", p.toString());
                    assertEquals(1, r.status(), r.err());
                    assertEquals("", r.out());
                    assertNoJavaTrace(r);
                    Matcher m = HEADER.matcher(r.err());
                    assertTrue(m.find(), r.err());
                    assertEquals(p.toString(), m.group(1));
                    assertTrue(CARET.matcher(r.err()).find(), r.err());
                    String header = Files.readString(p).lines().filter(l -> l.startsWith("# line: ")).findFirst().orElse("");
                    if (!header.isEmpty()) {
                        assertEquals(header.substring("# line: ".length()).trim(), m.group(2), r.err());
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> failingProgramsPrintTheirGoldenAndEndWithTheirErrLine() {
        Path root = corpus();
        return programs(root.resolve("runtime_errors")).stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            Run r = nanopy(sibling(p, ".in"), "run", p.toString());
            assertEquals(1, r.status(), r.err());
            assertEquals(sibling(p, ".golden"), r.out());
            List<String> errLines = r.err().lines().toList();
            assertEquals(sibling(p, ".err").strip(), errLines.get(errLines.size() - 1), r.err());
            assertTrue(r.err().startsWith("Traceback (most recent call last):\n"), r.err());
            assertNoJavaTrace(r);
        }));
    }
}
