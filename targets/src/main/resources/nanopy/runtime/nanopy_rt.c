/*
 * nanopy's C run-time library for native targets; see nanopy_rt.h for the value representation
 * and docs/native-runtime.md for the build flags. Every message and rule follows nanopy's Java
 * run-time library (nanopy.py.interp: Prims, PyStrings, Values, StrRepr, FloatFormat), which in turn
 * follows CPython 3.11.
 */
#define GC_THREADS
#include <gc.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "nanopy_rt.h"

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

void *nanopy_rt_alloc(int64_t bytes) {
    void *p = GC_MALLOC((size_t) (bytes > 0 ? bytes : 1));
    if (!p) nanopy_rt_error("MemoryError", "");
    return p;
}

static void *alloc_atomic(size_t bytes) {
    void *p = GC_MALLOC_ATOMIC(bytes ? bytes : 1);
    if (!p) nanopy_rt_error("MemoryError", "");
    return p;
}

static NpStr *str_new(int64_t len) {
    if (len < 0 || len > (INT64_C(1) << 40)) nanopy_rt_error("MemoryError", "");
    NpStr *s = alloc_atomic(sizeof(NpStr) + (size_t) len * 4);
    s->len = len;
    return s;
}

NpList *nanopy_rt_list_new(int64_t len) {
    if (len < 0 || len > (INT64_C(1) << 40)) nanopy_rt_error("MemoryError", "");
    NpList *l = nanopy_rt_alloc(sizeof(NpList));
    int64_t cap = len < 4 ? 4 : len;
    l->items = nanopy_rt_alloc(cap * 8);
    l->len = len;
    l->cap = cap;
    return l;
}

NpTuple *nanopy_rt_tuple_new(int64_t len) {
    NpTuple *t = nanopy_rt_alloc(8 + len * 8);
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

/* Whether code point c is printable for repr (CPython's str.isprintable, approximated outside
   Latin-1 by the Unicode categories that are never printable: controls, format characters,
   separators other than the ASCII space, surrogates, private use, noncharacters). */
static int printable(uint32_t c) {
    if (c < 0x7f) return c >= 0x20;
    if (c < 0xa1) return 0;
    if (c == 0xad) return 0;
    if (c >= 0xd800 && c <= 0xdfff) return 0;
    if (c >= 0xe000 && c <= 0xf8ff) return 0;
    if (c >= 0xf0000) return 0;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x205f && c <= 0x2064)
        || (c >= 0x2066 && c <= 0x206f) || c == 0x3000 || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb)
        || (c & 0xfffe) == 0xfffe || c == 0x61c || c == 0x180e || (c >= 0x600 && c <= 0x605) || c == 0x6dd || c == 0x70f
        || (c >= 0xe0000 && c <= 0xe007f))
        return 0;
    return 1;
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
            value_text(l->items[i], d + 1, 1, b);
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

double nanopy_rt_int_truediv(int64_t a, int64_t b) {
    if (b == 0) nanopy_rt_zero_div(2);
    return (double) a / (double) b;
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

double nanopy_rt_float_pow(double a, double b) {
    if (a == 0 && b < 0) nanopy_rt_error("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    if (a < 0 && b != rint(b) && isfinite(b))
        nanopy_rt_error("ValueError", "a negative float to a fractional power is a complex number, not in NanoPy");
    double r = pow(a, b);
    if (isinf(r) && isfinite(a) && isfinite(b)) nanopy_rt_error("OverflowError", "(34, 'Numerical result out of range')");
    return r;
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
    if (n > (INT64_C(1) << 40) / a->len) nanopy_rt_error("MemoryError", "");
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
            NpStr *s = GC_MALLOC_UNCOLLECTABLE(sizeof(NpStr) + 4);
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
    NpList *out = nanopy_rt_list_new(0);
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
    NpList *out = nanopy_rt_list_new(0);
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

static int digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* Whether s[a:b] is [+-]?digits with single underscores between digits. */
static int int_syntax(const NpStr *s, int64_t a, int64_t b) {
    if (a < b && (s->cp[a] == '+' || s->cp[a] == '-')) a++;
    if (a >= b || !digit(s->cp[a])) return 0;
    for (int64_t i = a + 1; i < b; i++) {
        if (s->cp[i] == '_') {
            if (i + 1 >= b || !digit(s->cp[i + 1])) return 0;
        } else if (!digit(s->cp[i])) {
            return 0;
        }
    }
    return 1;
}

static _Noreturn void bad_literal(const char *prefix, const NpStr *s) {
    Buf b = {0};
    buf_str(&b, prefix);
    str_repr(s, &b);
    buf_add(&b, "", 1);
    nanopy_rt_error("ValueError", b.p);
}

int64_t nanopy_rt_str_to_int(const NpStr *s) {
    int64_t a = 0, b = s->len;
    while (a < b && space(s->cp[a])) a++;
    while (b > a && space(s->cp[b - 1])) b--;
    if (!int_syntax(s, a, b)) bad_literal("invalid literal for int() with base 10: ", s);
    int neg = s->cp[a] == '-';
    if (s->cp[a] == '+' || s->cp[a] == '-') a++;
    uint64_t v = 0;
    for (int64_t i = a; i < b; i++) {
        if (s->cp[i] == '_') continue;
        uint64_t d = s->cp[i] - '0';
        if (v > (UINT64_MAX - d) / 10) nanopy_rt_overflow();
        v = v * 10 + d;
    }
    if (neg ? v > (uint64_t) INT64_MAX + 1 : v > (uint64_t) INT64_MAX) nanopy_rt_overflow();
    return neg ? (int64_t) (0 - v) : (int64_t) v;
}

/* Whether s[a:b] is a decimal float literal: digits (with single underscores) with an optional
   fraction, or a fraction alone, then an optional exponent. */
static int float_syntax(const NpStr *s, int64_t a, int64_t b) {
    int64_t i = a;
    if (i < b && (s->cp[i] == '+' || s->cp[i] == '-')) i++;
    int64_t digits = 0;
#define DIGITS()                                                                                    \
    do {                                                                                            \
        if (i < b && digit(s->cp[i])) {                                                            \
            i++; digits++;                                                                          \
            while (i < b && (digit(s->cp[i]) || (s->cp[i] == '_' && i + 1 < b && digit(s->cp[i + 1])))) \
                i++;                                                                                \
        }                                                                                           \
    } while (0)
    DIGITS();
    int64_t intdigits = digits;
    if (i < b && s->cp[i] == '.') {
        i++;
        DIGITS();
    }
    if (digits == 0) return 0;
    (void) intdigits;
    if (i < b && (s->cp[i] == 'e' || s->cp[i] == 'E')) {
        i++;
        if (i < b && (s->cp[i] == '+' || s->cp[i] == '-')) i++;
        int64_t before = digits;
        DIGITS();
        if (digits == before) return 0;
    }
#undef DIGITS
    return i == b;
}

static int ieq(const NpStr *s, int64_t a, int64_t b, const char *w) {
    if ((int64_t) strlen(w) != b - a) return 0;
    for (int64_t i = a; i < b; i++) {
        uint32_t c = s->cp[i];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != (uint32_t) w[i - a]) return 0;
    }
    return 1;
}

double nanopy_rt_str_to_float(const NpStr *s) {
    int64_t a = 0, b = s->len;
    while (a < b && space(s->cp[a])) a++;
    while (b > a && space(s->cp[b - 1])) b--;
    int64_t u = a < b && (s->cp[a] == '+' || s->cp[a] == '-') ? a + 1 : a;
    double sign = a < b && s->cp[a] == '-' ? -1.0 : 1.0;
    if (ieq(s, u, b, "inf") || ieq(s, u, b, "infinity")) return sign * INFINITY;
    if (ieq(s, u, b, "nan")) return NAN;
    if (!float_syntax(s, a, b)) bad_literal("could not convert string to float: ", s);
    char *t = malloc((size_t) (b - a) + 1);
    size_t n = 0;
    for (int64_t i = a; i < b; i++) {
        if (s->cp[i] != '_') t[n++] = (char) s->cp[i];
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
    if (c < 0 || c > 0x10ffff) nanopy_rt_error("ValueError", "chr() arg not in range(0x110000)");
    return char_str((uint32_t) c);
}

static NpStr *read_line(void) {
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
    if (prompt) nanopy_rt_write_str(prompt);
    return read_line();
}

int64_t nanopy_rt_input_int(void) { return nanopy_rt_str_to_int(read_line()); }

/* ---- lists and values ---------------------------------------------------------------------- */

void nanopy_rt_list_append(NpList *l, int64_t v) {
    if (l->len == l->cap) {
        int64_t cap = l->cap * 2;
        int64_t *items = nanopy_rt_alloc(cap * 8);
        memcpy(items, l->items, (size_t) l->len * 8);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = v;
}

int64_t nanopy_rt_list_pop(NpList *l, int64_t i) {
    if (l->len == 0) nanopy_rt_error("IndexError", "pop from empty list");
    int64_t k = i < 0 ? i + l->len : i;
    if (k < 0 || k >= l->len) nanopy_rt_error("IndexError", "pop index out of range");
    int64_t v = l->items[k];
    memmove(l->items + k, l->items + k + 1, (size_t) (l->len - k - 1) * 8);
    l->len--;
    l->items[l->len] = 0;
    return v;
}

static NpList *list_of(const int64_t *items, int64_t n) {
    NpList *l = nanopy_rt_list_new(n);
    memcpy(l->items, items, (size_t) n * 8);
    return l;
}

NpList *nanopy_rt_list_concat(const NpList *a, const NpList *b) {
    NpList *l = nanopy_rt_list_new(a->len + b->len);
    memcpy(l->items, a->items, (size_t) a->len * 8);
    memcpy(l->items + a->len, b->items, (size_t) b->len * 8);
    return l;
}

NpList *nanopy_rt_list_repeat(const NpList *a, int64_t n) {
    if (n <= 0 || a->len == 0) return nanopy_rt_list_new(0);
    if (n > (INT64_C(1) << 36) / a->len) nanopy_rt_error("MemoryError", "");
    NpList *l = nanopy_rt_list_new(a->len * n);
    for (int64_t i = 0; i < n; i++) memcpy(l->items + i * a->len, a->items, (size_t) a->len * 8);
    return l;
}

NpList *nanopy_rt_list_extend(NpList *a, const NpList *b) {
    int64_t n = b->len;
    int64_t *copy = nanopy_rt_alloc(n * 8);
    memcpy(copy, b->items, (size_t) n * 8);
    for (int64_t i = 0; i < n; i++) nanopy_rt_list_append(a, copy[i]);
    return a;
}

NpList *nanopy_rt_list_slice(const NpList *l, int64_t haslo, int64_t lo, int64_t hashi, int64_t hi) {
    int64_t a = bound(haslo, lo, l->len, 1), b = bound(hashi, hi, l->len, 0);
    return a >= b ? nanopy_rt_list_new(0) : list_of(l->items + a, b - a);
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
            if (!nanopy_rt_value_eq(x->items[i], y->items[i], d + 1)) return 0;
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
        if (nanopy_rt_value_eq(v, l->items[i], elemdesc)) return 1;
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

static void *run_main(void *arg) {
    (void) arg;
    nanopy_main();
    return NULL;
}

/* Stack of the program's thread: room for the recursion limit's frames (pages are touched only
   when used). */
#define STACK_BYTES ((size_t) 1 << 30)

int main(void) {
    GC_INIT();
    out_tty = isatty(1);
    signal(SIGINT, on_sigint);
    signal(SIGPIPE, SIG_DFL);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, STACK_BYTES);
    pthread_t t;
    if (pthread_create(&t, &attr, run_main, NULL) != 0) {
        run_main(NULL);
    } else {
        pthread_join(t, NULL);
    }
    nanopy_rt_flush();
    return 0;
}
