/*
 * The runtime ABI of docs/runtime-abi.md (the nanopy_rt_* routines a Lir program calls), in C, for
 * the x86-64 target: a thin layer over nanopy_rt.c, which this file includes, so every rule and
 * message (printing, float repr, numbers, strings, errors, buffering, the big stack, the collector)
 * is the one the llvm target uses. Built with the same flags as nanopy_rt.c (docs/x86-64.md).
 *
 * What differs from the llvm target's use of nanopy_rt.c:
 *   - Lir lists and tuples hold boxed items (a Ptr each), and a routine such as nanopy_rt_to_str_obj
 *     or nanopy_rt_value_eq gets no type descriptor: so every str, list, tuple and box carries a
 *     type word in front of it (NP_HEADED below; the emitter writes the same word in front of
 *     each constant str). Pointers then point one word into an object, which the collector is told.
 *   - A few of nanopy_rt.c's entry points have the names of Lir routines with other arguments
 *     (nanopy_rt_list_new takes a kind, nanopy_rt_str_slice unboxed bounds...): they are renamed
 *     npc_* here, before the include, and the Lir routines of those names are defined on top.
 */
#include <stdint.h>

enum { TAG_STR = 1, TAG_LIST = 2, TAG_TUPLE = 3, TAG_INT = 4, TAG_BOOL = 5, TAG_FLOAT = 6 };

static inline void *np_headed(void *p, int64_t tag) {
    *(int64_t *) p = tag;
    return (int64_t *) p + 1;
}

#define NP_HEADED(alloc, bytes, tag) np_headed(alloc((bytes) + 8), (tag))
#define NP_BEFORE_GC_INIT() GC_set_all_interior_pointers(1)

#define nanopy_rt_list_new npc_list_new
#define nanopy_rt_list_pop npc_list_pop
#define nanopy_rt_list_slice npc_list_slice
#define nanopy_rt_str_slice npc_str_slice
#define nanopy_rt_list_in npc_list_in
#define nanopy_rt_value_eq npc_value_eq
#define nanopy_rt_input npc_input
#include "nanopy_rt.c"
#undef nanopy_rt_list_new
#undef nanopy_rt_list_pop
#undef nanopy_rt_list_slice
#undef nanopy_rt_str_slice
#undef nanopy_rt_list_in
#undef nanopy_rt_value_eq
#undef nanopy_rt_input

static int64_t tag_of(const void *p) { return ((const int64_t *) p)[-1]; }

/* ---- boxes: small ints and the two bools are made once ---------------------------------- */

#define SMALL_LO (-5)
#define SMALL_HI 1024
static int64_t small_ints[SMALL_HI - SMALL_LO + 1][2];
/* The two bool boxes; generated code makes the box of b as nanopy_x86_bools[b] + 1 (docs/x86-64.md). */
int64_t nanopy_x86_bools[2][2] = {{TAG_BOOL, 0}, {TAG_BOOL, 1}};

static void *box(int64_t tag, int64_t bits) {
    int64_t *p = NP_HEADED(alloc_atomic, 8, tag);
    *p = bits;
    return p;
}

void *nanopy_rt_box_int(int64_t v) {
    if (v >= SMALL_LO && v <= SMALL_HI) {
        int64_t *b = small_ints[v - SMALL_LO];
        if (!b[0]) { b[0] = TAG_INT; b[1] = v; }
        return b + 1;
    }
    return box(TAG_INT, v);
}

void *nanopy_rt_box_bool(int64_t v) { return nanopy_x86_bools[v != 0] + 1; }

void *nanopy_rt_box_float(double v) {
    int64_t bits;
    memcpy(&bits, &v, 8);
    return box(TAG_FLOAT, bits);
}

int64_t nanopy_rt_unbox_int(void *p) { return *(int64_t *) p; }
int64_t nanopy_rt_unbox_bool(void *p) { return *(int64_t *) p; }
double nanopy_rt_unbox_float(void *p) { double d; memcpy(&d, p, 8); return d; }

/* ---- records, closures, lists, tuples ---------------------------------------------------- */

void *nanopy_rt_record_new(int64_t n) { return nanopy_rt_alloc(n * 8); }

void *nanopy_rt_closure_new(void *code) {
    NpClosure *c = nanopy_rt_alloc(sizeof(NpClosure));
    c->code = code;
    return c;
}

void *nanopy_rt_list_new(int64_t n) { return npc_list_new(n, LIST_REFS); }
void nanopy_rt_list_init(NpList *l, int64_t i, void *x) { l->items[i] = (int64_t) (intptr_t) x; }

void *nanopy_rt_list_index(NpList *l, int64_t i) {
    int64_t k = i < 0 ? i + l->len : i;
    if (k < 0 || k >= l->len) nanopy_rt_index_error(0);
    return (void *) (intptr_t) l->items[k];
}

void nanopy_rt_list_set(NpList *l, int64_t i, void *x) {
    int64_t k = i < 0 ? i + l->len : i;
    if (k < 0 || k >= l->len) nanopy_rt_index_error(1);
    l->items[k] = (int64_t) (intptr_t) x;
}

void *nanopy_rt_list_pop(NpList *l) { return (void *) (intptr_t) npc_list_pop(l, -1); }
void *nanopy_rt_list_pop_at(NpList *l, int64_t i) { return (void *) (intptr_t) npc_list_pop(l, i); }
int64_t nanopy_rt_list_len(NpList *l) { return l->len; }
int64_t nanopy_rt_tuple_len(NpTuple *t) { return t->len; }
int64_t nanopy_rt_str_len(NpStr *s) { return s->len; }
void nanopy_rt_tuple_init(NpTuple *t, int64_t i, void *x) { t->items[i] = (int64_t) (intptr_t) x; }
void *nanopy_rt_tuple_get(NpTuple *t, int64_t i) { return (void *) (intptr_t) t->items[i]; }

/* A slice bound: a boxed int, or None for an omitted one. */
void *nanopy_rt_str_slice(NpStr *s, void *lo, void *hi) {
    return npc_str_slice(s, lo != NULL, lo ? *(int64_t *) lo : 0, hi != NULL, hi ? *(int64_t *) hi : 0);
}

void *nanopy_rt_list_slice(NpList *l, void *lo, void *hi) {
    return npc_list_slice(l, lo != NULL, lo ? *(int64_t *) lo : 0, hi != NULL, hi ? *(int64_t *) hi : 0);
}

/* ---- values: equality, truth, str() and repr() by the type word -------------------------- */

static int numeric(int64_t tag) { return tag == TAG_INT || tag == TAG_BOOL || tag == TAG_FLOAT; }

static int64_t value_eq(const void *a, const void *b) {
    if (a == b) return 1;
    if (!a || !b) return 0;
    int64_t ta = tag_of(a), tb = tag_of(b);
    if (numeric(ta) && numeric(tb)) {
        int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
        if (ta != TAG_FLOAT && tb != TAG_FLOAT) return x == y;
        double dx, dy;
        memcpy(&dx, &x, 8);
        memcpy(&dy, &y, 8);
        if (ta == TAG_FLOAT && tb == TAG_FLOAT) return dx == dy;
        return ta == TAG_FLOAT ? nanopy_rt_cmp_int_float(y, dx) == 0 : nanopy_rt_cmp_int_float(x, dy) == 0;
    }
    if (ta != tb) return 0;
    switch (ta) {
    case TAG_STR: return nanopy_rt_str_eq(a, b);
    case TAG_LIST: {
        const NpList *x = a, *y = b;
        if (x->len != y->len) return 0;
        for (int64_t i = 0; i < x->len && i < y->len; i++) {
            if (!value_eq((void *) (intptr_t) x->items[i], (void *) (intptr_t) y->items[i])) return 0;
        }
        return x->len == y->len;
    }
    case TAG_TUPLE: {
        const NpTuple *x = a, *y = b;
        if (x->len != y->len) return 0;
        for (int64_t i = 0; i < x->len; i++) {
            if (!value_eq((void *) (intptr_t) x->items[i], (void *) (intptr_t) y->items[i])) return 0;
        }
        return 1;
    }
    default: return 0;
    }
}

int64_t nanopy_rt_value_eq(void *a, void *b) { return value_eq(a, b); }
int64_t nanopy_rt_value_ne(void *a, void *b) { return !value_eq(a, b); }

int64_t nanopy_rt_list_in(void *x, NpList *l) {
    for (int64_t i = 0; i < l->len; i++) {
        if (value_eq(x, (void *) (intptr_t) l->items[i])) return 1;
    }
    return 0;
}

int64_t nanopy_rt_list_not_in(void *x, NpList *l) { return !nanopy_rt_list_in(x, l); }

int64_t nanopy_rt_truthy(void *p) {
    if (!p) return 0;
    switch (tag_of(p)) {
    case TAG_STR: return ((NpStr *) p)->len != 0;
    case TAG_LIST: return ((NpList *) p)->len != 0;
    case TAG_TUPLE: return ((NpTuple *) p)->len != 0;
    default: return 1;
    }
}

/* The text of value p (repr: as inside a container) onto b. */
static void text_of(const void *p, int repr, Buf *b) {
    if (!p) { buf_str(b, "None"); return; }
    int64_t bits = *(const int64_t *) p;
    switch (tag_of(p)) {
    case TAG_INT: value_text(bits, "i", repr, b); return;
    case TAG_BOOL: value_text(bits, "b", repr, b); return;
    case TAG_FLOAT: value_text(bits, "f", repr, b); return;
    case TAG_STR: value_text((int64_t) (intptr_t) p, "s", repr, b); return;
    case TAG_LIST: {
        const NpList *l = p;
        buf_add(b, "[", 1);
        for (int64_t i = 0; i < l->len; i++) {
            if (i) buf_str(b, ", ");
            text_of((void *) (intptr_t) l->items[i], 1, b);
        }
        buf_add(b, "]", 1);
        return;
    }
    case TAG_TUPLE: {
        const NpTuple *t = p;
        buf_add(b, "(", 1);
        for (int64_t i = 0; i < t->len; i++) {
            if (i) buf_str(b, ", ");
            text_of((void *) (intptr_t) t->items[i], 1, b);
        }
        buf_str(b, t->len == 1 ? ",)" : ")");
        return;
    }
    default: {
        char t[48];
        snprintf(t, sizeof t, "<function at %p>", p);
        buf_str(b, t);
    }
    }
}

void *nanopy_rt_to_str_obj(void *p) {
    if (p && tag_of(p) == TAG_STR) return p;
    Buf b = {0};
    text_of(p, 0, &b);
    NpStr *s = from_utf8(b.p, b.n);
    free(b.p);
    return s;
}

void *nanopy_rt_to_str_int(int64_t v) { return nanopy_rt_to_str(v, "i"); }
void *nanopy_rt_to_str_bool(int64_t v) { return nanopy_rt_to_str(v, "b"); }

void *nanopy_rt_to_str_float(double v) {
    int64_t bits;
    memcpy(&bits, &v, 8);
    return nanopy_rt_to_str(bits, "f");
}

void nanopy_rt_write(NpStr *s) { nanopy_rt_write_str(s); }
void *nanopy_rt_input(void) { return npc_input(NULL); }

/* ---- numbers ----------------------------------------------------------------------------- */

int64_t nanopy_rt_int_floor_div(int64_t a, int64_t b) {
    if (b == 0) nanopy_rt_zero_div(0);
    if (a == INT64_MIN && b == -1) nanopy_rt_overflow();
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int64_t nanopy_rt_int_mod(int64_t a, int64_t b) {
    if (b == 0) nanopy_rt_zero_div(1);
    if (b == -1) return 0;
    int64_t r = a % b;
    return (r != 0 && (r < 0) != (b < 0)) ? r + b : r;
}

int64_t nanopy_rt_int_min(int64_t a, int64_t b) { return b < a ? b : a; }
int64_t nanopy_rt_int_max(int64_t a, int64_t b) { return b > a ? b : a; }

int64_t nanopy_rt_int_abs(int64_t a) {
    if (a == INT64_MIN) nanopy_rt_overflow();
    return a < 0 ? -a : a;
}

double nanopy_rt_int_true_div(int64_t a, int64_t b) { return nanopy_rt_int_truediv(a, b); }
double nanopy_rt_float_floor_div(double a, double b) { return nanopy_rt_float_floordiv(a, b); }
double nanopy_rt_float_min(double a, double b) { return b < a ? b : a; }
double nanopy_rt_float_max(double a, double b) { return b > a ? b : a; }
double nanopy_rt_float_abs(double a) { return fabs(a); }

/* int-float comparisons, exact: c is nanopy_rt_cmp_int_float's -1, 0, 1, or 2 for NaN. */
static int64_t flip(int64_t c) { return c == 2 ? 2 : -c; }
int64_t nanopy_rt_float_eq_if(int64_t i, double d) { return nanopy_rt_cmp_int_float(i, d) == 0; }
int64_t nanopy_rt_float_ne_if(int64_t i, double d) { return nanopy_rt_cmp_int_float(i, d) != 0; }
int64_t nanopy_rt_float_lt_if(int64_t i, double d) { return nanopy_rt_cmp_int_float(i, d) == -1; }
int64_t nanopy_rt_float_le_if(int64_t i, double d) { int64_t c = nanopy_rt_cmp_int_float(i, d); return c == -1 || c == 0; }
int64_t nanopy_rt_float_gt_if(int64_t i, double d) { return nanopy_rt_cmp_int_float(i, d) == 1; }
int64_t nanopy_rt_float_ge_if(int64_t i, double d) { int64_t c = nanopy_rt_cmp_int_float(i, d); return c == 0 || c == 1; }
int64_t nanopy_rt_float_eq_fi(double d, int64_t i) { return flip(nanopy_rt_cmp_int_float(i, d)) == 0; }
int64_t nanopy_rt_float_ne_fi(double d, int64_t i) { return flip(nanopy_rt_cmp_int_float(i, d)) != 0; }
int64_t nanopy_rt_float_lt_fi(double d, int64_t i) { return flip(nanopy_rt_cmp_int_float(i, d)) == -1; }
int64_t nanopy_rt_float_le_fi(double d, int64_t i) { int64_t c = flip(nanopy_rt_cmp_int_float(i, d)); return c == -1 || c == 0; }
int64_t nanopy_rt_float_gt_fi(double d, int64_t i) { return flip(nanopy_rt_cmp_int_float(i, d)) == 1; }
int64_t nanopy_rt_float_ge_fi(double d, int64_t i) { int64_t c = flip(nanopy_rt_cmp_int_float(i, d)); return c == 0 || c == 1; }

/* ---- strings ----------------------------------------------------------------------------- */

int64_t nanopy_rt_str_ne(NpStr *a, NpStr *b) { return !nanopy_rt_str_eq(a, b); }
int64_t nanopy_rt_str_lt(NpStr *a, NpStr *b) { return nanopy_rt_str_cmp(a, b) < 0; }
int64_t nanopy_rt_str_le(NpStr *a, NpStr *b) { return nanopy_rt_str_cmp(a, b) <= 0; }
int64_t nanopy_rt_str_gt(NpStr *a, NpStr *b) { return nanopy_rt_str_cmp(a, b) > 0; }
int64_t nanopy_rt_str_ge(NpStr *a, NpStr *b) { return nanopy_rt_str_cmp(a, b) >= 0; }
int64_t nanopy_rt_str_not_in(NpStr *a, NpStr *b) { return !nanopy_rt_str_in(a, b); }

/* ---- recursion: the lowest stack pointer a NanoPy function may start with; the generated top level
   sets it, every function compares (docs/x86-64.md) ---------------------------------------------- */

void *nanopy_x86_stack_limit;
