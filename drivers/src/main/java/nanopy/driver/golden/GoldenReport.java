package nanopy.driver.golden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The course report over many verdicts, in the spirit of the test driver of <i>Essentials of
 * Compilation</i>: per target, a table with a row per program and a column per pass, then totals.
 * A pass counts as correct when no program failed first at it.
 *
 * <pre>
 * target example: 1 parse-arith, 2 uniquify, 3 fold-constants, 4 remove-complex-operands, 5 flatten-lets
 * program                        12345  result
 * example/let                    .....  ok
 * example/undefined              .R     ok (rejected by uniquify)
 * example/sub                    ..X--  FAIL at fold-constants: stdout line 1 is '-1' but should be '1'
 * programs 2/3, passes 4/5
 * </pre>
 * Marks: {@code .} the pass ran and the program was right after it, {@code R} the pass rejected the
 * program as it must, {@code X} the first pass that broke it, {@code -} not reached.
 */
public final class GoldenReport {
    private final Map<String, List<Verdict>> byTarget = new LinkedHashMap<>();

    /** @param verdicts the verdicts, in the order rows are printed */
    public GoldenReport(List<Verdict> verdicts) {
        for (Verdict v : verdicts) {
            byTarget.computeIfAbsent(v.target(), t -> new ArrayList<>()).add(v);
        }
    }

    /** The verdicts of each target, by target, in first-seen order. */
    public Map<String, List<Verdict>> byTarget() {
        return byTarget;
    }

    /** How many (program, target) checks passed. */
    public int programsOk() {
        return (int) byTarget.values().stream().flatMap(List::stream).filter(Verdict::ok).count();
    }

    /** How many (program, target) checks there were. */
    public int programs() {
        return byTarget.values().stream().mapToInt(List::size).sum();
    }

    /** The passes (as {@code target:pass}) at which at least one program failed first, in pipeline order. */
    public Set<String> failingPasses() {
        Set<String> out = new LinkedHashSet<>();
        byTarget.forEach((t, vs) -> vs.forEach(v -> v.failure().ifPresent(f -> out.add(t + ":" + f.pass()))));
        return out;
    }

    /** How many (target, pass) columns there are. */
    public int passes() {
        return byTarget.values().stream().mapToInt(vs -> vs.get(0).passes().size()).sum();
    }

    /** {@code programs k/n, passes k/m}. */
    public String totals() {
        return "programs " + programsOk() + "/" + programs() + ", passes " + (passes() - failingPasses().size()) + "/" + passes();
    }

    /** The tables of every target and the overall totals, each line ending in a newline. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        byTarget.forEach((t, vs) -> sb.append(table(t, vs)).append('\n'));
        sb.append("total: ").append(totals()).append('\n');
        return sb.toString();
    }

    private static String table(String target, List<Verdict> vs) {
        List<String> passes = vs.get(0).passes();
        int width = Math.max(30, vs.stream().mapToInt(v -> v.program().length()).max().orElse(0) + 1);
        StringBuilder sb = new StringBuilder("target ").append(target).append(':');
        for (int i = 0; i < passes.size(); i++) {
            sb.append(i == 0 ? " " : ", ").append(i + 1).append(' ').append(passes.get(i));
        }
        sb.append('\n');
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < passes.size(); i++) {
            digits.append((i + 1) % 10);
        }
        sb.append(String.format("%-" + width + "s %s  result%n", "program", digits));
        for (Verdict v : vs) {
            sb.append(String.format("%-" + width + "s %s  %s%n", v.program(), marks(v), v.summary()));
        }
        GoldenReport one = new GoldenReport(vs);
        sb.append(one.totals()).append('\n');
        return sb.toString();
    }

    /** One mark per pass: {@code .}, {@code R}, {@code X}, {@code -}, or a space after a rejection. */
    static String marks(Verdict v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.passes().size(); i++) {
            if (v.failure().isPresent()) {
                int f = v.failure().get().index();
                sb.append(i < f ? '.' : i == f ? 'X' : '-');
            } else if (v.rejectedBy().isPresent()) {
                int r = v.passesOk() - 1;
                sb.append(i < r ? '.' : i == r ? 'R' : ' ');
            } else {
                sb.append('.');
            }
        }
        return sb.toString();
    }
}
