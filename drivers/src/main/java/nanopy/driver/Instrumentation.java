package nanopy.driver;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What the pass manager does around every pass: dumps (before or after named passes, after all,
 * as diffs), numbered dump files, verification, CPU and allocation measurement. Defaults: nothing but the cheap check that a pass
 * returned a program of its declared output language.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface Instrumentation {
    /** Pass names whose input IR is printed. */
    Set<String> dumpBefore();

    /** Pass names whose output IR is printed. */
    Set<String> dumpAfter();

    /** Print the output of every pass. */
    @Value.Default
    default boolean dumpAfterAll() {
        return false;
    }

    /** Print a unified diff of each pass's output against its input ("no change" when equal). */
    @Value.Default
    default boolean dumpChanged() {
        return false;
    }

    /** Also write each pass's output to {@code DIR/NN-pass.Language.ir}. */
    Optional<Path> dumpDir();

    /** Run the well-formedness checker on every pass's output. */
    @Value.Default
    default boolean verifyEach() {
        return false;
    }

    /**
     * Measure each pass's CPU time and allocated bytes too ({@code --time-passes}); without it only
     * wall time is taken (the thread-management bean costs a few milliseconds of start-up).
     */
    @Value.Default
    default boolean measureCpu() {
        return false;
    }

    /** Print spans ({@code Prod@3:5-3:9}) in dumps. */
    @Value.Default
    default boolean spans() {
        return false;
    }

    /** A builder. */
    static ImmutableInstrumentation.Builder builder() {
        return ImmutableInstrumentation.builder();
    }

    /** No dumps, no verification. */
    static Instrumentation none() {
        return builder().build();
    }

    /** No dumps; every pass's output fully checked ({@code --verify-each}), as {@link Bisect} and the explorer run passes. */
    public static Instrumentation verifyingEach() {
        return builder().verifyEach(true).build();
    }
}
