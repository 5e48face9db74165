package nanopy.targets.bf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import nanopy.bf.BfText;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.targets.TargetRunner;

/**
 * Runs Brainfuck ({@code run = "bf"}) on nanopy's optimizing interpreter ({@link BfCode},
 * {@link BfMachine}).
 *
 * <p>Bytes written by the program are UTF-8 text on stdout. The exit status protocol: a BF program
 * cannot set one, so nanopy's generated programs report a run-time error by writing the byte
 * {@code 0xFF} (never part of UTF-8 text), then CPython's last stderr line ({@code Class: message\n}),
 * then stopping. The runner turns what follows the marker into a {@link PyRuntimeError}, which the
 * driver prints on stderr with exit status 1. Input is the program's stdin as UTF-8 bytes; at end
 * of input {@code ,} stores 0.
 */
public final class BfRunner implements TargetRunner {
    /** The byte that starts a run-time error report. */
    public static final int ERROR_MARKER = 0xFF;

    @Override
    public String name() {
        return "bf";
    }

    /**
     * @throws PyRuntimeError when the program reports a run-time error
     * @throws IllegalArgumentException when the text has an unmatched bracket or leaves the tape
     */
    @Override
    public void run(Language language, Node program, ProgramIo io) {
        if (!(program instanceof BfText.Program p)) {
            throw new UnsupportedOperationException("the bf runner runs BfText programs, not " + language.name());
        }
        BfCode code;
        try {
            code = BfCode.compile(p.text());
        } catch (BfCode.Malformed e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        run(code, io);
    }

    /**
     * Runs compiled Brainfuck with {@code io}; flushes stdout at the end, also on failure.
     *
     * @throws PyRuntimeError when the program writes the error marker (the class and message follow it)
     * @throws BfMachine.TapeUnderflow when the program leaves the tape on the left
     */
    public static void run(BfCode code, ProgramIo io) {
        Output out = new Output(io);
        try {
            BfMachine.run(code, new Input(io), out);
        } finally {
            out.flush();
            io.flush();
        }
        if (out.error != null) {
            String line = out.error.toString(StandardCharsets.UTF_8).strip();
            int colon = line.indexOf(": ");
            throw colon < 0
                    ? new PyRuntimeError(line, "", Span.NONE)
                    : new PyRuntimeError(line.substring(0, colon), line.substring(colon + 2), Span.NONE);
        }
    }

    /** stdin as UTF-8 bytes, read a line at a time (a line always ends in '\n'). */
    private static final class Input implements BfMachine.Input {
        private final ProgramIo io;
        private byte[] line = new byte[0];
        private int at;
        private boolean eof;

        Input(ProgramIo io) {
            this.io = io;
        }

        @Override
        public int read() {
            while (at >= line.length) {
                if (eof) {
                    return -1;
                }
                String s = io.readLine();
                if (s == null) {
                    eof = true;
                    return -1;
                }
                line = (s + "\n").getBytes(StandardCharsets.UTF_8);
                at = 0;
            }
            return line[at++] & 0xFF;
        }
    }

    /** Bytes to UTF-8 text; after the error marker, into {@link #error}. */
    private static final class Output implements BfMachine.Output {
        private final ProgramIo io;
        private final ByteArrayOutputStream text = new ByteArrayOutputStream();
        ByteArrayOutputStream error;

        Output(ProgramIo io) {
            this.io = io;
        }

        @Override
        public void write(int b) {
            if (error != null) {
                error.write(b);
            } else if (b == ERROR_MARKER) {
                flush();
                error = new ByteArrayOutputStream();
            } else {
                text.write(b);
                if (b == '\n' && text.size() > 8192) {
                    flush();
                }
            }
        }

        void flush() {
            if (text.size() > 0) {
                io.print(text.toString(StandardCharsets.UTF_8));
                text.reset();
            }
        }
    }
}
