package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared corpus ({@code ../shared/corpus} from the repository root) on {@code --target=stackvm}:
 * each program gives its {@code .golden} stdout, the last stderr line of its {@code .err} (if any)
 * and exit status 1 if it has one, else 0. {@code eoc/fun/tail_divisor.py} recurses 8 million calls
 * deep and must end in RecursionError (the stack VM keeps CPython's calls, no tail calls).
 * Skipped when the corpus is absent.
 */
class StackVmCorpusTest {
    private static final String RECURSION = "RecursionError: maximum recursion depth exceeded";

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

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sibling(Path py, String ext) {
        String n = py.getFileName().toString();
        return py.resolveSibling(n.substring(0, n.length() - 3) + ext);
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    private static Stream<DynamicTest> suite(String folder) {
        Path root = corpus();
        List<Path> programs;
        try (Stream<Path> s = Files.walk(root.resolve(folder))) {
            programs = s.filter(p -> p.toString().endsWith(".py") && !p.toString().contains("if_typecheck_error"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return programs.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            // About 250 million calls (CPython needs 2-3 minutes); run with -Dnanopy.slowTests=true.
            assumeTrue(!p.endsWith("primesum.py") || Boolean.getBoolean("nanopy.slowTests"), "slow program");
            Nanopy.Result r = Nanopy.run(p.getFileName().toString(), read(p), read(sibling(p, ".in")), Optional.of("stackvm"));
            if (p.endsWith("tail_divisor.py")) {
                assertEquals(List.of(1, RECURSION), List.of(r.exitStatus(), lastLine(r.stderr())), r.stderr());
                return;
            }
            String err = read(sibling(p, ".err")).strip();
            assertEquals(read(sibling(p, ".golden")), r.stdout(), r.stderr());
            assertEquals(err, lastLine(r.stderr()));
            assertEquals(err.isEmpty() ? 0 : 1, r.exitStatus(), r.stderr());
        }));
    }

    @TestFactory
    Stream<DynamicTest> nanopyPrograms() {
        return suite("nanopy");
    }

    @TestFactory
    Stream<DynamicTest> eocPrograms() {
        return suite("eoc");
    }

    @TestFactory
    Stream<DynamicTest> runtimeErrorPrograms() {
        return suite("runtime_errors");
    }
}
