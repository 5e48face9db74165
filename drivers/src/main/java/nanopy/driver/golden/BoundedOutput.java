package nanopy.driver.golden;

/**
 * A program's standard output, kept in memory up to a limit. Appending past the limit, or on a
 * thread that was interrupted (by the {@link Watchdog} after a timeout), throws {@link Exceeded}, so
 * that a program printing forever stops.
 */
public final class BoundedOutput implements Appendable {
    /** Thrown when a program prints more than the limit or its thread was interrupted. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(String message) {
            super(message, null, false, false);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final int limit;

    /** @param limit the most characters kept */
    public BoundedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public Appendable append(CharSequence s) {
        if (Thread.currentThread().isInterrupted()) {
            throw new Exceeded("interrupted after the time limit");
        }
        if (text.length() + s.length() > limit) {
            throw new Exceeded("printed more than " + limit + " characters");
        }
        text.append(s);
        return this;
    }

    @Override
    public Appendable append(CharSequence s, int start, int end) {
        return append(s.subSequence(start, end));
    }

    @Override
    public Appendable append(char c) {
        return append(String.valueOf(c));
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
