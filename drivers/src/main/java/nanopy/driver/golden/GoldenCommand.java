package nanopy.driver.golden;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nanopy.driver.ConfigError;
import nanopy.driver.Driver;
import nanopy.driver.PassRegistry;
import nanopy.driver.PipelineConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nanopy golden report [--pipeline P] [--target T] [--junit-xml FILE] [DIR...]}: checks golden
 * programs pass by pass ({@link GoldenHarness}) and prints the course report ({@link GoldenReport}).
 * Exit status: 0 every program passed, 1 some failed, 2 a usage or pipeline-config error.
 */
@Command(name = "golden", mixinStandardHelpOptions = true, description = "check golden programs pass by pass")
public final class GoldenCommand implements Callable<Integer> {
    private final PrintStream err;

    private GoldenCommand(PrintStream err) {
        this.err = err;
    }

    /**
     * The {@code golden} command with its subcommands, printing to {@code out} and {@code err}.
     *
     * @param out where the report goes
     * @param err where notices and errors go
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new GoldenCommand(err));
        cl.addSubcommand("report", new Report(out, err));
        return cl;
    }

    /** Without a subcommand: says which there are, exit status 2. */
    @Override
    public Integer call() {
        err.println("usage: nanopy golden report [--pipeline FILE] [--target T] [--junit-xml FILE] [DIR...]");
        err.println("try 'nanopy golden report --help'");
        return 2;
    }

    /** {@code nanopy golden report}. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Check every program on every target that compiles it, after every pass, and print a table "
                + "program x pass (ok, or the first failing pass) with totals 'programs k/n, passes k/m'.",
                "Without DIR: the suites golden/programs/* and ../shared/corpus/* under the current folder."})
    static final class Report implements Callable<Integer> {
        private final PrintStream out;
        private final PrintStream err;

        @Option(names = "--pipeline", paramLabel = "FILE", description = "use this pipeline config (e.g. a course's, with [swap])")
        Path pipelineFile;

        @Option(names = "--plugin", paramLabel = "JAR", description = "load passes from this jar (repeatable)")
        List<Path> plugins = new ArrayList<>();

        @Option(names = "--target", split = ",", paramLabel = "T", description = "only these targets (default: all)")
        List<String> targets = new ArrayList<>();

        @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write the verdicts as JUnit XML")
        Path junitXml;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "time limit per program and target (default: ${DEFAULT-VALUE})")
        long timeoutSeconds = 60;

        @Option(names = "--jobs", paramLabel = "N", description = "programs checked at once (default: the number of processors)")
        int jobs = Runtime.getRuntime().availableProcessors();

        @Parameters(arity = "0..*", paramLabel = "DIR", description = "suite folders (each folder's name is the suite's name)")
        List<Path> dirs = new ArrayList<>();

        Report(PrintStream out, PrintStream err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            Driver driver;
            try {
                driver = new Driver(pipelineFile == null ? PipelineConfig.builtin() : PipelineConfig.load(pipelineFile), registry());
            } catch (ConfigError | IllegalStateException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            Targets t = new Targets(driver);
            List<String> notices = new ArrayList<>(t.notices());
            for (String name : targets) {
                if (t.get(name).isEmpty()) {
                    err.println("error: unknown target '" + name + "'; targets: " + String.join(", ", t.all().keySet()));
                    return 2;
                }
            }
            List<Path> suites = dirs.isEmpty() ? Suites.discover(Path.of(""), notices) : dirs;
            for (Path d : suites) {
                if (!Files.isDirectory(d)) {
                    err.println("error: " + d + ": no such folder");
                    return 2;
                }
            }
            List<GoldenCases.Case> cases;
            try {
                cases = GoldenCases.collect(t, suites, new LinkedHashSet<>(targets), notices);
            } catch (UncheckedIOException e) {
                err.println("error: " + e.getMessage());
                return 2;
            }
            notices.forEach(n -> err.println("note: " + n));
            if (cases.isEmpty()) {
                err.println("error: no programs to check");
                return 2;
            }
            GoldenReport report = new GoldenReport(check(new GoldenHarness(driver, Duration.ofSeconds(timeoutSeconds)), cases));
            out.print(report.table());
            if (junitXml != null) {
                try {
                    JUnitXml.write(report, junitXml);
                } catch (UncheckedIOException e) {
                    err.println("error: " + e.getMessage());
                    return 2;
                }
            }
            return report.programsOk() == report.programs() ? 0 : 1;
        }

        private List<Verdict> check(GoldenHarness harness, List<GoldenCases.Case> cases) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
            try {
                List<Future<Verdict>> futures = new ArrayList<>();
                for (GoldenCases.Case c : cases) {
                    futures.add(pool.submit(() -> harness.check(c.program(), c.pipeline(), java.util.Set.of())));
                }
                List<Verdict> out = new ArrayList<>();
                for (Future<Verdict> f : futures) {
                    out.add(f.get());
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the golden harness crashed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        private PassRegistry registry() throws ConfigError {
            if (plugins.isEmpty()) {
                return PassRegistry.builtin();
            }
            List<URL> urls = new ArrayList<>();
            for (Path p : plugins) {
                if (!Files.isRegularFile(p)) {
                    throw new ConfigError(p + ": no such plugin jar");
                }
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new ConfigError(p + ": " + e.getMessage());
                }
            }
            return PassRegistry.load(new URLClassLoader(urls.toArray(URL[]::new), GoldenCommand.class.getClassLoader()));
        }
    }
}
