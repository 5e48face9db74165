package nanopy.driver.golden;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * The exceptions to "a program does what CPython does", from {@code nanopy/driver/golden/outcomes.toml}:
 * programs that may end with an accepted error instead of their golden output, and programs too slow
 * to check pass by pass unless asked for.
 */
public final class Outcomes {
    private static final String RESOURCE = "nanopy/driver/golden/outcomes.toml";
    private static final Outcomes BUILTIN = load();

    private final Map<String, String> accepted;
    private final Map<String, String> stdout;
    private final Set<String> slow;
    private final Map<String, String> pending;
    private final Map<String, Map<String, String>> extra = new LinkedHashMap<>();

    private Outcomes(Map<String, String> accepted, Map<String, String> stdout, Set<String> slow, Map<String, String> pending) {
        this.accepted = Map.copyOf(accepted);
        this.stdout = Map.copyOf(stdout);
        this.slow = Set.copyOf(slow);
        this.pending = Map.copyOf(pending);
    }

    /**
     * Why suite {@code suite} (a folder name, e.g. {@code stage2}) is not yet run by the golden
     * harness: it uses a stage of the language nanopy does not implement yet. Its programs are
     * checked only to fail cleanly (a diagnostic, never a crash or a wrong answer).
     */
    public Optional<String> pendingSuite(String suite) {
        return Optional.ofNullable(pending.get(suite));
    }

    /**
     * Why program {@code id} ({@code suite/name}) is not yet run by the golden harness: it uses a part
     * of a language stage nanopy does not implement yet ({@code [pending]} keys with a {@code /}).
     * Like a pending suite's programs, it is checked only to end cleanly.
     */
    public Optional<String> pendingProgram(String id) {
        return Optional.ofNullable(pending.get(id));
    }

    /** The outcomes shipped with nanopy. */
    public static Outcomes builtin() {
        return BUILTIN;
    }

    /** The last stderr line program {@code id} may end with instead of printing its golden output. */
    public Optional<String> acceptedError(String id) {
        return Optional.ofNullable(accepted.get(id));
    }

    /** The stdout program {@code id} must print when its {@code .golden} is known not to be CPython's. */
    public Optional<String> stdout(String id) {
        return Optional.ofNullable(stdout.get(id));
    }

    /**
     * The stdout of a program whose {@code # error:} header names a construct a later stage of the
     * language accepts ({@code [runs]}): it now runs, as CPython runs it.
     */
    public Optional<String> runs(String id) {
        return Optional.ofNullable(extra.get("runs").get(id));
    }

    /** The line a rejected program's diagnostic is now on when a later stage moved it ({@code [error_line]}). */
    public Optional<Integer> errorLine(String id) {
        return Optional.ofNullable(extra.get("error_line").get(id)).map(Integer::valueOf);
    }

    /** True for a program checked only with {@code -Dnanopy.slowTests=true}. */
    public boolean isSlow(String id) {
        return slow.contains(id);
    }

    /** True when slow programs are to be checked ({@code -Dnanopy.slowTests=true}). */
    public static boolean slowTestsWanted() {
        return Boolean.getBoolean("nanopy.slowTests");
    }

    private static Outcomes load() {
        try (InputStream in = Outcomes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("nanopy's jar lacks " + RESOURCE);
            }
            TomlParseResult toml = Toml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (toml.hasErrors()) {
                throw new IllegalStateException(RESOURCE + ": " + toml.errors().get(0));
            }
            Map<String, String> accepted = new LinkedHashMap<>();
            TomlTable acc = toml.getTable("accept");
            if (acc != null) {
                for (String k : acc.keySet()) {
                    accepted.put(k, String.valueOf(acc.get(java.util.List.of(k))));
                }
            }
            Map<String, String> stdout = new LinkedHashMap<>();
            TomlTable out = toml.getTable("stdout");
            if (out != null) {
                for (String k : out.keySet()) {
                    stdout.put(k, String.valueOf(out.get(java.util.List.of(k))));
                }
            }
            Set<String> slow = new LinkedHashSet<>();
            TomlArray programs = toml.getArray("slow.programs");
            if (programs != null) {
                for (int i = 0; i < programs.size(); i++) {
                    slow.add(programs.getString(i));
                }
            }
            Map<String, String> pending = new LinkedHashMap<>();
            TomlTable pend = toml.getTable("pending");
            if (pend != null) {
                for (String k : pend.keySet()) {
                    pending.put(k, String.valueOf(pend.get(java.util.List.of(k))));
                }
            }
            Outcomes result = new Outcomes(accepted, stdout, slow, pending);
            for (String name : java.util.List.of("runs", "error_line")) {
                Map<String, String> m = new LinkedHashMap<>();
                TomlTable t = toml.getTable(name);
                if (t != null) {
                    for (String k : t.keySet()) {
                        m.put(k, String.valueOf(t.get(java.util.List.of(k))));
                    }
                }
                result.extra.put(name, m);
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
