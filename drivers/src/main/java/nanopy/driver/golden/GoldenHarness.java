package nanopy.driver.golden;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import nanopy.driver.Driver;
import nanopy.driver.Pipeline;

/**
 * Checks golden programs pass by pass, for the JUnit golden tests and for {@code nanopy golden report}.
 * For one program and one target pipeline it runs every pass with verification on (the IR checker),
 * runs the output of every pass whose language has a reference interpreter, compares stdout (and the
 * last stderr line and exit status of programs that must fail, or the diagnostics of programs that
 * must be rejected) with the program's expected files, and names the first pass that broke it.
 *
 * <pre>{@code
 * GoldenHarness h = new GoldenHarness(Driver.builtin(), Duration.ofSeconds(30));
 * Verdict v = h.check(program, pipeline, Set.of("flatten-lets"));
 * v.summary();   // "ok", or "FAIL at fold-constants: stdout line 1 is '-1' but should be '1'"
 * }</pre>
 */
public final class GoldenHarness {
    private final Driver driver;
    private final Duration timeout;

    /**
     * @param driver the pipeline config and passes (and the targets' runners)
     * @param timeout how long one program may take on one target, all passes and runs together
     */
    public GoldenHarness(Driver driver, Duration timeout) {
        this.driver = driver;
        this.timeout = timeout;
    }

    /**
     * Checks {@code program} on {@code pipeline}, on a worker thread with a large stack.
     *
     * @param capture the passes whose output IR the verdict keeps as snapshots (printed without spans)
     * @return the verdict; a hang is a failure of the pass that was running (or whose output was running)
     *     when the time ran out, and a crash of the harness itself a failure with its exception
     */
    public Verdict check(GoldenProgram program, Pipeline pipeline, Set<String> capture) {
        ProgramCheck check = new ProgramCheck(driver, program, pipeline, capture);
        long start = System.nanoTime();
        String failure;
        try {
            return Watchdog.call("golden " + program.id() + " on " + pipeline.name(), timeout, check::run);
        } catch (TimeoutException e) {
            failure = "timed out after " + timeout.toSeconds() + " s while " + check.stage();
        } catch (ExecutionException e) {
            failure = "crashed while " + check.stage() + ": " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while " + check.stage();
        }
        int i = Math.min(check.index(), Math.max(0, check.passNames().size() - 1));
        String pass = check.passNames().isEmpty() ? "(none)" : check.passNames().get(i);
        return new Verdict(program.id(), pipeline.name(), check.passNames(), i, Optional.of(new Verdict.Failure(pass, i, failure)),
                Optional.empty(), Optional.empty(), java.util.Map.of(), (System.nanoTime() - start) / 1_000_000);
    }
}
