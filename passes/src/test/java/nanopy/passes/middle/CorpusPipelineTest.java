package nanopy.passes.middle;

import static nanopy.passes.CorpusFiles.read;
import static nanopy.passes.CorpusFiles.sibling;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import nanopy.passes.CorpusFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the shared corpus ({@code ../shared/corpus/nanopy} and {@code eoc}, skipped when
 * absent) through the front end and the whole middle end, interpreted after every pass and compared
 * with its {@code .golden} (stdin from {@code .in}); a mismatch names the first pass whose output
 * differs, and a program that takes longer than {@link #TIMEOUT} names the pass whose output was
 * running. {@code tail_divisor} recurses past the limit and must end in RecursionError; the slow
 * programs of {@code outcomes.toml} run only with {@code -Dnanopy.slowTests=true}.
 */
class CorpusPipelineTest {
    /** The longest a program may take through all passes and runs. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static List<Path> programs(Path dir) {
        String only = System.getProperty("corpus.only", "");
        String skip = System.getProperty("corpus.skip", "");
        return CorpusFiles.programs(dir).stream().filter(p -> !p.toString().contains("typecheck_error"))
                .filter(p -> p.toString().contains(only))
                .filter(p -> skip.isEmpty() || !p.toString().contains(skip))
                .toList();
    }

    private static Stream<DynamicTest> suite(String folder) {
        Path root = CorpusFiles.root();
        Set<String> slow = Boolean.getBoolean("nanopy.slowTests") ? Set.of() : CorpusFiles.slowPrograms(CorpusFiles.repo());
        return programs(root.resolve(folder)).stream().filter(p -> !slow.contains(root.relativize(p).toString()))
                .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
                    String golden = read(sibling(p, ".golden"));
                    StringBuilder report = new StringBuilder();
                    AtomicReference<String> running = new AtomicReference<>("the front end");
                    FutureTask<String> task = new FutureTask<>(() -> MiddleEnd.firstDifference(read(p), read(sibling(p, ".in")),
                            got -> p.endsWith("tail_divisor.py") ? got.error().equals("RecursionError: maximum recursion depth exceeded")
                                    : got.out().equals(golden) && got.error().isEmpty(), report, running));
                    Thread t = new Thread(task, "corpus " + p.getFileName());
                    t.setDaemon(true);
                    t.start();
                    String pass;
                    try {
                        pass = task.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        t.interrupt();
                        throw new AssertionError("no result after " + TIMEOUT.toSeconds() + " s, while interpreting the output of " + running.get(), e);
                    }
                    assertEquals("", pass, () -> "first pass whose output differs: " + pass + "\n" + report);
                }));
    }

    @TestFactory
    Stream<DynamicTest> nanopyCorpusAfterEveryPass() {
        return suite("nanopy");
    }

    @TestFactory
    Stream<DynamicTest> eocCorpusAfterEveryPass() {
        return suite("eoc");
    }
}
