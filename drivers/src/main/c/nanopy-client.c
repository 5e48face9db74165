/*
 * nanopy's daemon client: what ./nanopy runs instead of a JVM while a daemon is up
 * (nanopy daemon start). It connects to the daemon's Unix socket, sends the command line, its
 * working directory and whether stdout/stderr are terminals and stdin is open, then copies the
 * daemon's frames to fd 1 and fd 2, answers stdin reads (only when the program reads), forwards
 * SIGINT/SIGTERM/SIGHUP and exits with the program's status. The wire format is documented in
 * drivers/src/main/java/nanopy/driver/daemon/Frames.java.
 *
 * When no daemon answers, or the daemon says the command is not one it runs, the client execs the
 * JVM command line the launcher gave it, so the user always gets an answer.
 *
 *   nanopy-client SOCKET N JAVA-ARG1 ... JAVA-ARGN [NANOPY-ARGS...]
 *   nanopy-client --bench COUNT SOCKET [NANOPY-ARGS...]   (one connection, COUNT requests: latency)
 *
 * The launcher builds it with the system's C compiler (cc -O2), as Nailgun's ng is built.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

enum { STDOUT_TTY = 1, STDERR_TTY = 2, STDIN_LOST = 4, MAX_PAYLOAD = 16 << 20 };

static int sig_pipe[2] = {-1, -1};

static void on_signal(int sig) {
    unsigned char s = (unsigned char)sig;
    int saved = errno;
    if (write(sig_pipe[1], &s, 1) < 0) { /* the pipe is full: a signal is already pending */ }
    errno = saved;
}

static int write_all(int fd, const void *buf, size_t n) {
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int read_all(int fd, void *buf, size_t n) {
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (r == 0) return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

static int send_frame(int sock, char type, const void *data, uint32_t len) {
    unsigned char head[5];
    uint32_t be = htonl(len);
    head[0] = (unsigned char)type;
    memcpy(head + 1, &be, 4);
    if (write_all(sock, head, 5) < 0) return -1;
    return len ? write_all(sock, data, len) : 0;
}

static int send_u32(int sock, char type, uint32_t v) {
    uint32_t be = htonl(v);
    return send_frame(sock, type, &be, 4);
}

/* The request payload: u32 flags, str cwd, u32 argc, argc x str (str = u32 length, bytes). */
static char *build_request(int flags, int argc, char **argv, uint32_t *len) {
    char cwd[8192];
    if (!getcwd(cwd, sizeof cwd)) return NULL;
    size_t n = 4 + 4 + strlen(cwd) + 4;
    for (int i = 0; i < argc; i++) n += 4 + strlen(argv[i]);
    if (n > MAX_PAYLOAD) return NULL;
    char *buf = malloc(n), *p = buf;
    if (!buf) return NULL;
    uint32_t v = htonl((uint32_t)flags);
    memcpy(p, &v, 4), p += 4;
    v = htonl((uint32_t)strlen(cwd));
    memcpy(p, &v, 4), p += 4;
    memcpy(p, cwd, strlen(cwd)), p += strlen(cwd);
    v = htonl((uint32_t)argc);
    memcpy(p, &v, 4), p += 4;
    for (int i = 0; i < argc; i++) {
        size_t k = strlen(argv[i]);
        v = htonl((uint32_t)k);
        memcpy(p, &v, 4), p += 4;
        memcpy(p, argv[i], k), p += k;
    }
    *len = (uint32_t)n;
    return buf;
}

static int connect_to(const char *path) {
    struct sockaddr_un a;
    if (strlen(path) >= sizeof a.sun_path) return -1;
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0) return -1;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, path);
    if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) {
        close(s);
        return -1;
    }
    return s;
}

/* Reads one frame; the payload is malloc'd (NULL when empty). Returns the type, or -1. */
static int read_frame(int sock, unsigned char **payload, uint32_t *len) {
    unsigned char head[5];
    if (read_all(sock, head, 5) < 0) return -1;
    uint32_t be;
    memcpy(&be, head + 1, 4);
    *len = ntohl(be);
    if (*len > MAX_PAYLOAD) return -1;
    *payload = NULL;
    if (*len) {
        *payload = malloc(*len);
        if (!*payload || read_all(sock, *payload, *len) < 0) return -1;
    }
    return head[0];
}

static uint32_t u32_of(const unsigned char *p, uint32_t len) {
    uint32_t be = 0;
    if (len == 4) memcpy(&be, p, 4);
    return ntohl(be);
}

static void run_without_daemon(char **java, int njava, int argc, char **argv) {
    if (fcntl(0, F_GETFD) < 0) {
        open("/dev/null", O_RDONLY);   /* stdin was closed: the JVM gets /dev/null (the launcher said so) */
    }
    char **cmd = calloc((size_t)(njava + argc + 1), sizeof *cmd);
    if (!cmd) exit(70);
    for (int i = 0; i < njava; i++) cmd[i] = java[i];
    for (int i = 0; i < argc; i++) cmd[njava + i] = argv[i];
    execv(cmd[0], cmd);
    fprintf(stderr, "nanopy: cannot run %s: %s\n", cmd[0], strerror(errno));
    exit(70);
}

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* --bench COUNT SOCKET ARGS...: COUNT requests on one connection; prints latency percentiles. */
static int bench(int count, const char *path, int argc, char **argv) {
    int sock = connect_to(path);
    if (sock < 0) {
        fprintf(stderr, "nanopy-client: no daemon at %s\n", path);
        return 1;
    }
    uint32_t len;
    char *req = build_request(0, argc, argv, &len);
    double *t = calloc((size_t)count, sizeof *t);
    if (!req || !t) return 70;
    size_t out_bytes = 0;
    for (int i = 0; i < count; i++) {
        double t0 = now_us();
        if (send_frame(sock, 'Q', req, len) < 0) return 1;
        for (;;) {
            unsigned char *p;
            uint32_t n;
            int type = read_frame(sock, &p, &n);
            if (type < 0) {
                fprintf(stderr, "nanopy-client: the daemon closed the connection\n");
                return 1;
            }
            if (type == 'O') out_bytes += n;
            if (type == 'R') send_frame(sock, 'I', NULL, 0);
            free(p);
            if (type == 'X' || type == 'F' || type == 'Z') {
                if (type != 'X') {
                    fprintf(stderr, "nanopy-client: the daemon does not run this command\n");
                    return 1;
                }
                break;
            }
        }
        t[i] = now_us() - t0;
    }
    qsort(t, (size_t)count, sizeof *t, cmp_double);
    printf("%d requests on one connection: median %.1f us, p90 %.1f us, min %.1f us, max %.1f us (%zu stdout bytes)\n", count,
           t[count / 2], t[count * 9 / 10], t[0], t[count - 1], out_bytes);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[1], "--bench") == 0) {
        return bench(atoi(argv[2]), argv[3], argc - 4, argv + 4);
    }
    if (argc < 3) {
        fprintf(stderr, "usage: nanopy-client SOCKET N JAVA-ARGS... [ARGS...]\n");
        return 2;
    }
    const char *path = argv[1];
    int njava = atoi(argv[2]);
    if (njava < 1 || 3 + njava > argc) {
        fprintf(stderr, "nanopy-client: bad java command length %s\n", argv[2]);
        return 2;
    }
    char **java = argv + 3;
    int nargs = argc - 3 - njava;
    char **args = argv + 3 + njava;

    int sock = connect_to(path);
    if (sock < 0) run_without_daemon(java, njava, nargs, args);

    int flags = (isatty(1) ? STDOUT_TTY : 0) | (isatty(2) ? STDERR_TTY : 0) | (fcntl(0, F_GETFD) < 0 ? STDIN_LOST : 0);
    uint32_t len;
    char *req = build_request(flags, nargs, args, &len);
    if (!req || send_frame(sock, 'Q', req, len) < 0) {
        close(sock);
        run_without_daemon(java, njava, nargs, args);
    }
    free(req);

    if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);
    }
    signal(SIGPIPE, SIG_IGN);

    int cancelled = 0;
    for (;;) {
        struct pollfd fds[2] = {{sock, POLLIN, 0}, {sig_pipe[0], POLLIN, 0}};
        if (poll(fds, sig_pipe[0] >= 0 ? 2 : 1, cancelled ? 5000 : -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (sig_pipe[0] >= 0 && (fds[1].revents & POLLIN)) {
            unsigned char s;
            while (read(sig_pipe[0], &s, 1) == 1) {
                if (cancelled++ && s == SIGINT) {   /* a second Ctrl-C: do not wait for the daemon */
                    fputs("KeyboardInterrupt\n", stderr);
                    _exit(130);
                }
                send_u32(sock, 'C', s);
            }
            continue;
        }
        if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            if (cancelled) _exit(130);   /* the daemon did not answer the signal within 5 s */
            continue;
        }
        unsigned char *p;
        uint32_t n;
        int type = read_frame(sock, &p, &n);
        switch (type) {
        case 'O':
            write_all(1, p, n);
            break;
        case 'E':
            write_all(2, p, n);
            break;
        case 'R': {
            uint32_t want = u32_of(p, n);
            char buf[65536];
            if (want > sizeof buf) want = sizeof buf;
            ssize_t r;
            for (;;) {   /* wait for stdin or a signal */
                struct pollfd in[2] = {{0, POLLIN, 0}, {sig_pipe[0], POLLIN, 0}};
                if (poll(in, sig_pipe[0] >= 0 ? 2 : 1, -1) < 0 && errno != EINTR) break;
                if (sig_pipe[0] >= 0 && (in[1].revents & POLLIN)) break;
                if (in[0].revents) break;
            }
            struct pollfd again = {sig_pipe[0], POLLIN, 0};
            if (sig_pipe[0] >= 0 && poll(&again, 1, 0) > 0) {
                break;   /* the main loop sends the signal; the daemon's stop ends the read */
            }
            do r = read(0, buf, want); while (r < 0 && errno == EINTR);
            send_frame(sock, 'I', buf, r > 0 ? (uint32_t)r : 0);
            break;
        }
        case 'X':
            _exit((int)u32_of(p, n) & 0xff);
        case 'F':
            close(sock);
            run_without_daemon(java, njava, nargs, args);
            break;
        case 'Z':
            fprintf(stderr, "nanopy: the daemon refused the request (%.*s); running without it\n", (int)n, p ? (char *)p : "");
            close(sock);
            run_without_daemon(java, njava, nargs, args);
            break;
        default:
            fprintf(stderr, "nanopy: lost the connection to the daemon (%s); 'nanopy daemon status' tells whether it runs\n", path);
            _exit(70);
        }
        free(p);
    }
    return 70;
}
