package nanopy.ir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A running program's standard input and output. Output is buffered text; {@link #flush()} is
 * called by whoever created this when the program ends (normally or not).
 */
public final class ProgramIo {
    private final BufferedReader in;
    private final Appendable out;

    /**
     * @param in the program's stdin
     * @param out the program's stdout (a {@link StringBuilder} in tests, a buffered writer in the CLI)
     */
    public ProgramIo(BufferedReader in, Appendable out) {
        this.in = in;
        this.out = out;
    }

    /** Reads one line without its line terminator, or returns null at end of input. */
    public String readLine() {
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text to stdout. */
    public void print(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes stdout if it is flushable. */
    public void flush() {
        if (out instanceof java.io.Flushable f) {
            try {
                f.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
