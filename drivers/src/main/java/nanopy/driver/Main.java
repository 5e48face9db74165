package nanopy.driver;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The {@code nanopy} command. Runs the CLI on a thread with a large stack (deep recursion in
 * passes and interpreters must not overflow the JVM's default stack) and exits with its status:
 * 0 success, 1 the user's program or IR is wrong, 2 usage or pipeline-config error, 70 a pass
 * misbehaved (a bug in that pass).
 */
public final class Main {
    /** Stack size of the compiler thread, in bytes. */
    static final long STACK_BYTES = 2L << 30;

    private static final Set<String> COMMANDS = Set.of("run", "build", "check", "ir", "golden", "help", "-h", "--help", "-V", "--version");

    private Main() {}

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int[] status = {0};
        Thread t = new Thread(null, () -> status[0] = run(args, out, err,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))), "nanopy", STACK_BYTES);
        t.start();
        t.join();
        out.flush();
        err.flush();
        System.exit(status[0]);
    }

    /**
     * Runs the CLI with the given streams and returns the exit status (never throws for user mistakes).
     *
     * @param args the command line; when the first word is not a command, {@code run} is implied
     */
    public static int run(String[] args, PrintStream out, PrintStream err, BufferedReader in) {
        String[] full = args;
        if (args.length > 0 && !COMMANDS.contains(args[0])) {
            full = new String[args.length + 1];
            full[0] = "run";
            System.arraycopy(args, 0, full, 1, args.length);
        }
        if (full.length == 0) {
            err.println("usage: nanopy [run|build|check|ir] [options] FILE | DIR | -c CODE");
            err.println("try 'nanopy --help' for the options");
            return 2;
        }
        try {
            int status = new Cli(out, err, in).execute(full);
            out.flush();
            return status;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
