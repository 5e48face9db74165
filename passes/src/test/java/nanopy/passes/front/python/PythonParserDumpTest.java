package nanopy.passes.front.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nanopy.ir.CompileError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The parser and {@link AstDump} against CPython's {@code ast.dump}: curated snippets covering
 * every construct (expected dumps made by {@code python-ast/regenerate} with CPython 3.11, and 3.12
 * for 3.12-only syntax), and every corpus program (CPython 3.11 run during the test).
 */
class PythonParserDumpTest {
    @TestFactory
    Stream<DynamicTest> curatedSnippetsDumpAsCPython311() {
        return TestFiles.resources("python-ast", ".py").stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            String expected = TestFiles.read(TestFiles.sibling(py, ".py", ".dump")).strip();
            assertEquals(expected, AstDump.dump(PythonParser.parse(py.toString(), TestFiles.read(py))));
        }));
    }

    @TestFactory
    Stream<DynamicTest> python312SnippetsDumpAsCPython312() {
        return TestFiles.resources("python-ast", ".py312").stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            String expected = TestFiles.read(TestFiles.sibling(py, ".py312", ".dump312")).strip();
            assertEquals(expected, AstDump.dump312(PythonParser.parse(py.toString(), TestFiles.read(py))));
        }));
    }

    @Test
    void corpusProgramsDumpAsCPython311() throws Exception {
        List<Path> files = TestFiles.corpus();
        assumeTrue(!files.isEmpty(), "no corpus at " + TestFiles.CORPUS);
        assumeTrue(CPythonOracle.available(), "no " + CPythonOracle.PYTHON);
        Map<Path, String> expected = CPythonOracle.dumps(files);
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            String actual;
            try {
                actual = AstDump.dump(PythonParser.parse(file.toString(), TestFiles.read(file)));
            } catch (CompileError e) {
                actual = "!" + e.getMessage();
            }
            String want = expected.get(file);
            boolean same = want.startsWith("!") ? actual.startsWith("!") : want.equals(actual);
            if (!same) {
                failures.add(file + "\n" + AstComparison.firstDifference(want, actual));
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + files.size() + " differ:\n" + String.join("\n", failures));
    }
}
