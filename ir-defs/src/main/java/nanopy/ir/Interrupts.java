package nanopy.ir;

import java.io.Flushable;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * What a process running a NanoPy program on this JVM (the {@code nanopy} command, or a jar that
 * {@code nanopy build --target=jvm} wrote) does on SIGINT and SIGTERM, as CPython: on Ctrl-C (SIGINT) the
 * program's stdout is flushed, {@code KeyboardInterrupt} is the last line on stderr and the exit
 * status is 130; on SIGTERM (and SIGHUP) stdout is flushed and the status is the JVM's 128 + signal.
 * Nothing printed before the signal is lost.
 *
 * <p>SIGINT is caught with {@code sun.misc.Signal} (module {@code jdk.unsupported}), reached by
 * reflection because javac's warning for that API cannot be suppressed under {@code -Werror}; when it
 * is unavailable the JVM's default (shutdown hooks, status 130) still flushes stdout.
 */
public final class Interrupts {
    /** CPython's exit status after an uncaught KeyboardInterrupt (128 + SIGINT). */
    public static final int SIGINT_STATUS = 130;
    /** How long the run may take to copy a child's last output after the child ended. */
    private static final long COPY_MILLIS = 200;

    /** Opened once the SIGINT handler is in place (or found unavailable). */
    private static final java.util.concurrent.CountDownLatch INSTALLED = new java.util.concurrent.CountDownLatch(1);
    /** Longest wait for the handler in {@link #awaitInstalled()}. */
    private static final long INSTALL_WAIT_MILLIS = 5_000;

    private Interrupts() {}

    /**
     * Waits until the SIGINT handler of {@link #install} is in place (at most a few seconds; at once
     * when {@code install} was not called in this process). A program
     * about to wait for its user ({@code input()}) calls this, so that a Ctrl-C at the prompt always
     * ends in {@code KeyboardInterrupt}, however slowly the handler's thread was scheduled.
     */
    public static void awaitInstalled() {
        if (!installCalled) {
            return;
        }
        try {
            INSTALLED.await(INSTALL_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static volatile boolean installCalled;

    /**
     * Installs the handlers for this process.
     *
     * @param out the program's stdout, flushed on every signal
     * @param err stderr
     */
    public static void install(Flushable out, PrintStream err) {
        installCalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            endChildren();
            flushQuietly(out);
        }, "nanopy-flush"));
        // The handler is a dynamic proxy, whose class the JDK generates at run time (the AOT cache
        // keeps no proxies): about 10 ms of start-up, done on the second core while the main thread
        // compiles. Until it is in place a SIGINT takes the JVM's way out (the shutdown hook flushes,
        // status 130) without the KeyboardInterrupt line.
        Thread t = new Thread(() -> installSigint(out, err), "nanopy-signals");
        t.setDaemon(true);
        t.start();
    }

    /**
     * On SIGTERM (or any exit) no child keeps running: each gets SIGTERM, on which its run-time
     * library writes out what it printed; then the run has a moment to copy that to stdout.
     */
    private static void endChildren() {
        java.util.List<ProcessHandle> children = ProcessHandle.current().children().toList();
        if (children.isEmpty()) {
            return;
        }
        children.forEach(ProcessHandle::destroy);
        try {
            for (ProcessHandle child : children) {
                child.onExit().get(1, java.util.concurrent.TimeUnit.SECONDS);
            }
            Thread.sleep(COPY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a child that does not end in time is left to the system
        }
    }

    private static void flushQuietly(Flushable out) {
        try {
            out.flush();
        } catch (IOException e) {
            // stdout is gone (a closed pipe): nothing more can be written
        }
    }

    /**
     * A program running as a child process (a native executable) gets the SIGINT itself and reports
     * {@code KeyboardInterrupt}, which its runner passes on; so with children running, SIGINT is
     * only forwarded to them (a terminal's Ctrl-C already reached them, a {@code kill -INT} of this
     * process did not). Returns whether there were any.
     */
    private static boolean forwardToChildren() {
        java.util.List<ProcessHandle> children = ProcessHandle.current().children().toList();
        for (ProcessHandle child : children) {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
            } catch (IOException e) {
                child.destroy();   // no kill(1): SIGTERM, which the child's run-time library also flushes on
            }
        }
        return !children.isEmpty();
    }

    private static void installSigint(Flushable out, PrintStream err) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object onInt = Proxy.newProxyInstance(Interrupts.class.getClassLoader(), new Class<?>[] {handler}, (proxy, method, args) -> {
                if (method.getName().equals("handle") && !forwardToChildren()) {
                    flushQuietly(out);
                    err.println("KeyboardInterrupt");
                    err.flush();
                    Runtime.getRuntime().halt(SIGINT_STATUS);
                }
                return method.getDeclaringClass() == Object.class ? objectMethod(proxy, method, args) : null;
            });
            Method handle = signal.getMethod("handle", signal, handler);
            handle.invoke(null, signal.getConstructor(String.class).newInstance("INT"), onInt);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            // no sun.misc.Signal (or SIGINT is ignored, e.g. a background job): the shutdown hook still flushes
        } finally {
            INSTALLED.countDown();
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) throws InvocationTargetException {
        return switch (method.getName()) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "Interrupts.onInt";
        };
    }
}
