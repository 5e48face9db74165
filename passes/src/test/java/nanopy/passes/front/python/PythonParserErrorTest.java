package nanopy.passes.front.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import nanopy.ir.CompileError;
import nanopy.ir.Diagnostic;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Syntax errors for typical mistakes: position and message as CPython 3.11 reports them. Each
 * {@code python-errors/NAME.py} has {@code NAME.expected} = {@code line:offset: Class: message},
 * made by {@code python-errors/regenerate} from CPython's SyntaxError.
 */
class PythonParserErrorTest {
    @TestFactory
    Stream<DynamicTest> errorsMatchCPython311() {
        return TestFiles.resources("python-errors", ".py").stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(), () -> {
            String expected = TestFiles.read(TestFiles.sibling(py, ".py", ".expected")).strip();
            CompileError e = assertThrows(CompileError.class, () -> PythonParser.parse("t.py", TestFiles.read(py)));
            assertEquals(1, e.diagnostics().size());
            Diagnostic d = e.diagnostics().get(0);
            assertEquals(expected, d.span().line() + ":" + d.span().col() + ": " + d.message());
        }));
    }
}
