package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real launcher ({@code ./nanopy} at the repository root) as a subprocess, on the classes
 * under test ({@code NANOPY_CLASSPATH}: the launcher then skips its build), in a pipe or in a
 * pseudo-terminal ({@code script} from util-linux), and lets a test watch its output as it arrives,
 * type into it and send it signals.
 */
final class Launcher {
    /** The repository root (tests run in the drivers module's folder). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path NANOPY = ROOT.resolve("nanopy");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Launcher() {}

    /** The environment a launcher run gets: the test's class path instead of a build. */
    static ProcessBuilder builder(Path dir, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("NANOPY_CLASSPATH", System.getProperty("java.class.path"));
        return pb;
    }

    /** {@code ./nanopy args...}, via {@code env --default-signal=INT} so SIGINT is not inherited as ignored. */
    static List<String> nanopy(String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT", NANOPY.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A finished run. */
    record Result(int status, String stdout, String stderr) {
        String lastErrLine() {
            List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }

        /** Fails unless stderr is free of Java stack traces. */
        Result noJavaTrace() {
            assertTrue(!stderr.contains("\tat ") && !stderr.contains("Exception in thread"), "a Java stack trace:\n" + stderr);
            return this;
        }
    }

    /** Runs {@code ./nanopy args...} in {@code dir} with {@code stdin} and waits for it. */
    static Result run(Path dir, String stdin, String... args) {
        try {
            Process p = builder(dir, nanopy(args)).start();
            Running r = new Running(p);
            r.type(stdin);
            p.getOutputStream().close();
            return r.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A process whose stdout and stderr are collected as they arrive. */
    static final class Running {
        final Process process;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread outPump;
        private final Thread errPump;

        Running(Process p) {
            this.process = p;
            this.outPump = pump(p.getInputStream(), out);
            this.errPump = pump(p.getErrorStream(), err);
        }

        private static Thread pump(InputStream in, ByteArrayOutputStream to) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    for (int n; (n = in.read(buf)) > 0;) {
                        synchronized (to) {
                            to.write(buf, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        String stdout() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }

        String stderr() {
            synchronized (err) {
                return err.toString(StandardCharsets.UTF_8);
            }
        }

        /** Writes {@code text} to the process's stdin (a terminal's keyboard under {@link #inTerminal}). */
        void type(String text) {
            try {
                OutputStream o = process.getOutputStream();
                o.write(text.getBytes(StandardCharsets.UTF_8));
                o.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits until stdout contains {@code text} (fails after {@link #PATIENCE}). */
        void awaitStdout(String text) {
            long end = System.nanoTime() + PATIENCE.toNanos();
            while (!stdout().contains(text)) {
                if (System.nanoTime() > end) {
                    process.destroyForcibly();
                    fail("no '" + text + "' on stdout after " + PATIENCE + "; got:\n" + stdout() + "\nstderr:\n" + stderr());
                }
                if (!process.isAlive() && !stdout().contains(text)) {
                    join();
                    if (!stdout().contains(text)) {
                        fail("ended (status " + process.exitValue() + ") without printing '" + text + "'; got:\n" + stdout() + "\nstderr:\n"
                                + stderr());
                    }
                }
                sleep(20);
            }
        }

        /** Sends {@code signal} (e.g. {@code TERM}) to the process (the launcher execs java: same pid). */
        void signal(String signal) {
            try {
                Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
                assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " failed");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void join() {
            try {
                outPump.join(PATIENCE.toMillis());
                errPump.join(PATIENCE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Result waitFor() {
            try {
                if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("did not finish in " + PATIENCE + "; stdout so far:\n" + stdout());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            join();
            return new Result(process.exitValue(), stdout(), stderr());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts {@code command} in a pseudo-terminal ({@code script -qefc}): its stdin, stdout and stderr
     * are the terminal; what it prints (both streams, with the terminal's echo of what is typed) is
     * {@link Running#stdout()}, and {@code "\u0003"} typed is a real Ctrl-C. The exit status is the
     * command's. Fails (CI) or skips (elsewhere) when {@code script} is missing.
     */
    static Running inTerminal(Path dir, List<String> command) {
        Path script = Path.of("/usr/bin/script");
        if (!Files.isExecutable(script)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI: no /usr/bin/script (util-linux) for the pseudo-terminal tests");
            }
            assumeTrue(false, "no /usr/bin/script (util-linux): pseudo-terminal tests skipped");
        }
        StringBuilder line = new StringBuilder();
        for (String w : command) {
            line.append(line.isEmpty() ? "" : " ").append("'").append(w.replace("'", "'\\''")).append("'");
        }
        try {
            return new Running(builder(dir, List.of(script.toString(), "-qefc", line.toString(), "/dev/null")).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
