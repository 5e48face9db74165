package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user of python, opt and git expects it, through the real launcher: each
 * mistake gets one clear line (no Java stack trace) and the documented exit status.
 */
class CliEdgesTest {
    static final String PROGRAM = "def sq(n: int) -> int:\n    return n * n\n\n\nprint([sq(i) for i in range(4)], \"done\")\n";

    @TempDir
    Path dir;

    private Path program() throws IOException {
        Path p = dir.resolve("prog.py");
        Files.writeString(p, PROGRAM);
        return p;
    }

    @Test
    void optionsMayComeBeforeTheSubcommandAsInGit() throws IOException {
        program();
        CPython.Output expected = CPython.run(dir, "", "prog.py");
        assertEquals(new Launcher.Result(0, expected.stdout(), ""), Launcher.run(dir, "", "--target=stackvm", "run", "prog.py"));
        assertEquals(new Launcher.Result(0, expected.stdout(), ""), Launcher.run(dir, "", "--target", "interp", "run", "prog.py"));
    }

    @Test
    void mistakesOnTheCommandLineGetOneLineAndStatus2() throws IOException {
        program();
        assertEquals(new Launcher.Result(2, "", "error: unknown option '--dump-afte' (did you mean --dump-after?) (in 'nanopy run'; try 'nanopy --help')\n"),
                Launcher.run(dir, "", "--dump-afte=flatten", "prog.py"));
        assertEquals(new Launcher.Result(2, "",
                "error: -o/--output goes with 'nanopy build' (nanopy build [options] FILE -o OUTPUT), not with 'run'\n"),
                Launcher.run(dir, "", "-o", "x.out", "prog.py"));
        int col = upTo("inline{").length() + 1;   // where the option's key starts in --passes
        assertEquals(new Launcher.Result(2, "", "error: --passes:1:" + col + ": option inline.threshold must be an integer, not \"abc\"\n"),
                Launcher.run(dir, "", "--passes=" + upTo("inline{threshold=abc}"), "prog.py"));
        assertEquals(new Launcher.Result(2, "",
                "error: --passes:1:" + col + ": pass 'inline' has no option 'thresold' (did you mean threshold?); its options: threshold\n"),
                Launcher.run(dir, "", "--passes=" + upTo("inline{thresold=0}"), "prog.py"));
    }

    /** The NanoPy front end and desugaring passes, then {@code last}. */
    private static String upTo(String last) {
        return "parse-python,check-subset,resolve-names,check-types,guard-unbound-reads,desugar-aug-assign,desugar-compare,desugar-list-comp,"
                + "desugar-for,desugar-and-or,desugar-lambda," + last;
    }

    @Test
    void buildOutputIsTheTargetsRealArtifactOrAClearRefusal() throws IOException {
        program();
        CPython.Output expected = CPython.run(dir, "", "prog.py");
        assertEquals(0, Launcher.run(dir, "", "build", "--target=regvm", "prog.py", "-o", "prog.nbc").status());
        assertEquals(new Launcher.Result(0, expected.stdout(), ""), Launcher.run(dir, "", "run", "prog.nbc"));
        // the writers are what the Target service reports: every target with an artifact, regvm and jvm among them
        Launcher.Result refused = Launcher.run(dir, "", "build", "--target=stackvm", "prog.py", "-o", "x.nbc");
        assertEquals(2, refused.status(), refused.stderr());
        assertEquals("", refused.stdout());
        assertTrue(refused.stderr().matches("error: target 'stackvm' has no artifact file for -o to write \\(targets that write one:"
                + " regvm, [a-z0-9-]+(, [a-z0-9-]+)*\\); -o FILE.ir writes its final IR as text\n"), refused.stderr());
        assertTrue(refused.stderr().contains(", jvm") && !refused.stderr().contains("stackvm,"), refused.stderr());
        assertTrue(!Files.exists(dir.resolve("x.nbc")));
    }

    @Test
    void irHelpPrintsTheIrSubcommands() {
        Launcher.Result r = Launcher.run(dir, "", "ir", "--help");
        assertEquals(0, r.status(), r.stderr());
        assertTrue(r.stdout().startsWith("usage: nanopy ir list"), r.stdout());
        for (String sub : List.of("describe", "diff", "parse", "dump")) {
            assertTrue(r.stdout().contains("nanopy ir " + sub), sub + " in " + r.stdout());
        }
    }

    @Test
    void irDumpsGoToStderrWhileTheProgramRunsAndStopAfterPrintsToStdout() throws IOException {
        program();
        CPython.Output expected = CPython.run(dir, "", "prog.py");
        Launcher.Result r = Launcher.run(dir, "", "--dump-after=flatten", "prog.py").noJavaTrace();
        assertEquals(0, r.status());
        assertEquals(expected.stdout(), r.stdout(), "stdout is the program's output alone");
        assertTrue(r.stderr().startsWith(";; IR after flatten (Flat)\n"), r.stderr());
        Launcher.Result stop = Launcher.run(dir, "", "--stop-after=flatten", "prog.py").noJavaTrace();
        assertEquals(0, stop.status());
        assertTrue(stop.stdout().startsWith("(Module"), stop.stdout());
        assertEquals("", stop.stderr());
    }

    @Test
    void aNonUtf8SourceGetsCPythonsSyntaxErrorWithFileAndLine() throws IOException {
        Files.write(dir.resolve("latin.py"), "x = 1\nprint(\"caf\u00e9\")\n".getBytes(StandardCharsets.ISO_8859_1));
        CPython.Output expected = CPython.run(dir, "", "latin.py");
        Launcher.Result r = Launcher.run(dir, "", "latin.py").noJavaTrace();
        assertEquals(1, r.status());
        // CPython names the file by its absolute path in this message; nanopy as the user named it
        assertEquals("latin.py:2:1: error: " + expected.lastErrLine().replace(dir + "/", ""), r.stderr().strip());
    }

    @Test
    void aBrokenPluginJarIsOneLineNamingTheJarAndTheClass() throws IOException {
        program();
        Path jar = dir.resolve("student.jar");
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("META-INF/services/nanopy.pass.Pass"));
            j.write("# my passes\nstudent.MyUniquify\n".getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        Launcher.Result r = Launcher.run(dir, "", "--plugin=student.jar", "prog.py").noJavaTrace();
        assertEquals(new Launcher.Result(2, "", "error: student.jar: class student.MyUniquify (listed in META-INF/services/nanopy.pass.Pass)"
                + " is not in the jar or on nanopy's class path\n"), r);
        Files.writeString(dir.resolve("notajar.jar"), "hello");
        Launcher.Result notJar = Launcher.run(dir, "", "--plugin=notajar.jar", "prog.py").noJavaTrace();
        assertEquals(2, notJar.status());
        assertTrue(notJar.stderr().startsWith("error: notajar.jar: not a readable jar (") && notJar.stderr().lines().count() == 1, notJar.stderr());
    }

    @Test
    void goldenReportTakesTargetThenFoldersAndShowsProgressOnATerminal() throws IOException {
        Path suite = dir.resolve("suite");
        Files.createDirectories(suite);
        Files.writeString(suite.resolve("squares.py"), PROGRAM);
        Files.writeString(suite.resolve("squares.golden"), CPython.run(suite, "", "squares.py").stdout());
        Launcher.Running r = Launcher.inTerminal(dir, Launcher.nanopy("golden", "report", "--target", "interp", "suite"));
        Launcher.Result done = r.waitFor();
        assertEquals(0, done.status(), done.stdout());
        assertTrue(done.stdout().contains("golden report: 0/1 checked, 0 failed"), done.stdout());
        assertTrue(done.stdout().contains("golden report: 1/1 checked, 0 failed"), done.stdout());
        assertTrue(done.stdout().contains("squares"), done.stdout());
    }
}
