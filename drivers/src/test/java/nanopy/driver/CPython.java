package nanopy.driver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The oracle: runs {@code /usr/bin/python3.11} (tests that need it are skipped where it is absent)
 * and returns what it printed, so expected outputs are CPython's, never written by hand.
 */
final class CPython {
    static final Path PYTHON = Path.of("/usr/bin/python3.11");

    private CPython() {}

    /** What a CPython run printed and how it ended. */
    record Output(int status, String stdout, String stderr) {
        /** The last line of stderr (CPython's {@code Class: message} after a traceback). */
        String lastErrLine() {
            List<String> lines = stderr.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /** Runs {@code python3.11 -B args...} in {@code dir} with {@code stdin}. */
    static Output run(Path dir, String stdin, String... args) {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-B"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("python3.11 did not finish: " + cmd);
            }
            return new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
