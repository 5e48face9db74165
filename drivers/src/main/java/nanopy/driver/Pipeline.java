package nanopy.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A checked sequence of passes, each with its options: the output language of every step is the
 * input language of the next. {@link #canonical()} prints it in the form {@link #parse} reads:
 * {@code parse-arith,uniquify,inline{threshold=20}}.
 *
 * @param name the target or pipeline it came from, or {@code "--passes"}
 * @param steps the passes in order
 * @param run how a target's output runs ({@code "interpret"}), or empty for a bare pipeline
 */
public record Pipeline(String name, List<Step> steps, Optional<String> run) {
    /** One pass of a pipeline, with its options (option name without the pass prefix to value). */
    public record Step(PassInfo pass, Map<String, Object> options) {
        public Step {
            options = Map.copyOf(options);
        }

        /** {@code name} or {@code name{k=v,k2=v2}} with keys sorted. */
        public String canonical() {
            if (options.isEmpty()) {
                return pass.name();
            }
            List<String> kv = new ArrayList<>();
            options.keySet().stream().sorted().forEach(k -> kv.add(k + "=" + formatValue(options.get(k))));
            return pass.name() + "{" + String.join(",", kv) + "}";
        }
    }

    public Pipeline {
        steps = List.copyOf(steps);
    }

    /** The options of all steps as {@code pass.key -> value}, for {@link nanopy.pass.PassContext}. */
    public Map<String, Object> options() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Step s : steps) {
            s.options().forEach((k, v) -> all.put(s.pass().name() + "." + k, v));
        }
        return all;
    }

    /**
     * This pipeline with option {@code key = value} on every step that runs pass {@code passName}
     * (the same pipeline when no step does).
     */
    public Pipeline withOption(String passName, String key, Object value) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            if (s.pass().name().equals(passName)) {
                Map<String, Object> o = new LinkedHashMap<>(s.options());
                o.put(key, value);
                out.add(new Step(s.pass(), o));
            } else {
                out.add(s);
            }
        }
        return new Pipeline(name, out, run);
    }

    /** The passes, comma-separated, options in braces: parses back with {@link #parse} to an equal pipeline. */
    public String canonical() {
        List<String> parts = new ArrayList<>();
        for (Step s : steps) {
            parts.add(s.canonical());
        }
        return String.join(",", parts);
    }

    /** The index of the step running pass {@code name}, or -1. */
    public int indexOf(String passName) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).pass().name().equals(passName)) {
                return i;
            }
        }
        return -1;
    }

    static String formatValue(Object v) {
        return v instanceof String s ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : String.valueOf(v);
    }

    /**
     * Parses {@code a,b{k=1,flag=true},c} into a checked pipeline (no spaces needed; spaces around
     * names are ignored).
     *
     * @param origin how errors name the text, e.g. {@code --passes}
     * @throws ConfigError "{@code origin:1:COL: unknown pass 'x' (did you mean y?)}", a malformed
     *     option, or two neighbours whose languages do not fit
     */
    public static Pipeline parse(String text, String origin, PassRegistry registry) throws ConfigError {
        List<Step> steps = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        int i = 0;
        int n = text.length();
        if (text.isBlank()) {
            throw new ConfigError(origin + ":1:1: the pipeline is empty; name passes separated by commas");
        }
        while (i <= n) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && text.charAt(i) != ',' && text.charAt(i) != '{') {
                i++;
            }
            String name = text.substring(start, i).trim();
            if (name.isEmpty()) {
                throw new ConfigError(origin + ":1:" + (start + 1) + ": expected a pass name");
            }
            PassInfo info = registry.get(name).orElse(null);
            if (info == null) {
                throw new ConfigError(origin + ":1:" + (start + 1) + ": unknown pass '" + name + "'" + registry.suggest(name)
                        + "; nanopy --list-passes lists them");
            }
            Map<String, Object> options = new LinkedHashMap<>();
            if (i < n && text.charAt(i) == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw new ConfigError(origin + ":1:" + (i + 1) + ": '{' is never closed");
                }
                int kvStart = i + 1;
                for (String kv : text.substring(i + 1, close).split(",", -1)) {
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new ConfigError(origin + ":1:" + (kvStart + 1) + ": expected key=value in the options of " + name);
                    }
                    String key = kv.substring(0, eq).trim();
                    Object value = parseValue(kv.substring(eq + 1).trim());
                    java.util.Optional<String> problem = info.optionProblem(key, value);
                    if (problem.isPresent()) {
                        throw new ConfigError(origin + ":1:" + (kvStart + 1 + kv.indexOf(key)) + ": " + problem.get());
                    }
                    options.put(key, value);
                    kvStart += kv.length() + 1;
                }
                i = close + 1;
            }
            steps.add(new Step(info, options));
            cols.add(start + 1);
            if (i < n && text.charAt(i) != ',') {
                throw new ConfigError(origin + ":1:" + (i + 1) + ": expected ',' after " + name);
            }
            i++;
        }
        for (int k = 1; k < steps.size(); k++) {
            checkFits(steps.get(k - 1).pass(), steps.get(k).pass(), origin + ":1:" + cols.get(k));
        }
        return new Pipeline(origin, steps, Optional.empty());
    }

    static Object parseValue(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e2) {
                return v;
            }
        }
    }

    /**
     * Checks that {@code next} reads what {@code prev} writes.
     *
     * @throws ConfigError "{@code where: pass 'b' reads X but 'a' before it produces Y}"
     */
    static void checkFits(PassInfo prev, PassInfo next, String where) throws ConfigError {
        if (prev.output() != next.input()) {
            throw new ConfigError(where + ": pass '" + next.name() + "' reads " + next.input().name() + " but '" + prev.name()
                    + "' before it produces " + prev.output().name());
        }
    }
}
