package nanopy.driver.golden;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nanopy.driver.Pipeline;

/**
 * The matrix of checks: every program of the given suites on every target that compiles it.
 */
public final class GoldenCases {
    /**
     * One check to make.
     *
     * @param program the program
     * @param pipeline the target's pipeline
     */
    public record Case(GoldenProgram program, Pipeline pipeline) {
        /** {@code target suite/name}. */
        @Override
        public String toString() {
            return pipeline.name() + " " + program.id();
        }
    }

    private GoldenCases() {}

    /**
     * Lists the checks for {@code suiteDirs}, suite by suite and program by program, targets in config order.
     *
     * @param targets the resolved targets
     * @param suiteDirs suite folders (each folder's name is its suite's name)
     * @param only target names to keep; empty keeps all
     * @param notices receives a sentence for each suite without programs any (kept) target compiles
     */
    public static List<Case> collect(Targets targets, List<Path> suiteDirs, Set<String> only, List<String> notices) {
        List<Case> out = new ArrayList<>();
        boolean slowWanted = Outcomes.slowTestsWanted();
        for (Path dir : suiteDirs) {
            int before = out.size();
            for (GoldenProgram p : Suites.programs(dir, targets::compiles)) {
                java.util.Optional<String> pending = Outcomes.builtin().pendingProgram(p.id());
                if (pending.isPresent()) {
                    notices.add("skipped pending program " + p.id() + ": " + pending.get());
                    continue;
                }
                if (!slowWanted && Outcomes.builtin().isSlow(p.id())) {
                    notices.add("skipped slow program " + p.id() + " (run with -Dnanopy.slowTests=true to check it)");
                    continue;
                }
                for (Pipeline pl : targets.forFile(p.file().getFileName().toString())) {
                    if (only.isEmpty() || only.contains(pl.name())) {
                        out.add(new Case(p, pl));
                    }
                }
            }
            if (out.size() == before) {
                notices.add("skipped suite " + dir.getFileName() + " (" + dir.normalize() + "): no "
                        + (only.isEmpty() ? "" : "chosen ") + "target compiles its programs");
            }
        }
        return out;
    }
}
