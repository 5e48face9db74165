package nanopy.ir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A running program's standard input and output, buffered as CPython buffers {@code sys.stdout}:
 * line-buffered when stdout is a terminal (flushed after every write that contains a newline),
 * block-buffered into a pipe or a file (flushed when the buffer fills). Either way stdout is flushed
 * before {@code input()} reads (so a prompt shows before the program waits), and whoever created
 * this flushes it before printing an error message and when the program ends. This is the one place
 * every in-process target's output goes through; a target that runs as a separate process must
 * behave the same way itself (docs/architecture.md, "Program input and output").
 */
public final class ProgramIo {
    private final BufferedReader in;
    private final Appendable out;
    private final boolean lineBuffered;

    /**
     * A block-buffered program (tests, the golden harness, the library API).
     *
     * @param in the program's stdin, or null when the process has no stdin (it was closed)
     * @param out the program's stdout (a {@link StringBuilder} in tests, a buffered stream in the CLI)
     */
    public ProgramIo(BufferedReader in, Appendable out) {
        this(in, out, false);
    }

    /**
     * @param in the program's stdin, or null when the process has no stdin (it was closed)
     * @param out the program's stdout
     * @param lineBuffered whether stdout is flushed after every write containing a newline (a terminal)
     */
    public ProgramIo(BufferedReader in, Appendable out, boolean lineBuffered) {
        this.in = in;
        this.out = out;
        this.lineBuffered = lineBuffered;
    }

    /** Whether the process has no standard input at all (CPython: {@code input(): lost sys.stdin}). */
    public boolean stdinLost() {
        return in == null;
    }

    /** Whether stdout is line-buffered (it is a terminal). */
    public boolean lineBuffered() {
        return lineBuffered;
    }

    /**
     * Flushes stdout, then reads one line without its line terminator, or returns null at end of
     * input (or when stdin is lost: check {@link #stdinLost()} first).
     */
    public String readLine() {
        flush();
        if (in == null) {
            return null;
        }
        Interrupts.awaitInstalled();   // a Ctrl-C at the prompt is a KeyboardInterrupt
        try {
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text to stdout; on a terminal, flushes when the text contains a newline. */
    public void print(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lineBuffered && containsNewline(s)) {
            flush();
        }
    }

    private static boolean containsNewline(CharSequence s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (s.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
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
