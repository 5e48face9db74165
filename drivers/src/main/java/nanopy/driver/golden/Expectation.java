package nanopy.driver.golden;

import java.util.Optional;

/**
 * What a golden program must do, read from the files next to it (see {@link GoldenProgram#read}).
 */
public sealed interface Expectation {
    /**
     * It runs to completion (exit status 0) and prints exactly {@code stdout} (its {@code .golden}).
     *
     * @param stdout the expected standard output
     */
    record Runs(String stdout) implements Expectation {}

    /**
     * It prints exactly {@code stdout}, or it fails at run time with the last stderr line
     * {@code acceptedLastLine} having printed a prefix of {@code stdout} (see {@link Outcomes}).
     *
     * @param stdout the expected standard output
     * @param acceptedLastLine the error line accepted instead, e.g. {@code RecursionError: maximum recursion depth exceeded}
     */
    record RunsOrFails(String stdout, String acceptedLastLine) implements Expectation {}

    /**
     * It compiles, prints {@code stdout}, then fails at run time (exit status 1) with the last stderr
     * line {@code lastLine} (its {@code .err}), e.g. {@code ZeroDivisionError: integer division or modulo by zero}.
     *
     * @param stdout the expected standard output before the failure
     * @param lastLine the expected last line of stderr
     */
    record FailsAtRunTime(String stdout, String lastLine) implements Expectation {}

    /**
     * Some pass rejects it with a diagnostic (a {@link nanopy.ir.CompileError}); when {@code line} is
     * present, the first diagnostic must point at that source line.
     *
     * @param line the line named by the program's {@code # line: N} header, if it has one
     * @param what the program's {@code # error: ...} header, or "" when it has none
     */
    record Rejected(Optional<Integer> line, String what) implements Expectation {}
}
