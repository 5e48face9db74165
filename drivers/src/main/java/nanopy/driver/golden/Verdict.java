package nanopy.driver.golden;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of checking one program on one target.
 *
 * @param program the program's id ({@code suite/name})
 * @param target the target (pipeline) name
 * @param passes the target's passes, in order
 * @param passesOk how many passes, from the first, ran and were found correct
 * @param failure the first pass that broke the program, if one did
 * @param rejectedBy the pass that rejected the program as expected, if it was rejected
 * @param diagnostics the full diagnostic output of a rejected program (as the CLI prints it)
 * @param snapshots the printed IR after each pass that was asked to be captured, by pass name
 * @param millis how long the check took, in milliseconds
 */
public record Verdict(String program, String target, List<String> passes, int passesOk, Optional<Failure> failure,
        Optional<String> rejectedBy, Optional<String> diagnostics, Map<String, String> snapshots, long millis) {
    /**
     * The first pass that broke a program (or that itself broke: threw, produced ill-formed IR, hung).
     *
     * @param pass the pass's registry name
     * @param index its position in the pipeline, from 0
     * @param reason one line saying what went wrong
     */
    public record Failure(String pass, int index, String reason) {}

    public Verdict {
        passes = List.copyOf(passes);
        snapshots = Map.copyOf(snapshots);
    }

    /** True when the program did what it must on every pass. */
    public boolean ok() {
        return failure.isEmpty();
    }

    /** {@code ok}, {@code ok (rejected by P)} or {@code FAIL at P: reason}. */
    public String summary() {
        if (failure.isPresent()) {
            return "FAIL at " + failure.get().pass() + ": " + failure.get().reason();
        }
        return rejectedBy.map(p -> "ok (rejected by " + p + ")").orElse("ok");
    }
}
