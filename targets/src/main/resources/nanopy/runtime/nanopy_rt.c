/*
 * nanopy's C run-time library for native targets; see nanopy_rt.h for the value representation
 * and docs/native-runtime.md for the build flags. Every message and rule follows nanopy's Java
 * run-time library (nanopy.py.interp: Prims, PyStrings, Values, StrRepr, FloatFormat), which in turn
 * follows CPython 3.11.
 */
#define GC_THREADS
#include <gc.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <ucontext.h>
#include <signal.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "nanopy_rt.h"
#include "nanopy_unprintable.h"

/* Hooks for the x86-64 target's build of this library (nanopy_lir.c includes this file): there every
   str, list and tuple carries a type word in front of it (NP_HEADED), so that the runtime ABI's
   routines (docs/runtime-abi.md) can print and compare an object without a type descriptor, and
   the collector must then know pointers into an object's interior (NP_BEFORE_GC_INIT). */
#ifndef NP_HEADED
#define NP_HEADED(alloc, bytes, tag) alloc(bytes)
#define NP_BEFORE_GC_INIT()
#endif

/* ---- output: CPython's buffering (line-buffered on a terminal, else blocks) ---------------- */

#define OUT_SIZE 65536
static char out_buf[OUT_SIZE];
static size_t out_len;
static int out_tty;

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR) continue;
            return;
        }
        p += k;
        n -= (size_t) k;
    }
}

void nanopy_rt_flush(void) {
    size_t n = out_len;
    out_len = 0;
    write_all(1, out_buf, n);
}

static void out_bytes(const char *p, size_t n) {
    if (n >= OUT_SIZE) {
        nanopy_rt_flush();
        write_all(1, p, n);
        return;
    }
    if (out_len + n > OUT_SIZE) nanopy_rt_flush();
    memcpy(out_buf + out_len, p, n);
    out_len += n;
    if (out_tty && memchr(p, '\n', n)) nanopy_rt_flush();
}

/* UTF-8 encoding of one code point into b (at most 4 bytes); returns the length. */
static int utf8(uint32_t c, char *b) {
    if (c < 0x80) { b[0] = (char) c; return 1; }
    if (c < 0x800) { b[0] = (char) (0xc0 | c >> 6); b[1] = (char) (0x80 | (c & 0x3f)); return 2; }
    if (c < 0x10000) {
        b[0] = (char) (0xe0 | c >> 12); b[1] = (char) (0x80 | (c >> 6 & 0x3f)); b[2] = (char) (0x80 | (c & 0x3f));
        return 3;
    }
    b[0] = (char) (0xf0 | c >> 18); b[1] = (char) (0x80 | (c >> 12 & 0x3f));
    b[2] = (char) (0x80 | (c >> 6 & 0x3f)); b[3] = (char) (0x80 | (c & 0x3f));
    return 4;
}

/* A growable byte buffer on the C heap, for formatting. */
typedef struct { char *p; size_t n, cap; } Buf;

static void buf_add(Buf *b, const char *p, size_t n) {
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->n + n) cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p) nanopy_rt_error("MemoryError", "");
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
}

static void buf_str(Buf *b, const char *s) { buf_add(b, s, strlen(s)); }

static void buf_cp(Buf *b, uint32_t c) {
    char t[4];
    buf_add(b, t, (size_t) utf8(c, t));
}

/* ---- errors ------------------------------------------------------------------------------- */

_Noreturn void nanopy_rt_error(const char *cls, const char *msg) {
    nanopy_rt_flush();
    Buf b = {0};
    buf_str(&b, "Traceback (most recent call last):\n  File \"<native>\", in <module>\n");
    buf_str(&b, cls);
    if (msg[0]) {
        buf_str(&b, ": ");
        buf_str(&b, msg);
    }
    buf_add(&b, "\n", 1);
    write_all(2, b.p, b.n);
    _exit(1);
}

/* The UTF-8 text of a str, NUL-terminated, on the C heap. */
static char *c_text(const NpStr *s) {
    Buf b = {0};
    for (int64_t i = 0; i < s->len; i++) buf_cp(&b, s->cp[i]);
    buf_add(&b, "", 1);
    return b.p;
}

_Noreturn void nanopy_rt_raise(const NpStr *error) {
    char *t = c_text(error);
    char *colon = strstr(t, ": ");
    if (!colon) nanopy_rt_error(t, "");
    *colon = 0;
    nanopy_rt_error(t, colon + 2);
}

_Noreturn void nanopy_rt_overflow(void) { nanopy_rt_error("OverflowError", "integer overflow"); }

_Noreturn void nanopy_rt_zero_div(int64_t which) {
    static const char *const msgs[] = {
        "integer division or modulo by zero", "integer modulo by zero", "division by zero",
        "float division by zero", "float floor division by zero", "float modulo",
    };
    nanopy_rt_error("ZeroDivisionError", msgs[which]);
}

_Noreturn void nanopy_rt_index_error(int64_t which) {
    static const char *const msgs[] = {
        "list index out of range", "list assignment index out of range", "string index out of range",
    };
    nanopy_rt_error("IndexError", msgs[which]);
}

_Noreturn void nanopy_rt_recursion_error(void) {
    nanopy_rt_error("RecursionError", "maximum recursion depth exceeded");
}

/* ---- memory ------------------------------------------------------------------------------- */

/* The collector starts on the first allocation that does not fit ARENA_BYTES: before that, objects
   are carved from a static arena (in .bss, so the collector scans it as a root once it runs, and
   never frees it). A program that allocates little never pays the collector's initialisation
   (about a hundred page faults, a third of a small program's start-up). */
#define ARENA_BYTES ((size_t) 1 << 20)
static char arena[ARENA_BYTES] __attribute__((aligned(16)));
static size_t arena_used;
static int gc_started;
static int on_program_stack;
static struct GC_stack_base program_stack;

static void *set_stack_bottom(void *base) {
    GC_set_stackbottom(NULL, base);
    return NULL;
}

static void gc_start(void) {
    gc_started = 1;
    GC_set_markers_count(1);
    /* the collector's own search for the stack's end would walk off the program's stack */
    if (on_program_stack) GC_set_stackbottom(NULL, &program_stack);
    NP_BEFORE_GC_INIT();
    GC_INIT();
    /* the arena's unused part holds no pointers: not scanning it keeps its pages untouched */
    GC_exclude_static_roots(arena + arena_used, arena + ARENA_BYTES);
}

static void *arena_alloc(size_t bytes) {
    size_t b = (bytes + 15) & ~(size_t) 15;
    if (b > ARENA_BYTES - arena_used) return NULL;
    void *p = arena + arena_used;
    arena_used += b;
    return p;
}

void *nanopy_rt_alloc(int64_t bytes) {
    size_t n = (size_t) (bytes > 0 ? bytes : 1);
    if (!gc_started) {
        void *a = arena_alloc(n);
        if (a) return a;
        gc_start();
    }
    void *p = GC_MALLOC(n);
    if (!p) nanopy_rt_error("MemoryError", "");
    return p;
}

static void *alloc_atomic(size_t bytes) {
    if (!gc_started) {
        void *a = arena_alloc(bytes ? bytes : 1);
        if (a) return a;
        gc_start();
    }
    void *p = GC_MALLOC_ATOMIC(bytes ? bytes : 1);
    if (!p) nanopy_rt_error("MemoryError", "");
    return p;
}

/* The longest str: the JVM's limit (2**31 - 17 characters), so that every target gives the same
   MemoryError for the same program (docs/numeric-semantics.md, str * n). */
#define STR_MAX (INT64_C(2147483647) - 16)

static NpStr *str_new(int64_t len) {
    if (len < 0 || len > STR_MAX) nanopy_rt_error("MemoryError", "");
    NpStr *s = NP_HEADED(alloc_atomic, sizeof(NpStr) + (size_t) len * 4, 1);
    s->len = len;
    return s;
}

#define HUGE_PAGE ((size_t) 2 << 20)
#define HUGE_FROM ((size_t) 4 << 20)

/* An item array of n slots; one of scalars is not scanned by the collector and not cleared (only
   the slots below a list's length are ever read, and those are written first). */
static size_t item_size(int64_t kind) { return kind == LIST_BYTES ? 1 : 8; }

static int64_t item_get(const NpList *l, int64_t i) {
    return l->scalar == LIST_BYTES ? ((const uint8_t *) l->items)[i] : l->items[i];
}

static void item_set(NpList *l, int64_t i, int64_t v) {
    if (l->scalar == LIST_BYTES) ((uint8_t *) l->items)[i] = (uint8_t) v;
    else l->items[i] = v;
}

/* The address of item i (for copying runs of items). */
static char *item_at(const NpList *l, int64_t i) { return (char *) l->items + (size_t) i * item_size(l->scalar); }

static int64_t *items_alloc(int64_t n, int64_t scalar) {
    if (scalar == LIST_REFS) return nanopy_rt_alloc(n * 8);
    size_t bytes = (size_t) n * item_size(scalar);
    int64_t *p = alloc_atomic(bytes);
    if (bytes >= HUGE_FROM) {
        /* transparent huge pages for the 2 MiB-aligned interior of a big array: a list of a million
           items is then filled with a few hundred page faults instead of thousands */
        uintptr_t a = ((uintptr_t) p + HUGE_PAGE - 1) & ~(uintptr_t) (HUGE_PAGE - 1);
        uintptr_t b = ((uintptr_t) p + bytes) & ~(uintptr_t) (HUGE_PAGE - 1);
        if (b > a) madvise((void *) a, b - a, MADV_HUGEPAGE);
    }
    return p;
}

NpList *nanopy_rt_list_new(int64_t len, int64_t scalar) {
    if (len < 0 || len > (INT64_C(1) << 40)) nanopy_rt_error("MemoryError", "");
    NpList *l = NP_HEADED(nanopy_rt_alloc, sizeof(NpList), 2);
    int64_t cap = len < 4 ? 4 : len;
    l->scalar = scalar;
    l->items = items_alloc(cap, scalar);
    if (scalar != LIST_REFS) memset(l->items, 0, (size_t) len * item_size(scalar));
    l->len = len;
    l->cap = cap;
    return l;
}

NpTuple *nanopy_rt_tuple_new(int64_t len) {
    NpTuple *t = NP_HEADED(nanopy_rt_alloc, 8 + len * 8, 3);
    t->len = len;
    return t;
}

/* ---- float repr: the shortest string that reads back as the same double, CPython's layout ---- */

/* Digits (no dot) and decimal exponent decpt (value = 0.d1d2... * 10^decpt) of |x| > 0, finite. */
static int shortest_digits(double x, char *digits, int *decpt) {
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x || prec == 17) break;
    }
    /* buf is d.ddde[+-]XX */
    int n = 0;
    char *p = buf;
    for (; *p && *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9') digits[n++] = *p;
    }
    int exp = atoi(p + 1);
    while (n > 1 && digits[n - 1] == '0') n--;
    digits[n] = 0;
    *decpt = exp + 1;
    return n;
}

static void float_repr(double x, Buf *b) {
    if (isnan(x)) { buf_str(b, "nan"); return; }
    if (isinf(x)) { buf_str(b, x > 0 ? "inf" : "-inf"); return; }
    if (x == 0) { buf_str(b, signbit(x) ? "-0.0" : "0.0"); return; }
    if (x < 0) { buf_add(b, "-", 1); x = -x; }
    char d[24];
    int decpt;
    int n = shortest_digits(x, d, &decpt);
    if (decpt <= -4 || decpt > 16) {
        buf_add(b, d, 1);
        if (n > 1) { buf_add(b, ".", 1); buf_add(b, d + 1, (size_t) n - 1); }
        char e[16];
        int exp = decpt - 1;
        snprintf(e, sizeof e, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        buf_str(b, e);
    } else if (decpt <= 0) {
        buf_str(b, "0.");
        for (int i = 0; i < -decpt; i++) buf_add(b, "0", 1);
        buf_add(b, d, (size_t) n);
    } else if (decpt >= n) {
        buf_add(b, d, (size_t) n);
        for (int i = n; i < decpt; i++) buf_add(b, "0", 1);
        buf_str(b, ".0");
    } else {
        buf_add(b, d, (size_t) decpt);
        buf_add(b, ".", 1);
        buf_add(b, d + decpt, (size_t) (n - decpt));
    }
}

/* ---- str() and repr() of values --------------------------------------------------------- */

/* Whether code point c is printable for repr: CPython 3.11's str.isprintable (Unicode 14), from
   the ranges of nanopy_unprintable.h, which NativeBuild writes from the Java run-time library's
   unprintable.txt (one table for every target; a C library's newer Unicode would print characters
   CPython escapes). Binary search for the last range starting at or below c. */
static int printable(uint32_t c) {
    if (c < 0x7f) return c >= 0x20;
    size_t lo = 0, hi = sizeof unprintable_first / sizeof unprintable_first[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (unprintable_first[mid] <= c) lo = mid + 1;
        else hi = mid;
    }
    return lo == 0 || c > unprintable_last[lo - 1];
}

static void str_repr(const NpStr *s, Buf *b) {
    int sq = 0, dq = 0;
    for (int64_t i = 0; i < s->len; i++) {
        if (s->cp[i] == '\'') sq = 1;
        if (s->cp[i] == '"') dq = 1;
    }
    uint32_t quote = sq && !dq ? '"' : '\'';
    buf_cp(b, quote);
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = s->cp[i];
        char t[16];
        if (c == quote || c == '\\') { buf_add(b, "\\", 1); buf_cp(b, c); }
        else if (c == '\t') buf_str(b, "\\t");
        else if (c == '\n') buf_str(b, "\\n");
        else if (c == '\r') buf_str(b, "\\r");
        else if (printable(c)) buf_cp(b, c);
        else {
            if (c < 0x100) snprintf(t, sizeof t, "\\x%02x", c);
            else if (c < 0x10000) snprintf(t, sizeof t, "\\u%04x", c);
            else snprintf(t, sizeof t, "\\U%08x", c);
            buf_str(b, t);
        }
    }
    buf_cp(b, quote);
}

/* The end of the descriptor that starts at d. */
static const char *desc_end(const char *d) {
    switch (*d) {
    case 'L': return desc_end(d + 1);
    case 'T':
        d++;
        while (*d != ')') d = desc_end(d);
        return d + 1;
    default: return d + 1;
    }
}

static void value_text(int64_t bits, const char *d, int repr, Buf *b) {
    char t[32];
    switch (*d) {
    case 'i': snprintf(t, sizeof t, "%lld", (long long) bits); buf_str(b, t); return;
    case 'f': { double x; memcpy(&x, &bits, 8); float_repr(x, b); return; }
    case 'b': buf_str(b, bits ? "True" : "False"); return;
    case 'n': buf_str(b, "None"); return;
    case 's': {
        const NpStr *s = (const NpStr *) (intptr_t) bits;
        if (repr) str_repr(s, b);
        else for (int64_t i = 0; i < s->len; i++) buf_cp(b, s->cp[i]);
        return;
    }
    case 'L': {
        const NpList *l = (const NpList *) (intptr_t) bits;
        buf_add(b, "[", 1);
        for (int64_t i = 0; i < l->len; i++) {
            if (i) buf_str(b, ", ");
            value_text(item_get(l, i), d + 1, 1, b);
        }
        buf_add(b, "]", 1);
        return;
    }
    case 'T': {
        const NpTuple *tu = (const NpTuple *) (intptr_t) bits;
        buf_add(b, "(", 1);
        const char *e = d + 1;
        for (int64_t i = 0; i < tu->len; i++) {
            if (i) buf_str(b, ", ");
            value_text(tu->items[i], e, 1, b);
            e = desc_end(e);
        }
        buf_str(b, tu->len == 1 ? ",)" : ")");
        return;
    }
    case 'c': snprintf(t, sizeof t, "<function at %p>", (void *) (intptr_t) bits); buf_str(b, t); return;
    default: buf_str(b, "<record>"); return;
    }
}

void nanopy_rt_write_value(int64_t bits, const char *desc) {
    Buf b = {0};
    value_text(bits, desc, 0, &b);
    out_bytes(b.p, b.n);
    free(b.p);
}

void nanopy_rt_write_str(const NpStr *s) {
    char t[256];
    size_t n = 0;
    for (int64_t i = 0; i < s->len; i++) {
        if (n > sizeof t - 4) { out_bytes(t, n); n = 0; }
        n += (size_t) utf8(s->cp[i], t + n);
    }
    out_bytes(t, n);
}

void nanopy_rt_write_int(int64_t v) {
    char t[24];
    int n = snprintf(t, sizeof t, "%lld", (long long) v);
    out_bytes(t, (size_t) n);
}

void nanopy_rt_write_float(double v) {
    Buf h = {0};
    float_repr(v, &h);
    out_bytes(h.p, h.n);
    free(h.p);
}

void nanopy_rt_write_bool(int64_t v) { out_bytes(v ? "True" : "False", v ? 4 : 5); }

/* Decodes UTF-8 bytes into a str (an invalid byte becomes U+FFFD). */
static NpStr *from_utf8(const char *p, size_t n) {
    NpStr *s = str_new((int64_t) n);
    int64_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char) p[i];
        uint32_t cp;
        int len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xe0) == 0xc0) { cp = c & 0x1f; len = 2; }
        else if ((c & 0xf0) == 0xe0) { cp = c & 0x0f; len = 3; }
        else if ((c & 0xf8) == 0xf0) { cp = c & 0x07; len = 4; }
        else { cp = 0xfffd; len = 1; }
        if (i + (size_t) len > n) { cp = 0xfffd; len = 1; }
        else {
            for (int j = 1; j < len; j++) {
                unsigned char d = (unsigned char) p[i + (size_t) j];
                if ((d & 0xc0) != 0x80) { cp = 0xfffd; len = 1; break; }
                cp = cp << 6 | (d & 0x3f);
            }
        }
        s->cp[k++] = cp;
        i += (size_t) len;
    }
    s->len = k;
    return s;
}

NpStr *nanopy_rt_to_str(int64_t bits, const char *desc) {
    if (*desc == 's') return (NpStr *) (intptr_t) bits;
    Buf b = {0};
    value_text(bits, desc, 0, &b);
    NpStr *s = from_utf8(b.p, b.n);
    free(b.p);
    return s;
}

/* ---- numbers ------------------------------------------------------------------------------ */

int64_t nanopy_rt_int_pow(int64_t base, int64_t exp) {
    if (exp < 0) nanopy_rt_error("ValueError", "int ** negative int gives a float in Python; NanoPy needs a float base here");
    int64_t result = 1, b = base, e = exp;
    while (e > 0) {
        if (e & 1) { if (__builtin_mul_overflow(result, b, &result)) nanopy_rt_overflow(); }
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(b, b, &b)) nanopy_rt_overflow();
    }
    return result;
}

static int bit_length(uint64_t v) { return v ? 64 - __builtin_clzll(v) : 0; }

/* int / int, correctly rounded (CPython's long_true_divide; docs/numeric-semantics.md). */
double nanopy_rt_int_truediv(int64_t a, int64_t b) {
    if (b == 0) nanopy_rt_zero_div(2);
    const int64_t lim = INT64_C(1) << 53;
    if (a >= -lim && a <= lim && b >= -lim && b <= lim) return (double) a / (double) b;
    uint64_t x = a < 0 ? 0 - (uint64_t) a : (uint64_t) a;
    uint64_t y = b < 0 ? 0 - (uint64_t) b : (uint64_t) b;
    int k = 55 - (bit_length(x) - bit_length(y));
    unsigned __int128 q, r;
    if (k >= 0) {
        unsigned __int128 n = (unsigned __int128) x << k;
        q = n / y;
        r = n % y;
    } else {
        unsigned __int128 d = (unsigned __int128) y << -k;
        q = x / d;
        r = x % d;
    }
    if (r != 0) q |= 1;
    double res = ldexp((double) (uint64_t) q, -k);
    return (a < 0) != (b < 0) ? -res : res;
}

/* Exact comparison of int i with float d (CPython's float_richcompare): -1, 0, 1, or 2 when d is NaN. */
int64_t nanopy_rt_cmp_int_float(int64_t i, double d) {
    if (isnan(d)) return 2;
    if (d >= 9223372036854775808.0) return -1;
    if (d < -9223372036854775808.0) return 1;
    double f = floor(d);
    int64_t fi = (int64_t) f;
    if (i != fi) return i < fi ? -1 : 1;
    return d > f ? -1 : 0;
}

double nanopy_rt_float_div(double a, double b) {
    if (b == 0) nanopy_rt_zero_div(3);
    return a / b;
}

/* CPython's float_divmod. */
double nanopy_rt_float_floordiv(double vx, double wx) {
    if (wx == 0) nanopy_rt_zero_div(4);
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod != 0 && ((wx < 0) != (mod < 0))) div -= 1.0;
    if (div != 0) {
        double fl = floor(div);
        if (div - fl > 0.5) fl += 1.0;
        return fl;
    }
    return copysign(0.0, vx / wx);
}

double nanopy_rt_float_mod(double vx, double wx) {
    if (wx == 0) nanopy_rt_zero_div(5);
    double mod = fmod(vx, wx);
    if (mod != 0) {
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        mod = copysign(0.0, wx);
    }
    return mod;
}

static int odd_integer(double w) { return isfinite(w) && fmod(fabs(w), 2.0) == 1.0; }

/* float ** float in CPython's float_pow order (docs/numeric-semantics.md). */
double nanopy_rt_float_pow(double v, double w) {
    if (w == 0) return 1.0;
    if (isnan(v)) return v;
    if (isnan(w)) return v == 1.0 ? 1.0 : w;
    if (isinf(w)) {
        v = fabs(v);
        if (v == 1.0) return 1.0;
        return (w > 0) == (v > 1) ? INFINITY : 0.0;
    }
    if (isinf(v)) {
        int odd = odd_integer(w);
        if (v > 0) return w > 0 ? INFINITY : 0.0;
        return w > 0 ? (odd ? -INFINITY : INFINITY) : (odd ? -0.0 : 0.0);
    }
    if (v == 0) {
        if (w < 0) nanopy_rt_error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
        return odd_integer(w) ? v : 0.0;
    }
    int negate = 0;
    if (v < 0) {
        if (w != floor(w))
            nanopy_rt_error("ValueError", "a negative float to a fractional power is a complex number, not in NanoPy");
        negate = odd_integer(w);
        v = -v;
        if (v == 1.0) return negate ? -1.0 : 1.0;
    } else if (v == 1.0) {
        return 1.0;
    }
    double r = pow(v, w);
    if (isinf(r)) nanopy_rt_error("OverflowError", "(34, 'Numerical result out of range')");
    return negate ? -r : r;
}

int64_t nanopy_rt_float_to_int(double d) {
    if (isnan(d)) nanopy_rt_error("ValueError", "cannot convert float NaN to integer");
    if (isinf(d)) nanopy_rt_error("OverflowError", "cannot convert float infinity to integer");
    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) nanopy_rt_overflow();
    return (int64_t) d;
}

/* ---- strings ------------------------------------------------------------------------------ */

NpStr *nanopy_rt_str_concat(const NpStr *a, const NpStr *b) {
    NpStr *s = str_new(a->len + b->len);
    memcpy(s->cp, a->cp, (size_t) a->len * 4);
    memcpy(s->cp + a->len, b->cp, (size_t) b->len * 4);
    return s;
}

NpStr *nanopy_rt_str_repeat(const NpStr *a, int64_t n) {
    if (n <= 0 || a->len == 0) return str_new(0);
    if (n > INT64_MAX / a->len) nanopy_rt_error("OverflowError", "repeated string is too long");
    if (n > STR_MAX / a->len) nanopy_rt_error("MemoryError", "");
    NpStr *s = str_new(a->len * n);
    for (int64_t i = 0; i < n; i++) memcpy(s->cp + i * a->len, a->cp, (size_t) a->len * 4);
    return s;
}

static NpStr *sub(const NpStr *s, int64_t a, int64_t b) {
    NpStr *r = str_new(b - a);
    memcpy(r->cp, s->cp + a, (size_t) (b - a) * 4);
    return r;
}

/* One-character strings of Latin-1, made once. */
static NpStr *latin1[256];

static NpStr *char_str(uint32_t c) {
    if (c < 256) {
        if (!latin1[c]) {
            NpStr *s = NP_HEADED(alloc_atomic, sizeof(NpStr) + 4, 1); /* kept alive by latin1[], a root */
            s->len = 1;
            s->cp[0] = c;
            latin1[c] = s;
        }
        return latin1[c];
    }
    NpStr *s = str_new(1);
    s->cp[0] = c;
    return s;
}

NpStr *nanopy_rt_str_index(const NpStr *s, int64_t i) {
    int64_t k = i < 0 ? i + s->len : i;
    if (k < 0 || k >= s->len) nanopy_rt_index_error(2);
    return char_str(s->cp[k]);
}

static int64_t bound(int64_t has, int64_t b, int64_t size, int low) {
    if (!has) return low ? 0 : size;
    int64_t k = b < 0 ? b + size : b;
    return k < 0 ? 0 : k > size ? size : k;
}

NpStr *nanopy_rt_str_slice(const NpStr *s, int64_t haslo, int64_t lo, int64_t hashi, int64_t hi) {
    int64_t a = bound(haslo, lo, s->len, 1), b = bound(hashi, hi, s->len, 0);
    return a >= b ? str_new(0) : sub(s, a, b);
}

int64_t nanopy_rt_str_cmp(const NpStr *a, const NpStr *b) {
    int64_t n = a->len < b->len ? a->len : b->len;
    for (int64_t i = 0; i < n; i++) {
        if (a->cp[i] != b->cp[i]) return a->cp[i] < b->cp[i] ? -1 : 1;
    }
    return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

int64_t nanopy_rt_str_eq(const NpStr *a, const NpStr *b) {
    return a == b || (a->len == b->len && memcmp(a->cp, b->cp, (size_t) a->len * 4) == 0);
}

static int64_t find(const NpStr *hay, const NpStr *needle, int64_t from) {
    for (int64_t i = from; i + needle->len <= hay->len; i++) {
        if (memcmp(hay->cp + i, needle->cp, (size_t) needle->len * 4) == 0) return i;
    }
    return -1;
}

int64_t nanopy_rt_str_in(const NpStr *needle, const NpStr *hay) { return find(hay, needle, 0) >= 0; }

NpStr *nanopy_rt_str_join(const NpStr *sep, const NpList *xs) {
    int64_t n = 0;
    for (int64_t i = 0; i < xs->len; i++) n += ((NpStr *) (intptr_t) xs->items[i])->len + (i ? sep->len : 0);
    NpStr *s = str_new(n);
    int64_t k = 0;
    for (int64_t i = 0; i < xs->len; i++) {
        if (i) { memcpy(s->cp + k, sep->cp, (size_t) sep->len * 4); k += sep->len; }
        NpStr *x = (NpStr *) (intptr_t) xs->items[i];
        memcpy(s->cp + k, x->cp, (size_t) x->len * 4);
        k += x->len;
    }
    return s;
}

/* Python's str.isspace for the characters split() and strip() skip. */
static int space(uint32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

NpList *nanopy_rt_str_split(const NpStr *s) {
    NpList *out = nanopy_rt_list_new(0, 0);
    int64_t i = 0, n = s->len;
    for (;;) {
        while (i < n && space(s->cp[i])) i++;
        if (i >= n) return out;
        int64_t j = i;
        while (j < n && !space(s->cp[j])) j++;
        nanopy_rt_list_append(out, (int64_t) (intptr_t) sub(s, i, j));
        i = j;
    }
}

NpList *nanopy_rt_str_split_sep(const NpStr *s, const NpStr *sep) {
    if (sep->len == 0) nanopy_rt_error("ValueError", "empty separator");
    NpList *out = nanopy_rt_list_new(0, 0);
    int64_t i = 0;
    for (;;) {
        int64_t j = find(s, sep, i);
        if (j < 0) {
            nanopy_rt_list_append(out, (int64_t) (intptr_t) sub(s, i, s->len));
            return out;
        }
        nanopy_rt_list_append(out, (int64_t) (intptr_t) sub(s, i, j));
        i = j + sep->len;
    }
}

NpStr *nanopy_rt_str_strip(const NpStr *s) {
    int64_t a = 0, b = s->len;
    while (a < b && space(s->cp[a])) a++;
    while (b > a && space(s->cp[b - 1])) b--;
    return sub(s, a, b);
}

/* ValueError: prefix + repr(s), the repr cut to its first 'cut' characters (C's %.200R) when cut > 0. */
static _Noreturn void bad_literal(const char *prefix, const NpStr *s, int cut) {
    Buf r = {0};
    str_repr(s, &r);
    Buf b = {0};
    buf_str(&b, prefix);
    if (cut > 0) {
        /* r is UTF-8: keep its first 'cut' code points */
        size_t i = 0;
        for (int k = 0; i < r.n && k < cut; k++) {
            i++;
            while (i < r.n && ((unsigned char) r.p[i] & 0xc0) == 0x80) i++;
        }
        r.n = i;
    }
    buf_add(&b, r.p, r.n);
    buf_add(&b, "", 1);
    free(r.p);
    nanopy_rt_error("ValueError", b.p);
}

/* Unicode 14's decimal digit zeros (category Nd, runs of ten). */
static const uint32_t digit_zeros[] = {
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
    0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
    0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0,
    0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
};

/* CPython's _PyUnicode_TransformDecimalAndSpaceToASCII, then the ASCII strip: the text int() and
   float() parse, as ASCII in a NUL-terminated C string, or NULL when a character is neither ASCII,
   Unicode whitespace nor a decimal digit. */
static char *numeric_text(const NpStr *s) {
    char *t = malloc((size_t) s->len + 1);
    size_t n = 0;
    for (int64_t i = 0; i < s->len; i++) {
        uint32_t c = s->cp[i];
        char out = 0;
        if (c == 0) { free(t); return NULL; } /* CPython parses a C string: a NUL ends it early */
        if (c < 127) out = (char) c;
        else if (space(c)) out = ' ';
        else {
            for (size_t z = 0; z < sizeof digit_zeros / sizeof digit_zeros[0]; z++) {
                if (c >= digit_zeros[z] && c < digit_zeros[z] + 10) { out = (char) ('0' + (c - digit_zeros[z])); break; }
            }
            if (!out) { free(t); return NULL; }
        }
        t[n++] = out;
    }
    t[n] = 0;
    size_t a = 0;
    while (a < n && strchr(" \t\n\v\f\r", t[a]) && t[a]) a++;
    while (n > a && strchr(" \t\n\v\f\r", t[n - 1])) n--;
    memmove(t, t + a, n - a);
    t[n - a] = 0;
    return t;
}

static int cdigit(char c) { return c >= '0' && c <= '9'; }

int64_t nanopy_rt_str_to_int(const NpStr *s) {
    char *t = numeric_text(s);
    const char *p = t;
    int ok = p != NULL;
    int neg = 0;
    if (ok && (*p == '+' || *p == '-')) neg = *p++ == '-';
    ok = ok && cdigit(*p);
    int64_t ndigits = 0;
    for (const char *q = p; ok && *q; q++) {
        if (*q == '_') ok = cdigit(q[1]) && q > p && cdigit(q[-1]);
        else if (cdigit(*q)) ndigits++;
        else ok = 0;
    }
    if (!ok) {
        free(t);
        bad_literal("invalid literal for int() with base 10: ", s, 200);
    }
    if (ndigits > 4300) {
        free(t);
        char m[200];
        snprintf(m, sizeof m, "Exceeds the limit (4300 digits) for integer string conversion: value has %lld digits; "
                 "use sys.set_int_max_str_digits() to increase the limit", (long long) ndigits);
        nanopy_rt_error("ValueError", m);
    }
    uint64_t v = 0;
    int over = 0;
    for (const char *q = p; *q; q++) {
        if (*q == '_') continue;
        uint64_t d = (uint64_t) (*q - '0');
        if (v > (UINT64_MAX - d) / 10) over = 1;
        else v = v * 10 + d;
    }
    free(t);
    if (over || (neg ? v > (uint64_t) INT64_MAX + 1 : v > (uint64_t) INT64_MAX)) nanopy_rt_overflow();
    return neg ? (int64_t) (0 - v) : (int64_t) v;
}

/* Whether t is [+-]? (D+ [.] D* | . D+) ([eE] [+-]? D+)? with underscores only between digits. */
static int float_syntax(const char *t) {
    const char *p = t;
    if (*p == '+' || *p == '-') p++;
    int digits = 0;
#define DIGITS()                                                          \
    while (cdigit(*p) || (*p == '_' && p > t && cdigit(p[-1]) && cdigit(p[1]))) { \
        if (*p != '_') digits++;                                          \
        p++;                                                              \
    }
    DIGITS();
    if (*p == '.') {
        p++;
        if (cdigit(*p)) { DIGITS(); }
    }
    if (digits == 0) return 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-') p++;
        if (!cdigit(*p)) return 0;
        DIGITS();
    }
#undef DIGITS
    return *p == 0;
}

double nanopy_rt_str_to_float(const NpStr *s) {
    char *t = numeric_text(s);
    if (t) {
        const char *u = t + (*t == '+' || *t == '-');
        double sign = *t == '-' ? -1.0 : 1.0;
        if (!strcasecmp(u, "inf") || !strcasecmp(u, "infinity")) { free(t); return sign * INFINITY; }
        if (!strcasecmp(u, "nan")) { free(t); return sign * NAN; }
    }
    if (!t || !float_syntax(t)) {
        free(t);
        bad_literal("could not convert string to float: ", s, 0);
    }
    size_t n = 0;
    for (char *q = t; *q; q++) {
        if (*q != '_') t[n++] = *q;
    }
    t[n] = 0;
    double d = strtod(t, NULL);
    free(t);
    return d;
}

int64_t nanopy_rt_ord(const NpStr *s) {
    if (s->len != 1) {
        char m[96];
        snprintf(m, sizeof m, "ord() expected a character, but string of length %lld found", (long long) s->len);
        nanopy_rt_error("TypeError", m);
    }
    return s->cp[0];
}

NpStr *nanopy_rt_chr(int64_t c) {
    if (c < INT32_MIN || c > INT32_MAX) nanopy_rt_error("OverflowError", "Python int too large to convert to C int");
    if (c < 0 || c > 0x10ffff) nanopy_rt_error("ValueError", "chr() arg not in range(0x110000)");
    return char_str((uint32_t) c);
}

/* Whether the program started with descriptor 0 closed (`prog <&-`): CPython's sys.stdin is None. */
static int stdin_lost;

static NpStr *read_line(void) {
    if (stdin_lost) nanopy_rt_error("RuntimeError", "input(): lost sys.stdin");
    nanopy_rt_flush();
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        nanopy_rt_error("EOFError", "EOF when reading a line");
    }
    if (n > 0 && line[n - 1] == '\n') n--;
    if (n > 0 && line[n - 1] == '\r') n--;
    NpStr *s = from_utf8(line, (size_t) n);
    free(line);
    return s;
}

NpStr *nanopy_rt_input(const NpStr *prompt) {
    if (stdin_lost) nanopy_rt_error("RuntimeError", "input(): lost sys.stdin");   /* before the prompt, as CPython */
    if (prompt) nanopy_rt_write_str(prompt);
    return read_line();
}

int64_t nanopy_rt_input_int(void) { return nanopy_rt_str_to_int(read_line()); }

/* ---- lists and values ---------------------------------------------------------------------- */

/* Doubles the capacity of a full list (append's slow path). */
void nanopy_rt_list_grow(NpList *l) {
    int64_t cap = l->cap * 2;
    int64_t *items = items_alloc(cap, l->scalar);
    memcpy(items, l->items, (size_t) l->len * item_size(l->scalar));
    l->items = items;
    l->cap = cap;
}

void nanopy_rt_list_append(NpList *l, int64_t v) {
    if (l->len == l->cap) nanopy_rt_list_grow(l);
    item_set(l, l->len++, v);
}

int64_t nanopy_rt_list_pop(NpList *l, int64_t i) {
    if (l->len == 0) nanopy_rt_error("IndexError", "pop from empty list");
    int64_t k = i < 0 ? i + l->len : i;
    if (k < 0 || k >= l->len) nanopy_rt_error("IndexError", "pop index out of range");
    int64_t v = item_get(l, k);
    memmove(item_at(l, k), item_at(l, k + 1), (size_t) (l->len - k - 1) * item_size(l->scalar));
    l->len--;
    item_set(l, l->len, 0);
    return v;
}

/* A new list of the n items of src from item from on. */
static NpList *list_of(const NpList *src, int64_t from, int64_t n) {
    NpList *l = nanopy_rt_list_new(n, src->scalar);
    memcpy(l->items, item_at(src, from), (size_t) n * item_size(src->scalar));
    return l;
}

NpList *nanopy_rt_list_concat(const NpList *a, const NpList *b) {
    NpList *l = nanopy_rt_list_new(a->len + b->len, a->scalar);
    memcpy(l->items, a->items, (size_t) a->len * item_size(a->scalar));
    memcpy(item_at(l, a->len), b->items, (size_t) b->len * item_size(a->scalar));
    return l;
}

NpList *nanopy_rt_list_repeat(const NpList *a, int64_t n) {
    if (n <= 0 || a->len == 0) return nanopy_rt_list_new(0, a->scalar);
    if (n > (INT64_C(1) << 36) / a->len) nanopy_rt_error("MemoryError", "");
    NpList *l = nanopy_rt_list_new(a->len * n, a->scalar);
    for (int64_t i = 0; i < n; i++) memcpy(item_at(l, i * a->len), a->items, (size_t) a->len * item_size(a->scalar));
    return l;
}

NpList *nanopy_rt_list_extend(NpList *a, const NpList *b) {
    int64_t n = b->len;
    NpList *copy = list_of(b, 0, n); /* b may be a */
    for (int64_t i = 0; i < n; i++) nanopy_rt_list_append(a, item_get(copy, i));
    return a;
}

NpList *nanopy_rt_list_slice(const NpList *l, int64_t haslo, int64_t lo, int64_t hashi, int64_t hi) {
    int64_t a = bound(haslo, lo, l->len, 1), b = bound(hashi, hi, l->len, 0);
    return a >= b ? nanopy_rt_list_new(0, l->scalar) : list_of(l, a, b - a);
}

int64_t nanopy_rt_value_eq(int64_t a, int64_t b, const char *d) {
    switch (*d) {
    case 'f': { double x, y; memcpy(&x, &a, 8); memcpy(&y, &b, 8); return x == y; }
    case 's': return nanopy_rt_str_eq((NpStr *) (intptr_t) a, (NpStr *) (intptr_t) b);
    case 'n': return 1;
    case 'L': {
        if (a == b) return 1;
        const NpList *x = (const NpList *) (intptr_t) a, *y = (const NpList *) (intptr_t) b;
        if (x->len != y->len) return 0;
        for (int64_t i = 0; i < x->len && i < y->len; i++) {
            if (!nanopy_rt_value_eq(item_get(x, i), item_get(y, i), d + 1)) return 0;
        }
        return x->len == y->len;
    }
    case 'T': {
        if (a == b) return 1;
        const NpTuple *x = (const NpTuple *) (intptr_t) a, *y = (const NpTuple *) (intptr_t) b;
        const char *e = d + 1;
        for (int64_t i = 0; i < x->len; i++) {
            if (!nanopy_rt_value_eq(x->items[i], y->items[i], e)) return 0;
            e = desc_end(e);
        }
        return 1;
    }
    default: return a == b;
    }
}

int64_t nanopy_rt_list_in(int64_t v, const NpList *l, const char *elemdesc) {
    for (int64_t i = 0; i < l->len; i++) {
        if (nanopy_rt_value_eq(v, item_get(l, i), elemdesc)) return 1;
    }
    return 0;
}

/* ---- start-up: a big stack for deep recursion, SIGINT, exit ------------------------------- */

static void on_sigint(int sig) {
    (void) sig;
    size_t n = out_len;
    out_len = 0;
    write_all(1, out_buf, n);
    static const char msg[] = "Traceback (most recent call last):\n  File \"<native>\", in <module>\nKeyboardInterrupt\n";
    write_all(2, msg, sizeof msg - 1);
    _exit(130);
}

/* SIGTERM, SIGHUP: what was printed is written out, then the default action (death by the signal). */
static void on_terminate(int sig) {
    size_t n = out_len;
    out_len = 0;
    write_all(1, out_buf, n);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Installs handler h for sig unless sig was ignored when the program started (a background job
   ignores SIGINT; CPython then leaves it ignored too). */
static void catch_signal(int sig, void (*h)(int)) {
    struct sigaction old;
    if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN) return;
    signal(sig, h);
}

/* Stack for the program: room for the recursion limit's frames (pages are touched only when
   used). */
#define STACK_BYTES ((size_t) 1 << 30)

static ucontext_t main_context, program_context;

static void run_program(void) {
    on_program_stack = 1;
    if (gc_started) GC_call_with_alloc_lock(set_stack_bottom, &program_stack);
    nanopy_main();
    on_program_stack = 0;
}

int main(int argc, char **argv) {
    (void) argc;
    (void) argv;
    stdin_lost = fcntl(0, F_GETFD) < 0 && errno == EBADF;   /* first: the collector may open files */
    /* NANOPY_RT_LINE_BUFFERED: nanopy's runner copies this program's stdout onto a terminal */
    out_tty = isatty(1) || getenv("NANOPY_RT_LINE_BUFFERED") != NULL;
    catch_signal(SIGINT, on_sigint);
    catch_signal(SIGTERM, on_terminate);
    catch_signal(SIGHUP, on_terminate);
    signal(SIGPIPE, SIG_DFL);
    /* The program runs on the main thread (no second thread for the collector to stop at each
       collection), on a stack of STACK_BYTES mapped here: switching to it costs a few
       microseconds, where raising the stack limit and re-executing the program cost
       milliseconds. The collector, once started, scans this stack (run_program, gc_start). */
    char *stack = mmap(NULL, STACK_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        nanopy_main();
    } else {
        mprotect(stack, 4096, PROT_NONE); /* a guard page below the stack */
        program_stack.mem_base = stack + STACK_BYTES;
        getcontext(&program_context);
        program_context.uc_stack.ss_sp = stack;
        program_context.uc_stack.ss_size = STACK_BYTES;
        program_context.uc_link = &main_context;
        makecontext(&program_context, run_program, 0);
        swapcontext(&main_context, &program_context);
    }
    nanopy_rt_flush();
    if (getenv("NANOPY_RT_STATS")) {
        /* for tests and measurements: total bytes allocated, peak resident set of this program
           (VmHWM: getrusage's ru_maxrss would include the parent's before exec) */
        long hwm = -1;
        FILE *f = fopen("/proc/self/status", "r");
        char line[256];
        while (f && fgets(line, sizeof line, f)) {
            if (!strncmp(line, "VmHWM:", 6)) hwm = atol(line + 6);
        }
        if (f) fclose(f);
        fprintf(stderr, "nanopy_rt: allocated %llu bytes, max resident %ld kB\n", (unsigned long long) ((gc_started ? GC_get_total_bytes() : 0) + arena_used), hwm);
    }
    return 0;
}
