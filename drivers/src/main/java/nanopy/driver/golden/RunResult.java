package nanopy.driver.golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one run of a compiled program did.
 *
 * @param stdout everything it printed
 * @param error the last stderr line when it failed at run time ({@code Class: message}), else empty
 */
public record RunResult(String stdout, Optional<String> error) {
    /**
     * Compares this run with what the program must do.
     *
     * @return empty when it matches, else one line saying the first difference
     */
    public Optional<String> mismatch(Expectation expected) {
        return switch (expected) {
            case Expectation.Runs(String out) -> error.map(e -> "failed at run time with '" + e + "' but should run to completion")
                    .or(() -> diff(out, stdout));
            case Expectation.RunsOrFails(String out, String accepted) -> {
                if (error.isEmpty()) {
                    yield diff(out, stdout);
                }
                if (!error.get().equals(accepted)) {
                    yield Optional.of("failed at run time with '" + error.get() + "' but should run to completion (or fail with '"
                            + accepted + "')");
                }
                yield out.startsWith(stdout) ? Optional.empty() : diff(out, stdout);
            }
            case Expectation.FailsAtRunTime(String out, String line) -> {
                if (error.isEmpty()) {
                    yield Optional.of("ran to completion but should fail with '" + line + "'"
                            + diff(out, stdout).map(d -> "; also " + d).orElse(""));
                }
                if (!error.get().equals(line)) {
                    yield Optional.of("failed with '" + error.get() + "' but should fail with '" + line + "'");
                }
                yield diff(out, stdout);
            }
            case Expectation.Rejected r -> Optional.of("ran, but it must be rejected at compile time");
        };
    }

    /** The first difference between expected and actual output, as one line, or empty when equal. */
    static Optional<String> diff(String expected, String actual) {
        if (expected.equals(actual)) {
            return Optional.empty();
        }
        List<String> e = lines(expected);
        List<String> a = lines(actual);
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
            if (!e.get(i).equals(a.get(i))) {
                return Optional.of("stdout line " + (i + 1) + " is " + quote(a.get(i)) + " but should be " + quote(e.get(i)));
            }
        }
        if (a.size() < e.size()) {
            return Optional.of("stdout stops after " + a.size() + " line" + (a.size() == 1 ? "" : "s") + "; line " + (a.size() + 1)
                    + " should be " + quote(e.get(a.size())));
        }
        if (a.size() > e.size()) {
            return Optional.of("stdout has an extra line " + (e.size() + 1) + ": " + quote(a.get(e.size())));
        }
        return Optional.of("stdout differs only in its final newline");
    }

    /** The lines of {@code s}, without a final empty one after a trailing newline. */
    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static String quote(String s) {
        String t = s.length() > 60 ? s.substring(0, 57) + "..." : s;
        return "'" + t + "'";
    }
}
