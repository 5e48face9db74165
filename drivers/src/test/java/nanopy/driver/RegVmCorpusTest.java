package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of ../shared/corpus/{nanopy,eoc,runtime_errors} through {@link Nanopy#run} on the
 * default target for {@code .py} files, which must be regvm: the same stdout, last stderr line
 * and exit status as its goldens. {@code eoc/fun/tail_divisor.py} may also end in RecursionError
 * (the corpus README). Skipped while the pipeline config has no default target for {@code .py}.
 */
class RegVmCorpusTest {
    private static final Path CORPUS = Path.of("..", "..", "shared", "corpus").toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicTest> corpusOnTheDefaultTarget() throws Exception {
        Optional<String> target = PipelineConfig.builtin().targetForFile("prog.py");
        assumeTrue(target.isPresent(), "no default target for .py files yet");
        assertEquals("regvm", target.get());
        assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS);
        return Stream.of("nanopy", "eoc", "runtime_errors")
                .flatMap(RegVmCorpusTest::programs)
                .filter(p -> !p.toString().contains("typecheck_error"))
                .map(p -> DynamicTest.dynamicTest(CORPUS.relativize(p).toString(), () -> check(p)));
    }

    private static Stream<Path> programs(String suite) {
        try (Stream<Path> s = Files.walk(CORPUS.resolve(suite))) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sibling(Path py, String ext) throws IOException {
        Path f = py.resolveSibling(py.getFileName().toString().replaceAll("\\.py$", ext));
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : null;
    }

    private static void check(Path py) throws IOException {
        String source = Files.readString(py, StandardCharsets.UTF_8);
        String stdin = Optional.ofNullable(sibling(py, ".in")).orElse("");
        String golden = Optional.ofNullable(sibling(py, ".golden")).orElse("");
        String err = sibling(py, ".err");
        Nanopy.Result r = Nanopy.run(py.getFileName().toString(), source, stdin);
        List<String> errLines = r.stderr().lines().toList();
        String last = errLines.isEmpty() ? "" : errLines.getLast();
        if (py.endsWith(Path.of("fun", "tail_divisor.py"))) {
            if (r.exitStatus() == 1) {
                assertEquals("RecursionError: maximum recursion depth exceeded", last);
                return;
            }
            // Its .golden is the source suite's "1", without the newline print writes (corpus README).
            golden = golden + "\n";
        }
        assertEquals(golden, r.stdout(), "stdout");
        if (err == null) {
            assertEquals(0, r.exitStatus(), "exit status; stderr: " + r.stderr());
        } else {
            assertEquals(1, r.exitStatus(), "exit status");
            assertEquals(err.strip(), last, "last stderr line");
        }
    }
}
