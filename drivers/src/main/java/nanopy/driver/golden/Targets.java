package nanopy.driver.golden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nanopy.driver.ConfigError;
import nanopy.driver.Driver;
import nanopy.driver.Pipeline;

/**
 * Which targets compile which programs, read from the pipeline config alone: a file extension's
 * default target ({@code [defaults.extensions]}) compiles it, and so does every other target that
 * starts with the same first pass (the same front end). A new target or language in the config is
 * picked up without code changes.
 */
public final class Targets {
    private final Driver driver;
    private final Map<String, Pipeline> resolved = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();

    /**
     * Resolves every target of the driver's config; a target that does not resolve is left out with a
     * notice.
     *
     * @param driver the config and passes
     */
    public Targets(Driver driver) {
        this.driver = driver;
        for (String t : driver.config().targetNames()) {
            try {
                resolved.put(t, driver.config().resolve(t, driver.registry()));
            } catch (ConfigError e) {
                notices.add("skipped target " + t + ": " + e.getMessage());
            }
        }
    }

    /** Sentences about targets left out. */
    public List<String> notices() {
        return List.copyOf(notices);
    }

    /** Every resolved target's pipeline, by target name, in config order. */
    public Map<String, Pipeline> all() {
        return Collections.unmodifiableMap(resolved);
    }

    /** The pipeline of target {@code name}, when it resolved. */
    public Optional<Pipeline> get(String name) {
        return Optional.ofNullable(resolved.get(name));
    }

    /** True when some target compiles files called {@code fileName}. */
    public boolean compiles(String fileName) {
        return !forFile(fileName).isEmpty();
    }

    /** The targets (in config order) that compile {@code fileName}, chosen by its extension. */
    public List<Pipeline> forFile(String fileName) {
        Optional<Pipeline> main = driver.config().targetForFile(fileName).map(resolved::get);
        if (main.isEmpty() || main.get().steps().isEmpty()) {
            return List.of();
        }
        String front = main.get().steps().get(0).pass().name();
        List<Pipeline> out = new ArrayList<>();
        for (Pipeline p : resolved.values()) {
            if (!p.steps().isEmpty() && p.steps().get(0).pass().name().equals(front)) {
                out.add(p);
            }
        }
        return out;
    }
}
