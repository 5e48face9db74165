package nanopy.driver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A least-recently-used cache of compiled programs, bounded in entries and in (estimated) bytes.
 * The key is a SHA-256 digest of everything a compilation depends on: nanopy's version, where the
 * pipeline config and the passes came from ({@link PipelineConfig#identity()},
 * {@link PassRegistry#identity()}), the pipeline (its passes' classes and options, its runner), the
 * file name (diagnostics and spans carry it) and the source text; so a changed source, target,
 * config, plugin jar or nanopy build is a different key, never a stale hit. Compiled programs are
 * immutable IR trees, so one entry may run on several threads at once.
 *
 * <p>{@link #SHARED} is the process's cache: the library API ({@link Nanopy}) and the daemon's
 * requests use it; the one-shot {@code nanopy} command does not (a fresh process never hits).
 * Thread-safe.
 */
public final class CompileCache {
    /** The process's cache: 256 programs, 64 MiB. */
    public static final CompileCache SHARED = new CompileCache(256, 64L << 20);

    private record Entry(Driver.Compiled compiled, long bytes) {}

    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    /**
     * @param maxEntries at most this many programs
     * @param maxBytes at most this many estimated bytes ({@link Footprint#estimate}); a program
     *     larger than this on its own is not kept
     */
    public CompileCache(int maxEntries, long maxBytes) {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry and one byte");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** What the cache holds and has done: for {@code nanopy daemon status} and tests. */
    public record Stats(int entries, long bytes, long hits, long misses, long evictions) {}

    /**
     * The key of compiling {@code source} as {@code fileName} through {@code p}.
     *
     * @param origin where the config and passes came from ({@code config.identity() + registry.identity()})
     */
    public static String key(String origin, Pipeline p, String fileName, String source) {
        MessageDigest md = sha256();
        StringBuilder sb = new StringBuilder(Cli.VERSION).append('\n').append(origin).append('\n').append(p.canonical()).append('\n');
        for (Pipeline.Step s : p.steps()) {
            sb.append(s.pass().type().getName()).append(',');
        }
        sb.append('\n').append(p.run().orElse("")).append('\n').append(fileName).append('\n');
        md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        md.update(source.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    /** The program compiled under {@code key}, which becomes the most recently used. */
    public synchronized Optional<Driver.Compiled> get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            misses++;
            return Optional.empty();
        }
        hits++;
        return Optional.of(e.compiled());
    }

    /** Keeps {@code compiled} under {@code key}, evicting the least recently used entries to stay in bounds. */
    public void put(String key, Driver.Compiled compiled) {
        long size = Footprint.estimate(compiled.program());
        synchronized (this) {
            if (size > maxBytes) {
                return;
            }
            Entry old = entries.put(key, new Entry(compiled, size));
            bytes += size - (old == null ? 0 : old.bytes());
            Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
            while ((entries.size() > maxEntries || bytes > maxBytes) && it.hasNext()) {
                Map.Entry<String, Entry> eldest = it.next();
                if (eldest.getKey().equals(key)) {
                    continue;
                }
                bytes -= eldest.getValue().bytes();
                it.remove();
                evictions++;
            }
        }
    }

    /** The current counts. */
    public synchronized Stats stats() {
        return new Stats(entries.size(), bytes, hits, misses, evictions);
    }

    /** Empties the cache (the counters stay). */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }
}
