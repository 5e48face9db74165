package nanopy.driver.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nanopy.driver.CompileCache;

/**
 * The nanopy daemon: a JVM that stays up, serving {@code nanopy run}, {@code nanopy FILE} and
 * {@code nanopy -c} for one user over a Unix domain socket ({@link SocketDir}), so that a request
 * costs neither a JVM start nor (thanks to {@link CompileCache#SHARED}) a second compilation of the
 * same program.
 *
 * <p>Each connection is read by its own thread; each request runs on a worker thread with a 2 GiB
 * stack (as the {@code nanopy} command's), its own stdout (block-buffered, or line-buffered when the
 * client's is a terminal, as without the daemon), stderr and stdin (read from the client only when
 * the program reads: {@link Frames#READ}). A request is stopped when its client sends a signal (Ctrl-C
 * gives what the {@code nanopy} process prints: its stdout flushed, {@code KeyboardInterrupt}, status
 * 130), when it runs longer than the time limit (status 124), or when the heap's live data after a
 * collection passes the memory limit and it is the request that allocated most (MemoryError,
 * status 1); stopping flushes what the program printed, answers the client at once and interrupts
 * the worker, which the interpreters and VMs poll on every loop back edge and call.
 *
 * <p>Security: the socket's directory is the user's alone (0700, socket 0600) and every connection's
 * peer credentials are checked ({@link PeerCheck}); a malformed or truncated frame is answered with
 * {@link Frames#ERROR} and only that connection is closed.
 */
public final class Daemon {
    /** Stack size of a request's worker thread, in bytes: the {@code nanopy} command's. */
    static final long STACK_BYTES = 2L << 30;

    /** Exit status of a request stopped by the time limit (as timeout(1)'s). */
    static final int TIME_LIMIT_STATUS = 124;

    /**
     * The daemon's settings.
     *
     * @param timeLimit how long one request may run
     * @param memoryLimitBytes live heap (after a collection) above which the biggest allocator is stopped
     */
    public record Limits(Duration timeLimit, long memoryLimitBytes) {
        /** 10 minutes; 3/4 of the heap. */
        public static Limits defaults() {
            return new Limits(Duration.ofMinutes(10), Runtime.getRuntime().maxMemory() / 4 * 3);
        }
    }

    private final SocketDir where;
    private final Limits limits;
    private final PrintStream log;
    private final CompileCache cache = CompileCache.SHARED;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "nanopy-request", STACK_BYTES);
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nanopy-limits");
        t.setDaemon(true);
        return t;
    });
    final Set<Job> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong served = new AtomicLong();
    private final long started = System.currentTimeMillis();
    private volatile boolean stopping;
    private ServerSocketChannel server;
    private FileLock lock;
    private PeerCheck peers;

    /**
     * @param where the socket's directory
     * @param limits per-request limits
     * @param log where the daemon writes what it does (connections refused, malformed requests)
     */
    public Daemon(SocketDir where, Limits limits, PrintStream log) {
        this.where = where;
        this.limits = limits;
        this.log = log;
    }

    Limits limits() {
        return limits;
    }

    CompileCache cache() {
        return cache;
    }

    ExecutorService workers() {
        return workers;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    PrintStream log() {
        return log;
    }

    boolean stopping() {
        return stopping;
    }

    void served() {
        served.incrementAndGet();
    }

    /**
     * Binds the socket: prepares the directory, takes the lock (another live daemon: an
     * {@link IOException} saying so), removes a stale socket file, binds and makes the socket 0600.
     */
    public void bind() throws IOException {
        where.prepare();
        Optional<FileLock> l = where.tryLock();
        if (l.isEmpty()) {
            throw new IOException("a daemon already runs for this user (" + where.socket() + ")");
        }
        lock = l.get();   // held (and referenced) for the daemon's life
        if (Files.deleteIfExists(where.socket())) {
            log.println("nanopy daemon: removed the stale socket " + where.socket() + " (its daemon is gone)");
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(where.socket()));
        Files.setPosixFilePermissions(where.socket(), PosixFilePermissions.fromString("rw-------"));
        UserPrincipal self = Files.getOwner(where.dir());
        peers = new PeerCheck(self);
        timers.scheduleWithFixedDelay(this::watchMemory, 50, 50, TimeUnit.MILLISECONDS);
    }

    /** Serves until {@link #stop} has drained every request; then removes the socket. */
    public void serve() throws IOException {
        try {
            while (!stopping) {
                SocketChannel ch;
                try {
                    ch = server.accept();
                } catch (ClosedChannelException e) {
                    break;
                }
                String refusal = peers.refusal(PeerCheck.peer(ch));
                Connection c = new Connection(this, ch);
                if (refusal != null) {
                    log.println("nanopy daemon: " + refusal);
                    c.refuse(refusal);
                    continue;
                }
                Thread t = new Thread(c::serve, "nanopy-connection");
                t.setDaemon(true);
                t.start();
            }
        } finally {
            drain();
        }
    }

    /**
     * Stops taking connections (new requests on open ones are sent back to their client to run) and
     * lets {@link #serve} return once the requests in flight have ended.
     */
    void stop() {
        stopping = true;
        try {
            Files.deleteIfExists(where.socket());
            server.close();
        } catch (IOException e) {
            log.println("nanopy daemon: closing the socket: " + e.getMessage());
        }
    }

    private void drain() {
        while (!running.isEmpty()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timers.shutdownNow();
        workers.shutdownNow();
        try {
            lock.channel().close();
        } catch (IOException e) {
            log.println("nanopy daemon: releasing the lock: " + e.getMessage());
        }
    }

    /** A line or two for {@code nanopy daemon status}. */
    String status() {
        CompileCache.Stats s = cache.stats();
        return "nanopy daemon: pid " + ProcessHandle.current().pid() + ", up " + (System.currentTimeMillis() - started) / 1000
                + " s, socket " + where.socket() + "\n" + "  requests: " + served.get() + " served, " + running.size()
                + " running; compile cache: " + s.entries() + " programs, " + s.bytes() / 1024 + " KiB, " + s.hits() + " hits, "
                + s.misses() + " misses, " + s.evictions() + " evictions; limits: " + limits.timeLimit().toSeconds() + " s, "
                + limits.memoryLimitBytes() / (1 << 20) + " MiB\n";
    }

    /**
     * The memory limit: when the old generation's occupancy after its last collection passes the
     * limit, the running request that has allocated the most since it started is stopped.
     */
    private void watchMemory() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null && pool.isCollectionUsageThresholdSupported()) {
                live += pool.getCollectionUsage().getUsed();
            }
        }
        if (live <= limits.memoryLimitBytes() || running.isEmpty()) {
            return;
        }
        Job biggest = null;
        for (Job j : running) {
            if (biggest == null || j.allocated() > biggest.allocated()) {
                biggest = j;
            }
        }
        if (biggest != null) {
            biggest.stopForMemory(live);
            System.gc();   // the stopped program's data is garbage: clear the reading before the next check
        }
    }
}
