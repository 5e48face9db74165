package nanopy.driver.daemon;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a user's daemon lives: a directory only that user can enter ({@code $XDG_RUNTIME_DIR/nanopy},
 * else {@code /tmp/nanopy-UID}; mode 0700, owned by the user, not a symbolic link) holding the socket
 * {@code daemon.sock} (mode 0600), the lock file {@code daemon.lock} that the running daemon holds
 * for its whole life (so a second daemon, or a socket file left by one that crashed, is told apart
 * from a live one) and the log {@code daemon.log}. The launcher and the native client compute the
 * same path.
 */
record SocketDir(Path dir) {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** The socket. */
    Path socket() {
        return dir.resolve("daemon.sock");
    }

    Path lock() {
        return dir.resolve("daemon.lock");
    }

    Path log() {
        return dir.resolve("daemon.log");
    }

    /** This user's directory, from the environment: {@code $XDG_RUNTIME_DIR/nanopy} or {@code /tmp/nanopy-UID}. */
    static SocketDir forUser(Map<String, String> env) throws IOException {
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isEmpty() && xdg.startsWith("/") && Files.isDirectory(Path.of(xdg))) {
            return new SocketDir(Path.of(xdg, "nanopy"));
        }
        return new SocketDir(Path.of("/tmp", "nanopy-" + ownUid()));
    }

    /** The uid this process runs as (the owner of {@code /proc/self}). */
    static int ownUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /**
     * Creates the directory (mode 0700) or checks the one there: it must be a real directory owned by
     * this user that no one else can enter.
     *
     * @throws IOException with a sentence saying what is wrong, for a directory the daemon must not use
     */
    void prepare() throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // checked below
        }
        PosixFileAttributes a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isDirectory()) {
            throw new IOException(dir + " is not a directory (a symbolic link or a file); refusing to use it");
        }
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (owner != ownUid()) {
            throw new IOException(dir + " belongs to uid " + owner + ", not to this user (uid " + ownUid() + "); refusing to use it");
        }
        if (!a.permissions().equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);   // ours: tighten it (umask, or made by hand)
        }
    }

    /**
     * Takes the lock that says "a daemon runs here", or empty when another process holds it.
     * Whoever holds it may remove a socket file left behind by a daemon that died.
     */
    Optional<FileLock> tryLock() throws IOException {
        FileChannel ch = FileChannel.open(lock(), Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            l = null;   // this JVM runs the daemon already
        }
        if (l == null) {
            ch.close();
        }
        return Optional.ofNullable(l);
    }

    /** Whether a daemon answers on the socket (a socket file nobody listens on is stale). */
    boolean answers() {
        if (!Files.exists(socket(), LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
