package nanopy.targets.llvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.llvm.NativeExe;
import nanopy.targets.CompiledTarget;

/**
 * Runs a native executable ({@link NativeExe}) as a child process: the run's stdin is fed to it line
 * by line (as it is read, so interactive programs work), its stdout goes to the run's stdout as it
 * arrives (the child's run-time library buffers it as CPython would), and a
 * run-time error (exit status 1) becomes a {@link PyRuntimeError} from the last line of its stderr,
 * so every target reports errors the same way. Exit status 130 (SIGINT) is a KeyboardInterrupt.
 * When the run has no stdin at all ({@link ProgramIo#stdinLost()}) the executable starts with its
 * descriptor 0 closed, so its {@code input()} reports what CPython's does; when the run's stdout
 * is line-buffered (a terminal), {@code NANOPY_RT_LINE_BUFFERED} tells the executable to
 * line-buffer too, though its own stdout is a pipe. As a
 * {@link nanopy.targets.Target} it also writes the executable for {@code nanopy build --target=llvm prog.py
 * -o app} (a copy out of the build cache).
 */
public final class NativeRunner extends CompiledTarget<NativeExe.Executable> {
    /** Most bytes of the child's stderr kept (its last line is what matters). */
    private static final int STDERR_LIMIT = 1 << 16;

    /** For ServiceLoader. */
    public NativeRunner() {
        super("native", NativeExe.Executable.class);
    }

    @Override
    public boolean writesArtifacts() {
        return true;
    }

    @Override
    public boolean writes(Node program) {
        return accepts(program);
    }

    @Override
    public void write(Node program, Path output) throws IOException {
        Path exe = Path.of(((NativeExe.Executable) program).path());
        Files.copy(exe, output, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Override
    protected void execute(NativeExe.Executable exe, ProgramIo io) {
        Process p;
        try {
            // `<&-` as the shell writes it: the child's own input() then says CPython's "lost sys.stdin"
            ProcessBuilder pb = io.stdinLost() ? new ProcessBuilder("/bin/sh", "-c", "exec \"$0\" 0<&-", exe.path()) : new ProcessBuilder(exe.path());
            if (io.lineBuffered()) {
                pb.environment().put("NANOPY_RT_LINE_BUFFERED", "1");   // its stdout is our pipe, but ours is a terminal
            }
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + exe.path() + ": " + e.getMessage(), e);
        }
        try {
            Thread feeder = Thread.ofPlatform().daemon().name("nanopy-native-stdin").start(() -> feed(io, p.getOutputStream()));
            StringBuilder err = new StringBuilder();
            Thread errReader = Thread.ofPlatform().daemon().name("nanopy-native-stderr").start(() -> drain(p.getErrorStream(), err));
            try (Reader r = new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)) {
                char[] buf = new char[8192];
                for (int n; (n = r.read(buf)) > 0; ) {
                    io.print(new String(buf, 0, n));
                    io.flush();   // the child buffered it by CPython's rules already (a prompt comes flushed)
                }
            }
            int status = p.waitFor();
            errReader.join();
            feeder.interrupt();
            if (status == 0) {
                return;
            }
            String last = lastLine(err);
            if (status == 130) {
                throw new PyRuntimeError("KeyboardInterrupt", "", Span.NONE);
            }
            if (status == 128 + 15 || status == 128 + 1) {
                return;   // SIGTERM or SIGHUP: this process is ending too (nanopy.ir.Interrupts passed it on)
            }
            if (status == 1 && !last.isEmpty()) {
                throw PyRuntimeError.fromLastLine(last, Span.NONE);
            }
            throw new IllegalStateException("the native program " + exe.path() + " crashed (exit status " + status + "): " + last);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the native program's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PyRuntimeError("KeyboardInterrupt", "", Span.NONE);
        } finally {
            p.destroyForcibly();
        }
    }

    private static void feed(ProgramIo io, OutputStream stdin) {
        try (OutputStream out = stdin) {
            for (String line; (line = io.readLine()) != null; ) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // the program ended (closed its stdin) or the run's stdin failed: nothing more to feed
        }
    }

    private static void drain(InputStream in, StringBuilder sink) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            char[] buf = new char[4096];
            for (int n; (n = r.read(buf)) > 0; ) {
                synchronized (sink) {
                    sink.append(buf, 0, n);
                    if (sink.length() > STDERR_LIMIT) {
                        sink.delete(0, sink.length() - STDERR_LIMIT);
                    }
                }
            }
        } catch (IOException e) {
            // the program ended
        }
    }

    private static String lastLine(StringBuilder err) {
        synchronized (err) {
            String s = err.toString().strip();
            int nl = s.lastIndexOf('\n');
            return nl < 0 ? s : s.substring(nl + 1);
        }
    }
}
