package nanopy.driver.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import nanopy.driver.Driver;
import nanopy.driver.PassRegistry;
import nanopy.driver.Pipeline;
import nanopy.driver.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on small example programs: what it reports, and which pass it names. */
class GoldenHarnessTest {
    @TempDir
    Path dir;

    private final Driver driver = Driver.builtin();
    private final GoldenHarness harness = new GoldenHarness(driver, Duration.ofSeconds(30));

    private GoldenProgram program(String name, String text, String golden, String err) throws IOException {
        Files.writeString(dir.resolve(name + ".arith"), text);
        if (golden != null) {
            Files.writeString(dir.resolve(name + ".golden"), golden);
        }
        if (err != null) {
            Files.writeString(dir.resolve(name + ".err"), err);
        }
        return GoldenProgram.read("t", name, dir.resolve(name + ".arith"));
    }

    private Pipeline example() throws Exception {
        return driver.config().resolve("example", driver.registry());
    }

    @Test
    void aRightProgramIsOkAfterEveryPassAndKeepsTheSnapshotsAskedFor() throws Exception {
        Verdict v = harness.check(program("p", "let x = 2 in x * 21 - 1\n", "41\n", null), example(), Set.of("flatten-lets"));
        assertEquals("ok", v.summary());
        assertEquals(example().steps().size(), v.passesOk());
        assertEquals(Set.of("flatten-lets"), v.snapshots().keySet());
        assertTrue(v.snapshots().get("flatten-lets").startsWith("(Program"), v.snapshots().get("flatten-lets"));
    }

    @Test
    void aWrongExpectedOutputFailsAtTheFirstPassWhoseOutputRuns() throws Exception {
        Verdict v = harness.check(program("p", "1 + 2\n", "4\n", null), example(), Set.of());
        assertEquals(Optional.of(new Verdict.Failure("parse-arith", 0, "stdout line 1 is '3' but should be '4'")), v.failure());
    }

    @Test
    void aRunTimeErrorMustBeTheExpectedOne() throws Exception {
        String big = "let m = 9223372036854775807 in m + 1\n";
        assertTrue(harness.check(program("ok", big, "", "OverflowError: integer overflow\n"), example(), Set.of()).ok());
        Verdict v = harness.check(program("bad", big, "", "ZeroDivisionError: division by zero\n"), example(), Set.of());
        assertEquals("FAIL at parse-arith: failed with 'OverflowError: integer overflow' but should fail with "
                + "'ZeroDivisionError: division by zero'", v.summary());
    }

    @Test
    void aRejectedProgramNeedsItsDiagnosticOnTheLineItsHeaderNames() throws Exception {
        Verdict ok = harness.check(program("ok", "# error: undefined\n# line: 3\nz\n", null, null), example(), Set.of());
        assertEquals("ok (rejected by uniquify)", ok.summary());
        assertEquals("t/ok.arith:3:1: error: undefined variable 'z'\n 3 | z\n   | ^\n", ok.diagnostics().orElseThrow());
        Verdict wrongLine = harness.check(program("w", "# error: undefined\n# line: 4\nz\n", null, null), example(), Set.of());
        assertEquals("uniquify", wrongLine.failure().orElseThrow().pass());
        assertTrue(wrongLine.summary().contains("on line 3 but the diagnostic must point at line 4"), wrongLine.summary());
    }

    @Test
    void aProgramWithoutGoldenMustBeRejectedAndIsReportedWhenItRuns() throws Exception {
        Verdict v = harness.check(program("p", "1\n", null, null), example(), Set.of());
        assertEquals("FAIL at flatten-lets: accepted the program, but it must be rejected", v.summary());
    }

    @Test
    void anUnexpectedRejectionNamesThePassAndTheDiagnostic() throws Exception {
        Verdict v = harness.check(program("p", "1 +\n", "1\n", null), example(), Set.of());
        assertEquals("parse-arith", v.failure().orElseThrow().pass());
        assertTrue(v.summary().contains("rejected the program: t/p.arith:2:1: error: expected"), v.summary());
    }

    @Test
    void aHangingPassIsReportedByNameAfterTheTimeout() throws Exception {
        Path config = dir.resolve("hang.toml");
        Files.writeString(config, "base = \"builtin\"\n[swap]\nfold-constants = \"hang-forever\"\n");
        Driver d = new Driver(PipelineConfig.load(config), PassRegistry.builtin());
        GoldenHarness h = new GoldenHarness(d, Duration.ofSeconds(1));
        Verdict v = h.check(program("p", "1\n", "1\n", null), d.config().resolve("example", d.registry()), Set.of());
        assertEquals("FAIL at hang-forever: timed out after 1 s while running pass hang-forever", v.summary());
        assertEquals(2, v.passesOk());
    }
}
