package nanopy.driver;

import static nanopy.driver.CliTest.nanopy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nanopy.driver.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IR text edited by hand into a program that is well formed but wrong (a variable used where it is
 * not declared, a jump to a block that does not exist, a call with the wrong number of arguments)
 * is rejected by {@code --start-after} on every target with {@code file:line:col: error:}, the line
 * and a caret, and exit status 1: never a stack trace, never a wrong answer.
 */
class BrokenIrTest {
    static final String PROGRAM = """
            def add(a: int, b: int) -> int:
                return a + b
            i = 0
            while i < 3:
                i = add(i, 1)
            print(add(i, 39))
            """;

    @TempDir
    Path dir;

    /** The IR after {@code pass} of a target that runs it (and more passes after it). */
    private String irAfter(String pass, String target) throws IOException {
        Path py = dir.resolve("prog.py");
        Files.writeString(py, PROGRAM);
        Run stop = nanopy("--target=" + target, "--stop-after=" + pass, py.toString());
        assertEquals(0, stop.status(), stop.err());
        return stop.out();
    }

    /** {@code text} with the first match of {@code regex} replaced (there must be one). */
    private static String breakIt(String text, String regex, String replacement) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in\n" + text);
        return text.substring(0, m.start()) + m.replaceFirst(replacement).substring(m.start());
    }

    private void rejected(String pass, String target, String ir, String message) throws IOException {
        Path file = dir.resolve("broken.ir");
        Files.writeString(file, ir);
        Run r = nanopy("--target=" + target, "--start-after=" + pass, file.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().matches("(?s)" + Pattern.quote(file.toString()) + ":\\d+:\\d+: error: " + Pattern.quote(message) + ".*\\n +\\| +\\^.*"),
                r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void basicBlocksOnTheRegisterVmAndTheMiddleInterpreter() throws IOException {
        String ir = irAfter("explicate-control", "regvm");
        for (String target : new String[] {"regvm", "middle-interp"}) {
            Run ok = nanopy("--target=" + target, "--start-after=explicate-control", write(ir));
            assertEquals(new Run(0, "42\n", ""), ok);
            rejected("explicate-control", target, breakIt(ir, "\\(Goto \"[^\"]+\"\\)", "(Goto \"nowhere\")"),
                    "no block labeled nowhere in this function");
            rejected("explicate-control", target, breakIt(ir, "\\(Var \"a\"", "(Var \"zz\""),
                    "undefined variable zz (not a parameter or local of this function)");
            rejected("explicate-control", target, breakIt(ir, "\\(IntLit 39\\)\\]", "(IntLit 39) (IntLit 1)]"),
                    "call with 3 arguments of a function that takes 2");
        }
    }

    @Test
    void closureConvertedCodeOnTheStackVm() throws IOException {
        String ir = irAfter("convert-closures", "stackvm");
        assertEquals(new Run(0, "42\n", ""), nanopy("--target=stackvm", "--start-after=convert-closures", write(ir)));
        rejected("convert-closures", "stackvm", breakIt(ir, "\\(Var \"b\"", "(Var \"zz\""),
                "undefined variable zz (not a parameter or local of this function)");
        rejected("convert-closures", "stackvm", breakIt(ir, "\\(IntLit 39\\)", "(IntLit 39) (IntLit 1)"),
                "call with 3 arguments of a function that takes 2");
    }

    @Test
    void typedProgramsOnTheInterpreter() throws IOException {
        String ir = irAfter("guard-unbound-reads", "regvm");
        assertEquals(new Run(0, "42\n", ""), nanopy("--target=interp", "--start-after=guard-unbound-reads", write(ir)));
        rejected("guard-unbound-reads", "interp", breakIt(ir, "\\(Var \"b\"", "(Var \"zz\""), "undefined variable zz");
        rejected("guard-unbound-reads", "interp", breakIt(ir, "\\(IntLit 39\\)", "(IntLit 39) (IntLit 1)"),
                "call with 3 arguments of a function that takes 2");
    }

    @Test
    void theExampleLanguage() throws IOException {
        Path prog = dir.resolve("prog.arith");
        Files.writeString(prog, CliTest.PROGRAM);
        Run stop = nanopy("--stop-after=remove-complex-operands", prog.toString());
        assertEquals(0, stop.status(), stop.err());
        rejected("remove-complex-operands", "example", breakIt(stop.out(), "\\(Var \"y[^\"]*\"\\)", "(Var \"zz\")"), "undefined variable zz");
    }

    private String write(String ir) throws IOException {
        Path file = dir.resolve("ok.ir");
        Files.writeString(file, ir);
        return file.toString();
    }
}
