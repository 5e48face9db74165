package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nanopy check --bisect}: no culprit on the built-in pipeline, the swapped-in broken pass named otherwise. */
class BisectTest {
    static final String PROGRAM = """
            def smaller(a: int, b: int) -> int:
                return a if a < b else b

            n = input_int()
            print(smaller(n, 10), smaller(20, n))
            """;

    @TempDir
    Path dir;

    Path prog;

    @BeforeEach
    void writeProgram() throws IOException {
        prog = Files.writeString(dir.resolve("prog.py"), PROGRAM);
    }

    @Test
    void findsNoCulpritWhenEveryPassKeepsTheOutput() {
        CliTest.Run r = CliTest.nanopyWithInput("15\n", "check", "--bisect", "--target=middle-interp", prog.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("  check-types                PyTyped        reference run\n"), r.out());
        assertTrue(r.out().contains("  explicate-control          Blocks         same output\n"), r.out());
        assertTrue(r.out().endsWith("no pass changes the program's output\n"), r.out());
    }

    @Test
    void namesTheBrokenPassSwappedIntoThePipeline() throws IOException {
        Path config = Files.writeString(dir.resolve("broken.toml"), """
                base = "builtin"
                [swap]
                fold-py-constants = "flip-comparisons"
                """);
        CliTest.Run r = CliTest.nanopyWithInput("15\n", "check", "--bisect", "--pipeline", config.toString(), "--target=middle-interp", prog.toString());
        assertEquals(70, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("  inline                     NoLambda       same output\n"), r.out());
        assertTrue(r.out().contains("  flip-comparisons           NoLambda       CHANGED: stdout line 1 is '15 20' but was '10 15'\n"), r.out());
        assertTrue(r.out().endsWith("first pass that changes the program's output: flip-comparisons\n"), r.out());
        assertTrue(!r.out().contains("convert-closures"), "the search stops at the first change");
    }

    @Test
    void goesOnlyWithCheck() {
        CliTest.Run r = CliTest.nanopyWithInput("", "run", "--bisect", prog.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("error: --bisect goes with the check command"), r.err());
    }
}
