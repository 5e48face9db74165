package nanopy.driver.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * CPython as the oracle, many programs per process ({@code oracle.py}, shipped with nanopy): each
 * program runs in a fresh namespace with NanoPy's 64-bit int semantics (an int result outside the
 * range raises {@code OverflowError: integer overflow}), so a batch of programs costs one interpreter
 * start. A program that exceeds the time limit is reported as {@link Outcome.Kind#TIMEOUT} and the
 * rest of its batch continues in a new process.
 */
public final class Oracle {
    private static final String SCRIPT = "nanopy/driver/fuzz/oracle.py";

    private final String python;
    private final double timeoutSeconds;
    private final Path script;

    /**
     * @param python the interpreter ({@link #defaultPython()})
     * @param timeoutSeconds the longest one program may run
     */
    public Oracle(String python, double timeoutSeconds) {
        this.python = python;
        this.timeoutSeconds = timeoutSeconds;
        try (InputStream in = Oracle.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("nanopy's jar lacks " + SCRIPT);
            }
            script = Files.createTempFile("nanopy-oracle", ".py");
            script.toFile().deleteOnExit();
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /usr/bin/python3.11} when present (the project's oracle), else {@code python3}. */
    public static String defaultPython() {
        return Files.isExecutable(Path.of("/usr/bin/python3.11")) ? "/usr/bin/python3.11" : "python3";
    }

    /** A program and what it reads on stdin. */
    public record Program(String source, String stdin) {}

    /**
     * Runs every program and returns their outcomes in order.
     *
     * @throws UncheckedIOException when the interpreter cannot be started
     */
    public List<Outcome> run(List<Program> programs) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("nanopy-fuzz");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < programs.size(); i++) {
                String name = String.format("p%05d", i);
                names.add(name);
                Files.writeString(dir.resolve(name + ".py"), programs.get(i).source(), StandardCharsets.UTF_8);
                if (!programs.get(i).stdin().isEmpty()) {
                    Files.writeString(dir.resolve(name + ".in"), programs.get(i).stdin(), StandardCharsets.UTF_8);
                }
            }
            List<Outcome> out = new ArrayList<>();
            while (out.size() < names.size()) {
                List<String> rest = names.subList(out.size(), names.size());
                runBatch(dir, rest);
                for (String name : rest) {
                    Optional<Outcome> o = read(dir, name);
                    if (o.isEmpty()) {
                        break;
                    }
                    out.add(o.get());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + python + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private void runBatch(Path dir, List<String> names) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), String.valueOf(timeoutSeconds), dir.toString()));
        cmd.addAll(names);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("oracle.log").toFile()).start();
        try {
            if (!p.waitFor((long) (timeoutSeconds * 4 + 30 + names.size() * 2L), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the oracle did not finish");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (read(dir, names.get(0)).isEmpty()) {
            throw new IOException("the oracle failed: " + Files.readString(dir.resolve("oracle.log")).strip());
        }
    }

    private static Optional<Outcome> read(Path dir, String name) throws IOException {
        Path res = dir.resolve(name + ".res");
        if (!Files.exists(res)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(res, StandardCharsets.UTF_8);
        String status = lines.isEmpty() ? "" : lines.get(0);
        String error = lines.size() > 1 ? lines.get(1) : "";
        if (status.equals("timeout")) {
            return Optional.of(new Outcome(Outcome.Kind.TIMEOUT, "", ""));
        }
        String stdout = Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
        Outcome.Kind kind = status.equals("0") ? Outcome.Kind.OK : Outcome.Kind.RUNTIME_ERROR;
        return Optional.of(new Outcome(kind, stdout, error));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
