package nanopy.passes.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nanopy.ir.CompileError;
import nanopy.ir.PyRuntimeError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared corpus ({@code ../shared/corpus} from the repository root) through the front end and
 * the PyTyped interpreter: programs print their {@code .golden}, rejected programs get a diagnostic
 * on the line their {@code # line: N} header names, failing programs print their {@code .golden} and
 * then fail with their {@code .err} line. Skipped when the corpus is absent.
 */
class CorpusTest {
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

    private static List<Path> programs(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sibling(Path py, String ext) {
        String n = py.getFileName().toString();
        return py.resolveSibling(n.substring(0, n.length() - 3) + ext);
    }

    private static Stream<DynamicTest> goldens(String folder) {
        Path root = corpus();
        return programs(root.resolve(folder)).stream()
                .filter(p -> !p.toString().contains("if_typecheck_error"))
                .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
                    StringBuilder out = new StringBuilder();
                    // About 250 million calls each (CPython needs 2-3 minutes); run with -Dnanopy.slowTests=true.
                    assumeTrue(!p.endsWith("primesum.py") || Boolean.getBoolean("nanopy.slowTests"), "slow program");
                    if (p.endsWith("tail_divisor.py")) {
                        try {
                            FrontEnd.run(read(p), read(sibling(p, ".in")), out);
                            assertEquals(read(sibling(p, ".golden")), out.toString());
                        } catch (PyRuntimeError e) {
                            assertEquals("RecursionError: maximum recursion depth exceeded", e.lastLine());
                        }
                        return;
                    }
                    FrontEnd.run(read(p), read(sibling(p, ".in")), out);
                    assertEquals(read(sibling(p, ".golden")), out.toString());
                }));
    }

    @TestFactory
    Stream<DynamicTest> nanopyProgramsPrintTheirGolden() {
        return goldens("nanopy");
    }

    @TestFactory
    Stream<DynamicTest> eocProgramsPrintTheirGolden() {
        return goldens("eoc");
    }

    @TestFactory
    Stream<DynamicTest> rejectedProgramsGetADiagnosticOnTheirLine() {
        Path root = corpus();
        List<Path> files = Stream.concat(programs(root.resolve("errors")).stream(),
                programs(root.resolve("eoc/if_typecheck_error")).stream()).toList();
        return files.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            String src = read(p);
            CompileError e = assertThrows(CompileError.class, () -> FrontEnd.compile(p.getFileName().toString(), src));
            String header = src.lines().filter(l -> l.startsWith("# line: ")).findFirst().orElse("");
            if (!header.isEmpty()) {
                int line = Integer.parseInt(header.substring("# line: ".length()).trim());
                assertEquals(line, e.diagnostics().get(0).span().line(), e.diagnostics().toString());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> failingProgramsPrintTheirGoldenThenFail() {
        Path root = corpus();
        return programs(root.resolve("runtime_errors")).stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            StringBuilder out = new StringBuilder();
            PyRuntimeError e = assertThrows(PyRuntimeError.class, () -> FrontEnd.run(read(p), read(sibling(p, ".in")), out));
            assertEquals(read(sibling(p, ".golden")), out.toString());
            assertEquals(read(sibling(p, ".err")).strip(), e.lastLine());
            assertTrue(e.span().isKnown() || e.exceptionClass().equals("RecursionError"));
        }));
    }
}
