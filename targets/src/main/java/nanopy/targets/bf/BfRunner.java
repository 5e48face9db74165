package nanopy.targets.bf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nanopy.bf.BfText;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.targets.CompiledTarget;

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
 *
 * <p>Artifact files: {@code nanopy build --target=bf prog.py -o prog.bf} writes the program text
 * (one byte per character), and {@code nanopy run prog.bf} (or {@code .b}) runs any Brainfuck file.
 */
public final class BfRunner extends CompiledTarget<BfText.Program> {
    /** The byte that starts a run-time error report. */
    public static final int ERROR_MARKER = 0xFF;

    /** For ServiceLoader. */
    public BfRunner() {
        super("bf", BfText.Program.class);
    }

    /**
     * @throws PyRuntimeError when the program reports a run-time error
     * @throws IllegalArgumentException when the text has an unmatched bracket or leaves the tape
     */
    @Override
    protected void execute(BfText.Program program, ProgramIo io) {
        try {
            run(BfCode.compile(program.text()), io);
        } catch (BfCode.Malformed e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> artifactExtension() {
        return Optional.of(".bf");
    }

    /** {@code .bf}, and {@code .b} as many Brainfuck collections name their files. */
    @Override
    public boolean isArtifact(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.endsWith(".bf") || name.endsWith(".b");
    }

    @Override
    public boolean writes(Node program) {
        return accepts(program);
    }

    /** Writes the program text, one byte per character (Brainfuck text is ASCII). */
    @Override
    public void write(Node program, Path output) throws IOException {
        Files.writeString(output, ((BfText.Program) program).text(), StandardCharsets.ISO_8859_1);
    }

    /**
     * @throws Malformed when a bracket has no partner (with its line and column) or the program
     *     leaves the tape on the left
     */
    @Override
    public void runArtifact(Path file, ProgramIo io) throws IOException, Malformed {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        BfCode code;
        try {
            code = BfCode.compile(text);
        } catch (BfCode.Malformed e) {
            throw new Malformed(e.reason(), e.line(), e.column());
        }
        try {
            run(code, io);
        } catch (BfMachine.TapeUnderflow e) {
            throw new Malformed(e.getMessage());
        }
    }

    /**
     * Runs compiled Brainfuck with {@code io} (which the caller flushes).
     *
     * @throws PyRuntimeError when the program writes the error marker (the class and message follow it)
     * @throws BfMachine.TapeUnderflow when the program leaves the tape on the left
     */
    static void run(BfCode code, ProgramIo io) {
        Output out = new Output(io);
        try {
            BfMachine.run(code, new Input(io), out);
        } finally {
            out.flush();
        }
        if (out.error != null) {
            throw PyRuntimeError.fromLastLine(out.error.toString(StandardCharsets.UTF_8).strip(), Span.NONE);
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
