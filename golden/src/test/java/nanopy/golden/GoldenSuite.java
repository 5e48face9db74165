package nanopy.golden;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nanopy.driver.Driver;
import nanopy.driver.golden.Expectation;
import nanopy.driver.golden.GoldenCases;
import nanopy.driver.golden.Suites;
import nanopy.driver.golden.Targets;

/**
 * Everything the golden tests check with the built-in pipelines: each suite ({@code golden/programs/*}
 * and, when present, {@code ../shared/corpus/*}) on each target that compiles it, with the
 * checkpoints of {@code checkpoints.toml}; and the approved files that must exist for them.
 *
 * @param driver the built-in config and passes
 * @param cases every program x target
 * @param checkpoints the configured checkpoints
 * @param suiteDirs the suite folders found
 * @param notices what was skipped, one sentence each
 */
record GoldenSuite(Driver driver, List<GoldenCases.Case> cases, Checkpoints checkpoints, List<Path> suiteDirs, List<String> notices) {
    private static final class Holder {
        static final GoldenSuite BUILTIN = load();
    }

    /** The suite of the built-in pipelines (loaded once per test run). */
    static GoldenSuite builtin() {
        return Holder.BUILTIN;
    }

    /**
     * The targets named by the system property {@code nanopy.golden.targets} (comma-separated, e.g.
     * {@code -Dnanopy.golden.targets=regvm,llvm}) for a focused run; empty (every target) when unset.
     */
    static Set<String> onlyTargets() {
        String value = System.getProperty("nanopy.golden.targets", "").strip();
        return value.isEmpty() ? Set.of() : Set.of(value.split("\\s*,\\s*"));
    }

    private static GoldenSuite load() {
        Driver driver = Driver.builtin();
        Targets targets = new Targets(driver);
        List<String> notices = new ArrayList<>(targets.notices());
        List<Path> dirs = Suites.discover(GoldenLayout.repoRoot(), notices);
        List<GoldenCases.Case> all = GoldenCases.collect(targets, dirs, Set.of(), notices);
        Checkpoints checkpoints = Checkpoints.load(GoldenLayout.checkpointsFile());
        List<GoldenCases.Case> cases = new ArrayList<>();
        Set<String> only = onlyTargets();
        for (GoldenCases.Case c : all) {
            String target = c.pipeline().name();
            if ((only.isEmpty() || only.contains(target)) && checkpoints.programsOf(target).map(ids -> ids.contains(c.program().id())).orElse(true)
                    && !checkpoints.skips(target, c.program().suite()) && !checkpoints.skipsProgram(target, c.program().id())) {
                cases.add(c);
            }
        }
        targets.all().keySet().forEach(t -> dirs.forEach(d -> {
            if (checkpoints.skips(t, d.getFileName().toString())) {
                notices.add("target " + t + " skips the suite " + d.getFileName() + " (checkpoints.toml skip_suites: it rejects that stage)");
            }
        }));
        targets.all().keySet().forEach(t -> checkpoints.programsOf(t).ifPresent(ids -> notices.add(
                "target " + t + " checks only the " + ids.size() + " programs its checkpoints.toml table lists")));
        return new GoldenSuite(driver, cases, checkpoints, dirs, notices);
    }

    /** True when the case's program must be rejected at compile time. */
    static boolean rejected(GoldenCases.Case c) {
        return c.program().expected() instanceof Expectation.Rejected;
    }

    /** The passes whose output is approved for this case (none for a program that must be rejected). */
    List<String> checkpointsOf(GoldenCases.Case c) {
        return rejected(c) ? List.of() : checkpoints.of(c.pipeline(), c.program().suite());
    }

    /** {@code <target>/<suite>/<name>}: the approved files of a case start with this. */
    static String stem(GoldenCases.Case c) {
        return c.pipeline().name() + "/" + c.program().suite() + "/" + c.program().name();
    }

    /** The approved files (relative to {@code golden/approved}, {@code /}-separated) every case must have. */
    List<String> expectedFiles() {
        List<String> out = new ArrayList<>();
        for (GoldenCases.Case c : cases) {
            if (rejected(c)) {
                out.add(stem(c) + ".diagnostics.txt");
            }
            for (String p : checkpointsOf(c)) {
                out.add(stem(c) + "." + p + ".ir");
            }
        }
        return out;
    }
}
