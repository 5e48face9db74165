package nanopy.driver;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * What the {@code nanopy} process does on SIGINT and SIGTERM, as CPython: on Ctrl-C (SIGINT) the
 * program's stdout is flushed, {@code KeyboardInterrupt} is the last line on stderr and the exit
 * status is 130; on SIGTERM (and SIGHUP) stdout is flushed and the status is the JVM's 128 + signal.
 * Nothing printed before the signal is lost.
 *
 * <p>SIGINT is caught with {@code sun.misc.Signal} (module {@code jdk.unsupported}), reached by
 * reflection because javac's warning for that API cannot be suppressed under {@code -Werror}; when it
 * is unavailable the JVM's default (shutdown hooks, status 130) still flushes stdout.
 */
final class Interrupts {
    /** CPython's exit status after an uncaught KeyboardInterrupt (128 + SIGINT). */
    static final int SIGINT_STATUS = 130;

    private Interrupts() {}

    /**
     * Installs the handlers for this process.
     *
     * @param out the program's stdout, flushed on every signal
     * @param err stderr
     */
    static void install(PrintStream out, PrintStream err) {
        Runtime.getRuntime().addShutdownHook(new Thread(out::flush, "nanopy-flush"));
        // The handler is a dynamic proxy, whose class the JDK generates at run time (the AOT cache
        // keeps no proxies): about 10 ms of start-up, done on the second core while the main thread
        // compiles. Until it is in place a SIGINT takes the JVM's way out (the shutdown hook flushes,
        // status 130) without the KeyboardInterrupt line.
        Thread t = new Thread(() -> installSigint(out, err), "nanopy-signals");
        t.setDaemon(true);
        t.start();
    }

    private static void installSigint(PrintStream out, PrintStream err) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object onInt = Proxy.newProxyInstance(Interrupts.class.getClassLoader(), new Class<?>[] {handler}, (proxy, method, args) -> {
                if (method.getName().equals("handle")) {
                    out.flush();
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
