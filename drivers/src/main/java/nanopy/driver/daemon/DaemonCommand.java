package nanopy.driver.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nanopy daemon start | stop | status | run [--time-limit SECONDS] [--memory-limit MIB]
 * [--dir DIR]}: start one in the background (it outlives the shell, in its own session), stop it
 * (after the requests in flight end), tell whether it runs, or run it in the foreground.
 */
public final class DaemonCommand {
    private DaemonCommand() {}

    /** Runs the command; returns the exit status (status: 3 when no daemon runs, as LSB's). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(args.length == 0 ? err : out);
            return args.length == 0 ? 2 : 0;
        }
        Path dirOption = null;
        Duration time = null;
        Long memory = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            try {
                switch (a) {
                    case "--dir" -> dirOption = Path.of(need(a, v)).toAbsolutePath();
                    case "--time-limit" -> time = Duration.ofMillis((long) (Double.parseDouble(need(a, v)) * 1000));
                    case "--memory-limit" -> memory = Long.parseLong(need(a, v)) << 20;
                    default -> {
                        err.println("error: unknown option '" + a + "' of nanopy daemon " + args[0]);
                        usage(err);
                        return 2;
                    }
                }
            } catch (NumberFormatException e) {
                err.println("error: " + a + " needs a number, not '" + v + "'");
                return 2;
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            i++;
        }
        try {
            SocketDir dir = dirOption != null ? new SocketDir(dirOption) : SocketDir.forUser(System.getenv());
            Daemon.Limits d = Daemon.Limits.defaults();
            Daemon.Limits limits = new Daemon.Limits(time != null ? time : d.timeLimit(), memory != null ? memory : d.memoryLimitBytes());
            return switch (args[0]) {
                case "run" -> runHere(dir, limits, out, err);
                case "start" -> start(dir, args, out, err);
                case "stop" -> stop(dir, out);
                case "status" -> status(dir, out);
                default -> {
                    err.println("error: unknown daemon command '" + args[0] + "' (start, stop, status, run)");
                    yield 2;
                }
            };
        } catch (IOException e) {
            err.println("error: nanopy daemon " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    private static String need(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static void usage(PrintStream s) {
        s.println("usage: nanopy daemon start | stop | status | run [--time-limit SECONDS] [--memory-limit MIB]");
        s.println("  start   start the daemon in the background; nanopy run, nanopy FILE and nanopy -c then go through it");
        s.println("          (nanopy --no-daemon ... does not)");
        s.println("  stop    stop it once the requests in flight have ended");
        s.println("  status  whether it runs (exit 3 if not), its requests and compile cache");
        s.println("  run     run it in the foreground");
        s.println("  --time-limit SECONDS   longest a request may run (default 600; then exit status 124)");
        s.println("  --memory-limit MIB     live heap above which the request that allocated most stops with MemoryError");
        s.println("                         (default: 3/4 of the daemon's heap)");
    }

    private static int runHere(SocketDir dir, Daemon.Limits limits, PrintStream out, PrintStream err) throws IOException {
        Daemon d = new Daemon(dir, limits, err);
        d.bind();
        out.println("nanopy daemon: listening on " + dir.socket());
        out.flush();
        d.serve();
        return 0;
    }

    private static int start(SocketDir dir, String[] args, PrintStream out, PrintStream err) throws IOException {
        if (dir.answers()) {
            out.println("nanopy daemon: already running (" + dir.socket() + ")");
            return 0;
        }
        dir.prepare();
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");   // its own session: Ctrl-C and the terminal's hangup do not reach it
        }
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-Dnanopy.")) {
                cmd.add(a);
            }
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("nanopy.driver.Main");
        cmd.add("daemon");
        cmd.add("run");
        for (int i = 1; i < args.length; i++) {
            cmd.add(args[i]);
        }
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.log().toFile())).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (dir.answers()) {
                out.println("nanopy daemon: started (pid " + p.pid() + ", socket " + dir.socket() + ", log " + dir.log() + ")");
                return 0;
            }
            if (!p.isAlive() && !dir.answers()) {
                err.println("error: the daemon exited with status " + p.exitValue() + "; see " + dir.log());
                return 1;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 130;
            }
        }
        err.println("error: the daemon did not answer within 60 s; see " + dir.log());
        return 1;
    }

    private static int stop(SocketDir dir, PrintStream out) throws IOException {
        if (!dir.answers()) {
            out.println("nanopy daemon: not running");
            return 0;
        }
        try (Client c = new Client(dir.socket())) {
            c.send(Frames.STOP, new byte[0]);
            Client.Reply r = c.replies(new byte[0]);
            out.print(r.stdout());
            out.println("nanopy daemon: stopped");
            return r.status();
        }
    }

    private static int status(SocketDir dir, PrintStream out) throws IOException {
        if (!dir.answers()) {
            out.println("nanopy daemon: not running (" + dir.socket() + ")");
            return 3;
        }
        try (Client c = new Client(dir.socket())) {
            c.send(Frames.STATUS, new byte[0]);
            Client.Reply r = c.replies(new byte[0]);
            out.print(r.stdout());
            return r.status();
        }
    }
}
