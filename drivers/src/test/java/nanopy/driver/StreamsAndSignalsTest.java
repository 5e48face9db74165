package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program's standard streams through the real launcher, against CPython run the same way:
 * stdout line-buffered on a terminal and block-buffered into a pipe, flushed before {@code input()}
 * reads, before an error message, at exit and on SIGINT/SIGTERM; Ctrl-C ends with
 * {@code KeyboardInterrupt} and status 130; {@code input()} with stdin closed or at its end.
 */
class StreamsAndSignalsTest {
    /** Prints, waits for a line, prints again, then runs until it is stopped. */
    static final String WAITS_THEN_SPINS = """
            print("started")
            name = input("name? ")
            print("hello " + name)
            n = 0
            while n >= 0:
                n = n + 1
            """;

    @TempDir
    Path dir;

    private Path program(String text) throws IOException {
        Path p = dir.resolve("prog.py");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void inAPipeOutputIsBlockBufferedButFlushedBeforeInputAndOnSigterm() throws IOException {
        program(WAITS_THEN_SPINS);
        Launcher.Running r = new Launcher.Running(Launcher.builder(dir, Launcher.nanopy("prog.py")).start());
        r.awaitStdout("name? ");   // flushed before input() reads, though stdout is a pipe
        assertEquals("started\nname? ", r.stdout());
        r.type("Ada\n");
        Launcher.sleep(2000);       // the program printed "hello Ada" microseconds after reading the line
        assertEquals("started\nname? ", r.stdout(), "into a pipe, stdout is block-buffered (as CPython's)");
        r.signal("TERM");
        Launcher.Result done = r.waitFor();
        assertEquals(143, done.status());
        assertEquals("started\nname? hello Ada\n", done.stdout(), "SIGTERM loses nothing printed");
    }

    @Test
    void sigintFlushesPrintsKeyboardInterruptLastAndExits130AsCPython() throws IOException {
        program(WAITS_THEN_SPINS);
        for (List<String> cmd : List.of(List.of("env", "--default-signal=INT", CPython.PYTHON.toString(), "prog.py"), Launcher.nanopy("prog.py"))) {
            Launcher.Running r = new Launcher.Running(Launcher.builder(dir, cmd).start());
            r.awaitStdout("name? ");
            r.type("Ada\n");
            Launcher.sleep(1500);
            r.signal("INT");
            Launcher.Result done = r.waitFor();
            assertEquals(130, done.status(), cmd + ": " + done.stderr());
            assertEquals("started\nname? hello Ada\n", done.stdout(), cmd.toString());
            assertEquals("KeyboardInterrupt", done.lastErrLine(), cmd.toString());
            done.noJavaTrace();
        }
    }

    @Test
    void onATerminalOutputIsLineBufferedAndCtrlCIsKeyboardInterrupt() throws IOException {
        program(WAITS_THEN_SPINS);
        for (List<String> cmd : List.of(List.of(CPython.PYTHON.toString(), "prog.py"), Launcher.nanopy("prog.py"))) {
            Launcher.Running r = Launcher.inTerminal(dir, cmd);
            r.awaitStdout("name? ");
            r.type("Ada\n");
            r.awaitStdout("hello Ada\r\n");   // a line shows while the program still runs: line-buffered
            assertTrue(r.process.isAlive(), cmd.toString());
            r.type("\u0003");                 // Ctrl-C on the terminal
            Launcher.Result done = r.waitFor();
            assertEquals(130, done.status(), cmd + ": " + done.stdout());
            assertEquals("KeyboardInterrupt", done.stdout().strip().lines().reduce((a, b) -> b).orElse("").replace("^C", "").strip(),
                    cmd + ": " + done.stdout());
            done.noJavaTrace();
        }
    }

    @Test
    void outputIsFlushedBeforeTheErrorMessageAsCPythons() throws IOException {
        program("print(\"before\")\nprint(1 // 0)\n");
        Launcher.Result expected = oracleMerged();
        Launcher.Result r = merged(Launcher.nanopy("prog.py"));
        assertEquals(expected.status(), r.status());
        assertTrue(r.stdout().startsWith("before\n"), r.stdout());
        assertEquals(expected.stdout().strip().lines().reduce((a, b) -> b), r.stdout().strip().lines().reduce((a, b) -> b));
    }

    /** stdout and stderr into one pipe (2>&1), so their order shows. */
    private Launcher.Result merged(List<String> cmd) throws IOException {
        return new Launcher.Running(Launcher.builder(dir, cmd).redirectErrorStream(true).start()).waitFor();
    }

    private Launcher.Result oracleMerged() throws IOException {
        return merged(List.of(CPython.PYTHON.toString(), "prog.py"));
    }

    @Test
    void inputWithStdinClosedIsLostSysStdinAsCPython() throws IOException {
        program("print(\"a\")\nx = input(\"p> \")\nprint(x)\n");
        List<String> closed = List.of("bash", "-c", "exec \"$@\" <&-", "-");
        Launcher.Result expected = new Launcher.Running(Launcher.builder(dir, concat(closed, List.of(CPython.PYTHON.toString(), "prog.py"))).start())
                .waitFor();
        Launcher.Result r = new Launcher.Running(Launcher.builder(dir, concat(closed, Launcher.nanopy("prog.py"))).start()).waitFor();
        assertEquals("RuntimeError: input(): lost sys.stdin", expected.lastErrLine());
        assertEquals(expected.lastErrLine(), r.lastErrLine());
        assertEquals(expected.stdout(), r.stdout());
        assertEquals(expected.status(), r.status());
    }

    @Test
    void inputAtEndOfInputIsEofErrorAsCPython() throws IOException {
        program("print(\"a\")\nx = input(\"p> \")\nprint(x)\n");
        CPython.Output expected = CPython.run(dir, "", "prog.py");
        Launcher.Result r = Launcher.run(dir, "", "prog.py").noJavaTrace();
        assertEquals("EOFError: EOF when reading a line", expected.lastErrLine());
        assertEquals(expected.lastErrLine(), r.lastErrLine());
        assertEquals(expected.stdout(), r.stdout());
        assertEquals(expected.status(), r.status());
    }

    @Test
    void aProgramOnStandardInputRunsAsPythonDashDoes() throws IOException {
        String text = "print(6 * 7)\nprint(\"done\")\n";
        CPython.Output expected = CPython.run(dir, text, "-");
        Launcher.Result r = Launcher.run(dir, text, "-").noJavaTrace();
        assertEquals(expected.stdout(), r.stdout());
        assertEquals(0, r.status());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
