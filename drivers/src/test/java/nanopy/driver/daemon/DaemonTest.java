package nanopy.driver.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nanopy.driver.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon in this JVM on a socket in a temporary directory, driven by {@link Client}s: every
 * answer is compared with what the same command prints without the daemon ({@link Main#run} on its
 * own streams, as {@code nanopy --no-daemon} runs it).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DaemonTest {
    @TempDir
    Path tmp;

    private SocketDir dir;
    private Daemon daemon;
    private Thread serving;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        dir = new SocketDir(tmp.resolve("sock"));
        daemon = new Daemon(dir, new Daemon.Limits(Duration.ofSeconds(8), Runtime.getRuntime().maxMemory() / 4 * 3),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        daemon.bind();
        serving = new Thread(() -> {
            try {
                daemon.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "daemon-under-test");
        serving.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        daemon.stop();
        serving.join(30_000);
    }

    /** What the command gives without the daemon. */
    private Client.Reply direct(List<String> args, String stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args.toArray(String[]::new), new PrintStream(out, false, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new BufferedReader(new StringReader(stdin)), false);
        return new Client.Reply(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), "");
    }

    private Client client() throws IOException {
        return new Client(dir.socket());
    }

    @Test
    void theSocketAndItsDirectoryAreTheUsersAlone() throws IOException {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.dir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.socket())));
        assertTrue(dir.answers());
    }

    private static final String TIMES_SEVEN = "n = int(input())\nprint(n * 7)\n";
    private static final String DIVIDES_BY_ZERO = "n = int(input())\nprint(n)\nprint(10 // (n - n))\n";
    private static final String COUNTS = "n = int(input())\ni = 0\nwhile i < 300:\n    print(n, i, 'x' * (i % 50))\n    i = i + 1\n";
    private static final String LOOPS = "n = int(input())\nprint(n)\nwhile True:\n    n = n + 1\n";

    @Test
    void eightClientsOfFiveHundredRequestsEachGetTheirOwnAnswers() throws Exception {
        List<String> programs = List.of(TIMES_SEVEN, DIVIDES_BY_ZERO, COUNTS);
        Map<String, Client.Reply> expected = new HashMap<>();
        for (int c = 0; c < 8; c++) {
            for (int k = 0; k < 10; k++) {
                for (String p : programs) {
                    String input = (c * 100 + k) + "\n";
                    expected.put(p + input, direct(List.of("-c", p), input));
                }
            }
        }
        Client.Reply failing = expected.get(DIVIDES_BY_ZERO + "0\n");
        assertEquals(1, failing.status());
        assertEquals("0\n", failing.stdout());
        assertTrue(failing.stderr().endsWith("ZeroDivisionError: integer division or modulo by zero\n"), failing.stderr());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int me = c;
            clients.add(pool.submit(() -> {
                int checked = 0;
                try (Client cl = client()) {
                    for (int i = 0; i < 500; i++) {
                        String input = (me * 100 + i % 10) + "\n";
                        if (i == 5 && me % 2 == 0) {   // four clients run a program that loops until the time limit
                            Client.Reply r = cl.run(List.of("-c", LOOPS), tmp, 0, input);
                            assertEquals(Daemon.TIME_LIMIT_STATUS, r.status(), r.toString());
                            assertEquals(input, r.stdout());
                            assertTrue(r.stderr().contains("time limit"), r.stderr());
                            continue;
                        }
                        String p = programs.get((i + me) % programs.size());
                        Client.Reply r = cl.run(List.of("-c", p), tmp, 0, input);
                        assertEquals(expected.get(p + input), r, "client " + me + ", request " + i);
                        checked++;
                    }
                }
                return checked;
            }));
        }
        int total = 0;
        for (Future<Integer> f : clients) {
            total += f.get(4, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertEquals(8 * 500 - 4, total);
    }

    @Test
    void ctrlCFlushesStdoutThenKeyboardInterruptAnd130() throws Exception {
        try (Client c = client()) {
            // the program prints its input (block-buffered: still in the daemon's buffer), then loops
            ExecutorService one = Executors.newSingleThreadExecutor();
            Future<Client.Reply> reply = one.submit(() -> c.run(List.of("-c", LOOPS), tmp, 0, "41\n"));
            Thread.sleep(500);
            c.send(Frames.CANCEL, Frames.u32(2));   // what the native client sends on SIGINT
            assertEquals(new Client.Reply(130, "41\n", "KeyboardInterrupt\n", ""), reply.get(30, TimeUnit.SECONDS));
            one.shutdown();
            assertEquals(new Client.Reply(0, "2\n", "", ""), c.run(List.of("-c", "print(1 + 1)"), tmp, 0, ""),
                    "the connection serves the next request");
        }
    }

    @Test
    void relativeFilesAreReadFromTheClientsDirectory() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(work.resolve("prog.py"), "print(len('abc'))\nprint(1 // 0)\n");
        try (Client c = client()) {
            Client.Reply r = c.run(List.of("prog.py"), work, 0, "");
            assertEquals(1, r.status());
            assertEquals("3\n", r.stdout());
            assertTrue(r.stderr().contains("File \"" + work.resolve("prog.py") + "\", line 2"), r.stderr());
            Client.Reply missing = c.run(List.of("nothere.py"), work, 0, "");
            assertEquals(new Client.Reply(1, "", "error: nothere.py: no such file\n", ""), missing);
        }
    }

    @Test
    void commandsTheDaemonDoesNotRunGoBackToTheClient() throws Exception {
        try (Client c = client()) {
            assertEquals(-1, c.run(List.of("build", "x.py"), tmp, 0, "").status());
            assertEquals(-1, c.run(List.of("--pipeline", "p.toml", "x.py"), tmp, 0, "").status());
            assertEquals(-1, c.run(List.of("daemon", "status"), tmp, 0, "").status());
            assertEquals(new Client.Reply(0, "5\n", "", ""), c.run(List.of("-c", "print(2 + 3)"), tmp, 0, ""));
        }
    }

    @Test
    void malformedAndTruncatedRequestsGetAnErrorAndTheDaemonServesOn() throws Exception {
        try (Client c = client()) {
            c.send((byte) '?', new byte[0]);
            assertTrue(c.replies(new byte[0]).error().contains("unknown frame type"));
        }
        try (Client c = client()) {
            c.sendBytes(ByteBuffer.allocate(5).put(Frames.REQUEST).putInt(100).array());
            c.sendBytes(new byte[10]);
            c.shutdownOutput();
            assertTrue(c.replies(new byte[0]).error().contains("truncated frame"));
        }
        try (Client c = client()) {
            c.sendBytes(ByteBuffer.allocate(5).put(Frames.REQUEST).putInt(-1).array());
            assertTrue(c.replies(new byte[0]).error().contains("at most"));
        }
        try (Client c = client()) {
            c.send(Frames.REQUEST, ByteBuffer.allocate(12).putInt(0).putInt(1).put((byte) '/').put(new byte[3]).array());
            assertTrue(c.replies(new byte[0]).error().contains("truncated"));
        }
        try (Client c = client()) {
            c.send(Frames.REQUEST, Frames.request(new Frames.Request(0, "relative/dir", List.of("-c", "print(1)"))));
            assertTrue(c.replies(new byte[0]).error().contains("not absolute"));
        }
        try (Client c = client()) {
            c.sendBytes(new byte[] {Frames.REQUEST, 0});
            c.shutdownOutput();
            assertTrue(c.replies(new byte[0]).error().contains("truncated frame header"));
        }
        try (Client c = client()) {
            assertEquals(new Client.Reply(0, "1\n", "", ""), c.run(List.of("-c", "print(1)"), tmp, 0, ""));
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("malformed request"), logged);
    }

    @Test
    void anotherUserIsRefused() throws IOException {
        UserPrincipal self = Files.getOwner(dir.dir());
        PeerCheck check = new PeerCheck(self);
        assertNull(check.refusal(self));
        UserPrincipal nobody = tmp.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        String why = check.refusal(nobody);
        assertNotNull(why);
        assertTrue(why.contains("nobody"), why);
    }

    /**
     * A real connection from another uid (root can run one as {@code nobody} with util-linux's
     * setpriv): the socket is opened up by hand here, as a careless chmod would, so that only the
     * daemon's SO_PEERCRED check stands between that user and the daemon.
     */
    @Test
    void aConnectionFromAnotherUidIsRefused() throws Exception {
        boolean canSwitch = SocketDir.ownUid() == 0 && Files.isExecutable(Path.of("/usr/bin/setpriv"))
                && Files.isExecutable(Path.of("/usr/bin/python3.11"));
        if (!canSwitch) {
            assertFalse("true".equals(System.getenv("CI")), "CI runs as root with setpriv and python3.11");
            System.err.println("notice: not root or no setpriv/python3.11: the other-uid connection is not tried");
            return;
        }
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(dir.dir(), PosixFilePermissions.fromString("rwx--x--x"));
        Files.setPosixFilePermissions(dir.socket(), PosixFilePermissions.fromString("rw-rw-rw-"));
        // it only connects and reads: the daemon answers a refused peer at once and closes
        String script = "import socket,struct,sys\n"
                + "s=socket.socket(socket.AF_UNIX);s.connect(sys.argv[1])\n"
                + "h=s.recv(5);n=struct.unpack('>I',h[1:5])[0];b=b''\n"
                + "while len(b)<n:\n  c=s.recv(n-len(b))\n  if not c: break\n  b+=c\n"
                + "print(chr(h[0]), b.decode())\n";
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3.11", "-c",
                script, dir.socket().toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.startsWith("Z refused: this daemon serves only"), out);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("refused"));
    }

    @Test
    void aStaleSocketIsReplacedAndALiveDaemonIsNot() throws Exception {
        SocketDir other = new SocketDir(tmp.resolve("stale"));
        other.prepare();
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(other.socket()));   // a daemon that died: its socket file stays
        }
        assertTrue(Files.exists(other.socket()));
        assertFalse(other.answers(), "nobody listens on a stale socket");
        ByteArrayOutputStream log2 = new ByteArrayOutputStream();
        Daemon second = new Daemon(other, Daemon.Limits.defaults(), new PrintStream(log2, true, StandardCharsets.UTF_8));
        second.bind();
        assertTrue(log2.toString(StandardCharsets.UTF_8).contains("removed the stale socket"));
        assertTrue(other.answers());
        second.stop();
        IOException e = assertThrows(IOException.class,
                () -> new Daemon(dir, Daemon.Limits.defaults(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).bind());
        assertTrue(e.getMessage().contains("already runs"), e.getMessage());
        assertTrue(dir.answers(), "the live daemon's socket is untouched");
    }

    @Test
    void stopWaitsForTheRequestsInFlight() throws Exception {
        // the request in flight waits for its stdin, which its client sends only after the stop
        String busy = "x = input()\nprint(x * 3)\n";
        try (Client worker = client(); Client stopper = client()) {
            worker.send(Frames.REQUEST, Frames.request(new Frames.Request(0, tmp.toString(), List.of("-c", busy))));
            Thread.sleep(300);
            ExecutorService one = Executors.newSingleThreadExecutor();
            Future<Client.Reply> stopped = one.submit(() -> {
                stopper.send(Frames.STOP, new byte[0]);
                return stopper.replies(new byte[0]);
            });
            Thread.sleep(500);
            assertFalse(stopped.isDone(), "stop waits while a request runs");
            assertThrows(IOException.class, () -> client().close(), "a stopping daemon takes no new connection");
            assertEquals(new Client.Reply(0, "ababab\n", "", ""), worker.replies("ab\n".getBytes(StandardCharsets.UTF_8)));
            Client.Reply r = stopped.get(30, TimeUnit.SECONDS);
            assertEquals(0, r.status());
            assertTrue(r.stdout().contains("1 request(s) still running"), r.stdout());
            one.shutdown();
        }
        serving.join(30_000);
        assertFalse(serving.isAlive(), "the daemon returned from serve()");
        assertFalse(Files.exists(dir.socket()), "the socket is gone");
    }
}
