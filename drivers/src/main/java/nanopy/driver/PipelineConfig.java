package nanopy.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nanopy.ir.Suggest;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The declarative pipeline: a TOML file of named pass sequences. {@code [pipeline.NAME]} and
 * {@code [target.NAME]} tables hold {@code passes = [...]}, an optional {@code after = "other"}
 * (continue another pipeline: a target is a tail after a shared prefix), a {@code description}, and
 * an {@code options} table ({@code "pass.key" = value}); a target also says how its output runs
 * ({@code run = "interpret"}). {@code [defaults] extensions = { py = "regvm" }} picks a file's
 * default target, and {@code [swap] old = "new"} replaces a pass everywhere by one with the same
 * languages (how a course swaps a student's pass for the reference one). A file with
 * {@code base = "builtin"} at the top is layered over the built-in config.
 */
public final class PipelineConfig {
    /** The built-in config's resource name and the name its positions carry. */
    public static final String BUILTIN = "nanopy/driver/pipelines.toml";

    private record PassRef(String name, TomlPosition pos) {}

    private record Section(String kind, String name, String description, Optional<String> after, TomlPosition afterPos,
            List<PassRef> passes, Map<String, Object> options, Optional<String> run, String file) {}

    private final Map<String, Section> pipelines = new LinkedHashMap<>();
    private final Map<String, Section> targets = new LinkedHashMap<>();
    private final Map<String, String> extensions = new LinkedHashMap<>();
    private final Map<String, PassRef> swaps = new LinkedHashMap<>();
    private final Map<String, String> swapFiles = new LinkedHashMap<>();

    private PipelineConfig() {}

    /** Loads the config shipped inside nanopy. */
    public static PipelineConfig builtin() throws ConfigError {
        try (InputStream in = PipelineConfig.class.getClassLoader().getResourceAsStream(BUILTIN)) {
            if (in == null) {
                throw new IllegalStateException("nanopy's jar lacks " + BUILTIN);
            }
            PipelineConfig c = new PipelineConfig();
            c.read("pipelines.toml (built in)", new String(in.readAllBytes(), StandardCharsets.UTF_8), false);
            return c;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads {@code file}; with {@code base = "builtin"} it is layered over the built-in config.
     *
     * @throws ConfigError for unreadable files, TOML syntax errors and unknown keys, with file:line:col
     */
    public static PipelineConfig load(Path file) throws ConfigError {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigError(file + ": cannot read the pipeline config (" + e.getMessage() + ")");
        }
        PipelineConfig c = new PipelineConfig();
        c.read(file.toString(), text, true);
        return c;
    }

    private void read(String file, String text, boolean allowBase) throws ConfigError {
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            var e = toml.errors().get(0);
            throw new ConfigError(file + ":" + e.position().line() + ":" + e.position().column() + ": " + e.getMessage());
        }
        for (String key : toml.keySet()) {
            if (!List.of("base", "defaults", "pipeline", "target", "swap").contains(key)) {
                throw new ConfigError(at(file, toml.inputPositionOf(List.of(key))) + "unknown table or key '" + key + "'"
                        + Suggest.didYouMean(key, List.of("base", "defaults", "pipeline", "target", "swap")));
            }
        }
        if (toml.contains("base")) {
            String base = toml.get("base") instanceof String s ? s : "";
            if (!allowBase || !base.equals("builtin")) {
                throw new ConfigError(at(file, toml.inputPositionOf(List.of("base"))) + "base must be \"builtin\"");
            }
            PipelineConfig b = builtin();
            pipelines.putAll(b.pipelines);
            targets.putAll(b.targets);
            extensions.putAll(b.extensions);
        }
        TomlTable defaults = table(file, toml, List.of("defaults"));
        if (defaults != null) {
            TomlTable ext = table(file, toml, List.of("defaults", "extensions"));
            if (ext != null) {
                for (String k : ext.keySet()) {
                    extensions.put(k, string(file, toml, List.of("defaults", "extensions", k)));
                }
            }
        }
        for (String kind : List.of("pipeline", "target")) {
            TomlTable t = table(file, toml, List.of(kind));
            if (t == null) {
                continue;
            }
            for (String name : t.keySet()) {
                Section s = section(file, toml, kind, name);
                (kind.equals("pipeline") ? pipelines : targets).put(name, s);
            }
        }
        TomlTable swap = table(file, toml, List.of("swap"));
        if (swap != null) {
            for (String k : swap.keySet()) {
                List<String> path = List.of("swap", k);
                swaps.put(k, new PassRef(string(file, toml, path), toml.inputPositionOf(path)));
                swapFiles.put(k, file);
            }
        }
    }

    private static String at(String file, TomlPosition pos) {
        return pos == null ? file + ": " : file + ":" + pos.line() + ":" + pos.column() + ": ";
    }

    private static TomlTable table(String file, TomlParseResult toml, List<String> path) throws ConfigError {
        Object v = toml.get(path);
        if (v == null) {
            return null;
        }
        if (!(v instanceof TomlTable t)) {
            throw new ConfigError(at(file, toml.inputPositionOf(path)) + String.join(".", path) + " must be a table");
        }
        return t;
    }

    private static String string(String file, TomlParseResult toml, List<String> path) throws ConfigError {
        Object v = toml.get(path);
        if (!(v instanceof String s)) {
            throw new ConfigError(at(file, toml.inputPositionOf(path)) + String.join(".", path) + " must be a string");
        }
        return s;
    }

    private static Section section(String file, TomlParseResult toml, String kind, String name) throws ConfigError {
        List<String> base = List.of(kind, name);
        TomlTable t = table(file, toml, base);
        if (t == null) {
            throw new ConfigError(at(file, toml.inputPositionOf(base)) + kind + "." + name + " must be a table");
        }
        List<String> allowed = kind.equals("target") ? List.of("description", "after", "passes", "options", "run")
                : List.of("description", "after", "passes", "options");
        for (String k : t.keySet()) {
            if (!allowed.contains(k)) {
                throw new ConfigError(at(file, toml.inputPositionOf(concat(base, k))) + "unknown key '" + k + "' in " + kind + "." + name
                        + Suggest.didYouMean(k, allowed));
            }
        }
        String description = t.contains("description") ? string(file, toml, concat(base, "description")) : "";
        Optional<String> after = t.contains("after") ? Optional.of(string(file, toml, concat(base, "after"))) : Optional.empty();
        List<PassRef> passes = new ArrayList<>();
        Object p = toml.get(concat(base, "passes"));
        if (!(p instanceof TomlArray arr)) {
            throw new ConfigError(at(file, p == null ? toml.inputPositionOf(base) : toml.inputPositionOf(concat(base, "passes")))
                    + kind + "." + name + " needs passes = [\"pass\", ...]");
        }
        for (int i = 0; i < arr.size(); i++) {
            if (!(arr.get(i) instanceof String s)) {
                throw new ConfigError(at(file, arr.inputPositionOf(i)) + "passes must be strings (pass names)");
            }
            passes.add(new PassRef(s, arr.inputPositionOf(i)));
        }
        Map<String, Object> options = new LinkedHashMap<>();
        TomlTable opts = table(file, toml, concat(base, "options"));
        if (opts != null) {
            for (String k : opts.keySet()) {
                Object v = opts.get(List.of(k));
                if (!k.contains(".")) {
                    throw new ConfigError(at(file, toml.inputPositionOf(concat(concat(base, "options"), k)))
                            + "option keys are \"pass-name.option\", not '" + k + "'");
                }
                options.put(k, v);
            }
        }
        Optional<String> run = t.contains("run") ? Optional.of(string(file, toml, concat(base, "run"))) : Optional.empty();
        return new Section(kind, name, description, after, toml.inputPositionOf(concat(base, "after")), passes, options, run, file);
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    /** Target names in file order. */
    public List<String> targetNames() {
        return List.copyOf(targets.keySet());
    }

    /** Named pipelines (not targets) in file order. */
    public List<String> pipelineNames() {
        return List.copyOf(pipelines.keySet());
    }

    /** The description of target or pipeline {@code name}. */
    public String description(String name) {
        Section s = targets.containsKey(name) ? targets.get(name) : pipelines.get(name);
        return s == null ? "" : s.description();
    }

    /** The default target for a file name, by extension ({@code prog.py} uses {@code extensions.py}). */
    public Optional<String> targetForFile(String fileName) {
        return targetForExtension(fileName);
    }

    /** The default targets of the file extensions ({@code [defaults.extensions]}), in file order, without repeats. */
    public List<String> defaultTargets() {
        return List.copyOf(new java.util.LinkedHashSet<>(extensions.values()));
    }

    private Optional<String> targetForExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(extensions.get(fileName.substring(dot + 1)));
    }

    /**
     * Resolves target (or named pipeline) {@code name}: its {@code after} chain from the first
     * pipeline, swaps applied, options merged (later sections win), languages checked.
     *
     * @throws ConfigError for an unknown name, unknown pass, cycle in {@code after}, a swap between
     *     passes of different languages, or neighbouring passes whose languages do not fit; with the
     *     file position of the offending entry
     */
    public Pipeline resolve(String name, PassRegistry registry) throws ConfigError {
        Section top = targets.containsKey(name) ? targets.get(name) : pipelines.get(name);
        if (top == null) {
            List<String> names = new ArrayList<>(targets.keySet());
            names.addAll(pipelines.keySet());
            throw new ConfigError("unknown target '" + name + "'" + Suggest.didYouMean(name, names) + "; targets: "
                    + String.join(", ", targets.keySet()));
        }
        List<Section> chain = new ArrayList<>();
        for (Section s = top; s != null; ) {
            if (chain.contains(s)) {
                throw new ConfigError(at(s.file(), s.afterPos()) + "'after' makes a cycle: " + s.kind() + "." + s.name());
            }
            chain.add(0, s);
            if (s.after().isEmpty()) {
                break;
            }
            String a = s.after().get();
            Section next = pipelines.containsKey(a) ? pipelines.get(a) : targets.get(a);
            if (next == null) {
                throw new ConfigError(at(s.file(), s.afterPos()) + s.kind() + "." + s.name() + " comes after unknown pipeline '" + a + "'"
                        + Suggest.didYouMean(a, pipelines.keySet()));
            }
            s = next;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        List<Pipeline.Step> steps = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Section s : chain) {
            options.putAll(s.options());
        }
        for (Section s : chain) {
            for (PassRef ref : s.passes()) {
                PassInfo info = passInfo(ref.name(), at(s.file(), ref.pos()), registry);
                PassRef swap = swaps.get(ref.name());
                if (swap != null) {
                    String swapAt = at(swapFiles.get(ref.name()), swap.pos());
                    PassInfo replacement = passInfo(swap.name(), swapAt, registry);
                    if (replacement.input() != info.input() || replacement.output() != info.output()) {
                        throw new ConfigError(swapAt + "cannot swap '" + info.name() + "' (" + info.input().name() + " -> "
                                + info.output().name() + ") for '" + replacement.name() + "' (" + replacement.input().name() + " -> "
                                + replacement.output().name() + "): the languages differ");
                    }
                    info = replacement;
                }
                Map<String, Object> mine = new LinkedHashMap<>();
                String prefix = ref.name() + ".";
                for (Map.Entry<String, Object> o : options.entrySet()) {
                    if (o.getKey().startsWith(prefix)) {
                        String key = o.getKey().substring(prefix.length());
                        Optional<String> problem = info.optionProblem(key, o.getValue());
                        if (problem.isPresent()) {
                            throw new ConfigError(at(s.file(), ref.pos()) + problem.get() + " (in the options of " + s.kind() + "." + s.name()
                                    + " or a section before it)");
                        }
                        mine.put(key, o.getValue());
                    }
                }
                steps.add(new Pipeline.Step(info, mine));
                where.add(at(s.file(), ref.pos()));
            }
        }
        for (int k = 1; k < steps.size(); k++) {
            String w = where.get(k);
            Pipeline.checkFits(steps.get(k - 1).pass(), steps.get(k).pass(), w.substring(0, w.length() - 2));
        }
        return new Pipeline(name, steps, top.run());
    }

    private static PassInfo passInfo(String name, String where, PassRegistry registry) throws ConfigError {
        return registry.get(name).orElseThrow(() -> new ConfigError(where + "unknown pass '" + name + "'" + registry.suggest(name)));
    }
}
