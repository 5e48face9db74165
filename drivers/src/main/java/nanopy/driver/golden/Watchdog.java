package nanopy.driver.golden;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs work on a fresh thread with a large stack (passes and interpreters recurse as deep as the
 * program does) and gives up after a timeout, so that a hanging program or pass is reported instead
 * of hanging the caller. A thread that times out is interrupted and left behind as a daemon thread;
 * program output checks for the interrupt ({@link BoundedOutput}), so a printing loop stops, while a
 * silent infinite loop keeps its thread busy until the JVM exits.
 */
public final class Watchdog {
    /** Stack size of a worker thread, in bytes: the same as the {@code nanopy} command's. */
    public static final long STACK_BYTES = 2L << 30;

    private Watchdog() {}

    /**
     * Calls {@code work} on a new thread named {@code name} and returns its result.
     *
     * @throws TimeoutException when it has not finished after {@code timeout}
     * @throws ExecutionException wrapping whatever {@code work} threw (errors included)
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    public static <T> T call(String name, Duration timeout, Callable<T> work)
            throws TimeoutException, ExecutionException, InterruptedException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(null, task, name, STACK_BYTES);
        t.setDaemon(true);
        t.start();
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            t.interrupt();
            throw e;
        }
    }
}
