package nanopy.targets.jvm.rt;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.py.interp.TargetRuntime;

/**
 * The {@code Main-Class} of a jar written by {@code nanopy build --target=jvm}: runs the program's
 * class {@code npy.Program} with stdin and a buffered stdout (flushed at the end, as CPython does
 * when stdout is not a terminal). A run-time error prints a Python-style traceback whose last line
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
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        ProgramIo io = new ProgramIo(in, out);
        try {
            ProgramThread.run(Class.forName("npy.Program"), new TargetRuntime(io));
            io.flush();
            return 0;
        } catch (PyRuntimeError e) {
            io.flush();
            err.println("Traceback (most recent call last):");
            if (e.span().isKnown()) {
                err.println("  line " + e.span().line());
            }
            err.println(e.lastLine());
            return 1;
        } catch (LinkageError | ClassNotFoundException e) {
            io.flush();
            err.println("error: pass 'emit-classfile' wrote a class the JVM rejects: " + e);
            return 70;
        }
    }
}
