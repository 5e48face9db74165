package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nanopy.driver.CliTest.Run;
import nanopy.driver.golden.Expectation;
import nanopy.driver.golden.GoldenProgram;
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

    private static void assertNoJavaTrace(Run r) {
        assertFalse(JAVA_TRACE.matcher(r.out()).find(), r.out());
        assertFalse(JAVA_TRACE.matcher(r.err()).find(), r.err());
    }

    private static DynamicTest test(GoldenProgram p, org.junit.jupiter.api.function.Executable check) {
        return DynamicTest.dynamicTest(Corpus.root().relativize(p.file()).toString(), check);
    }

    @TestFactory
    Stream<DynamicTest> rejectedProgramsFailCheckWithACaretOnTheirLine() {
        // A program of an error suite that a later stage accepts (outcomes.toml [runs]) is not rejected.
        return Stream.of("errors", "eoc/if_typecheck_error").flatMap(f -> Corpus.programs(f).stream())
                .filter(p -> p.expected() instanceof Expectation.Rejected).map(p -> test(p, () -> {
            Run r = CliTest.nanopy("check", p.file().toString());
            assertEquals(1, r.status(), r.err());
            assertEquals("", r.out());
            assertNoJavaTrace(r);
            Matcher m = HEADER.matcher(r.err());
            assertTrue(m.find(), r.err());
            assertEquals(p.file().toString(), m.group(1));
            assertTrue(CARET.matcher(r.err()).find(), r.err());
            Expectation.Rejected expected = (Expectation.Rejected) p.expected();
            if (expected.line().isPresent()) {
                assertEquals(String.valueOf(expected.line().get()), m.group(2), r.err());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> failingProgramsPrintTheirGoldenAndEndWithTheirErrLine() {
        return Corpus.programs("runtime_errors").stream().map(p -> test(p, () -> {
            Expectation.FailsAtRunTime expected = (Expectation.FailsAtRunTime) p.expected();
            Run r = CliTest.nanopyWithInput(p.stdin(), "run", p.file().toString());
            assertEquals(1, r.status(), r.err());
            assertEquals(expected.stdout(), r.out());
            List<String> errLines = r.err().lines().toList();
            assertEquals(expected.lastLine(), errLines.get(errLines.size() - 1), r.err());
            assertTrue(r.err().startsWith("Traceback (most recent call last):\n"), r.err());
            assertNoJavaTrace(r);
        }));
    }
}
