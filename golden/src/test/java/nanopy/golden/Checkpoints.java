package nanopy.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import nanopy.driver.Pipeline;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

/**
 * The checkpoints of each target, from {@code golden/checkpoints.toml}: the passes whose output IR
 * is approved as a snapshot. {@code "final"} is the target's last pass; a target without its own
 * table uses {@code [default]}. A target's table may list {@code suites}: its {@code after} then
 * applies to the programs of those suites only, and the others get {@code [default]} (so focused
 * suites get many snapshots without multiplying those of the external corpus).
 */
final class Checkpoints {
    private final TomlParseResult toml;

    private Checkpoints(TomlParseResult toml) {
        this.toml = toml;
    }

    /**
     * Reads the checkpoints file.
     *
     * @throws IllegalStateException when it is not valid TOML
     */
    static Checkpoints load(Path file) {
        try {
            TomlParseResult t = Toml.parse(file);
            if (t.hasErrors()) {
                throw new IllegalStateException(file + ": " + t.errors().get(0));
            }
            return new Checkpoints(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The program ids ({@code suite/name}) a target's table limits it to with {@code programs}, or
     * empty when it runs on every program (a slow target checks a chosen sample).
     */
    java.util.Optional<java.util.Set<String>> programsOf(String target) {
        TomlArray arr = toml.getArray(List.of(target, "programs"));
        if (arr == null) {
            return java.util.Optional.empty();
        }
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (int i = 0; i < arr.size(); i++) {
            ids.add(arr.getString(i));
        }
        return java.util.Optional.of(ids);
    }

    /**
     * True when {@code target}'s table leaves out {@code suite} with {@code skip_suites}: the target
     * rejects that stage of the language with a diagnostic (stage 2 on llvm and lir-interp).
     */
    boolean skips(String target, String suite) {
        TomlArray arr = toml.getArray(List.of(target, "skip_suites"));
        return arr != null && arr.toList().contains(suite);
    }

    /** True when {@code target}'s {@code skip_programs} lists program {@code id} (it rejects a stage-2 construct there). */
    boolean skipsProgram(String target, String id) {
        TomlArray arr = toml.getArray(List.of(target, "skip_programs"));
        return arr != null && arr.toList().contains(id);
    }

    /**
     * The checkpoint passes of {@code target} for a program of {@code suite}, in pipeline order,
     * without duplicates.
     *
     * @throws IllegalStateException when the file names a pass the target does not have
     */
    List<String> of(Pipeline target, String suite) {
        TomlArray arr = toml.getArray(List.of(target.name(), "after"));
        TomlArray suites = toml.getArray(List.of(target.name(), "suites"));
        if (suites != null && !suites.toList().contains(suite)) {
            arr = null;
        }
        if (arr == null) {
            arr = toml.getArray(List.of("default", "after"));
        }
        LinkedHashSet<String> wanted = new LinkedHashSet<>();
        String last = target.steps().get(target.steps().size() - 1).pass().name();
        for (int i = 0; arr != null && i < arr.size(); i++) {
            String name = arr.getString(i);
            String pass = name.equals("final") ? last : name;
            if (target.indexOf(pass) < 0) {
                throw new IllegalStateException("checkpoints.toml: target " + target.name() + " has no pass '" + pass + "'");
            }
            wanted.add(pass);
        }
        List<String> out = new ArrayList<>();
        target.steps().forEach(s -> {
            if (wanted.contains(s.pass().name()) && !out.contains(s.pass().name())) {
                out.add(s.pass().name());
            }
        });
        return out;
    }
}
