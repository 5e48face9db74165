package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nanopy.driver.CliTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mips target through the CLI (docs/mips.md): {@code build -o prog.s} writes assembly that
 * {@code spim -file} runs by itself, {@code run} passes stdin and stdout through spim and reports a
 * run-time error as CPython's last line with exit status 1; 64-bit ints in register pairs agree with
 * CPython at the 32- and 64-bit edges (and stop with OverflowError past 64 bits); floats are
 * rejected with a position; the selection uses the MIPS rules (immediate adds, fused
 * compare-and-branches, the multiply's call).
 */
class MipsTargetTest {
    private static final Path SPIM = Path.of("/usr/bin/spim");

    @TempDir
    Path dir;

    @BeforeAll
    static void spimIsInstalled() {
        if (!Files.isExecutable(SPIM)) {
            assertTrue(!"true".equals(System.getenv("CI")), "spim is missing (.ci/packages installs it)");
            assumeTrue(false, "spim is not installed: skipped the mips target's tests");
        }
    }

    private Path write(String name, String source) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, source);
        return p;
    }

    @Test
    void buildWritesAssemblyThatSpimRunsAndRunRunsWithCPythonsOutputAndStatus() throws Exception {
        String source = """
                def f(n: int) -> int:
                    return n * 2 - 7

                name = input()
                x = input_int()
                print(f(x), x < 3, 'hi ' + name, [x, -x], (name,))
                print(x // (x - 21))
                """;
        Path prog = write("prog.py", source);
        Path asm = dir.resolve("prog.s");
        Run build = CliTest.nanopy("build", "--target=mips", prog.toString(), "-o", asm.toString());
        assertEquals(0, build.status(), build.err());
        CPython.Output want = CPython.run(dir, "ann\n21\n", "-c", "def input_int() -> int: return int(input())\nexec(open('prog.py').read())");

        Process spim = new ProcessBuilder("spim", "-file", asm.toString()).start();
        spim.getOutputStream().write("ann\n21\n".getBytes(StandardCharsets.UTF_8));
        spim.getOutputStream().close();
        String out = new String(spim.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(spim.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(spim.waitFor(60, TimeUnit.SECONDS));
        assertEquals(want.stdout(), out.substring(out.indexOf('\n', out.indexOf("Loaded: ")) + 1), "spim -file prog.s prints the program's output after its banner");
        assertEquals(want.lastErrLine(), err.strip());
        assertEquals(1, spim.exitValue());

        Run run = CliTest.nanopyWithInput("ann\n21\n", "run", asm.toString());
        assertEquals(new Run(1, want.stdout(), want.lastErrLine()), new Run(run.status(), run.out(), run.err().lines().toList().getLast()));
        Run direct = CliTest.nanopyWithInput("ann\n21\n", "run", "--target=mips", prog.toString());
        assertEquals(run, direct);
    }

    @Test
    void floatsAreRejectedWithTheirPosition() throws Exception {
        Path prog = write("f.py", "x = 1\ny = x / 2\nprint(y)\n");
        Run r = CliTest.nanopy("run", "--target=mips", prog.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(prog + ":2:5: error: float is not supported on the mips target"), r.err());
    }

    /** The edge values of 32- and 64-bit arithmetic, each operation on each pair, against CPython. */
    @Test
    void pairArithmeticAgreesWithCPythonAtTheEdges() throws Exception {
        long[] vs = {0, 1, -1, 3, -7, 0x7fffffffL, 0x80000000L, -0x80000000L, -0x80000001L, 0xffffffffL, 0x100000000L, -0x100000000L,
            12345678901L, -98765432109L, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE};
        StringBuilder literals = new StringBuilder();
        for (long v : vs) {
            literals.append(literals.isEmpty() ? "" : ", ").append(v == Long.MIN_VALUE ? "-9223372036854775807 - 1" : String.valueOf(v));
        }
        String source = "vs = [" + literals + "]\n" + """
                n = input_int()
                i = 0
                while i < n:
                    parts = input().split()
                    op = int(parts[0])
                    a = vs[int(parts[1])]
                    b = vs[int(parts[2])]
                    if op == 0:
                        print(a + b, a - b)
                    elif op == 1:
                        print(a * b)
                    elif op == 2:
                        print(a // b, a % b)
                    elif op == 3:
                        print(a < b, a <= b, a == b, a != b, a > b, a >= b, max(a, b), min(a, b))
                    else:
                        print(-a, abs(a), a ** 1, str(a) == str(b))
                    i = i + 1
                """;
        // which operations stay inside 64 bits decides only what is asked; the answers are CPython's
        List<String> lines = new ArrayList<>();
        for (int op = 0; op < 5; op++) {
            for (int i = 0; i < vs.length; i++) {
                for (int j = 0; j < vs.length; j++) {
                    long a = vs[i];
                    long b = vs[j];
                    boolean fits = switch (op) {
                        case 0 -> fits(() -> Math.addExact(a, b)) && fits(() -> Math.subtractExact(a, b));
                        case 1 -> fits(() -> Math.multiplyExact(a, b));
                        case 2 -> b != 0 && !(a == Long.MIN_VALUE && b == -1);
                        case 3 -> true;
                        default -> a != Long.MIN_VALUE && j == 0;
                    };
                    if (fits) {
                        lines.add(op + " " + i + " " + j);
                    }
                }
            }
        }
        String stdin = lines.size() + "\n" + String.join("\n", lines) + "\n";
        Path prog = write("pairs.py", source);
        CPython.Output want = CPython.run(dir, stdin, "-c", "def input_int() -> int: return int(input())\nexec(open('pairs.py').read())");
        assertEquals(0, want.status(), want.stderr());
        Run got = CliTest.nanopyWithInput(stdin, "run", "--target=mips", prog.toString());
        assertEquals(new Run(0, want.stdout(), ""), got);
    }

    private static boolean fits(java.util.function.LongSupplier op) {
        try {
            op.getAsLong();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    /** Past 64 bits NanoPy stops where CPython would go on with a big int. */
    @Test
    void pairArithmeticPastSixtyFourBitsIsAnOverflowError() throws Exception {
        List<String> cases = List.of("a + a", "-a - 2", "a * 2", "b * -b", "-(-a - 1)", "(-a - 1) // -1", "abs(-a - 1)", "a ** 2", "3 ** (a // a * 40)");
        for (String c : cases) {
            Path prog = write("o.py", "a = input_int()\nb = a // 3037000499 + 3037000499\nprint(a)\nprint(" + c + ")\n");
            Run r = CliTest.nanopyWithInput(Long.MAX_VALUE + "\n", "run", "--target=mips", prog.toString());
            assertEquals(new Run(1, Long.MAX_VALUE + "\n", "OverflowError: integer overflow"),
                    new Run(r.status(), r.out(), r.err().lines().toList().getLast()), c);
        }
    }

    @Test
    void deepRecursionIsARecursionError() throws Exception {
        Path prog = write("deep.py", "def down(n: int) -> int:\n    if n == 0:\n        return 0\n    return 1 + down(n - 1)\n\nprint(down(1000))\nprint(down(10000000))\n");
        Run r = CliTest.nanopy("run", "--target=mips", prog.toString());
        assertEquals(new Run(1, "1000\n", "RecursionError: maximum recursion depth exceeded"), new Run(r.status(), r.out(), r.err().lines().toList().getLast()));
    }

    @Test
    void selectionUsesTheMipsRules() throws Exception {
        Path prog = write("sel.py", "def f(n: int, m: int) -> int:\n    k = 0\n    while k < n:\n        k = k + 1\n    return k * m\n\nprint(f(5, 3))\n");
        Run r = CliTest.nanopy("run", "--target=mips", "--dump-after=select-instructions", prog.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("MipsOp.Addiu64") || r.out().contains("MipsOp.Addiu64"), "k + 1 is an immediate add:\n" + r.err() + r.out());
        String dump = r.err() + r.out();
        assertTrue(dump.contains("MipsOp.Blt64") || dump.contains("MipsOp.Bge64"), "the loop test is a fused compare-and-branch:\n" + dump);
        assertTrue(dump.contains("MipsOp.Mul64"), dump);
        assertTrue(dump.contains("(Reg MipsClass.Pair 1)"), "the first argument goes in $a0:$a1:\n" + dump);
        for (String pass : List.of("lower-to-lir", "check-mips-support", "uncover-live", "build-interference", "allocate-registers",
                "patch-instructions", "prelude-and-conclusion", "emit-mips")) {
            Run d = CliTest.nanopy("run", "--target=mips", "--dump-after=" + pass, prog.toString());
            assertEquals(0, d.status(), pass + ": " + d.err());
        }
        Run asm = CliTest.nanopy("run", "--target=mips", "--dump-after=emit-mips", prog.toString());
        String text = asm.err() + asm.out();
        assertTrue(text.contains("jal nanopy_mips_mul64") && text.contains("F_f:") && !text.contains("nanopy_rt_to_str_int:"), "the dump is the program without the run-time library:\n" + text);
    }
}
