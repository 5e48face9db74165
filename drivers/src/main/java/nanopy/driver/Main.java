package nanopy.driver;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import nanopy.ir.Interrupts;

/**
 * The {@code nanopy} command. Runs the CLI on a thread with a large stack (deep recursion in
 * passes and interpreters must not overflow the JVM's default stack) and exits with its status:
 * 0 success, 1 the user's program or IR is wrong, 2 usage or pipeline-config error, 70 a pass
 * misbehaved (a bug in that pass); 130 after Ctrl-C ({@link Interrupts}).
 *
 * <p>The launcher tells the JVM what it cannot see itself: {@code -Dnanopy.stdout.tty=true} when
 * stdout is a terminal (the program's stdout is then line-buffered, as CPython's) and
 * {@code -Dnanopy.stdin.lost=true} when the process was started with stdin closed ({@code <&-}: the
 * JVM would otherwise read whatever file it opened as descriptor 0).
 */
public final class Main {
    /** What {@link #run(String[], PrintStream, PrintStream, BufferedReader, boolean, Path, CompileCache)} returns for a command a daemon does not run. */
    public static final int NOT_HERE = Cli.NOT_HERE;

    /** Stack size of the compiler thread, in bytes. */
    static final long STACK_BYTES = 2L << 30;

    private static final Set<String> COMMANDS = Set.of("run", "build", "check", "ir", "golden", "fuzz", "daemon", "assignment", "explore", "help", "-h", "--help", "-V", "--version");

    private Main() {}

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Interrupts.install(out, err);
        BufferedReader in = Boolean.getBoolean("nanopy.stdin.lost") ? null
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean tty = Boolean.getBoolean("nanopy.stdout.tty");
        int[] status = {0};
        Thread t = new Thread(null, () -> status[0] = run(args, out, err, in, tty), "nanopy", STACK_BYTES);
        t.start();
        t.join();
        out.flush();
        err.flush();
        System.exit(status[0]);
    }

    /** The words that name a command (the rest of {@link #COMMANDS} are options). */
    private static final Set<String> COMMAND_WORDS = Set.of("run", "build", "check", "ir", "golden", "help");

    /**
     * The command line with its command first, as {@link Cli#execute} wants it: a command after
     * options ({@code nanopy --target=stackvm run f.py}, as git allows) moves to the front; without a
     * command, {@code run} is implied ({@code nanopy prog.py}). Options are recognized by
     * {@link Cli#COMPILE_OPTIONS}, so the value of {@code --target stackvm} is not taken for a command.
     */
    static String[] withCommand(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            return args;
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (COMMAND_WORDS.contains(a)) {
                String[] full = new String[args.length];
                full[0] = a;
                System.arraycopy(args, 0, full, 1, i);
                System.arraycopy(args, i + 1, full, i + 1, args.length - i - 1);
                return full;
            }
            if (a.equals("--") || !a.startsWith("-") || a.equals("-")) {
                break;
            }
            boolean isLong = a.startsWith("--");
            String name = a.substring(isLong ? 2 : 1);
            org.apache.commons.cli.Option o = Cli.COMPILE_OPTIONS.getOption(name.contains("=") ? name.substring(0, name.indexOf('=')) : name);
            if (o != null && o.hasArg() && !a.contains("=") && (isLong || a.length() == 2)) {
                i++;   // its value
            }
        }
        String[] full = new String[args.length + 1];
        full[0] = "run";
        System.arraycopy(args, 0, full, 1, args.length);
        return full;
    }

    /**
     * Runs the CLI with the given streams and returns the exit status (never throws for user mistakes).
     *
     * @param args the command line; when the first word is not a command, {@code run} is implied
     */
    public static int run(String[] args, PrintStream out, PrintStream err, BufferedReader in) {
        return run(args, out, err, in, false);
    }

    /**
     * Runs the CLI as {@link #run(String[], PrintStream, PrintStream, BufferedReader)} does.
     *
     * @param in stdin, or null when the process has none (it was closed)
     * @param stdoutTty whether stdout is a terminal (the program's output is then line-buffered)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, BufferedReader in, boolean stdoutTty) {
        return run(args, out, err, in, stdoutTty, null, null);
    }

    /**
     * Runs a command for a client of the daemon ({@code nanopy.driver.daemon}): as
     * {@link #run(String[], PrintStream, PrintStream, BufferedReader, boolean)}, with relative file
     * names read from the client's working directory and compiled programs kept in {@code cache}.
     *
     * @param cwd the client's working directory (absolute)
     * @param cache compiled programs to reuse, or null
     * @return the exit status, or {@link #NOT_HERE} (before anything is printed) for a command the
     *     daemon leaves to the client (one that is not {@code run}, or that names other files, a
     *     project directory or an artifact)
     */
    public static int run(String[] args, PrintStream out, PrintStream err, BufferedReader in, boolean stdoutTty, Path cwd,
            CompileCache cache) {
        String[] full = withCommand(args);
        if (full.length == 0) {
            err.println("usage: nanopy [run|build|check|ir] [options] FILE | DIR | -c CODE");
            err.println("try 'nanopy --help' for the options");
            return 2;
        }
        try {
            if (cwd != null && !full[0].equals("run")) {
                return NOT_HERE;
            }
            int status = new Cli(out, err, in, stdoutTty, cwd, cache).execute(full);
            out.flush();
            return status;
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
