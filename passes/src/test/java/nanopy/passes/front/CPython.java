package nanopy.passes.front;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The oracle for front-end tests: runs a program on {@code /usr/bin/python3.11} as the corpus
 * goldens were made (recursion limit raised; {@code input_int} defined), so expected outputs are
 * CPython's and never written by hand. Tests that need it are skipped where it is absent.
 */
final class CPython {
    static final Path PYTHON = Path.of("/usr/bin/python3.11");
    private static final String RUNNER = """
            import sys
            sys.setrecursionlimit(1_000_000)
            path = sys.argv[1]
            env = {'__name__': '__main__', 'input_int': lambda: int(input())}
            exec(compile(open(path).read(), path, 'exec'), env)
            """;

    private CPython() {}

    /** What CPython printed: stdout, the last line of stderr ("" when none), the exit status. */
    record Result(String stdout, String lastErrLine, int status) {}

    /** Runs {@code source} with {@code stdin}. */
    static Result run(String source, String stdin) {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        try {
            Path dir = Files.createTempDirectory("cpython");
            Path prog = Files.writeString(dir.resolve("prog.py"), source);
            Path in = Files.writeString(dir.resolve("stdin.txt"), stdin);
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(PYTHON.toString(), "-B", "-c", RUNNER, prog.toString())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("python3.11 did not finish");
            }
            List<String> errLines = Files.readAllLines(err, StandardCharsets.UTF_8);
            Result r = new Result(Files.readString(out, StandardCharsets.UTF_8),
                    errLines.isEmpty() ? "" : errLines.get(errLines.size() - 1), p.exitValue());
            for (Path f : List.of(prog, in, out, err, dir)) {
                Files.delete(f);
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
