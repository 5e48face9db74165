package nanopy.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import nanopy.ir.IrError;
import nanopy.ir.IrText;
import nanopy.ir.Language;
import nanopy.ir.Languages;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.Source;
import nanopy.pass.PassContext;
import nanopy.targets.Target;
import nanopy.targets.TargetRunner;

/**
 * Compiles and runs programs: picks a pipeline (ad-hoc {@code --passes}, a named target, or the
 * default target for the file's extension), feeds it source text or IR text, runs a slice of its
 * passes under a {@link PassManager}, and runs the result with the target's runner. The CLI, the
 * library API ({@link Nanopy}) and the golden tests all go through here. Targets are found with
 * {@link ServiceLoader} ({@link Target}; a plain {@link TargetRunner} service is accepted too, for a
 * runner without extras), never by importing a target's classes.
 */
public final class Driver {
    private final PipelineConfig config;
    private final PassRegistry registry;
    private final Map<String, TargetRunner> runners = new LinkedHashMap<>();
    private final Map<String, Target> targets = new LinkedHashMap<>();

    /**
     * @param config the pipeline config
     * @param registry the passes
     */
    public Driver(PipelineConfig config, PassRegistry registry) {
        this.config = config;
        this.registry = registry;
        for (Target t : ServiceLoader.load(Target.class, Driver.class.getClassLoader())) {
            targets.putIfAbsent(t.name(), t);
            runners.putIfAbsent(t.name(), t);
        }
        for (TargetRunner r : ServiceLoader.load(TargetRunner.class, Driver.class.getClassLoader())) {
            runners.putIfAbsent(r.name(), r);
        }
    }

    /** The driver of the built-in config and passes, made once per process (it holds no state of a run). */
    private static final class Builtin {
        static final Driver DRIVER = new Driver(PipelineConfig.builtin(), PassRegistry.builtin());
    }

    /** A driver with the built-in config and passes (shared: drivers are used by any number of threads). */
    public static Driver builtin() {
        return Builtin.DRIVER;
    }

    public PipelineConfig config() {
        return config;
    }

    public PassRegistry registry() {
        return registry;
    }

    /**
     * Chooses the pipeline: {@code passes} if given, else target {@code target}, else the default
     * target for {@code fileName}'s extension.
     *
     * @throws ConfigError for unknown passes or targets, misfitting passes, or no default target
     */
    public Pipeline pipeline(Optional<String> passes, Optional<String> target, String fileName) throws ConfigError {
        if (passes.isPresent()) {
            return Pipeline.parse(passes.get(), "--passes", registry);
        }
        if (target.isPresent()) {
            return config.resolve(target.get(), registry);
        }
        Optional<String> t = config.targetForFile(fileName);
        if (t.isEmpty()) {
            throw new ConfigError(fileName + ": no default target for this kind of file; choose one with --target (targets: "
                    + String.join(", ", config.targetNames()) + ")");
        }
        return config.resolve(t.get(), registry);
    }

    /** The {@link Target} that runs pipeline {@code p}'s output, if its runner is one. */
    public Optional<Target> target(Pipeline p) {
        return Optional.ofNullable(targets.get(p.run().orElse("interpret")));
    }

    /** The {@link Target} whose artifact file {@code file} is ({@code prog.nbc}, {@code prog.bf}), if any. */
    public Optional<Target> targetForArtifact(Path file) {
        if (file == null || file.getFileName() == null) {
            return Optional.empty();
        }
        return targets.values().stream().filter(t -> t.isArtifact(file)).findFirst();
    }

    /** The configured targets whose {@link Target} writes artifact files ({@code nanopy build -o}), in config order. */
    public java.util.List<String> artifactWriters() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String name : config.targetNames()) {
            try {
                if (target(config.resolve(name, registry)).filter(Target::writesArtifacts).isPresent()) {
                    out.add(name);
                }
            } catch (ConfigError e) {
                // a target this config cannot build writes nothing
            }
        }
        return out;
    }

    /**
     * The pipeline that continues IR text written after pass {@code pass} ({@code --start-after} on a
     * file with no default target, e.g. {@code u.ir}): the language of that IR picks it. Of the
     * targets whose pipeline contains {@code pass}, a file extension's default target is preferred
     * (so NanoPy IR continues on the register VM), else the first in the config.
     *
     * @throws ConfigError when no target runs {@code pass}
     */
    public Pipeline pipelineAfter(String pass) throws ConfigError {
        List<String> candidates = new ArrayList<>();
        for (String t : config.targetNames()) {
            Pipeline p = config.resolve(t, registry);
            if (p.steps().stream().anyMatch(s -> s.pass().name().equals(pass))) {
                candidates.add(t);
            }
        }
        if (candidates.isEmpty()) {
            throw new ConfigError("--start-after: no target runs pass '" + pass + "'" + registry.suggest(pass)
                    + "; choose a pipeline with --target or --passes");
        }
        String chosen = config.defaultTargets().stream().filter(candidates::contains).findFirst().orElse(candidates.get(0));
        return config.resolve(chosen, registry);
    }

    /** The result of compiling: the last language reached and the program in it. */
    public record Compiled(Language language, Node program) {}

    /**
     * Runs steps {@code from} (inclusive) to {@code to} (exclusive). When {@code from} is 0 and the
     * first pass reads {@link Source}, {@code text} is source code; otherwise it is IR text of the
     * language step {@code from} reads.
     *
     * @throws IrError when IR text is malformed
     * @throws nanopy.ir.CompileError when the program is wrong
     * @throws PassFailure when a pass misbehaves
     */
    public Compiled compile(Pipeline p, int from, int to, String fileName, String text, PassManager pm) throws IrError {
        Language in = from < p.steps().size() ? p.steps().get(from).pass().input() : p.steps().get(p.steps().size() - 1).pass().output();
        Node program;
        if (in == Source.LANGUAGE) {
            program = new Source.SourceFile(fileName, text);
        } else {
            program = IrText.parse(in, text);
        }
        PassContext ctx = new PassContext(fileName, in == Source.LANGUAGE ? text : "", p.options());
        Node out = pm.run(p, from, to, program, ctx);
        Language lang = Languages.of(out).orElseThrow();
        return new Compiled(lang, out);
    }

    /**
     * Runs a compiled program: with the pipeline's runner when it names one, else with the reference
     * interpreter of its language.
     *
     * @throws nanopy.ir.PyRuntimeError when the program fails
     * @throws UnsupportedOperationException when nothing can run programs of that language
     */
    public void execute(Pipeline p, Compiled c, ProgramIo io) {
        String runnerName = p.run().orElse("interpret");
        TargetRunner r = runners.get(runnerName);
        if (r == null) {
            throw new UnsupportedOperationException("no runner called '" + runnerName + "' (known: " + String.join(", ", runners.keySet()) + ")");
        }
        r.run(c.language(), c.program(), io);
    }
}
