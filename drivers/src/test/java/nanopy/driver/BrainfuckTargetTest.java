package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nanopy.driver.CliTest.Run;
import nanopy.driver.golden.Expectation;
import nanopy.driver.golden.GoldenProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bf target through the CLI: build to a .bf file and run it, CPython's output and exit status
 * (the error-marker protocol), unmatched brackets and floats reported with a position, and Debian's
 * {@code beef} running a sample of generated programs as a second opinion that the output is
 * portable Brainfuck.
 */
class BrainfuckTargetTest {
    private static final Path BEEF = Path.of("/usr/bin/beef");

    @TempDir
    Path dir;

    @Test
    void buildWritesBrainfuckThatRunRunsWithCPythonsOutputAndStatus() throws Exception {
        String source = "def f(n: int) -> int:\n    return n * 2 - 7\n\nx = input_int()\nprint(f(x), x < 3, 'ok')\nprint(x // (x - 21))\n";
        Path prog = dir.resolve("prog.py");
        Files.writeString(prog, source);
        Path bf = dir.resolve("prog.bf");
        Run build = CliTest.nanopy("build", "--target=bf", prog.toString(), "-o", bf.toString());
        assertEquals(0, build.status(), build.err());
        Run run = CliTest.nanopyWithInput("21\n", "run", bf.toString());
        CPython.Output want = CPython.run(dir, "21\n", "-c",
                "def input_int() -> int: return int(input())\nexec(open('prog.py').read())");
        assertEquals(want.stdout(), run.out());
        assertEquals(want.lastErrLine(), run.err().lines().toList().getLast());
        assertEquals(1, run.status());
        Run direct = CliTest.nanopyWithInput("21\n", "run", "--target=bf", prog.toString());
        assertEquals(run.out(), direct.out());
        assertEquals(1, direct.status());
    }

    @Test
    void anUnmatchedBracketIsReportedWithItsLineAndColumn() throws Exception {
        Path bf = dir.resolve("bad.bf");
        Files.writeString(bf, "++\n+[>+<-\n]]\n");
        Run r = CliTest.nanopy("run", bf.toString());
        assertEquals(1, r.status());
        assertEquals(bf + ":3:2: error: unmatched ']' (no '[' before it)\n 3 | ]]\n   |  ^\n", r.err());
        Files.writeString(bf, "+[[-]\n");
        Run open = CliTest.nanopy("run", bf.toString());
        assertEquals(1, open.status());
        assertTrue(open.err().startsWith(bf + ":1:2: error: unmatched '[' (no ']' after it)"), open.err());
    }

    @Test
    void floatsAreRejectedAtCompileTime() throws Exception {
        Path prog = dir.resolve("f.py");
        Files.writeString(prog, "x = 1\ny = x / 2\nprint(y)\n");
        Run r = CliTest.nanopy("run", "--target=bf", prog.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error: float is not supported on the bf target"), r.err());
    }

    /** A sample of corpus programs: nanopy's BF run by beef gives the golden stdout and last error line. */
    @Test
    void beefRunsGeneratedProgramsLikeCPython() throws Exception {
        if (!Files.isExecutable(BEEF)) {
            assertTrue(!"true".equals(System.getenv("CI")), "beef is missing (.ci/packages installs it)");
            assumeTrue(false, "beef is not installed: skipped the second opinion");
        }
        List<String> sample = List.of("eoc/var/neg_exp", "eoc/while/sum", "eoc/fun/fact", "runtime_errors/r6_overflow");
        for (String id : sample) {
            String folder = id.substring(0, id.lastIndexOf('/'));
            GoldenProgram p = Corpus.programs(folder).stream().filter(g -> g.id().endsWith(id.substring(id.lastIndexOf('/'))))
                    .findFirst().orElseThrow();
            Path bf = dir.resolve(p.name() + ".bf");
            Run build = CliTest.nanopy("build", "--target=bf", p.file().toString(), "-o", bf.toString());
            assertEquals(0, build.status(), build.err());
            Path in = dir.resolve(p.name() + ".in");
            Files.writeString(in, p.stdin());
            Process beef = new ProcessBuilder(BEEF.toString(), "-s", "zero", "-i", in.toString(), bf.toString())
                    .redirectErrorStream(true).start();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            beef.getInputStream().transferTo(bytes);
            assertTrue(beef.waitFor(120, TimeUnit.SECONDS), id + ": beef timed out");
            // beef writes a byte that is not UTF-8 as the text "[Invalid UTF-8] \xff": that is the marker too
            String out = bytes.toString(StandardCharsets.ISO_8859_1).replace("[Invalid UTF-8] \\xff", "\u00ff");
            int marker = out.indexOf('\u00ff');
            String stdout = marker < 0 ? out : out.substring(0, marker);
            switch (p.expected()) {
                case Expectation.Runs r -> {
                    assertEquals(r.stdout(), stdout, id);
                    assertEquals(-1, marker, id);
                }
                case Expectation.FailsAtRunTime f -> {
                    assertEquals(f.stdout(), stdout, id);
                    assertEquals(f.lastLine() + "\n", out.substring(marker + 1), id);
                }
                default -> throw new AssertionError(id + ": unexpected expectation " + p.expected());
            }
        }
    }
}
