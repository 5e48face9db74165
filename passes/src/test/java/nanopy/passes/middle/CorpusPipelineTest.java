package nanopy.passes.middle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the shared corpus ({@code ../shared/corpus/nanopy} and {@code eoc}, skipped when
 * absent) through the front end and the whole middle end, interpreted after every pass and compared
 * with its {@code .golden} (stdin from {@code .in}); a mismatch names the first pass whose output
 * differs. {@code tail_divisor} recurses past the limit and must end in RecursionError.
 */
class CorpusPipelineTest {
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

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> programs(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".py")).filter(p -> !p.toString().contains("typecheck_error"))
                    .filter(p -> p.toString().contains(System.getProperty("corpus.only", "")))
                    .filter(p -> System.getProperty("corpus.skip", "").isEmpty() || !p.toString().contains(System.getProperty("corpus.skip", "")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sibling(Path py, String ext) {
        String n = py.getFileName().toString();
        return py.resolveSibling(n.substring(0, n.length() - 3) + ext);
    }

    private static Stream<DynamicTest> suite(String folder) {
        Path root = corpus();
        return programs(root.resolve(folder)).stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            String golden = read(sibling(p, ".golden"));
            StringBuilder report = new StringBuilder();
            String pass = MiddleEnd.firstDifference(read(p), read(sibling(p, ".in")), got -> p.endsWith("tail_divisor.py")
                    ? got.error().equals("RecursionError: maximum recursion depth exceeded") : got.out().equals(golden) && got.error().isEmpty(),
                    report);
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
