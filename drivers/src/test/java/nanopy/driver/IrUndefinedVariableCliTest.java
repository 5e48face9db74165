package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IR text that uses an undefined variable, run with {@code --start-after} through the real launcher,
 * is a user's mistake: {@code file:line:col: error: ...} naming the variable, exit 1, nothing run,
 * no Java stack trace (on every target it can start on; the IR verifier of issue 13 rejects it).
 * The IR is the launcher's own {@code --stop-after} output with one use renamed.
 */
class IrUndefinedVariableCliTest {
    @TempDir
    Path dir;

    private Path brokenIr(String stopAfter, String program, String programName, String use, String undefinedUse) throws IOException {
        Files.writeString(dir.resolve(programName), program);
        Launcher.Result ir = Launcher.run(dir, "", "--stop-after=" + stopAfter, programName);
        assertEquals(0, ir.status(), ir.stderr());
        assertTrue(ir.stdout().contains(use), ir.stdout());
        Path bad = dir.resolve("bad.ir");
        Files.writeString(bad, ir.stdout().replaceFirst(java.util.regex.Pattern.quote(use), undefinedUse));
        return bad;
    }

    private void rejected(String... args) {
        Launcher.Result r = Launcher.run(dir, "", args).noJavaTrace();
        assertEquals(1, r.status(), String.join(" ", args) + "\n" + r.stdout() + r.stderr());
        assertEquals("", r.stdout(), "nothing runs");
        assertTrue(r.stderr().startsWith("bad.ir:") && r.stderr().contains("error:") && r.stderr().contains("nope"), r.stderr());
    }

    @Test
    void onTheExampleTarget() throws IOException {
        brokenIr("uniquify", "let a = 2 in a * 3", "prog.arith", "(Var \"a.1\")", "(Var \"nope\")");
        rejected("--start-after=uniquify", "bad.ir");
    }

    @Test
    void onTheMiddleInterpreterAndTheRegisterVm() throws IOException {
        brokenIr("explicate-control", "x = 5\nprint(x + 1)\n", "prog.py", "(Var \"tmp.1\" (IntType)) (IntLit 1)",
                "(Var \"nope\" (IntType)) (IntLit 1)");
        rejected("--target=middle-interp", "--start-after=explicate-control", "bad.ir");
        rejected("--target=regvm", "--start-after=explicate-control", "bad.ir");
        rejected("--target=regvm", "--verify-each", "--start-after=explicate-control", "bad.ir");
    }
}
