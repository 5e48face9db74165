package nanopy.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nanopy.ir.CompileError;
import nanopy.ir.Diagnostic;
import nanopy.ir.Grammars;
import nanopy.ir.IrError;
import nanopy.ir.IrText;
import nanopy.ir.Language;
import nanopy.ir.Languages;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.ir.Suggest;
import nanopy.targets.Target;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The commands and options of {@code nanopy}: {@code run | build | check} (compile through a
 * pipeline, then run, write or only check the program) and {@code ir describe | diff | list |
 * parse | dump}. Options are parsed with Apache Commons CLI (no reflection, so start-up stays
 * small and the classes fit the JDK's AOT cache).
 */
final class Cli {
    static final int OK = 0;
    static final int USER_ERROR = 1;
    static final int USAGE = 2;
    static final int PASS_BUG = 70;
    /**
     * Not an exit status: what {@link #execute} returns, before printing anything, for a command a
     * daemon does not run (it names other files, a project or an artifact); the client runs it itself.
     */
    static final int NOT_HERE = -1;
    static final String VERSION = "nanopy 0.1.0";

    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final boolean stdoutTty;
    /** The client's working directory when a daemon runs the command; null in the nanopy process itself. */
    private final Path cwd;
    /** Compiled programs to reuse (the daemon's), or null. */
    private final CompileCache cache;

    /**
     * @param in stdin, or null when the process has none
     * @param stdoutTty whether stdout is a terminal
     */
    Cli(PrintStream out, PrintStream err, BufferedReader in, boolean stdoutTty) {
        this(out, err, in, stdoutTty, null, null);
    }

    /**
     * @param cwd the working directory that relative file names are read from (a daemon's client's),
     *     or null for the process's own; with one, commands that name files other than the program
     *     return {@link #NOT_HERE}
     * @param cache where compiled programs are kept and looked up, or null
     */
    Cli(PrintStream out, PrintStream err, BufferedReader in, boolean stdoutTty, Path cwd, CompileCache cache) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.stdoutTty = stdoutTty;
        this.cwd = cwd;
        this.cache = cache;
    }

    /** {@code file} as this command reads it: relative to the client's working directory, if there is one. */
    private Path resolve(Path file) {
        return cwd == null ? file : cwd.resolve(file);
    }

    /** The running program's stdin and stdout. */
    private ProgramIo programIo() {
        return new ProgramIo(in, out, stdoutTty);
    }

    /** Ends a command with "error: message" on stderr and the given exit status. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    enum Mode { RUN, BUILD, CHECK }

    /**
     * Runs one command line (the first word is a command: Main inserts {@code run} when it is not).
     *
     * @return the exit status
     */
    int execute(String[] args) {
        try {
            String cmd = args[0];
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            return switch (cmd) {
                case "run" -> compile(Mode.RUN, rest);
                case "build" -> compile(Mode.BUILD, rest);
                case "check" -> compile(Mode.CHECK, rest);
                case "ir" -> ir(rest);
                case "golden" -> nanopy.driver.golden.GoldenCommand.run(rest, out, err);
                case "fuzz" -> nanopy.driver.fuzz.FuzzCommand.run(rest, out, err);
                case "daemon" -> nanopy.driver.daemon.DaemonCommand.run(rest, out, err);
                case "assignment" -> nanopy.driver.course.AssignmentCommand.run(rest, out, err);
                case "explore" -> nanopy.driver.explore.ExploreCommand.run(rest, out, err);
                case "-V", "--version" -> {
                    out.println(VERSION);
                    yield OK;
                }
                case "help", "-h", "--help" -> {
                    help();
                    yield OK;
                }
                default -> throw new Exit(USAGE, "unknown command '" + cmd + "'");
            };
        } catch (Exit e) {
            err.println("error: " + e.getMessage());
            return e.status;
        }
    }

    private void help() {
        out.println("usage: nanopy [run|build|check] [options] FILE | DIR | -c CODE");
        out.println("       nanopy golden report [--pipeline FILE] [--target T] [--junit-xml FILE] [DIR...]");
        out.println("       nanopy golden report --student DIR [--assignment A] [--junit-xml FILE]   (grade a submission or a folder of them)");
        out.println("       nanopy explore FILE [-o OUT.html] [--target T]   (a page showing every pass: IR, diff, time, output, graphs)");
        out.println("       nanopy assignment make --remove PASS[,PASS...] --out DIR [--target T]   (a student project without those passes)");
        out.println("       nanopy daemon start | stop | status | run   (a daemon that serves run, FILE and -c; see 'nanopy daemon --help')");
        out.println("       nanopy fuzz [--seed N] [--count N] [--target T] [--out DIR] [--junit-xml FILE] [--mutate DIR]");
        out.println("       nanopy ir describe LANGUAGE | diff A B | list | parse LANGUAGE FILE | dump --python-ast FILE");
        out.println("A nanopass compiler for NanoPy, a statically typed subset of Python 3.12.");
        out.println("Without a command, 'run' is implied: nanopy prog.py is nanopy run prog.py.");
        out.println("DIR is a project: its one main.py runs as python3 -c 'import main; main.main()' would.");
        out.println();
        PrintWriter pw = new PrintWriter(out, true, StandardCharsets.UTF_8);
        HelpFormatter f = new HelpFormatter();
        f.printOptions(pw, 100, COMPILE_OPTIONS, 2, 2);
        pw.flush();
        out.println();
        out.println("Exit status: 0 success; 1 the program or IR is wrong; 2 usage or pipeline-config error; 70 a pass misbehaved.");
    }

    private static CommandLine parse(Options options, String[] args, String command) {
        try {
            return DefaultParser.builder().setAllowPartialMatching(false).build().parse(options, args);
        } catch (ParseException e) {
            throw new Exit(USAGE, UsageErrors.message(e, options) + " (in 'nanopy " + command + "'; try 'nanopy "
                    + (command.startsWith("ir") ? "ir " : "") + "--help')");
        }
    }

    private static Option flag(String name, String description) {
        return Option.builder().longOpt(name).desc(description).build();
    }

    private static Option valued(String name, String arg, String description) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).build();
    }

    private static Option list(String name, String arg, String description) {
        return Option.builder().longOpt(name).hasArg().argName(arg).desc(description).build();   // split on ',' by values()
    }

    static final Options COMPILE_OPTIONS = new Options()
            .addOption(valued("passes", "P1,P2,...", "run exactly these passes (an ad-hoc pipeline)"))
            .addOption(valued("target", "T", "the target (default: by file extension); see --list-targets"))
            .addOption(valued("pipeline", "FILE", "use this pipeline config instead of the built-in one"))
            .addOption(Option.builder().longOpt("plugin").hasArg().argName("JAR").desc("load passes from this jar (repeatable)").build())
            .addOption(list("dump-before", "P", "print the IR before pass P (a list is allowed)"))
            .addOption(list("dump-after", "P", "print the IR after pass P (a list is allowed)"))
            .addOption(flag("dump-after-all", "print the IR after every pass"))
            .addOption(flag("dump-changed", "print a unified diff of each pass's output against its input"))
            .addOption(valued("dump-dir", "DIR", "write each pass's output to DIR/NN-pass.Language.ir"))
            .addOption(flag("dump-spans", "show source spans (Prod@line:col-line:col) in dumps"))
            .addOption(valued("stop-after", "P", "stop after pass P and print its output"))
            .addOption(valued("start-after", "P", "the input file is IR text of the language after pass P"))
            .addOption(flag("verify-each", "check that every pass's output is well formed"))
            .addOption(flag("time-passes", "print a table of each pass's wall time, CPU time and allocation"))
            .addOption(flag("list-passes", "list the passes: name, input -> output language, description"))
            .addOption(flag("list-targets", "list the targets and their passes"))
            .addOption(flag("print-pipeline", "print the pipeline as a --passes string and stop"))
            .addOption(flag("bisect", "(check) run the program after every pass; name the first pass that changes its output (stdin is read once)"))
            .addOption(Option.builder("c").hasArg().argName("CODE").desc("compile CODE instead of a file").build())
            .addOption(flag("no-daemon", "run in this process even when a daemon runs (nanopy daemon start)"))
            .addOption(flag("report-run-time", "(benchmarks) print in-process compile and run time to stderr"))
            .addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE").desc("(build) where to write the result").build())
            .addOption(Option.builder("h").longOpt("help").desc("show this help").build());

    /** The options of run, build and check, read from a parsed command line. */
    static final class PipelineOptions {
        String passes;
        String target;
        Path pipelineFile;
        List<Path> plugins = new ArrayList<>();
        List<String> dumpBefore = new ArrayList<>();
        List<String> dumpAfter = new ArrayList<>();
        boolean dumpAfterAll;
        boolean dumpChanged;
        Path dumpDir;
        boolean dumpSpans;
        String stopAfter;
        String startAfter;
        boolean verifyEach;
        boolean timePasses;
        boolean listPasses;
        boolean listTargets;
        boolean printPipeline;
        boolean bisect;
        String code;
        Path output;
        boolean reportRunTime;

        static PipelineOptions from(CommandLine cl) {
            PipelineOptions o = new PipelineOptions();
            o.passes = cl.getOptionValue("passes");
            o.target = cl.getOptionValue("target");
            o.pipelineFile = path(cl.getOptionValue("pipeline"));
            for (String p : values(cl, "plugin")) {
                o.plugins.add(Path.of(p));
            }
            o.dumpBefore = values(cl, "dump-before");
            o.dumpAfter = values(cl, "dump-after");
            o.dumpAfterAll = cl.hasOption("dump-after-all");
            o.dumpChanged = cl.hasOption("dump-changed");
            o.dumpDir = path(cl.getOptionValue("dump-dir"));
            o.dumpSpans = cl.hasOption("dump-spans");
            o.stopAfter = cl.getOptionValue("stop-after");
            o.startAfter = cl.getOptionValue("start-after");
            o.verifyEach = cl.hasOption("verify-each");
            o.timePasses = cl.hasOption("time-passes");
            o.listPasses = cl.hasOption("list-passes");
            o.listTargets = cl.hasOption("list-targets");
            o.printPipeline = cl.hasOption("print-pipeline");
            o.bisect = cl.hasOption("bisect");
            o.code = cl.getOptionValue("c");
            o.output = path(cl.getOptionValue("o"));
            o.reportRunTime = cl.hasOption("report-run-time");
            return o;
        }

        private static Path path(String s) {
            return s == null ? null : Path.of(s);
        }

        private static List<String> values(CommandLine cl, String name) {
            String[] v = cl.getOptionValues(name);
            List<String> out = new ArrayList<>();
            if (v != null) {
                for (String value : v) {
                    for (String x : value.split(",")) {
                        if (!x.isBlank()) {
                            out.add(x.strip());
                        }
                    }
                }
            }
            return out;
        }
    }

    private int compile(Mode mode, String[] args) {
        CommandLine cl = parse(COMPILE_OPTIONS, args, mode.name().toLowerCase(java.util.Locale.ROOT));
        if (cl.hasOption("help")) {
            help();
            return OK;
        }
        List<String> files = cl.getArgList();
        if (cwd != null && (mode != Mode.RUN || cl.hasOption("pipeline") || cl.hasOption("plugin") || cl.hasOption("dump-dir")
                || cl.hasOption("o") || cl.hasOption("help") || cl.hasOption("bisect"))) {
            return NOT_HERE;
        }
        if (cl.hasOption("o") && mode != Mode.BUILD) {
            throw new Exit(USAGE, "-o/--output goes with 'nanopy build' (nanopy build [options] FILE -o OUTPUT), not with '"
                    + mode.name().toLowerCase(java.util.Locale.ROOT) + "'");
        }
        if (files.size() > 1) {
            throw new Exit(USAGE, "one program at a time, but got " + files.size() + ": " + String.join(" ", files));
        }
        return compileCommand(mode, PipelineOptions.from(cl), files.isEmpty() ? null : Path.of(files.get(0)));
    }

    private Driver driver(PipelineOptions o) throws ConfigError {
        if (o.pipelineFile == null && o.plugins.isEmpty()) {
            return Driver.builtin();
        }
        PipelineConfig config = o.pipelineFile == null ? PipelineConfig.builtin() : PipelineConfig.load(o.pipelineFile);
        PassRegistry registry = PassRegistry.withPlugins(o.plugins);
        return new Driver(config, registry);
    }

    private int compileCommand(Mode mode, PipelineOptions o, Path file) {
        Driver driver;
        try {
            driver = driver(o);
        } catch (ConfigError e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        if (o.listPasses) {
            listPasses(driver);
            return OK;
        }
        if (o.listTargets) {
            listTargets(driver);
            return OK;
        }
        if (file == null && o.code == null && !(o.printPipeline && (o.passes != null || o.target != null))) {
            err.println("error: no program: give a FILE or -c CODE");
            return USAGE;
        }
        if (file != null && o.code != null) {
            err.println("error: give either a FILE or -c CODE, not both");
            return USAGE;
        }
        if (cwd != null && file != null && (Files.isDirectory(resolve(file)) || driver.targetForArtifact(file).isPresent())) {
            return NOT_HERE;
        }
        Optional<ProjectLayout> project = Optional.empty();
        if (file != null && Files.isDirectory(file)) {
            try {
                project = Optional.of(ProjectLayout.of(file));
                file = project.get().main();
            } catch (ProjectLayout.Invalid e) {
                err.println("error: " + e.getMessage());
                return USER_ERROR;
            } catch (CompileError e) {
                e.diagnostics().forEach(d -> err.print(Diagnostics.render(d, readQuietly(d.file()))));
                return USER_ERROR;
            }
        }
        if (mode == Mode.RUN && o.code == null) {
            Optional<Target> artifactTarget = driver.targetForArtifact(file);
            if (artifactTarget.isPresent()) {
                return Artifacts.run(artifactTarget.get(), file, programIo(), err);
            }
        }
        boolean stdin = file != null && file.toString().equals("-");
        String fileName = o.code != null ? "<string>" : stdin ? "<stdin>" : file != null ? file.toString() : "<none>";
        if (o.code != null && o.target == null && o.passes == null) {
            fileName = "<string>";
        }
        Pipeline p;
        try {
            String forDefault = o.code != null ? "-c.py" : stdin ? "<stdin>.py" : fileName;
            p = o.startAfter != null && o.passes == null && o.target == null && driver.config().targetForFile(forDefault).isEmpty()
                    ? driver.pipelineAfter(o.startAfter)
                    : driver.pipeline(Optional.ofNullable(o.passes), Optional.ofNullable(o.target), forDefault);
            checkPassNames(p, driver.registry(), o);
            if (project.isPresent()) {
                p = project.get().configure(p);
            }
        } catch (ConfigError e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        if (o.printPipeline) {
            out.println(p.canonical());
            return OK;
        }
        String text;
        try {
            text = o.code != null ? o.code : project.isPresent() ? project.get().source() : readSource(file);
        } catch (NoSuchFileException e) {
            err.println("error: " + file + ": no such file");
            return USER_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + file + ": cannot read (" + e.getMessage() + ")");
            return USER_ERROR;
        } catch (CompileError e) {
            e.diagnostics().forEach(d -> err.print(Diagnostics.render(d, null)));
            return USER_ERROR;
        }
        if (o.bisect) {
            return bisect(mode, driver, p, fileName, text, o);
        }
        int from = o.startAfter == null ? 0 : p.indexOf(o.startAfter) + 1;
        int to = o.stopAfter == null ? p.steps().size() : p.indexOf(o.stopAfter) + 1;
        if (to < from) {
            err.println("error: --stop-after " + o.stopAfter + " comes before --start-after " + o.startAfter + " in the pipeline");
            return USAGE;
        }
        Instrumentation inst = Instrumentation.builder().dumpBefore(o.dumpBefore).dumpAfter(o.dumpAfter).dumpAfterAll(o.dumpAfterAll)
                .dumpChanged(o.dumpChanged).dumpDir(Optional.ofNullable(o.dumpDir)).verifyEach(o.verifyEach || mode == Mode.CHECK)
                .spans(o.dumpSpans).measureCpu(o.timePasses).build();
        // IR dumps go to stderr when stdout carries something else (the program's output, or build's
        // IR), as LLVM's -print-after does; with --stop-after or check they are the output.
        boolean stdoutTaken = mode == Mode.BUILD || (mode == Mode.RUN && to == p.steps().size());
        PassManager pm = new PassManager(inst, stdoutTaken ? err : out);
        String source = o.startAfter == null ? text : null;
        long started = System.nanoTime();
        // The daemon's cache: only for a whole pipeline run with nothing to print around its passes.
        String key = cache != null && mode == Mode.RUN && from == 0 && to == p.steps().size() && o.startAfter == null
                && o.dumpBefore.isEmpty() && o.dumpAfter.isEmpty() && !o.dumpAfterAll && !o.dumpChanged && o.dumpDir == null
                && !o.verifyEach && !o.timePasses
                ? CompileCache.key(driver.config().identity() + ";" + driver.registry().identity(), p, fileName, text) : null;
        try {
            Optional<Driver.Compiled> hit = key == null ? Optional.empty() : cache.get(key);
            Driver.Compiled c = hit.isPresent() ? hit.get() : driver.compile(p, from, to, fileName, text, pm);
            if (key != null && hit.isEmpty()) {
                cache.put(key, c);
            }
            long compiled = System.nanoTime();
            if (o.timePasses) {
                err.print(pm.timeTable());
            }
            boolean complete = to == p.steps().size();
            boolean dumped = o.dumpAfterAll || (to > 0 && o.dumpAfter.contains(p.steps().get(to - 1).pass().name()));
            switch (mode) {
                case CHECK -> {
                    return OK;
                }
                case BUILD -> {
                    Optional<Target> target = complete ? driver.target(p) : Optional.empty();
                    if (o.output != null && target.isPresent() && target.get().writes(c.program())) {
                        target.get().write(c.program(), o.output);
                        return OK;
                    }
                    if (o.output != null && complete && !o.output.toString().endsWith(".ir")) {
                        err.println("error: target '" + p.name() + "' has no artifact file for -o to write (targets that write one: "
                                + String.join(", ", driver.artifactWriters()) + "); -o FILE.ir writes its final IR as text");
                        return USAGE;
                    }
                    String ir = IrText.print(c.language(), c.program(), o.dumpSpans) + "\n";
                    if (o.output != null) {
                        Files.writeString(o.output, ir, StandardCharsets.UTF_8);
                    } else {
                        out.print(ir);
                    }
                    return OK;
                }
                case RUN -> {
                    if (!complete) {
                        if (!dumped) {
                            out.println(IrText.print(c.language(), c.program(), o.dumpSpans));
                        }
                        return OK;
                    }
                    // CPython names the main script by its absolute path in tracebacks (3.9+)
                    int status = execute(driver, p, c, file != null && !stdin ? resolve(file).toAbsolutePath().toString() : fileName, source);
                    if (o.reportRunTime) {
                        err.printf("nanopy: compile %.1f ms, run %.1f ms%n", (compiled - started) / 1e6, (System.nanoTime() - compiled) / 1e6);
                    }
                    return status;
                }
                default -> throw new IllegalStateException();
            }
        } catch (ConfigError e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (CompileError e) {
            if (o.timePasses) {
                err.print(pm.timeTable());
            }
            for (Diagnostic d : e.diagnostics()) {
                err.print(Diagnostics.render(d, source));
            }
            return USER_ERROR;
        } catch (IrError e) {
            err.print(Diagnostics.render(new Diagnostic(fileName, Span.at(e.line(), e.col()), e.detail()), text));
            return USER_ERROR;
        } catch (PassFailure e) {
            err.println("error: " + e.getMessage());
            err.println("  (a bug in pass '" + e.pass() + "', not in your program; rerun with --verify-each and --dump-before="
                    + e.pass() + " to see its input)");
            return PASS_BUG;
        } catch (IOException e) {
            err.println("error: cannot write " + o.output + " (" + e.getMessage() + ")");
            return USER_ERROR;
        }
    }

    /** {@code check --bisect}: exit 0 when no pass changes the output, 70 naming the first that does. */
    private int bisect(Mode mode, Driver driver, Pipeline p, String fileName, String text, PipelineOptions o) {
        if (mode != Mode.CHECK || o.startAfter != null || o.stopAfter != null) {
            err.println("error: --bisect goes with the check command and a whole pipeline (no --start-after or --stop-after)");
            return USAGE;
        }
        try {
            java.io.StringWriter stdin = new java.io.StringWriter();
            if (in != null) {
                in.transferTo(stdin);
            }
            Bisect.Report r = Bisect.run(driver, p, fileName, text, stdin.toString());
            out.print(r.render());
            return r.culprit().isPresent() ? PASS_BUG : OK;
        } catch (CompileError e) {
            e.diagnostics().forEach(d -> err.print(Diagnostics.render(d, text)));
            return USER_ERROR;
        } catch (PassFailure e) {
            err.println("error: " + e.getMessage());
            return PASS_BUG;
        } catch (IOException e) {
            err.println("error: cannot read standard input (" + e.getMessage() + ")");
            return USER_ERROR;
        }
    }

    private int execute(Driver driver, Pipeline p, Driver.Compiled c, String fileName, String source) throws ConfigError {
        ProgramIo io = programIo();
        try {
            driver.execute(p, c, io);
            io.flush();
            return OK;
        } catch (PyRuntimeError e) {
            io.flush();
            err.print(nanopy.ir.Tracebacks.render(fileName, source, e));
            return nanopy.ir.Tracebacks.status(e);
        } catch (UnsupportedOperationException e) {
            out.println(IrText.print(c.language(), c.program(), false));
            err.println("note: " + e.getMessage() + "; printed the IR instead of running it");
            return OK;
        }
    }

    /**
     * The text of a program file, decoded as CPython decodes source (UTF-8 unless declared otherwise;
     * a bad byte is a SyntaxError at its line); {@code -} is standard input.
     */
    private String readSource(Path file) throws IOException {
        byte[] bytes;
        if (file.toString().equals("-")) {
            if (in == null) {
                throw new IOException("standard input is closed");
            }
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = in.read(buf)) > 0;) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
        bytes = Files.readAllBytes(resolve(file));
        return nanopy.passes.front.python.SourceDecoding.decode(file.toString(), bytes);
    }

    /** The text of {@code file} for a diagnostic's excerpt, or null when it cannot be read. */
    private static String readQuietly(String file) {
        try {
            return nanopy.passes.front.python.SourceDecoding.decode(Files.readAllBytes(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Every pass named by a flag must exist and be in the pipeline. */
    private static void checkPassNames(Pipeline p, PassRegistry registry, PipelineOptions o) throws ConfigError {
        Set<String> inPipeline = new LinkedHashSet<>();
        p.steps().forEach(s -> inPipeline.add(s.pass().name()));
        List<String[]> named = new ArrayList<>();
        o.dumpBefore.forEach(n -> named.add(new String[] {"--dump-before", n}));
        o.dumpAfter.forEach(n -> named.add(new String[] {"--dump-after", n}));
        if (o.stopAfter != null) {
            named.add(new String[] {"--stop-after", o.stopAfter});
        }
        if (o.startAfter != null) {
            named.add(new String[] {"--start-after", o.startAfter});
        }
        for (String[] f : named) {
            if (registry.get(f[1]).isEmpty()) {
                throw new ConfigError(f[0] + ": unknown pass '" + f[1] + "'" + registry.suggest(f[1]));
            }
            if (!inPipeline.contains(f[1])) {
                throw new ConfigError(f[0] + ": pass '" + f[1] + "' is not in pipeline " + p.name() + " (" + p.canonical() + ")"
                        + Suggest.didYouMean(f[1], inPipeline));
            }
        }
    }

    private void listPasses(Driver d) {
        String fmt = "%-28s %-32s %s%n";
        out.printf(fmt, "pass", "input -> output", "description");
        for (PassInfo p : d.registry().sorted()) {
            out.printf(fmt, p.name(), p.input().name() + " -> " + p.output().name(), p.description());
        }
    }

    private void listTargets(Driver d) {
        for (String t : d.config().targetNames()) {
            out.println(t + ": " + d.config().description(t));
            try {
                out.println("  " + d.config().resolve(t, d.registry()).canonical());
            } catch (ConfigError e) {
                out.println("  (broken: " + e.getMessage() + ")");
            }
        }
    }

    // ---- nanopy ir ... ----------------------------------------------------------------------

    private int ir(String[] args) {
        if (args.length == 0) {
            throw new Exit(USAGE, "nanopy ir needs a subcommand: describe, diff, list, parse or dump");
        }
        String sub = args[0];
        if (sub.equals("--help") || sub.equals("-h") || sub.equals("help")) {
            irHelp();
            return OK;
        }
        CommandLine cl = parse(IR_OPTIONS, Arrays.copyOfRange(args, 1, args.length), "ir " + sub);
        if (cl.hasOption("help")) {
            irHelp();
            return OK;
        }
        List<String> a = cl.getArgList();
        return switch (sub) {
            case "describe" -> {
                Language l = language(arg(a, 0, 1, "ir describe LANGUAGE"));
                out.print(Grammars.describe(l, l.parent().flatMap(Languages::byName).orElse(null)));
                yield OK;
            }
            case "diff" -> {
                String b = arg(a, 1, 2, "ir diff A B");
                out.print(Grammars.diff(language(a.get(0)), language(b)));
                yield OK;
            }
            case "list" -> {
                arg(a, -1, 0, "ir list");
                for (Language l : Languages.all()) {
                    out.printf("%-16s %-20s %s%n", l.name(), l.parent().map(p -> "extends " + p).orElse(""), l.description());
                }
                yield OK;
            }
            case "parse" -> irParse(language(a.isEmpty() ? arg(a, 0, 2, "ir parse LANGUAGE FILE") : a.get(0)),
                    Path.of(arg(a, 1, 2, "ir parse LANGUAGE FILE")), cl.hasOption("dump-spans"));
            case "dump" -> irDump(Path.of(arg(a, 0, 1, "ir dump --python-ast FILE | --format=dot [--target T] [--function F] FILE")), cl);
            default -> throw new Exit(USAGE, "unknown ir subcommand '" + sub + "'"
                    + Suggest.didYouMean(sub, List.of("describe", "diff", "list", "parse", "dump")));
        };
    }

    private void irHelp() {
        out.println("usage: nanopy ir list                      the IR languages");
        out.println("       nanopy ir describe LANGUAGE         a language's grammar (what it adds to its parent)");
        out.println("       nanopy ir diff A B                  what language B adds to or removes from A");
        out.println("       nanopy ir parse LANGUAGE FILE       parse IR text, check it, print it back");
        out.println("       nanopy ir dump --python-ast FILE    the Python AST as CPython's ast.dump prints it");
        out.println("       nanopy ir dump --format=dot [--target T] [--function F] FILE");
        out.println("                                           interference and control-flow graphs (Graphviz)");
        out.println();
        PrintWriter pw = new PrintWriter(out, true, StandardCharsets.UTF_8);
        new HelpFormatter().printOptions(pw, 100, IR_OPTIONS, 2, 2);
        pw.flush();
    }

    static final Options IR_OPTIONS = new Options()
            .addOption(flag("dump-spans", "(parse) print spans"))
            .addOption(flag("python-ast", "(dump) print exactly what CPython 3.11's ast.dump(ast.parse(source)) prints"))
            .addOption(flag("py312", "(dump --python-ast) CPython 3.12's format (type_params fields)"))
            .addOption(valued("format", "dot", "(dump) dot: interference graphs and control-flow graphs of a register target"))
            .addOption(valued("target", "T", "(dump --format=dot) the target (default: by file extension)"))
            .addOption(valued("function", "F", "(dump --format=dot) only function F"))
            .addOption(Option.builder("h").longOpt("help").desc("show this help").build());

    /** Argument {@code i} of a subcommand that takes exactly {@code n} arguments. */
    private static String arg(List<String> a, int i, int n, String usage) {
        if (a.size() != n) {
            throw new Exit(USAGE, "usage: nanopy " + usage);
        }
        return i < 0 ? "" : a.get(i);
    }

    private static Language language(String name) {
        return Languages.byName(name).orElseThrow(() -> new Exit(USAGE, "unknown language '" + name + "'"
                + Suggest.didYouMean(name, Languages.all().stream().map(Language::name).toList()) + "; 'nanopy ir list' lists them"));
    }

    private static String read(Path file) {
        try {
            return nanopy.passes.front.python.SourceDecoding.decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new Exit(USER_ERROR, file + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new Exit(USER_ERROR, file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private int irParse(Language l, Path file, boolean spans) {
        String text = read(file);
        try {
            Node n = IrText.parse(l, text);
            out.println(IrText.print(l, n, spans));
            return OK;
        } catch (IrError e) {
            err.print(Diagnostics.render(new Diagnostic(file.toString(), Span.at(e.line(), e.col()), e.detail()), text));
            return USER_ERROR;
        }
    }

    private int irDump(Path file, CommandLine cl) {
        if ("dot".equals(cl.getOptionValue("format"))) {
            return DotDump.run(file, Optional.ofNullable(cl.getOptionValue("target")), cl.getOptionValue("function", ""), out, err);
        }
        if (!cl.hasOption("python-ast") || cl.hasOption("format")) {
            throw new Exit(USAGE, "nanopy ir dump needs a format: --python-ast or --format=dot");
        }
        String text = read(file);
        try {
            var module = nanopy.passes.front.python.PythonParser.parse(file.toString(), text);
            out.println(cl.hasOption("py312") ? nanopy.passes.front.python.AstDump.dump312(module)
                    : nanopy.passes.front.python.AstDump.dump(module));
            return OK;
        } catch (CompileError e) {
            for (Diagnostic d : e.diagnostics()) {
                err.print(Diagnostics.render(d, text));
            }
            return USER_ERROR;
        }
    }
}
