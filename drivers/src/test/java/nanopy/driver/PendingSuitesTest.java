package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import nanopy.driver.golden.Expectation;
import nanopy.driver.golden.GoldenProgram;
import nanopy.driver.golden.Outcomes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus suites and programs {@code outcomes.toml} lists as pending (a language stage nanopy does not
 * implement yet, e.g. {@code stage2}) are skipped by the golden harness; here each of their programs
 * must still end cleanly on the interpreter and on the default target: either it does what CPython
 * does (its {@code .golden}, and its {@code .err} with exit 1), or it is rejected with
 * {@code file:line:col: error: ...} and exit 1. Never a Java stack trace, never a different answer.
 */
class PendingSuitesTest {
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?m)^\\S+\\.py:\\d+:\\d+: error: \\S");

    @TestFactory
    List<DynamicTest> pendingProgramsFailCleanlyOrMatchCPython() {
        assumeTrue(Files.isDirectory(Corpus.root().resolve("stage2")), "no stage2 corpus");
        boolean wholeSuite = Outcomes.builtin().pendingSuite("stage2").isPresent();
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenProgram p : Corpus.programs("stage2")) {
            if (!wholeSuite && Outcomes.builtin().pendingProgram(p.id()).isEmpty()) {
                continue; // run by the golden harness
            }
            for (String target : List.of("interp", "regvm")) {
                tests.add(DynamicTest.dynamicTest(p.name() + " on " + target, () -> check(p, target)));
            }
        }
        assumeTrue(!tests.isEmpty(), "no stage2 program is pending any more: drop this test");
        return tests;
    }

    private static void check(GoldenProgram p, String target) {
        CliTest.Run r = CliTest.nanopyWithInput(p.stdin(), "run", "--target=" + target, p.file().toString());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), () -> "a Java trace:\n" + r.err());
        if (r.status() == 1 && DIAGNOSTIC.matcher(r.err()).find() && r.out().isEmpty()) {
            return; // rejected at compile time with a positioned diagnostic
        }
        switch (p.expected()) {
            case Expectation.Runs(String stdout) -> assertEquals(new CliTest.Run(0, stdout, ""), r, "neither rejected nor CPython's run");
            case Expectation.FailsAtRunTime(String stdout, String lastLine) -> {
                assertEquals(1, r.status(), r.err());
                assertEquals(stdout, r.out());
                List<String> lines = r.err().lines().toList();
                assertEquals(lastLine, lines.isEmpty() ? "" : lines.get(lines.size() - 1));
            }
            default -> throw new AssertionError("unexpected expectation for a stage2 program: " + p.expected());
        }
    }
}
