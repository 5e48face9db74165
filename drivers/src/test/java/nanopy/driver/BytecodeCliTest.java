package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nanopy.driver.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nanopy build -o prog.nbc, nanopy run prog.nbc, malformed files, and the dot dump, through the CLI. */
class BytecodeCliTest {
    @TempDir
    Path dir;

    private static Run cli(String... args) {
        return CliTest.nanopy(args);
    }

    private Path program() throws Exception {
        Path p = dir.resolve("prog.py");
        Files.writeString(p, "a = 6 * 7\nprint(a, \"ok\")\na = a // (a - 42)\n");
        return p;
    }

    @Test
    void buildWritesBytecodeThatRunRuns() throws Exception {
        Path nbc = dir.resolve("prog.nbc");
        Run build = cli("build", "--target=regvm", program().toString(), "-o", nbc.toString());
        assertEquals(0, build.status(), build.err());
        assertTrue(Files.readAllBytes(nbc)[0] == 'N');
        Run run = cli("run", nbc.toString());
        assertEquals("42 ok\n", run.out());
        assertEquals(1, run.status());
        assertEquals("ZeroDivisionError: integer division or modulo by zero", run.err().lines().toList().getLast());
    }

    @Test
    void malformedAndTruncatedFilesGetOneLine() throws Exception {
        Path nbc = dir.resolve("prog.nbc");
        cli("build", "--target=regvm", program().toString(), "-o", nbc.toString());
        byte[] bytes = Files.readAllBytes(nbc);
        Path cut = dir.resolve("cut.nbc");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Run r = cli("run", cut.toString());
        assertEquals(1, r.status());
        assertEquals("error: " + cut + ": the file is truncated\n", r.err());
        Path text = dir.resolve("text.nbc");
        Files.writeString(text, "print(1)\n");
        Run t = cli("run", text.toString());
        assertEquals(1, t.status());
        assertTrue(t.err().contains("not a nanopy bytecode file"), t.err());
    }

    @Test
    void dotDumpHasAnInterferenceGraphAndACfg() throws Exception {
        Run r = cli("ir", "dump", "--format=dot", "--target=regvm", program().toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("graph \"interference <module>\" {"), r.out());
        assertTrue(r.out().contains("digraph \"cfg <module>\" {"), r.out());
    }
}
