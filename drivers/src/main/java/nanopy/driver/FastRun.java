package nanopy.driver;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The common command lines {@code nanopy run [--target=T] FILE} and {@code nanopy run [--target=T]
 * -c CODE} without building picocli's command model, which costs 0.2-0.7 s of start-up on the
 * shared machines (measured; the JVM itself starts in 0.05 s). The options are the same
 * {@link Cli.PipelineOptions} and the run is the same {@code Cli} code path, so output, messages
 * and exit statuses are identical; any other command line returns empty and goes to picocli.
 */
final class FastRun {
    private FastRun() {}

    /** The options of a simple {@code run} command line, or empty when picocli must parse it. */
    static Optional<Parsed> parse(String[] args) {
        if (args.length < 2 || !args[0].equals("run")) {
            return Optional.empty();
        }
        Cli.PipelineOptions o = new Cli.PipelineOptions();
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--target=") && a.length() > "--target=".length() && o.target == null) {
                o.target = a.substring("--target=".length());
            } else if (a.equals("--report-run-time")) {
                o.reportRunTime = true;
            } else if (a.equals("-c") && i + 1 < args.length && o.code == null) {
                o.code = args[++i];
            } else if (!a.startsWith("-") && !a.isEmpty() && file == null) {
                file = Path.of(a);
            } else {
                return Optional.empty();
            }
        }
        if ((file == null) == (o.code == null)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(o, file));
    }

    /** Parsed options and the file (null with {@code -c}). */
    record Parsed(Cli.PipelineOptions options, Path file) {}

    /** Runs {@code args} when they are a simple run command line; the exit status, or empty. */
    static OptionalInt run(String[] args, Cli cli) {
        Optional<Parsed> p;
        try {
            p = parse(args);
        } catch (java.nio.file.InvalidPathException e) {
            return OptionalInt.empty();
        }
        if (p.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(cli.runCommand(p.get().options(), p.get().file()));
    }
}
