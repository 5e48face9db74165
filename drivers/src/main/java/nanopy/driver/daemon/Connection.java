package nanopy.driver.daemon;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * One client connection: reads its frames on one thread and answers them; a request runs as a
 * {@link Job} on a worker thread while this thread keeps reading (stdin data, a cancel). Writes
 * from the job and from this thread are serialized by {@link #send}.
 */
final class Connection {
    private final Daemon daemon;
    private final SocketChannel ch;
    private final Object writeLock = new Object();
    private volatile boolean broken;
    private volatile Job job;

    Connection(Daemon daemon, SocketChannel ch) {
        this.daemon = daemon;
        this.ch = ch;
    }

    /** Sends one frame; after a write error the connection is broken and further frames are dropped. */
    void send(byte type, byte[] data, int off, int len) {
        synchronized (writeLock) {
            if (broken) {
                return;
            }
            try {
                Frames.write(ch, type, data, off, len);
            } catch (IOException e) {
                broken = true;
            }
        }
    }

    void send(byte type, byte[] data) {
        send(type, data, 0, data.length);
    }

    boolean broken() {
        return broken;
    }

    /** Answers a refused peer and closes. */
    void refuse(String why) {
        send(Frames.ERROR, Frames.utf8(why));
        close();
    }

    private void close() {
        try {
            ch.close();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** The frame loop. */
    void serve() {
        try {
            for (;;) {
                Frames.Frame f = Frames.read(ch);
                if (f == null) {
                    break;
                }
                if (!handle(f)) {
                    break;
                }
            }
        } catch (Frames.Malformed e) {
            daemon.log().println("nanopy daemon: malformed request: " + e.getMessage());
            send(Frames.ERROR, Frames.utf8("malformed request: " + e.getMessage()));
        } catch (IOException e) {
            broken = true;
        } finally {
            Job j = job;
            if (j != null) {
                j.clientGone();   // nobody to answer: stop the program
            }
            close();
        }
    }

    /** Handles one frame; false to close the connection. */
    private boolean handle(Frames.Frame f) throws Frames.Malformed {
        Job j = job;
        switch (f.type()) {
            case Frames.REQUEST -> {
                if (j != null && !j.answered()) {
                    throw new Frames.Malformed("a second request while the first is running");
                }
                Frames.Request r = Frames.parseRequest(f.payload());
                if (daemon.stopping()) {
                    send(Frames.ELSEWHERE, new byte[0]);
                    return true;
                }
                Job next = new Job(daemon, this, r);
                job = next;
                next.start();
            }
            case Frames.STDIN -> {
                if (j == null) {
                    throw new Frames.Malformed("stdin data with no request running");
                }
                j.stdin(f.payload());
            }
            case Frames.CANCEL -> {
                int signal = Frames.int32(f);
                if (j != null) {
                    j.signal(signal);
                }
            }
            case Frames.STATUS -> {
                send(Frames.TEXT, Frames.utf8(daemon.status()));
                send(Frames.EXIT, Frames.u32(0));
            }
            case Frames.STOP -> {
                daemon.stop();
                send(Frames.TEXT, Frames.utf8("nanopy daemon: stopping; " + daemon.running.size() + " request(s) still running\n"));
                waitForDrain();
                send(Frames.EXIT, Frames.u32(0));
                return false;
            }
            default -> throw new Frames.Malformed("unknown frame type " + (f.type() & 0xff));
        }
        return true;
    }

    private void waitForDrain() {
        while (!daemon.running.isEmpty()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
