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
 * The corpus through the library API ({@link Nanopy#run}) as `nanopy run prog.py` sees it: every
 * program of ../shared/corpus/{nanopy,eoc,runtime_errors} on the file's default target (the register
 * VM, which this test checks) gives the same stdout, last stderr line and exit status as its goldens,
 * with the exceptions of the golden harness's {@code outcomes.toml} (the slow {@code primesum}
 * programs only with {@code -Dnanopy.slowTests=true}). The golden tests run every program on every
 * target pass by pass; this test adds only what they do not check: the library API, the default
 * target, and how each VM ends {@code eoc/fun/tail_divisor} (about 8 million tail calls): the stack VM
 * keeps every call, so it must end in RecursionError; the JVM target turns self tail calls into
 * jumps, so it prints 1. Skipped when the corpus is absent.
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
        List<DynamicTest> tailCalls = programs.stream().filter(p -> p.id().equals("eoc/fun/tail_divisor"))
                .flatMap(p -> Stream.of("stackvm", "jvm").map(t -> DynamicTest.dynamicTest(t + ": " + p.id(), () -> check(p, Optional.of(t)))))
                .toList();
        return Stream.of(
                DynamicContainer.dynamicContainer("default (regvm)",
                        programs.stream().map(p -> DynamicTest.dynamicTest(p.id(), () -> check(p, Optional.empty())))),
                DynamicContainer.dynamicContainer("tail calls", tailCalls.stream()));
    }

    private static void check(GoldenProgram p, Optional<String> target) {
        // The slow programs (about 250 million calls each) wait for -Dnanopy.slowTests=true, as in the golden tests.
        assumeTrue(!Outcomes.builtin().isSlow(p.id()) || Outcomes.slowTestsWanted(), "slow program");
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
