package nanopy.driver.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a program must do is read from the files next to it. */
class GoldenProgramTest {
    @TempDir
    Path dir;

    private Expectation expectationOf(String name, String text, String... siblings) throws Exception {
        Files.createDirectories(dir.resolve("suite/sub"));
        Path f = dir.resolve("suite/sub/" + name + ".py");
        Files.writeString(f, text);
        for (int i = 0; i < siblings.length; i += 2) {
            Files.writeString(dir.resolve("suite/sub/" + name + siblings[i]), siblings[i + 1]);
        }
        return GoldenProgram.read("suite", "sub/" + name, f).expected();
    }

    @Test
    void goldenAloneMeansItRuns() throws Exception {
        assertEquals(new Expectation.Runs("1\n"), expectationOf("a", "print(1)\n", ".golden", "1\n"));
    }

    @Test
    void goldenAndErrMeanItFailsWithThatLine() throws Exception {
        assertEquals(new Expectation.FailsAtRunTime("", "ZeroDivisionError: division by zero"),
                expectationOf("a", "print(1 // 0)\n", ".golden", "", ".err", "ZeroDivisionError: division by zero\n"));
    }

    @Test
    void anErrorHeaderMeansItIsRejectedOnTheNamedLine() throws Exception {
        assertEquals(new Expectation.Rejected(Optional.of(3), "break outside a loop"),
                expectationOf("a", "# error: break outside a loop\n# line: 3\nbreak\n"));
    }

    @Test
    void noGoldenMeansItIsRejectedSomewhere() throws Exception {
        assertEquals(new Expectation.Rejected(Optional.empty(), ""), expectationOf("a", "x = True and 1\n"));
    }

    @Test
    void suitesFindProgramsAtAnyDepthByExtensionWithStdin() throws Exception {
        expectationOf("b", "print(input())\n", ".golden", "hi\n", ".in", "hi\n");
        Files.writeString(dir.resolve("suite/notes.md"), "not a program");
        List<GoldenProgram> ps = Suites.programs(dir.resolve("suite"), n -> n.endsWith(".py"));
        assertEquals(List.of("suite/sub/b"), ps.stream().map(GoldenProgram::id).toList());
        assertEquals("hi\n", ps.get(0).stdin());
        assertEquals("suite/sub/b.py", ps.get(0).displayName());
    }
}
