package nanopy.driver.golden;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nanopy.driver.ConfigError;
import nanopy.driver.Driver;
import nanopy.driver.PassRegistry;
import nanopy.driver.PipelineConfig;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code nanopy golden report [--pipeline P] [--target T] [--junit-xml FILE] [DIR...]}: checks golden
 * programs pass by pass ({@link GoldenHarness}) and prints the course report ({@link GoldenReport}):
 * every program on every target that compiles it, after every pass, as a table program x pass (ok,
 * or the first failing pass) with totals "programs k/n, passes k/m". Without DIR: the suites
 * {@code golden/programs/*} and {@code ../shared/corpus/*} under the current folder.
 * Exit status: 0 every program passed, 1 some failed, 2 a usage or pipeline-config error.
 */
public final class GoldenCommand {
    private static final Options OPTIONS = new Options()
            .addOption(Option.builder().longOpt("pipeline").hasArg().argName("FILE")
                    .desc("use this pipeline config (e.g. a course's, with [swap])").build())
            .addOption(Option.builder().longOpt("plugin").hasArg().argName("JAR").desc("load passes from this jar (repeatable)").build())
            .addOption(Option.builder().longOpt("target").hasArg().argName("T[,T...]")
                    .desc("only these targets (default: all; repeatable)").build())
            .addOption(Option.builder().longOpt("junit-xml").hasArg().argName("FILE").desc("also write the verdicts as JUnit XML").build())
            .addOption(Option.builder().longOpt("timeout").hasArg().argName("SECONDS")
                    .desc("time limit per program and target (default: 60)").build())
            .addOption(Option.builder().longOpt("jobs").hasArg().argName("N")
                    .desc("programs checked at once (default: the number of processors)").build())
            .addOption(Option.builder().longOpt("student").hasArg().argName("DIR")
                    .desc("grade a student's submission of an assignment, or a folder of submissions (nanopy.driver.course)").build())
            .addOption(Option.builder().longOpt("assignment").hasArg().argName("DIR")
                    .desc("with --student: take the programs and course config from this assignment, not the submission").build())
            .addOption(Option.builder("h").longOpt("help").desc("show this help").build());

    private final PrintStream out;
    private final PrintStream err;
    private Path pipelineFile;
    private final List<Path> plugins = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private Path junitXml;
    private long timeoutSeconds = 60;
    private int jobs = Runtime.getRuntime().availableProcessors();
    private final List<Path> dirs = new ArrayList<>();

    private GoldenCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs {@code nanopy golden ARGS...}.
     *
     * @param args the words after {@code golden}, starting with the subcommand ({@code report})
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("report")) {
            err.println("usage: nanopy golden report [--pipeline FILE] [--target T] [--junit-xml FILE] [DIR...]");
            err.println("try 'nanopy golden report --help'");
            return 2;
        }
        GoldenCommand c = new GoldenCommand(out, err);
        CommandLine cl;
        try {
            cl = DefaultParser.builder().setAllowPartialMatching(false).build()
                    .parse(OPTIONS, java.util.Arrays.copyOfRange(args, 1, args.length));
            if (cl.hasOption("help")) {
                java.io.PrintWriter pw = new java.io.PrintWriter(out, true, java.nio.charset.StandardCharsets.UTF_8);
                new HelpFormatter().printHelp(pw, 100, "nanopy golden report [options] [DIR...]", "", OPTIONS, 2, 2, "");
                pw.flush();
                return 0;
            }
            c.pipelineFile = cl.hasOption("pipeline") ? Path.of(cl.getOptionValue("pipeline")) : null;
            for (String p : cl.getOptionValues("plugin") == null ? new String[0] : cl.getOptionValues("plugin")) {
                c.plugins.add(Path.of(p));
            }
            for (String t : cl.getOptionValues("target") == null ? new String[0] : cl.getOptionValues("target")) {
                for (String one : t.split(",")) {
                    if (!one.isBlank()) {
                        c.targets.add(one.strip());
                    }
                }
            }
            c.junitXml = cl.hasOption("junit-xml") ? Path.of(cl.getOptionValue("junit-xml")) : null;
            if (cl.hasOption("timeout")) {
                c.timeoutSeconds = Long.parseLong(cl.getOptionValue("timeout"));
            }
            if (cl.hasOption("jobs")) {
                c.jobs = Integer.parseInt(cl.getOptionValue("jobs"));
            }
        } catch (ParseException | NumberFormatException e) {
            err.println("error: " + nanopy.driver.UsageErrors.message(e, OPTIONS) + " (in 'nanopy golden report'; try 'nanopy golden report --help')");
            return 2;
        }
        if (cl.hasOption("student")) {
            return nanopy.driver.course.GradeCommand.run(Path.of(cl.getOptionValue("student")),
                    java.util.Optional.ofNullable(cl.getOptionValue("assignment")).map(Path::of), java.util.Optional.ofNullable(c.junitXml),
                    c.jobs, c.timeoutSeconds, out, err);
        }
        for (String d : cl.getArgList()) {
            c.dirs.add(Path.of(d));
        }
        return c.call();
    }

private int call() {
        Driver driver;
        try {
            driver = new Driver(pipelineFile == null ? PipelineConfig.builtin() : PipelineConfig.load(pipelineFile), PassRegistry.withPlugins(plugins));
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

    /**
     * {@code golden report: 12/40 checked, 1 failed} on stderr, rewritten in place as programs finish,
     * when stderr is a terminal (the launcher sets {@code nanopy.stderr.tty}); nothing otherwise.
     */
    private final class Progress {
        private final int total;
        private final boolean shown = Boolean.getBoolean("nanopy.stderr.tty");
        private int done;
        private int failed;

        Progress(int total) {
            this.total = total;
            show();
        }

        synchronized Verdict done(Verdict v) {
            done++;
            if (!v.ok()) {
                failed++;
            }
            show();
            return v;
        }

        private void show() {
            if (shown) {
                err.print("\rgolden report: " + done + "/" + total + " checked, " + failed + " failed\u001b[K");
                err.flush();
            }
        }

        synchronized void finish() {
            if (shown) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }

    private List<Verdict> check(GoldenHarness harness, List<GoldenCases.Case> cases) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            Progress progress = new Progress(cases.size());
            List<Future<Verdict>> futures = new ArrayList<>();
            for (GoldenCases.Case c : cases) {
                futures.add(pool.submit(() -> progress.done(harness.check(c.program(), c.pipeline(), java.util.Set.of()))));
            }
            List<Verdict> out = new ArrayList<>();
            for (Future<Verdict> f : futures) {
                out.add(f.get());
            }
            progress.finish();
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
}
