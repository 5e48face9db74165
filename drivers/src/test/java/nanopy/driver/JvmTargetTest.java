package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nanopy.driver.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jvm target through the CLI: a jar built with {@code nanopy build --target=jvm -o app.jar}
 * runs with {@code java -jar} (a fresh JVM with nothing but the jar) and prints what CPython
 * prints; errors end as CPython's; calls nest 100,000 deep; the listing shows direct calls and
 * overflow-checked arithmetic.
 */
class JvmTargetTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            from typing import Callable

            def fib(n: int) -> int:
                if n < 2:
                    return n
                return fib(n - 1) + fib(n - 2)

            def adder(k: int) -> Callable[[int], int]:
                def add(x: int) -> int:
                    return x + k
                return add

            xs: list[float] = [1.5, 2.0 / 3.0, 1e16]
            s = ""
            for i in range(5):
                s = s + str(i) + ","
            print(fib(20), adder(3)(4), xs, s[1:], len(s), s[-2], 7 // -2, -7 % 3, 2 ** 10)
            print("emoji: \\U0001F600!"[7], int(input()) * 2)
            print(xs[5])
            """;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** {@code java -jar jar} with {@code stdin}: exit status, stdout, stderr. */
    private static CPython.Output javaJar(Path jar, String stdin) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-jar", jar.toString())).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java -jar did not finish");
        return new CPython.Output(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void aBuiltJarRunsWithJavaJarAndPrintsWhatCPythonPrints() throws Exception {
        Path prog = write("prog.py", PROGRAM);
        CPython.Output expected = CPython.run(dir, "21\n", "prog.py");
        assertEquals(1, expected.status(), expected.stderr());
        Path jar = dir.resolve("app.jar");
        Run build = CliTest.nanopy("build", "--target=jvm", prog.toString(), "-o", jar.toString());
        assertEquals(new Run(0, "", ""), build);
        CPython.Output got = javaJar(jar, "21\n");
        assertEquals(expected.stdout(), got.stdout(), got.stderr());
        assertEquals(1, got.status(), got.stderr());
        assertEquals(expected.lastErrLine(), got.lastErrLine());
        Run inProcess = CliTest.nanopyWithInput("21\n", "run", "--target=jvm", prog.toString());
        assertEquals(expected.stdout(), inProcess.out(), inProcess.err());
        assertEquals(1, inProcess.status());
        assertEquals(expected.lastErrLine(), inProcess.err().lines().toList().getLast());
    }

    @Test
    void aHundredThousandNestedCallsWorkAndDeeperIsARecursionError() throws Exception {
        String deep = """
                def down(n: int) -> int:
                    if n == 0:
                        return 0
                    return 1 + down(n - 1)

                print(down(100000))
                print(down(%d))
                """;
        Path prog = write("deep.py", deep.formatted(100_000));
        Run ok = CliTest.nanopy("run", "--target=jvm", prog.toString());
        assertEquals(new Run(0, "100000\n100000\n", ""), ok);
        Path tooDeep = write("too_deep.py", deep.formatted(10_000_000));
        Run r = CliTest.nanopy("run", "--target=jvm", tooDeep.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals("100000\n", r.out());
        assertEquals("RecursionError: maximum recursion depth exceeded", r.err().lines().toList().getLast());
    }

    @Test
    void overflowAndDivisionByZeroAreCPythonsErrors() throws Exception {
        Run overflow = CliTest.nanopy("run", "--target=jvm", "-c", "x = 9223372036854775807\nprint(1)\nprint(x + 1)\n");
        assertEquals(new Run(1, "1\n", overflow.err()), overflow);
        assertEquals("OverflowError: integer overflow", overflow.err().lines().toList().getLast());
        Path prog = write("div.py", "a = 6\nprint(a)\nprint(a // (a - 6))\n");
        CPython.Output expected = CPython.run(dir, "", "div.py");
        Run div = CliTest.nanopy("run", "--target=jvm", prog.toString());
        assertEquals(expected.stdout(), div.out());
        assertEquals(expected.lastErrLine(), div.err().lines().toList().getLast());
    }

    @Test
    void theListingShowsDirectCallsAndCheckedArithmetic() throws Exception {
        Path prog = write("fib.py", "def fib(n: int) -> int:\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint(fib(10))\n");
        Run r = CliTest.nanopy("run", "--target=jvm", "--dump-after=emit-classfile", prog.toString());
        assertEquals(0, r.status(), r.err());
        // the dump goes to stderr while the program runs (as LLVM's -print-after); stdout is the program's alone
        assertTrue(r.err().contains("static fib(Ljava/lang/Object;J)J:"), r.err());
        assertTrue(r.err().contains("invokestatic npy/Program.fib:(Ljava/lang/Object;J)J"), r.err());
        assertTrue(r.err().contains("invokestatic java/lang/Math.addExact:(JJ)J"), r.err());
        assertEquals("55\n", r.out());
    }
}
