package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nanopy.driver.explore.Exploration;
import nanopy.driver.explore.Explorer;
import nanopy.driver.golden.Expectation;
import nanopy.driver.golden.GoldenProgram;
import nanopy.driver.golden.Outcomes;
import nanopy.driver.golden.RunResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code nanopy explore} on the real programs of ../shared/corpus/{nanopy,eoc,runtime_errors} (the
 * default target, as {@code nanopy explore prog.py} picks it; graphs left as Graphviz text): every
 * pass of the pipeline has its step with its IR, every run the page shows after a pass is the
 * program's golden output (or its run-time error), and no pass is marked as changing the output.
 * Programs the golden harness treats as slow or as ending either way ({@code outcomes.toml}) are
 * left out. Skipped when the corpus is absent.
 */
class ExplorerCorpusTest {
    @TestFactory
    Stream<DynamicTest> everyCorpusProgramIsExploredWithItsGoldenOutputAfterEveryPass() {
        Driver driver = Driver.builtin();
        List<GoldenProgram> programs = Stream.of("nanopy", "eoc", "runtime_errors")
                .flatMap(f -> Corpus.programs(f).stream())
                .filter(p -> !(p.expected() instanceof Expectation.Rejected))
                .filter(p -> !Outcomes.builtin().isSlow(p.id()) && Outcomes.builtin().acceptedError(p.id()).isEmpty())
                .toList();
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.id(), () -> {
            Pipeline pipeline = driver.pipeline(Optional.empty(), Optional.empty(), p.file().toString());
            Exploration e = Explorer.explore(driver, pipeline, p.file().toString(), p.text(), p.stdin(), false);
            List<String> passes = e.steps().stream().map(Exploration.Step::pass).toList();
            assertEquals(pipeline.steps().stream().map(s -> s.pass().name()).toList(), passes.subList(0, pipeline.steps().size()));
            assertTrue(e.steps().stream().limit(pipeline.steps().size()).noneMatch(s -> s.ir().isBlank()), "a pass without its IR");
            assertTrue(e.reference() >= 0, "no pass's output was run");
            for (Exploration.Step s : e.steps()) {
                s.run().ifPresent(o -> new RunResult(o.stdout(), o.error().isEmpty() ? Optional.empty() : Optional.of(o.error()))
                        .mismatch(p.expected()).ifPresent(m -> fail("after " + s.pass() + ": " + m)));
            }
            assertEquals(Optional.empty(), e.firstChange());
        }));
    }
}
