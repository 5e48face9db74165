package nanopy.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The commands and options of {@code nanopy}, declared with picocli. */
final class Cli {
    static final int OK = 0;
    static final int USER_ERROR = 1;
    static final int USAGE = 2;
    static final int PASS_BUG = 70;

    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;

    Cli(PrintStream out, PrintStream err, BufferedReader in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Top());
        cl.addSubcommand("run", new CompileCommand(Mode.RUN));
        cl.addSubcommand("build", new CompileCommand(Mode.BUILD));
        cl.addSubcommand("check", new CompileCommand(Mode.CHECK));
        CommandLine ir = new CommandLine(new IrCommand());
        ir.addSubcommand("describe", new IrDescribe());
        ir.addSubcommand("diff", new IrDiff());
        ir.addSubcommand("list", new IrList());
        ir.addSubcommand("parse", new IrParse());
        ir.addSubcommand("dump", new IrDump());
        cl.addSubcommand("ir", ir);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof Exit exit) {
                err.println("error: " + exit.getMessage());
                return exit.status;
            }
            err.println("internal error: " + ex + " (this is a bug in nanopy)");
            return PASS_BUG;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            err.println("error: " + ex.getMessage());
            err.println("try 'nanopy " + ex.getCommandLine().getCommandName() + " --help'");
            return USAGE;
        });
        return cl;
    }

    @Command(name = "nanopy", mixinStandardHelpOptions = true, version = "nanopy 0.1.0",
            description = "A nanopass compiler for NanoPy, a statically typed subset of Python 3.12.%n"
                    + "Without a command, 'run' is implied: nanopy prog.py == nanopy run prog.py")
    static final class Top implements Callable<Integer> {
        @Override
        public Integer call() {
            return USAGE;
        }
    }

    enum Mode { RUN, BUILD, CHECK }

    /** Ends a command with "error: message" on stderr and the given exit status. */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** Options shared by run, build and check. */
    static final class PipelineOptions {
        @Option(names = "--passes", paramLabel = "P1,P2,...", description = "run exactly these passes (an ad-hoc pipeline)")
        String passes;

        @Option(names = "--target", paramLabel = "T", description = "the target (default: by file extension); see --list-targets")
        String target;

        @Option(names = "--pipeline", paramLabel = "FILE", description = "use this pipeline config instead of the built-in one")
        Path pipelineFile;

        @Option(names = "--plugin", paramLabel = "JAR", description = "load passes from this jar (repeatable)")
        List<Path> plugins = new ArrayList<>();

        @Option(names = "--dump-before", split = ",", paramLabel = "P", description = "print the IR before pass P (a list is allowed)")
        List<String> dumpBefore = new ArrayList<>();

        @Option(names = "--dump-after", split = ",", paramLabel = "P", description = "print the IR after pass P (a list is allowed)")
        List<String> dumpAfter = new ArrayList<>();

        @Option(names = "--dump-after-all", description = "print the IR after every pass")
        boolean dumpAfterAll;

        @Option(names = "--dump-changed", description = "print a unified diff of each pass's output against its input")
        boolean dumpChanged;

        @Option(names = "--dump-dir", paramLabel = "DIR", description = "write each pass's output to DIR/NN-pass.Language.ir")
        Path dumpDir;

        @Option(names = "--dump-spans", description = "show source spans (Prod@line:col-line:col) in dumps")
        boolean dumpSpans;

        @Option(names = "--stop-after", paramLabel = "P", description = "stop after pass P and print its output")
        String stopAfter;

        @Option(names = "--start-after", paramLabel = "P", description = "the input file is IR text of the language after pass P")
        String startAfter;

        @Option(names = "--verify-each", description = "check that every pass's output is well formed")
        boolean verifyEach;

        @Option(names = "--time-passes", description = "print a table of each pass's wall time, CPU time and allocation")
        boolean timePasses;

        @Option(names = "--list-passes", description = "list the passes: name, input -> output language, description")
        boolean listPasses;

        @Option(names = "--list-targets", description = "list the targets and their passes")
        boolean listTargets;

        @Option(names = "--print-pipeline", description = "print the pipeline as a --passes string and stop")
        boolean printPipeline;

        @Option(names = "-c", paramLabel = "CODE", description = "compile CODE instead of a file")
        String code;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "(build) where to write the compiled program")
        Path output;
    }

    @Command(mixinStandardHelpOptions = true, description = "compile a program through a pipeline and run, build or check it")
    final class CompileCommand implements Callable<Integer> {
        private final Mode mode;

        @Mixin
        PipelineOptions o = new PipelineOptions();

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "the program (source text, or IR text with --start-after)")
        Path file;

        CompileCommand(Mode mode) {
            this.mode = mode;
        }

        @Override
        public Integer call() {
            return compileCommand(mode, o, file);
        }
    }

    private Driver driver(PipelineOptions o) throws ConfigError {
        PipelineConfig config = o.pipelineFile == null ? PipelineConfig.builtin() : PipelineConfig.load(o.pipelineFile);
        PassRegistry registry;
        if (o.plugins.isEmpty()) {
            registry = PassRegistry.builtin();
        } else {
            List<URL> urls = new ArrayList<>();
            for (Path p : o.plugins) {
                if (!Files.isRegularFile(p)) {
                    throw new ConfigError(p + ": no such plugin jar");
                }
                try {
                    urls.add(p.toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new ConfigError(p + ": " + e.getMessage());
                }
            }
            registry = PassRegistry.load(new URLClassLoader(urls.toArray(URL[]::new), Cli.class.getClassLoader()));
        }
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
        String fileName = o.code != null ? "<string>" : file != null ? file.toString() : "<none>";
        if (o.code != null && o.target == null && o.passes == null) {
            fileName = "<string>";
        }
        Pipeline p;
        try {
            String forDefault = o.code != null ? "-c.py" : fileName;
            p = driver.pipeline(Optional.ofNullable(o.passes), Optional.ofNullable(o.target), forDefault);
            checkPassNames(p, driver.registry(), o);
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
            text = o.code != null ? o.code : Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("error: " + file + ": no such file");
            return USER_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + file + ": cannot read (" + e.getMessage() + ")");
            return USER_ERROR;
        }
        int from = o.startAfter == null ? 0 : p.indexOf(o.startAfter) + 1;
        int to = o.stopAfter == null ? p.steps().size() : p.indexOf(o.stopAfter) + 1;
        if (to < from) {
            err.println("error: --stop-after " + o.stopAfter + " comes before --start-after " + o.startAfter + " in the pipeline");
            return USAGE;
        }
        Instrumentation inst = Instrumentation.builder().dumpBefore(o.dumpBefore).dumpAfter(o.dumpAfter).dumpAfterAll(o.dumpAfterAll)
                .dumpChanged(o.dumpChanged).dumpDir(Optional.ofNullable(o.dumpDir)).verifyEach(o.verifyEach || mode == Mode.CHECK)
                .spans(o.dumpSpans).build();
        PassManager pm = new PassManager(inst, out);
        String source = o.startAfter == null ? text : null;
        try {
            Driver.Compiled c = driver.compile(p, from, to, fileName, text, pm);
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
                    return execute(driver, p, c, fileName, source);
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

    private int execute(Driver driver, Pipeline p, Driver.Compiled c, String fileName, String source) throws ConfigError {
        ProgramIo io = new ProgramIo(in, out);
        try {
            driver.execute(p, c, io);
            io.flush();
            return OK;
        } catch (PyRuntimeError e) {
            io.flush();
            err.print(Tracebacks.render(fileName, source, e));
            return USER_ERROR;
        } catch (UnsupportedOperationException e) {
            out.println(IrText.print(c.language(), c.program(), false));
            err.println("note: " + e.getMessage() + "; printed the IR instead of running it");
            return OK;
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

    @Command(name = "ir", mixinStandardHelpOptions = true, description = "inspect IR languages and IR text",
            subcommands = {})
    static final class IrCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            return USAGE;
        }
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

    @Command(mixinStandardHelpOptions = true, description = "print a language's grammar, marking what changed from its parent")
    final class IrDescribe implements Callable<Integer> {
        @Parameters(paramLabel = "LANGUAGE")
        String name;

        @Override
        public Integer call() {
            Language l = language(name);
            Language parent = l.parent().flatMap(Languages::byName).orElse(null);
            out.print(Grammars.describe(l, parent));
            return OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, description = "print what changes from language A to language B")
    final class IrDiff implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "A")
        String a;

        @Parameters(index = "1", paramLabel = "B")
        String b;

        @Override
        public Integer call() {
            out.print(Grammars.diff(language(a), language(b)));
            return OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, description = "list the IR languages")
    final class IrList implements Callable<Integer> {
        @Override
        public Integer call() {
            for (Language l : Languages.all()) {
                out.printf("%-16s %-16s %s%n", l.name(), l.parent().map(p -> "extends " + p).orElse(""), l.description());
            }
            return OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, description = "print a source file's syntax tree in another tool's format")
    final class IrDump implements Callable<Integer> {
        @Option(names = "--python-ast", required = true,
                description = "print exactly what CPython 3.11's ast.dump(ast.parse(source)) prints")
        boolean pythonAst;

        @Option(names = "--py312", description = "with --python-ast: CPython 3.12's format (type_params fields)")
        boolean py312;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            String text = read(file);
            try {
                var module = nanopy.passes.front.python.PythonParser.parse(file.toString(), text);
                out.println(py312 ? nanopy.passes.front.python.AstDump.dump312(module) : nanopy.passes.front.python.AstDump.dump(module));
                return OK;
            } catch (CompileError e) {
                for (Diagnostic d : e.diagnostics()) {
                    err.print(Diagnostics.render(d, text));
                }
                return USER_ERROR;
            }
        }
    }

    @Command(mixinStandardHelpOptions = true, description = "read IR text of a language, check it, and print it back")
    final class IrParse implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LANGUAGE")
        String name;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Option(names = "--dump-spans", description = "print spans")
        boolean spans;

        @Override
        public Integer call() {
            Language l = language(name);
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
    }
}
