package nanopy.driver.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's wire format, spoken by the native client ({@code drivers/src/main/c/nanopy-client.c})
 * and by {@link Daemon}. Every message is a frame: one type byte, a 4-byte big-endian payload length
 * (at most {@link #MAX_PAYLOAD}), the payload.
 *
 * <pre>
 * client to daemon                               daemon to client
 *   Q request: u32 flags, str cwd, u32 argc,       O stdout bytes        E stderr bytes
 *              argc x str   (str = u32 n, n bytes) R read stdin: u32 most bytes wanted
 *   I stdin bytes (answers R; empty = end of file) X exit: u32 status (the request is over)
 *   C cancel: u32 signal (2 INT, 15 TERM, 1 HUP)   F run it yourself (not a command the daemon runs)
 *   P status        S stop (drain, then exit)      T text (status, stop progress)
 *                                                  Z error: the request was malformed or refused
 * </pre>
 *
 * A connection may carry one request after another; a request ends with X (or F or Z).
 */
final class Frames {
    static final byte REQUEST = 'Q';
    static final byte STDIN = 'I';
    static final byte CANCEL = 'C';
    static final byte STATUS = 'P';
    static final byte STOP = 'S';

    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    static final byte READ = 'R';
    static final byte EXIT = 'X';
    static final byte ELSEWHERE = 'F';
    static final byte TEXT = 'T';
    static final byte ERROR = 'Z';

    /** Request flags. */
    static final int STDOUT_TTY = 1;
    static final int STDERR_TTY = 2;
    static final int STDIN_LOST = 4;

    /** The largest payload either side sends or accepts, in bytes. */
    static final int MAX_PAYLOAD = 16 << 20;

    private Frames() {}

    /** A frame as read. */
    record Frame(byte type, byte[] payload) {}

    /** A frame that breaks the format; the connection is answered with {@link #ERROR} and closed. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /** What a client asks the daemon to run. */
    record Request(int flags, String cwd, List<String> args) {
        boolean stdoutTty() {
            return (flags & STDOUT_TTY) != 0;
        }

        boolean stdinLost() {
            return (flags & STDIN_LOST) != 0;
        }
    }

    /**
     * Reads one frame; null at a clean end of the stream (between frames).
     *
     * @throws Malformed for a payload longer than {@link #MAX_PAYLOAD} or a stream that ends inside a frame
     */
    static Frame read(SocketChannel ch) throws IOException, Malformed {
        ByteBuffer head = ByteBuffer.allocate(5);
        while (head.hasRemaining()) {
            if (ch.read(head) < 0) {
                if (head.position() == 0) {
                    return null;
                }
                throw new Malformed("truncated frame header (" + head.position() + " of 5 bytes)");
            }
        }
        head.flip();
        byte type = head.get();
        int n = head.getInt();
        if (n < 0 || n > MAX_PAYLOAD) {
            throw new Malformed("frame '" + (char) type + "' announces " + Integer.toUnsignedString(n) + " bytes (at most " + MAX_PAYLOAD + ")");
        }
        ByteBuffer body = ByteBuffer.allocate(n);
        while (body.hasRemaining()) {
            if (ch.read(body) < 0) {
                throw new Malformed("truncated frame '" + (char) type + "': " + body.position() + " of " + n + " bytes");
            }
        }
        return new Frame(type, body.array());
    }

    /** Writes one frame (the caller serializes writers). */
    static void write(SocketChannel ch, byte type, byte[] data, int off, int len) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(5).put(type).putInt(len).flip();
        ByteBuffer body = ByteBuffer.wrap(data, off, len);
        while (head.hasRemaining() || body.hasRemaining()) {
            ch.write(new ByteBuffer[] {head, body});
        }
    }

    static byte[] u32(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A u32 payload ({@link #READ}, {@link #EXIT}, {@link #CANCEL}). */
    static int int32(Frame f) throws Malformed {
        if (f.payload().length != 4) {
            throw new Malformed("frame '" + (char) f.type() + "' needs a 4-byte payload, not " + f.payload().length);
        }
        return ByteBuffer.wrap(f.payload()).getInt();
    }

    /** Encodes a request (the Java side of tests and benchmarks; the native client writes the same bytes). */
    static byte[] request(Request r) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(utf8(r.cwd()));
        r.args().forEach(a -> parts.add(utf8(a)));
        int size = 12 + parts.stream().mapToInt(p -> 4 + p.length).sum() - 4;
        ByteBuffer b = ByteBuffer.allocate(size).putInt(r.flags());
        b.putInt(parts.get(0).length).put(parts.get(0)).putInt(r.args().size());
        for (int i = 1; i < parts.size(); i++) {
            b.putInt(parts.get(i).length).put(parts.get(i));
        }
        return b.array();
    }

    /**
     * Decodes a request payload.
     *
     * @throws Malformed when it is truncated, has trailing bytes, or names no absolute directory
     */
    static Request parseRequest(byte[] payload) throws Malformed {
        ByteBuffer b = ByteBuffer.wrap(payload);
        int flags = int32(b, "flags");
        String cwd = str(b, "the working directory");
        int argc = int32(b, "the argument count");
        if (argc < 0 || argc > 4096) {
            throw new Malformed("request with " + Integer.toUnsignedString(argc) + " arguments (at most 4096)");
        }
        List<String> args = new ArrayList<>(argc);
        for (int i = 0; i < argc; i++) {
            args.add(str(b, "argument " + (i + 1)));
        }
        if (b.hasRemaining()) {
            throw new Malformed("request with " + b.remaining() + " bytes after its last argument");
        }
        if (!cwd.startsWith("/")) {
            throw new Malformed("request whose working directory is not absolute: '" + cwd + "'");
        }
        return new Request(flags, cwd, List.copyOf(args));
    }

    private static int int32(ByteBuffer b, String what) throws Malformed {
        if (b.remaining() < 4) {
            throw new Malformed("request truncated in " + what);
        }
        return b.getInt();
    }

    private static String str(ByteBuffer b, String what) throws Malformed {
        int n = int32(b, "the length of " + what);
        if (n < 0 || n > b.remaining()) {
            throw new Malformed("request truncated in " + what + " (" + Integer.toUnsignedString(n) + " bytes announced, "
                    + b.remaining() + " left)");
        }
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
