package nanopy.driver.fuzz;

/**
 * What one run of a program did, on CPython or on a nanopy target.
 *
 * @param kind how it ended
 * @param stdout what it printed
 * @param detail the last stderr line for a run-time error ({@code Class: message}); the diagnostic,
 *     pass failure or Java exception for the other kinds; empty when it ran to completion
 */
public record Outcome(Kind kind, String stdout, String detail) {
    /** How a run ended. */
    public enum Kind {
        /** exit status 0 */
        OK,
        /** a run-time error, exit status 1 */
        RUNTIME_ERROR,
        /** a compile-time diagnostic, exit status 1 */
        REJECTED,
        /** the target cannot run the program (its runner said so), not a bug */
        UNSUPPORTED,
        /** a pass misbehaved, exit status 70 */
        PASS_FAILURE,
        /** nanopy threw a Java exception (a stack trace in the CLI) */
        CRASH,
        /** printed more than the output limit */
        TOO_MUCH_OUTPUT,
        /** did not finish within the time limit */
        TIMEOUT
    }

    /** True when this run shows the same behaviour as {@code oracle}: same kind, stdout and error line. */
    public boolean agreesWith(Outcome oracle) {
        return kind == oracle.kind && stdout.equals(oracle.stdout) && (kind != Kind.RUNTIME_ERROR || detail.equals(oracle.detail));
    }

    /** One line: how it ended and its error line. */
    public String summary() {
        return switch (kind) {
            case OK -> "ran to completion";
            case RUNTIME_ERROR -> "failed with '" + detail + "'";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (detail.isEmpty() ? "" : ": " + detail);
        };
    }

    /** How this run differs from {@code oracle}'s, in one line. */
    public String differenceFrom(Outcome oracle) {
        if (kind != oracle.kind || kind == Kind.RUNTIME_ERROR && !detail.equals(oracle.detail)) {
            return summary() + ", but CPython " + oracle.summary();
        }
        String[] got = stdout.split("\n", -1);
        String[] want = oracle.stdout.split("\n", -1);
        for (int i = 0; i < Math.min(got.length, want.length); i++) {
            if (!got[i].equals(want[i])) {
                return "stdout line " + (i + 1) + " is '" + clip(got[i]) + "' but CPython's is '" + clip(want[i]) + "'";
            }
        }
        return "stdout has " + got.length + " lines but CPython's has " + want.length;
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 97) + "..." : s;
    }
}
