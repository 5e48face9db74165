package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nanopy.driver.golden.Expectation;
import nanopy.driver.golden.GoldenProgram;
import nanopy.driver.golden.Outcomes;
import nanopy.driver.golden.RunResult;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of ../shared/corpus/{nanopy,eoc,runtime_errors} through the library API
 * ({@link Nanopy#run}) on the register VM (the default target for {@code .py}, which this test
 * checks), on the stack VM and on the JVM target (class files run by HotSpot): the same stdout, last stderr line and exit status as its goldens,
 * with the exceptions of the golden harness's {@code outcomes.toml} ({@code eoc/fun/tail_divisor}
 * may end in RecursionError; the slow {@code primesum} programs run on the stack VM only with
 * {@code -Dnanopy.slowTests=true}). The stack VM keeps every call, so there tail_divisor must end in
 * RecursionError; the JVM target turns self tail calls into jumps, so there it prints 1. Skipped when
 * the corpus is absent.
 */
class TargetCorpusTest {
    private static final String RECURSION = "RecursionError: maximum recursion depth exceeded";

    @TestFactory
    Stream<DynamicContainer> corpusOnTheVms() throws Exception {
        assertEquals(Optional.of("regvm"), PipelineConfig.builtin().targetForFile("prog.py"), "the default target for .py");
        List<GoldenProgram> programs = Stream.of("nanopy", "eoc", "runtime_errors")
                .flatMap(f -> Corpus.programs(f).stream())
                .filter(p -> !(p.expected() instanceof Expectation.Rejected))
                .toList();
        // Optional.empty(): the file's default target, as `nanopy run prog.py` picks it
        return Stream.of(Optional.<String>empty(), Optional.of("stackvm"), Optional.of("jvm")).map(target -> DynamicContainer.dynamicContainer(
                target.orElse("default (regvm)"),
                programs.stream().map(p -> DynamicTest.dynamicTest(p.id(), () -> check(p, target)))));
    }

    private static void check(GoldenProgram p, Optional<String> target) {
        // The register VM and the JVM target run the slow programs (about 250 million calls) in seconds; the stack VM
        // boxes every int and takes minutes, so there they wait for -Dnanopy.slowTests=true.
        boolean slowHere = target.equals(Optional.of("stackvm")) && Outcomes.builtin().isSlow(p.id());
        assumeTrue(!slowHere || Outcomes.slowTestsWanted(), "slow program");
        Nanopy.Result r = Nanopy.run(p.file().getFileName().toString(), p.text(), p.stdin(), target);
        List<String> errLines = r.stderr().lines().toList();
        String last = errLines.isEmpty() ? "" : errLines.getLast();
        Optional<String> error = switch (r.exitStatus()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(last);
            default -> fail("exit status " + r.exitStatus() + ": " + r.stderr());
        };
        new RunResult(r.stdout(), error).mismatch(p.expected()).ifPresent(m -> fail(m + "\nstderr: " + r.stderr()));
        if (target.equals(Optional.of("stackvm")) && p.id().equals("eoc/fun/tail_divisor")) {
            assertEquals(Optional.of(RECURSION), error, r.stderr());
        }
        if (target.equals(Optional.of("jvm")) && p.id().equals("eoc/fun/tail_divisor")) {
            assertEquals(new RunResult("1\n", Optional.empty()), new RunResult(r.stdout(), error), "the jvm target turns self tail calls into jumps");
        }
    }
}
