package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tools/bench}: what it says without its benchmarks, and its progress on a terminal. */
class BenchToolTest {
    static final Path BENCH = Launcher.ROOT.resolve("tools/bench");

    @TempDir
    Path dir;

    @Test
    void withoutTheSharedBenchmarksItSaysWhatIsMissing() throws IOException {
        Launcher.Result r = new Launcher.Running(Launcher.builder(dir, List.of(BENCH.toString(), "--dir", dir.resolve("nothing").toString())).start())
                .waitFor();
        assertEquals(1, r.status());
        assertEquals("tools/bench: no benchmark folder " + dir.resolve("nothing") + ": the benchmarks (name.py, name.golden, optional name.in) live"
                + " in ../shared/bench next to the repository; give another folder with --dir DIR\n", r.stderr());
        assertTrue(!r.stderr().contains("Traceback"), r.stderr());
    }

    @Test
    void onATerminalItShowsProgress() throws IOException {
        Path benches = dir.resolve("benches");
        Files.createDirectories(benches);
        Files.writeString(benches.resolve("tiny.py"), "print(sum([i * i for i in range(100)]))\n");
        Files.writeString(benches.resolve("tiny.golden"), CPython.run(benches, "", "tiny.py").stdout());
        Launcher.Result r = Launcher.inTerminal(dir, List.of(BENCH.toString(), "--runs", "1", "--targets", "interp", "--dir", benches.toString()))
                .waitFor();
        assertEquals(0, r.status(), r.stdout());
        assertTrue(r.stdout().contains("bench: 0/1 rounds (tiny, run 1/1)"), r.stdout());
        assertTrue(r.stdout().contains("| tiny |"), r.stdout());
    }
}
