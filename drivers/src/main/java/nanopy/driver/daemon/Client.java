package nanopy.driver.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The daemon's protocol from Java: {@code nanopy daemon stop|status} and the tests use it (a user's
 * requests go through the native client). One connection, any number of requests one after another.
 */
public final class Client implements AutoCloseable {
    private final SocketChannel ch;

    /** Connects to the socket {@code socket}. */
    public Client(Path socket) throws IOException {
        ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * What a request produced.
     *
     * @param status the exit status; -1 when the daemon said to run the command elsewhere
     * @param error the daemon's error reply (malformed or refused request), or empty
     */
    public record Reply(int status, String stdout, String stderr, String error) {}

    /**
     * Runs {@code args} as from directory {@code cwd}, with {@code stdin} as the program's whole input.
     *
     * @param flags {@link Frames} request flags
     */
    public Reply run(List<String> args, Path cwd, int flags, String stdin) throws IOException {
        send(Frames.REQUEST, Frames.request(new Frames.Request(flags, cwd.toString(), args)));
        return replies(stdin.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a raw frame (tests: malformed requests, signals). */
    public void send(byte type, byte[] payload) throws IOException {
        Frames.write(ch, type, payload, 0, payload.length);
    }

    /** Sends raw bytes (tests: truncated frames). */
    public void sendBytes(byte[] bytes) throws IOException {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
    }

    /** Closes the sending side (tests: a frame cut short). */
    public void shutdownOutput() throws IOException {
        ch.shutdownOutput();
    }

    /** Reads the daemon's frames up to the end of the current request; stdin reads are answered from {@code stdin}. */
    public Reply replies(byte[] stdin) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int pos = 0;
        for (;;) {
            Frames.Frame f;
            try {
                f = Frames.read(ch);
            } catch (Frames.Malformed e) {
                throw new IOException("the daemon sent a malformed frame: " + e.getMessage(), e);
            }
            if (f == null) {
                throw new IOException("the daemon closed the connection before the request ended");
            }
            switch (f.type()) {
                case Frames.STDOUT, Frames.TEXT -> out.writeBytes(f.payload());
                case Frames.STDERR -> err.writeBytes(f.payload());
                case Frames.READ -> {
                    int want = want(f);
                    int n = Math.min(want, stdin.length - pos);
                    send(Frames.STDIN, java.util.Arrays.copyOfRange(stdin, pos, pos + n));
                    pos += n;
                }
                case Frames.EXIT -> {
                    return new Reply(want(f), text(out), text(err), "");
                }
                case Frames.ELSEWHERE -> {
                    return new Reply(-1, text(out), text(err), "");
                }
                case Frames.ERROR -> {
                    return new Reply(-1, text(out), text(err), new String(f.payload(), StandardCharsets.UTF_8));
                }
                default -> throw new IOException("the daemon sent an unknown frame type " + f.type());
            }
        }
    }

    private static int want(Frames.Frame f) throws IOException {
        try {
            return Frames.int32(f);
        } catch (Frames.Malformed e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }
}
