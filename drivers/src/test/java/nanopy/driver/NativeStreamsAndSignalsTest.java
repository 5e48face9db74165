package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream and signal rules of {@link StreamsAndSignalsTest} for the targets whose program runs
 * outside nanopy's own VMs: {@code nanopy run --target=llvm} (a child process with the C run-time
 * library), the executable {@code nanopy build --target=llvm} writes, {@code nanopy run
 * --target=jvm}, and the jar {@code nanopy build --target=jvm} writes run by {@code java -jar}.
 * Each way runs {@link StreamsAndSignalsTest#WAITS_THEN_SPINS} in a pipe, under real signals, in a
 * pseudo-terminal and with stdin closed, against CPython run the same way. The llvm ways need LLVM
 * 16 and gcc (skipped without them, failing under CI).
 */
class NativeStreamsAndSignalsTest {
    @TempDir
    static Path dir;

    /** Each way to run prog.py, by name: its command line in {@link #dir}. */
    private static final Map<String, List<String>> WAYS = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void build() throws IOException {
        Files.writeString(dir.resolve("prog.py"), StreamsAndSignalsTest.WAITS_THEN_SPINS);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (llvmPresent()) {
            Launcher.Result app = Launcher.run(dir, "", "build", "--target=llvm", "prog.py", "-o", "app");
            assertEquals(0, app.status(), app.stderr());
            WAYS.put("run --target=llvm", Launcher.nanopy("run", "--target=llvm", "prog.py"));
            WAYS.put("./app", withDefaultSigint(dir.resolve("app").toString()));
        }
        Launcher.Result jar = Launcher.run(dir, "", "build", "--target=jvm", "prog.py", "-o", "app.jar");
        assertEquals(0, jar.status(), jar.stderr());
        WAYS.put("run --target=jvm", Launcher.nanopy("run", "--target=jvm", "prog.py"));
        WAYS.put("java -jar app.jar", withDefaultSigint(java, "-jar", "app.jar"));
    }

    /** Whether LLVM 16 and gcc are here; under CI their absence fails the test. */
    private static boolean llvmPresent() {
        try {
            LlvmTargetTest.toolsPresent();
            return true;
        } catch (org.opentest4j.TestAbortedException e) {
            return false;
        }
    }

    /** The command with SIGINT at its default (a test's child may inherit it ignored). */
    private static List<String> withDefaultSigint(String... command) {
        List<String> out = new ArrayList<>(List.of("env", "--default-signal=INT"));
        out.addAll(List.of(command));
        return out;
    }

    private static Launcher.Running start(List<String> command) throws IOException {
        return new Launcher.Running(Launcher.builder(dir, command).start());
    }

    @Test
    void inAPipeOutputIsBlockBufferedButFlushedBeforeInputAndOnSigterm() throws IOException {
        for (var way : WAYS.entrySet()) {
            Launcher.Running r = start(way.getValue());
            r.awaitStdout("name? ");
            assertEquals("started\nname? ", r.stdout(), way.getKey());
            r.type("Ada\n");
            Launcher.sleep(1500);
            assertEquals("started\nname? ", r.stdout(), way.getKey() + ": into a pipe, stdout is block-buffered");
            r.signal("TERM");
            Launcher.Result done = r.waitFor();
            assertEquals(143, done.status(), way.getKey() + ": " + done.stderr());
            assertEquals("started\nname? hello Ada\n", done.stdout(), way.getKey() + ": SIGTERM loses nothing printed");
            done.noJavaTrace();
        }
    }

    @Test
    void sigintFlushesPrintsKeyboardInterruptLastAndExits130AsCPython() throws IOException {
        for (var way : WAYS.entrySet()) {
            Launcher.Running r = start(way.getValue());
            r.awaitStdout("name? ");
            r.type("Ada\n");
            Launcher.sleep(1500);
            r.signal("INT");
            Launcher.Result done = r.waitFor();
            assertEquals(130, done.status(), way.getKey() + ": " + done.stderr());
            assertEquals("started\nname? hello Ada\n", done.stdout(), way.getKey());
            assertEquals("KeyboardInterrupt", done.lastErrLine(), way.getKey());
            done.noJavaTrace();
        }
    }

    @Test
    void onATerminalOutputIsLineBufferedAndCtrlCIsKeyboardInterrupt() {
        for (var way : WAYS.entrySet()) {
            Launcher.Running r = Launcher.inTerminal(dir, way.getValue());
            r.awaitStdout("name? ");
            r.type("Ada\n");
            r.awaitStdout("hello Ada\r\n");   // shows while the program still runs: line-buffered
            assertTrue(r.process.isAlive(), way.getKey());
            r.type("\u0003");
            Launcher.Result done = r.waitFor();
            assertEquals(130, done.status(), way.getKey() + ": " + done.stdout());
            List<String> lines = done.stdout().strip().lines().toList();
            assertEquals("KeyboardInterrupt", lines.getLast().replace("^C", "").strip(), way.getKey() + ": " + done.stdout());
            done.noJavaTrace();
        }
    }

    @Test
    void inputWithStdinClosedIsLostSysStdinAsCPython() throws IOException {
        List<String> closed = List.of("bash", "-c", "exec \"$@\" <&-", "-");
        List<String> python = new ArrayList<>(closed);
        python.addAll(List.of(CPython.PYTHON.toString(), "prog.py"));
        Launcher.Result expected = start(python).waitFor();
        assertEquals("RuntimeError: input(): lost sys.stdin", expected.lastErrLine());
        for (var way : WAYS.entrySet()) {
            List<String> cmd = new ArrayList<>(closed);
            cmd.addAll(way.getValue());
            Launcher.Result r = start(cmd).waitFor().noJavaTrace();
            assertEquals(expected.lastErrLine(), r.lastErrLine(), way.getKey());
            assertEquals(expected.stdout(), r.stdout(), way.getKey());
            assertEquals(expected.status(), r.status(), way.getKey());
        }
    }
}
