package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nanopy.driver.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every native target does the same way from the command line (llvm, x86-64): build writes an
 * executable that behaves as CPython, run-time errors end with CPython's last line, 100,000 nested
 * calls then RecursionError, bounded memory under the Boehm collector, project mode. Each target's
 * test class extends this with its own dumps and tool failures.
 */
abstract class NativeTargetContract {
    @TempDir
    Path dir;

    /** The target under test, as {@code --target=} names it. */
    abstract String target();

    /**
     * Skips the test class when a tool is missing, except under CI ({@code CI=true}), where that fails.
     *
     * @param tools the commands that must answer {@code --version}
     * @param packages the Debian packages to name
     */
    static void requireTools(List<String> tools, String packages) {
        String missing = null;
        for (String tool : tools) {
            try {
                Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() != 0) {
                    missing = tool + " fails";
                }
            } catch (IOException | InterruptedException e) {
                missing = "no " + tool + " (Debian: " + packages + ")";
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            assertEquals(null, missing);
        }
        assumeTrue(missing == null, missing);
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    record Exec(int status, String out, String err) {}

    static Exec exec(Path exe, String stdin, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(exe.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the executable did not finish");
        return new Exec(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static String last(String s) {
        List<String> lines = s.lines().toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    @Test
    void buildWritesAnExecutableThatPrintsWhatCPythonPrints() throws Exception {
        Path prog = write("prog.py", """
                def greet(name: str) -> str:
                    return "hi " + name + " " + str(len(name))
                xs: list[float] = [0.1 * 3, 1e16, 1e-5, -0.0, 2.5]
                print(greet(input()), xs, (1, "a"), 7 // -2, -7 % 3, 10 / 4, 2 ** 62)
                print(int(" 1_000 ") + 1, float("1e3"), "é€😀"[2], len("é€😀"))
                """);
        Path app = dir.resolve("app");
        Run r = CliTest.nanopy("build", "--target=" + target(), prog.toString(), "-o", app.toString());
        assertEquals(0, r.status(), r.err());
        Exec e = exec(app, "Ada\n", Map.of());
        CPython.Output py = CPython.run(dir, "Ada\n", prog.toString());
        assertEquals(new Exec(0, py.stdout(), ""), e);
    }

    @Test
    void runTimeErrorsEndWithCPythonsLastLineAfterTheOutputSoFar() throws Exception {
        Path prog = write("err.py", """
                xs = [1, 2, 3]
                print("before")
                i = 0
                while i < 5:
                    print(xs[i])
                    i = i + 1
                """);
        Run r = CliTest.nanopy("run", "--target=" + target(), prog.toString());
        CPython.Output py = CPython.run(dir, "", prog.toString());
        assertEquals(1, r.status());
        assertEquals(py.stdout(), r.out());
        assertEquals(py.lastErrLine(), last(r.err()));
    }

    @Test
    void aHundredThousandNestedCallsWorkAndUnboundedRecursionIsARecursionError() throws Exception {
        Path prog = write("deep.py", """
                def depth(n: int) -> int:
                    if n == 0:
                        return 0
                    return 1 + depth(n - 1)
                print(depth(100000))
                print(depth(10000000))
                """);
        Run r = CliTest.nanopy("run", "--target=" + target(), prog.toString());
        assertEquals("100000\n", r.out());
        assertEquals("RecursionError: maximum recursion depth exceeded", last(r.err()));
        assertEquals(1, r.status());
    }

    @Test
    void memoryStaysBoundedWhenAProgramAllocatesFarMoreThanItKeeps() throws Exception {
        // about 6 GB allocated over the run (10 million lists of 40 ints and their headers), at most
        // one list of them live at a time
        Path prog = write("churn.py", """
                total = 0
                i = 0
                while i < 10000000:
                    xs = [i] * 40
                    total = total + xs[39] % 7
                    i = i + 1
                print(total)
                """);
        Path app = dir.resolve("churn");
        assertEquals(0, CliTest.nanopy("build", "--target=" + target(), prog.toString(), "-o", app.toString()).status());
        Exec e = exec(app, "", Map.of("NANOPY_RT_STATS", "1"));
        assertEquals(CPython.run(dir, "", prog.toString()).stdout(), e.out());
        Matcher m = Pattern.compile("allocated (\\d+) bytes, max resident (\\d+) kB").matcher(e.err());
        assertTrue(m.find(), e.err());
        long allocated = Long.parseLong(m.group(1));
        long residentKb = Long.parseLong(m.group(2));
        assertTrue(allocated > 3_000_000_000L, "allocated only " + allocated + " bytes");
        assertTrue(residentKb < 50_000, "max resident " + residentKb + " kB");
    }

    @Test
    void aProjectBuildsIntoAnExecutable() throws Exception {
        write("proj/pkg/main.py", """
                def main() -> None:
                    print("project", 1 + 1)
                """);
        Path app = dir.resolve("projapp");
        Run r = CliTest.nanopy("build", "--target=" + target(), dir.resolve("proj").toString(), "-o", app.toString());
        assertEquals(0, r.status(), r.err());
        CPython.Output py = CPython.run(dir.resolve("proj/pkg"), "", "-c", "import main; main.main()");
        assertEquals(new Exec(0, py.stdout(), ""), exec(app, "", Map.of()));
    }
}
