package nanopy.driver.daemon;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import nanopy.driver.Main;

/**
 * One request: runs {@link Main#run} on a worker thread with streams that are frames on the
 * client's connection, and answers the client exactly once ({@link Frames#EXIT} or
 * {@link Frames#ELSEWHERE}): when the command returns, or earlier when it is stopped (a signal from
 * the client, the time limit, the memory limit). Stopping flushes what the program printed, then
 * closes its streams (later output is dropped) and interrupts the worker.
 */
final class Job {
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Daemon daemon;
    private final Connection conn;
    private final Frames.Request request;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final FrameOutput out;
    private final FrameOutput err;
    private final LinkedBlockingQueue<byte[]> stdin = new LinkedBlockingQueue<>();
    private volatile Thread worker;
    private volatile long allocatedAtStart;
    private ScheduledFuture<?> timeLimit;

    Job(Daemon daemon, Connection conn, Frames.Request request) {
        this.daemon = daemon;
        this.conn = conn;
        this.request = request;
        this.out = new FrameOutput(conn, Frames.STDOUT, 1 << 16);
        this.err = new FrameOutput(conn, Frames.STDERR, 0);
    }

    boolean answered() {
        return answered.get();
    }

    void start() {
        daemon.running.add(this);
        timeLimit = daemon.timers().schedule(this::stopForTime, daemon.limits().timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        daemon.workers().execute(this::run);
    }

    private void run() {
        worker = Thread.currentThread();
        allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
        int status;
        PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        try {
            BufferedReader in = request.stdinLost() ? null : new BufferedReader(new InputStreamReader(new FrameInput(), StandardCharsets.UTF_8));
            String[] args = request.args().toArray(String[]::new);
            status = Main.run(args, o, e, in, request.stdoutTty(), Path.of(request.cwd()), daemon.cache());
        } catch (OutOfMemoryError x) {
            status = -2;
        } catch (RuntimeException | StackOverflowError x) {
            e.println("internal error: the daemon failed while running the request: " + x);
            status = 70;
        } finally {
            worker = null;
            Thread.interrupted();   // the pool's thread starts its next job clean
        }
        o.flush();
        if (status == -2) {
            answer(() -> {
                out.drain();
                err.drain();
                memoryMessage("the program ran out of the daemon's heap");
            }, 1);
        } else if (status == Main.NOT_HERE) {
            if (answered.compareAndSet(false, true)) {
                out.close();
                err.close();
                conn.send(Frames.ELSEWHERE, new byte[0]);
                finished();
            }
        } else {
            answer(() -> {
                out.drain();
                err.drain();
            }, status);
        }
    }

    /** Answers once: runs {@code last} (which flushes and closes the streams), then sends the exit status. */
    private boolean answer(Runnable last, int status) {
        if (!answered.compareAndSet(false, true)) {
            return false;
        }
        last.run();
        conn.send(Frames.EXIT, Frames.u32(status));
        finished();
        return true;
    }

    private void finished() {
        if (timeLimit != null) {
            timeLimit.cancel(false);
        }
        daemon.running.remove(this);
        daemon.served();
    }

    /** Stops the program and interrupts its worker (which may still be running a loop that does not poll). */
    private void stop(Runnable last, int status) {
        if (answer(last, status)) {
            Thread w = worker;
            if (w != null) {
                w.interrupt();
            }
            stdin.offer(new byte[0]);
        }
    }

    /**
     * A signal the client received: as the {@code nanopy} process does, SIGINT flushes stdout, prints
     * {@code KeyboardInterrupt} and ends with 130; SIGTERM and SIGHUP flush and end with 128 + signal.
     */
    void signal(int signal) {
        stop(() -> {
            out.drain();
            if (signal == 2) {
                err.write(Frames.utf8("KeyboardInterrupt\n"));
            }
            err.drain();
        }, 128 + signal);
    }

    private void stopForTime() {
        stop(() -> {
            out.drain();
            err.write(Frames.utf8("error: the program ran longer than the daemon's time limit ("
                    + daemon.limits().timeLimit().toSeconds() + " s); 'nanopy --no-daemon' runs it without one\n"));
            err.drain();
        }, Daemon.TIME_LIMIT_STATUS);
    }

    void stopForMemory(long live) {
        stop(() -> {
            out.drain();
            err.drain();
            memoryMessage("the daemon's heap held " + live / (1 << 20) + " MiB after a collection, over its memory limit of "
                    + daemon.limits().memoryLimitBytes() / (1 << 20) + " MiB, and this program had allocated the most");
        }, 1);
    }

    private void memoryMessage(String why) {
        conn.send(Frames.STDERR, Frames.utf8("error: " + why + "; 'nanopy --no-daemon' runs it in its own process\nMemoryError\n"));
    }

    /** The client went away: stop the program without answering anyone. */
    void clientGone() {
        stop(() -> {
            out.close();
            err.close();
        }, 141);
    }

    /** Bytes the worker has allocated since it started this request. */
    long allocated() {
        Thread w = worker;
        return w == null ? 0 : THREADS.getThreadAllocatedBytes(w.threadId()) - allocatedAtStart;
    }

    /** Stdin data from the client (an empty array at its end of file). */
    void stdin(byte[] data) {
        if (!answered.get()) {
            stdin.offer(data);
        }
    }

    /** The program's stdin: each read asks the client for at most that many bytes and waits for them. */
    private final class FrameInput extends InputStream {
        private boolean eof;

        @Override
        public int read() throws java.io.IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            if (eof || answered.get()) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            conn.send(Frames.READ, Frames.u32(Math.min(len, Frames.MAX_PAYLOAD)));
            byte[] data;
            try {
                data = stdin.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped while reading stdin");
            }
            if (data.length == 0) {
                eof = true;
                return -1;
            }
            int n = Math.min(len, data.length);
            System.arraycopy(data, 0, b, off, n);
            return n;
        }
    }

    /**
     * One of the program's output streams as frames: buffered up to {@code capacity} bytes (stdout's
     * 64 KiB, as the {@code nanopy} process's; stderr unbuffered); {@link #drain} sends what is
     * buffered and closes it, after which writes are dropped.
     */
    static final class FrameOutput extends OutputStream {
        private final Connection conn;
        private final byte type;
        private final byte[] buf;
        private int n;
        private boolean closed;

        FrameOutput(Connection conn, byte type, int capacity) {
            this.conn = conn;
            this.type = type;
            this.buf = new byte[capacity];
        }

        @Override
        public synchronized void write(byte[] b) {
            write(b, 0, b.length);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (closed) {
                return;
            }
            if (n + len > buf.length) {
                sendBuffered();
                if (len > buf.length) {
                    conn.send(type, b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, buf, n, len);
            n += len;
        }

        @Override
        public synchronized void flush() {
            if (!closed) {
                sendBuffered();
            }
        }

        private void sendBuffered() {
            if (n > 0) {
                conn.send(type, buf, 0, n);
                n = 0;
            }
        }

        /** Sends what is buffered and closes. */
        synchronized void drain() {
            flush();
            closed = true;
        }

        @Override
        public synchronized void close() {
            closed = true;
            n = 0;
        }
    }
}
