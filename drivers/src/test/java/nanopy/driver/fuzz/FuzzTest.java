package nanopy.driver.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import nanopy.driver.Driver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The differential tester: a few hundred generated programs on every target against CPython (the
 * count is {@code -Dnanopy.fuzz.count}, default 120), the oracle's NanoPy int semantics, the
 * shrinker, and the mutation mode. Needs {@code /usr/bin/python3.11}: skipped without it, failed
 * without it when {@code CI=true}.
 */
class FuzzTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3.11");

    private static void needPython() {
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(Files.isExecutable(PYTHON), "CI needs " + PYTHON + " (the oracle)");
        }
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON + ": the fuzz tests need CPython");
    }

    private static Campaign.Report campaign(long first, long count, List<Path> mutate, Optional<Path> out) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Campaign c = new Campaign(Driver.builtin(), new Campaign.Options(first, count, List.of(), out, Duration.ofSeconds(30), 200, 1, mutate),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        return c.run();
    }

    @Test
    void theSameSeedGivesTheSameProgramAndOthersDiffer() {
        assertEquals(Campaign.generate(7), Campaign.generate(7));
        assertNotEquals(Campaign.generate(7), Campaign.generate(8));
    }

    @Test
    void generatedProgramsAgreeWithCPythonOnEveryTarget() {
        needPython();
        long count = Long.getLong("nanopy.fuzz.count", 120);
        Campaign.Report r = campaign(1, count, List.of(), Optional.empty());
        assertEquals(count, r.programs());
        assertEquals(0, r.rejected(), "the generator wrote programs the front end rejects (seed 1.." + count + ")");
        assertTrue(r.perTarget().size() >= 4, "targets compared: " + r.perTarget().keySet());
        r.perTarget().forEach((t, n) -> assertEquals(count, n[0] + n[1], t + " did not see every program"));
        assertEquals("", r.findings().stream().map(f -> "seed " + f.seed() + " on " + f.target() + " (pass " + f.pass() + "): "
                + f.difference()).collect(Collectors.joining("\n")));
    }

    /** The bugs the fuzzer found, minimized: each program on every target prints what CPython prints (targets without floats reject them). */
    @Test
    void theBugsItFoundStayFixedOnEveryTarget() {
        needPython();
        List<String> programs = List.of(
                // int / int rounded twice when an operand needs more than 53 bits (seed 46)
                "print(1 / (-9007199254740993))\nprint(9007199254740993 / 3, (-9223372036854775807 - 1) / 3, 0 / (-(2 ** 60)), 7 / 2)\n",
                // an int compared with a float after rounding the int to a float
                "big = 9007199254740993\nf = 9007199254740992.0\nprint(big > f, big == f, f < big, 3 < 3.5, 1 != float('nan'))\n"
                        + "x = 0\nfor i in range(3):\n    if big - i > f:\n        x = x + 1\nprint(x)\n");
        List<Outcome> want = new Oracle(PYTHON.toString(), 10).run(programs.stream().map(p -> new Oracle.Program(p, "")).toList());
        Driver d = Driver.builtin();
        InProcess run = new InProcess(d, Duration.ofSeconds(60));
        for (var t : new nanopy.driver.golden.Targets(d).forFile("x.py")) {
            for (int i = 0; i < programs.size(); i++) {
                Outcome got = run.run(t, "regression.py", programs.get(i), "");
                if (got.kind() == Outcome.Kind.REJECTED && got.detail().contains(" is not supported on the " + t.name() + " target")) {
                    continue; // a target without floats or strs (bf, mips) must say so, which this diagnostic does
                }
                assertTrue(got.agreesWith(want.get(i)), t.name() + ", program " + i + ": " + got.differenceFrom(want.get(i)));
            }
        }
    }

    @Test
    void theOracleChecksIntsAgainstTheSixtyFourBitRangeAsNanoPyDoes() {
        needPython();
        List<Outcome> o = new Oracle(PYTHON.toString(), 10).run(List.of(
                new Oracle.Program("x = 9223372036854775807\nprint(x)\nx += 1\nprint(x)\n", ""),
                new Oracle.Program("print(abs(-9223372036854775807 - 1))\n", ""),
                new Oracle.Program("print(input_int() * 2, 7 / 2)\n", "21\n")));
        assertEquals(new Outcome(Outcome.Kind.RUNTIME_ERROR, "9223372036854775807\n", "OverflowError: integer overflow"), o.get(0));
        assertEquals(new Outcome(Outcome.Kind.RUNTIME_ERROR, "", "OverflowError: integer overflow"), o.get(1));
        assertEquals(new Outcome(Outcome.Kind.OK, "42 3.5\n", ""), o.get(2));
    }

    @Test
    void theShrinkerKeepsTheFailureAndDropsTheRest() {
        FuzzProgram p = new ProgramGenerator(3).generate();
        int before = p.size();
        String target = "from typing import Callable";
        String out = new Shrinker(text -> text.contains(target) && text.contains("print("), 500).shrink(p);
        assertTrue(out.contains(target) && out.contains("print("), out);
        assertTrue(p.size() < before / 4, "from " + before + " statements to " + p.size() + ":\n" + out);
    }

    @Test
    void mutantsOfRealProgramsGetADiagnosticOrCPythonsAnswer(@TempDir Path tmp) throws Exception {
        needPython();
        Path prog = tmp.resolve("p.py");
        Files.writeString(prog, """
                def f(n: int) -> int:
                    if n <= 1:
                        return 1
                    return n * f(n - 1)
                xs: list[int] = []
                for i in range(6):
                    xs.append(f(i) // (i + 1))
                print(xs, 'é' * 2, 7 / 2, -7 // 2)
                """);
        String a = Mutator.mutate(Files.readString(prog), new Random(5));
        assertEquals(a, Mutator.mutate(Files.readString(prog), new Random(5)));
        Campaign.Report r = campaign(1, 60, List.of(prog), Optional.empty());
        assertEquals(60, r.programs());
        assertEquals("", r.findings().stream().map(f -> "mutant " + f.seed() + " on " + f.target() + ": " + f.difference())
                .collect(Collectors.joining("\n")));
    }
}
