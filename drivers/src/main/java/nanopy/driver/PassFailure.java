package nanopy.driver;

/**
 * A pass misbehaved: it threw, returned something that is not a program of its output language, or
 * (with verification on) produced an ill-formed tree. This is a bug in that pass, not in the user's
 * program; the CLI names the pass and exits with status 70.
 */
public final class PassFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String pass;

    public PassFailure(String pass, String message, Throwable cause) {
        super("pass '" + pass + "' " + message, cause);
        this.pass = pass;
    }

    /** The registry name of the pass at fault. */
    public String pass() {
        return pass;
    }
}
