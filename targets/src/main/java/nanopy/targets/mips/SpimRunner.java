package nanopy.targets.mips;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.mips.MipsAsm;
import nanopy.targets.CompiledTarget;

/**
 * Runs SPIM assembly ({@link MipsAsm}) in Debian's {@code spim} (docs/mips.md): the program's stdin
 * is fed to spim line by line as the run reads it, spim's start-up banner (everything up to its
 * {@code Loaded: .../exceptions.s} line) is dropped, the program's stdout is passed through, and an
 * exit status of 1 with a last stderr line becomes the {@link PyRuntimeError} every target throws.
 * As a {@link nanopy.targets.Target} it writes {@code .s} files ({@code nanopy build --target=mips
 * prog.py -o prog.s}) and runs them ({@code nanopy run prog.s}).
 */
public final class SpimRunner extends CompiledTarget<MipsAsm.Program> {
    /** The stack spim gives the program: the run-time library's start-up leaves 64 KiB of it unused. */
    static final int STACK_BYTES = 2 << 20;

    /** The most the data segment (str constants and the sbrk heap) may grow to. */
    static final int DATA_BYTES = 512 << 20;

    /** For ServiceLoader. */
    public SpimRunner() {
        super("mips", MipsAsm.Program.class);
    }

    /** The command that runs assembly file {@code file}: {@code spim -lstack ... -ldata ... -file FILE}. */
    public static List<String> command(Path file) {
        return List.of("spim", "-quiet", "-lstack", String.valueOf(STACK_BYTES), "-ldata", String.valueOf(DATA_BYTES), "-file", file.toString());
    }

    /**
     * The whole {@code .s} file of {@code program}: its code, then the MIPS run-time library
     * ({@link MipsRuntime}); a file that already has the library (one {@code build -o} wrote) is
     * returned as it is.
     */
    public static String assembly(MipsAsm.Program program) {
        String text = program.text();
        return text.contains(LIBRARY_MARK) ? text : text + "\n" + LIBRARY_MARK + "\n" + MipsRuntime.text();
    }

    /** The line that starts the run-time library in a written {@code .s} file. */
    private static final String LIBRARY_MARK = "# ---- the MIPS run-time library (nanopy/targets/mips/runtime.s) ----";

    @Override
    public java.util.Optional<String> artifactExtension() {
        return java.util.Optional.of(".s");
    }

    @Override
    public boolean writes(Node program) {
        return accepts(program);
    }

    @Override
    public void write(Node program, Path output) throws IOException {
        Files.writeString(output, assembly((MipsAsm.Program) program));
    }

    @Override
    public void runArtifact(Path file, ProgramIo io) throws IOException {
        runFlushed(new MipsAsm.Program(Files.readString(file), Span.NONE), io);
    }

    @Override
    protected void execute(MipsAsm.Program program, ProgramIo io) {
        Path file;
        try {
            file = Files.createTempFile("nanopy-", ".s");
            Files.writeString(file, assembly(program));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the assembly for spim: " + e.getMessage(), e);
        }
        try {
            spim(file, io);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind is harmless
            }
        }
    }

    private static void spim(Path file, ProgramIo io) {
        Process p;
        try {
            p = new ProcessBuilder(command(file)).start();
        } catch (IOException e) {
            throw new IllegalStateException("the mips target runs programs with spim, which is not installed (apt-get install spim): " + e.getMessage(), e);
        }
        try {
            Thread.ofVirtual().start(() -> feed(io, p.getOutputStream()));
            StringBuilder err = new StringBuilder();
            Thread errors = Thread.ofVirtual().start(() -> collect(p.getErrorStream(), err));
            passThrough(p.getInputStream(), io);
            int status = p.waitFor();
            errors.join();
            String text = err.toString();
            if (text.contains("(parser)") || text.contains("Exception occurred")) {
                throw new IllegalStateException("spim could not run the program: " + text.strip());
            }
            String last = text.strip();
            last = last.substring(last.lastIndexOf('\n') + 1);
            if (status == 0) {
                return;
            }
            if (status == 1 && !last.isEmpty()) {
                throw PyRuntimeError.fromLastLine(last, Span.NONE);
            }
            throw new IllegalStateException("spim stopped with exit status " + status + (last.isEmpty() ? "" : ": " + last));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read spim's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PyRuntimeError("KeyboardInterrupt", "", Span.NONE);
        } finally {
            p.destroyForcibly();
        }
    }

    /** Copies spim's stdout to the run's, without spim's banner (the lines up to and including {@code Loaded: ...}). */
    private static void passThrough(InputStream stdout, ProgramIo io) throws IOException {
        try (Reader r = new InputStreamReader(stdout, StandardCharsets.UTF_8)) {
            StringBuilder banner = new StringBuilder();
            boolean inProgram = false;
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                if (inProgram) {
                    io.print(new String(buf, 0, n));
                    continue;
                }
                banner.append(buf, 0, n);
                int loaded = banner.indexOf("Loaded: ");
                int end = loaded < 0 ? -1 : banner.indexOf("\n", loaded);
                if (end >= 0) {
                    inProgram = true;
                    if (end + 1 < banner.length()) {
                        io.print(banner.substring(end + 1));
                    }
                }
            }
            if (!inProgram && !banner.isEmpty()) {
                throw new IllegalStateException("spim did not load the program: " + banner.toString().strip());
            }
        }
    }

    private static void feed(ProgramIo io, OutputStream stdin) {
        try (OutputStream out = stdin) {
            if (io.stdinLost()) {
                return;
            }
            for (String line; (line = io.readLine()) != null; ) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // spim ended (closed its stdin) or the run's stdin failed: nothing more to feed
        }
    }

    private static void collect(InputStream in, StringBuilder sink) {
        try {
            sink.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // spim ended
        }
    }
}
