package nanopy.targets.jvm.rt;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nanopy.ir.Interrupts;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Tracebacks;
import nanopy.py.interp.TargetRuntime;

/**
 * The {@code Main-Class} of a jar written by {@code nanopy build --target=jvm}: runs the program's
 * class {@code npy.Program} with stdin and stdout buffered as CPython's (line-buffered on a terminal,
 * else in blocks; flushed before {@code input()} reads, before an error message, at exit, on SIGINT,
 * which ends the run with {@code KeyboardInterrupt} and status 130, and on SIGTERM: {@link
 * Interrupts}). A run-time error prints a Python-style traceback whose last line
 * is CPython's, exit status 1; a class the JVM's verifier rejects is a bug in nanopy's
 * emit-classfile pass, exit status 70.
 */
public final class JarMain {
    private JarMain() {}

    /** Runs the program; {@code args} are ignored. */
    public static void main(String[] args) {
        System.exit(run());
    }

    private static int run() {
        BufferedReader in = stdinClosed() ? null : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Interrupts.install(out, err);
        ProgramIo io = new ProgramIo(in, out, stdoutIsTerminal());
        try {
            ProgramThread.run(Class.forName("npy.Program"), new TargetRuntime(io));
            io.flush();
            return 0;
        } catch (PyRuntimeError e) {
            io.flush();
            // every frame as CPython shows it, without source lines (the jar holds no source)
            err.print(Tracebacks.render(ProgramThread.sourceFile(), null, e));
            return Tracebacks.status(e);
        } catch (LinkageError | ClassNotFoundException e) {
            io.flush();
            err.println("error: pass 'emit-classfile' wrote a class the JVM rejects: " + e);
            return 70;
        }
    }

    /**
     * Whether descriptor 1 is a terminal (then stdout is line-buffered, as CPython's): on Linux what
     * {@code /proc/self/fd/1} links to; elsewhere whether the JVM has a console.
     */
    private static boolean stdoutIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null && System.console().isTerminal();
        }
    }

    /**
     * Whether the JVM started with descriptor 0 closed ({@code java -jar app.jar <&-}): the JVM then
     * opens a file of its own (its {@code lib/modules}) as descriptor 0, so {@code input()} must say
     * CPython's {@code lost sys.stdin} instead of reading it. Linux only ({@code /proc}).
     */
    private static boolean stdinClosed() {
        try {
            Path in = Files.readSymbolicLink(Path.of("/proc/self/fd/0"));
            return in.startsWith(Path.of(System.getProperty("java.home")).toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
