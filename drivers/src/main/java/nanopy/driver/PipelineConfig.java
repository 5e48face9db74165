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

    /** A position in a config file (1-based line and column), or null where the file has none. */
    private record Pos(int line, int column) {
        static Pos of(TomlPosition p) {
            return p == null ? null : new Pos(p.line(), p.column());
        }
    }

    private record PassRef(String name, Pos pos) {}

    private record Section(String kind, String name, String description, Optional<String> after, Pos afterPos,
            List<PassRef> passes, Map<String, Object> options, Optional<String> run, String file) {}

    private final Map<String, Section> pipelines = new LinkedHashMap<>();
    private final Map<String, Section> targets = new LinkedHashMap<>();
    private final Map<String, String> extensions = new LinkedHashMap<>();
    private final Map<String, PassRef> swaps = new LinkedHashMap<>();
    private final Map<String, String> swapFiles = new LinkedHashMap<>();

    /** Where this config came from, for {@link CompileCache} keys: "builtin", or the digest of a file's text. */
    private String identity = "builtin";

    private PipelineConfig() {}

    /**
     * What identifies this config's content: {@code builtin} for the built-in one (nanopy's version
     * stands for it), else {@code file:} and the SHA-256 of the file's text.
     */
    public String identity() {
        return identity;
    }

    /**
     * The built-in config compiled by the build ({@link #compileBuiltin}): the sections as data, read
     * without a TOML parser (tomlj's parser, run cold in the bytecode interpreter, was about a fifth of
     * {@code nanopy -c}'s start-up; docs/performance.md).
     */
    static final String COMPILED = "nanopy/driver/pipelines.bin";

    /** The first int of {@value #COMPILED}; changes with its layout. */
    private static final int COMPILED_MAGIC = 0x4e500001;

    private static final String BUILTIN_FILE = "pipelines.toml (built in)";

    /** The built-in config, read once per process (nothing changes a config after it is read). */
    private static final class Builtin {
        static final PipelineConfig CONFIG = readBuiltin();
    }

    /**
     * The config shipped inside nanopy (the build checks it: {@link #main}).
     *
     * @throws IllegalStateException when the jar lacks it or it is broken (a bug in nanopy's build)
     */
    public static PipelineConfig builtin() {
        return Builtin.CONFIG;
    }

    private static PipelineConfig readBuiltin() {
        String text = new String(resource(BUILTIN).orElseThrow(() -> new IllegalStateException("nanopy's jar lacks " + BUILTIN)),
                StandardCharsets.UTF_8);
        Optional<byte[]> compiled = resource(COMPILED);
        if (compiled.isPresent()) {
            Optional<PipelineConfig> c = readCompiled(compiled.get(), text);
            if (c.isPresent()) {
                return c.get();
            }
        }
        // no compiled form, or one older than the TOML (classes built outside Maven): parse the TOML
        try {
            PipelineConfig c = new PipelineConfig();
            c.read(BUILTIN_FILE, text, false);
            return c;
        } catch (ConfigError e) {
            throw new IllegalStateException("the built-in pipeline config is broken: " + e.getMessage(), e);
        }
    }

    private static Optional<byte[]> resource(String name) {
        try (InputStream in = PipelineConfig.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + name + " from nanopy's jar", e);
        }
    }

    /**
     * The build step that writes {@value #COMPILED}: parses the built-in TOML (failing the build on
     * any error in it) and writes its sections with the CRC-32 of the TOML text, so that a stale
     * compiled form is never used. Usage: {@code PipelineConfig OUTPUT-FILE}.
     */
    public static void main(String[] args) throws IOException, ConfigError {
        String text = new String(resource(BUILTIN).orElseThrow(), StandardCharsets.UTF_8);
        PipelineConfig c = new PipelineConfig();
        c.read(BUILTIN_FILE, text, false);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            c.writeCompiled(out, crc(text));
        }
        Path target = Path.of(args[0]);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, bytes.toByteArray());
    }

    private static int crc(String text) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    private void writeCompiled(java.io.DataOutputStream out, int crc) throws IOException {
        if (!swaps.isEmpty()) {
            throw new IllegalStateException("the built-in config has a [swap] table");
        }
        out.writeInt(COMPILED_MAGIC);
        out.writeInt(crc);
        out.writeInt(extensions.size());
        for (Map.Entry<String, String> e : extensions.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        List<Section> sections = new ArrayList<>(pipelines.values());
        sections.addAll(targets.values());
        out.writeInt(sections.size());
        for (Section s : sections) {
            out.writeUTF(s.kind());
            out.writeUTF(s.name());
            out.writeUTF(s.description());
            out.writeUTF(s.after().orElse(""));
            writePos(out, s.afterPos());
            out.writeInt(s.passes().size());
            for (PassRef r : s.passes()) {
                out.writeUTF(r.name());
                writePos(out, r.pos());
            }
            out.writeInt(s.options().size());
            for (Map.Entry<String, Object> o : s.options().entrySet()) {
                out.writeUTF(o.getKey());
                switch (o.getValue()) {
                    case Long l -> {
                        out.writeByte('L');
                        out.writeLong(l);
                    }
                    case Double d -> {
                        out.writeByte('D');
                        out.writeDouble(d);
                    }
                    case Boolean b -> {
                        out.writeByte('B');
                        out.writeBoolean(b);
                    }
                    case String str -> {
                        out.writeByte('S');
                        out.writeUTF(str);
                    }
                    default -> throw new IllegalStateException("option " + o.getKey() + " of " + s.kind() + "." + s.name()
                            + ": only integers, numbers, booleans and strings can be compiled, not " + o.getValue());
                }
            }
            out.writeUTF(s.run().orElse(""));
        }
    }

    private static void writePos(java.io.DataOutputStream out, Pos p) throws IOException {
        out.writeInt(p == null ? -1 : p.line());
        out.writeInt(p == null ? -1 : p.column());
    }

    /** The config in {@code bytes}, or empty when they were compiled from another TOML text. */
    private static Optional<PipelineConfig> readCompiled(byte[] bytes, String toml) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in.readInt() != COMPILED_MAGIC || in.readInt() != crc(toml)) {
                return Optional.empty();
            }
            PipelineConfig c = new PipelineConfig();
            for (int n = in.readInt(); n > 0; n--) {
                c.extensions.put(in.readUTF(), in.readUTF());
            }
            for (int n = in.readInt(); n > 0; n--) {
                String kind = in.readUTF();
                String name = in.readUTF();
                String description = in.readUTF();
                String after = in.readUTF();
                Pos afterPos = readPos(in);
                List<PassRef> passes = new ArrayList<>();
                for (int k = in.readInt(); k > 0; k--) {
                    passes.add(new PassRef(in.readUTF(), readPos(in)));
                }
                Map<String, Object> options = new LinkedHashMap<>();
                for (int k = in.readInt(); k > 0; k--) {
                    String key = in.readUTF();
                    options.put(key, switch (in.readByte()) {
                        case 'L' -> in.readLong();
                        case 'D' -> in.readDouble();
                        case 'B' -> in.readBoolean();
                        default -> in.readUTF();
                    });
                }
                String run = in.readUTF();
                Section s = new Section(kind, name, description, after.isEmpty() ? Optional.empty() : Optional.of(after), afterPos,
                        List.copyOf(passes), options, run.isEmpty() ? Optional.empty() : Optional.of(run), BUILTIN_FILE);
                (kind.equals("pipeline") ? c.pipelines : c.targets).put(name, s);
            }
            return Optional.of(c);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Pos readPos(java.io.DataInputStream in) throws IOException {
        int line = in.readInt();
        int column = in.readInt();
        return line < 0 ? null : new Pos(line, column);
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
        c.identity = "file:" + java.util.HexFormat.of().formatHex(CompileCache.sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
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
                swaps.put(k, new PassRef(string(file, toml, path), Pos.of(toml.inputPositionOf(path))));
                swapFiles.put(k, file);
            }
        }
    }

    private static String at(String file, TomlPosition pos) {
        return at(file, Pos.of(pos));
    }

    private static String at(String file, Pos pos) {
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
            passes.add(new PassRef(s, Pos.of(arr.inputPositionOf(i))));
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
        return new Section(kind, name, description, after, Pos.of(toml.inputPositionOf(concat(base, "after"))), passes, options, run, file);
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
            if (containsSame(chain, s)) {
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
                PassRef swap = swaps.get(ref.name());
                PassInfo info;
                if (swap != null) {
                    // A swapped-out pass may be absent (an assignment's jars lack the reference pass):
                    // then its neighbours' languages alone check the replacement.
                    String swapAt = at(swapFiles.get(ref.name()), swap.pos());
                    PassInfo replacement = passInfo(swap.name(), swapAt, registry);
                    info = registry.get(ref.name()).orElse(replacement);
                    if (replacement.input() != info.input() || replacement.output() != info.output()) {
                        throw new ConfigError(swapAt + "cannot swap '" + info.name() + "' (" + info.input().name() + " -> "
                                + info.output().name() + ") for '" + replacement.name() + "' (" + replacement.input().name() + " -> "
                                + replacement.output().name() + "): the languages differ");
                    }
                    info = replacement;
                } else {
                    info = passInfo(ref.name(), at(s.file(), ref.pos()), registry);
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

    /**
     * Whether {@code s} itself is in {@code chain}. (Not {@code List.contains}: a record's
     * {@code equals} is bootstrapped through {@code ObjectMethods} on first use, which spins method
     * handles for about a tenth of {@code nanopy -c}'s start-up.)
     */
    private static boolean containsSame(List<Section> chain, Section s) {
        for (Section c : chain) {
            if (c == s) {
                return true;
            }
        }
        return false;
    }

    private static PassInfo passInfo(String name, String where, PassRegistry registry) throws ConfigError {
        return registry.get(name).orElseThrow(() -> new ConfigError(where + "unknown pass '" + name + "'" + registry.suggest(name)));
    }
}
