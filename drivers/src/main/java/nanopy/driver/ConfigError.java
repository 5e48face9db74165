package nanopy.driver;

/**
 * A bad pipeline: a malformed config file, an unknown pass, or passes whose languages do not fit.
 * The message is one line that starts with the position ({@code pipelines.toml:12:5:} or
 * {@code --passes:1:12:}). The CLI reports it with exit status 2.
 */
public final class ConfigError extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigError(String message) {
        super(message, null, false, false);
    }
}
