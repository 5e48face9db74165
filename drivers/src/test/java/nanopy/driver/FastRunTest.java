package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which command lines skip picocli, and that they behave exactly as through picocli. */
class FastRunTest {
    @Test
    void simpleRunLinesAreParsedAndOthersAreLeftToPicocli() {
        var p = FastRun.parse(new String[] {"run", "--target=example", "--report-run-time", "x.arith"}).orElseThrow();
        assertEquals("example", p.options().target);
        assertTrue(p.options().reportRunTime);
        assertEquals(Path.of("x.arith"), p.file());
        assertEquals("1 + 2", FastRun.parse(new String[] {"run", "-c", "1 + 2"}).orElseThrow().options().code);
        for (String[] other : new String[][] {
                {"run", "--dump-after=x", "f.py"}, {"run", "a.py", "b.py"}, {"run", "-c", "x", "f.py"}, {"build", "f.py"},
                {"run"}, {"run", "--target", "regvm", "f.py"}, {"run", "--help"}}) {
            assertTrue(FastRun.parse(other).isEmpty(), String.join(" ", other));
        }
    }

    private static String[] both(String... args) {
        String[] outs = new String[2];
        for (int k = 0; k < 2; k++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            Cli cli = new Cli(o, e, new BufferedReader(new StringReader("")));
            int status = k == 0 ? Main.run(args, o, e, new BufferedReader(new StringReader(""))) : cli.commandLine().execute(args);
            outs[k] = status + "|" + out.toString(StandardCharsets.UTF_8) + "|" + err.toString(StandardCharsets.UTF_8);
        }
        return outs;
    }

    @Test
    void theFastPathAndPicocliAgree() {
        for (String[] args : new String[][] {
                {"run", "--target=example", "-c", "let x = 2 in x * 21"},
                {"run", "--target=example", "-c", "let x = in"},
                {"run", "--target=nope", "-c", "1"},
                {"run", "no-such-file.arith"}}) {
            String[] r = both(args);
            assertEquals(r[1], r[0], String.join(" ", args));
        }
    }
}
