package nanopy.passes.front;

import static nanopy.passes.CorpusFiles.programs;
import static nanopy.passes.CorpusFiles.read;
import static nanopy.passes.CorpusFiles.sibling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nanopy.ir.CompileError;
import nanopy.ir.PyRuntimeError;
import nanopy.passes.CorpusFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared corpus ({@code ../shared/corpus} from the repository root) through the front end and
 * the PyTyped interpreter: programs print their {@code .golden}, rejected programs get a diagnostic
 * on the line their {@code # line: N} header names, failing programs print their {@code .golden} and
 * then fail with their {@code .err} line. Skipped when the corpus is absent.
 */
class CorpusTest {
    private static Stream<DynamicTest> goldens(String folder) {
        Path root = CorpusFiles.root();
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

    /**
     * The stage-1 error programs stage 2 changed (as drivers' outcomes.toml [runs] and [error_line]
     * say): a dict literal and a try/except now compile; e14's class Animal does too, its Dog(Animal) on line 8 does not.
     */
    private static final java.util.Set<String> STAGE2_RUNS = java.util.Set.of("errors/e18_dict_literal.py", "errors/e15_try_except.py");
    private static final String STAGE2_MOVED = "errors/e14_class_inheritance.py";

    @TestFactory
    Stream<DynamicTest> rejectedProgramsGetADiagnosticOnTheirLine() {
        Path root = CorpusFiles.root();
        List<Path> files = Stream.concat(programs(root.resolve("errors")).stream(),
                programs(root.resolve("eoc/if_typecheck_error")).stream()).toList();
        return files.stream().filter(p -> !STAGE2_RUNS.contains(root.relativize(p).toString()))
                .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            String src = read(p);
            CompileError e = assertThrows(CompileError.class, () -> FrontEnd.compile(p.getFileName().toString(), src));
            String header = src.lines().filter(l -> l.startsWith("# line: ")).findFirst().orElse("");
            if (!header.isEmpty()) {
                int line = root.relativize(p).toString().equals(STAGE2_MOVED)
                        ? 8 : Integer.parseInt(header.substring("# line: ".length()).trim());
                assertEquals(line, e.diagnostics().get(0).span().line(), e.diagnostics().toString());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> failingProgramsPrintTheirGoldenThenFail() {
        Path root = CorpusFiles.root();
        return programs(root.resolve("runtime_errors")).stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            StringBuilder out = new StringBuilder();
            PyRuntimeError e = assertThrows(PyRuntimeError.class, () -> FrontEnd.run(read(p), read(sibling(p, ".in")), out));
            assertEquals(read(sibling(p, ".golden")), out.toString());
            assertEquals(read(sibling(p, ".err")).strip(), e.lastLine());
            assertTrue(e.span().isKnown() || e.exceptionClass().equals("RecursionError"));
        }));
    }
}
