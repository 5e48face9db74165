package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Run-time errors show every NanoPy frame (file, line, function, source line) as CPython's
 * tracebacks do, through the real launcher and in a jar the jvm target built, against CPython 3.11's
 * own traceback (whose caret lines under the failing expression nanopy does not print).
 */
class TracebackTest {
    /** Recursive (so never inlined) and not tail calls (which the register VM runs in the caller's frame). */
    static final String PROGRAM = """
            def countdown(n: int) -> int:
                if n == 0:
                    return 10 // n
                return 1 + countdown(n - 1)


            def start(k: int) -> int:
                if k < 0:
                    return start(k + 1)
                total = countdown(k)
                return total


            print(start(0) if False else 5)
            print(start(2))
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"regvm", "interp", "middle-interp", "lir-interp", "stackvm", "jvm"})
    void everyFrameIsShownAsCPythonShowsIt(String target) throws IOException {
        Files.writeString(dir.resolve("prog.py"), PROGRAM);
        CPython.Output expected = CPython.run(dir, "", "prog.py");
        Launcher.Result r = Launcher.run(dir, "", "run", "--target=" + target, "prog.py").noJavaTrace();
        String withoutCarets = expected.stderr().lines().filter(l -> !l.strip().matches("[\\^~]+")).collect(Collectors.joining("\n", "", "\n"));
        assertEquals(expected.stdout(), r.stdout());
        assertEquals(withoutCarets, r.stderr());
        assertEquals(1, r.status());
    }

    /** A jar holds no source: its traceback is CPython's frames without the source lines. */
    @org.junit.jupiter.api.Test
    void aBuiltJarShowsEveryFrameWithoutSourceLines() throws Exception {
        Files.writeString(dir.resolve("prog.py"), PROGRAM);
        CPython.Output expected = CPython.run(dir, "", "prog.py");
        Launcher.Result built = Launcher.run(dir, "", "build", "--target=jvm", "prog.py", "-o", "app.jar").noJavaTrace();
        assertEquals(0, built.status(), built.stderr());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Launcher.Result r = new Launcher.Running(new ProcessBuilder(java.toString(), "-jar", "app.jar").directory(dir.toFile()).start())
                .waitFor().noJavaTrace();
        // the jar names the program by its file name (where it was built is no use where it runs)
        String framesOnly = expected.stderr().lines().filter(l -> !l.startsWith("    ")).map(l -> l.replace(dir + "/", ""))
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(expected.stdout(), r.stdout());
        assertEquals(framesOnly, r.stderr());
        assertEquals(1, r.status());
    }
}
