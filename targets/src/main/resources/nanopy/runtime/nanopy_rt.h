/*
 * nanopy's C run-time library for native targets (llvm; shared with x86-64): one ABI.
 *
 * Value representation (every value fits in one 8-byte slot):
 *   int    int64_t                      float  double
 *   bool   int64_t 0 or 1 in slots and in run-time calls (i1 inside generated functions)
 *   None   NULL                         str    NpStr*  (immutable, code points as CPython counts them)
 *   list   NpList*                      tuple  NpTuple*
 *   closure NpClosure* (code pointer, environment = activation record)
 *   record  int64_t[] slots, slot 0 = static link
 * Heap objects come from the Boehm-Demers-Weiser collector (libgc), which finds its roots in the
 * stack, registers and data segment conservatively.
 *
 * Type descriptors (for printing, str(), ==, in): a NUL-terminated string, one letter per type:
 *   i int, f float, b bool, s str, n None, c closure, r record, L<elem> list, T<elems>) tuple.
 */
#ifndef NANOPY_RT_H
#define NANOPY_RT_H
#include <stdint.h>

typedef struct NpStr { int64_t len; uint32_t cp[]; } NpStr;
/* scalar: the kind of the items: LIST_REFS (8-byte values that may be pointers), LIST_WORDS
   (ints or floats: 8-byte slots the collector does not scan), LIST_BYTES (bools, one byte each, as
   C's char flags: a list[bool] of a million items is 1 MB, not 8). */
enum { LIST_REFS = 0, LIST_WORDS = 1, LIST_BYTES = 2 };
typedef struct NpList { int64_t len; int64_t cap; int64_t *items; int64_t scalar; } NpList;
typedef struct NpTuple { int64_t len; int64_t items[]; } NpTuple;
typedef struct NpClosure { void *code; void *env; } NpClosure;

/* Errors: print CPython's last stderr line, exit status 1 (stdout flushed first). Never return. */
_Noreturn void nanopy_rt_raise(const NpStr *error);
_Noreturn void nanopy_rt_error(const char *cls, const char *msg);
_Noreturn void nanopy_rt_overflow(void);
_Noreturn void nanopy_rt_zero_div(int64_t which);
_Noreturn void nanopy_rt_index_error(int64_t which);
_Noreturn void nanopy_rt_recursion_error(void);

/* Memory */
void *nanopy_rt_alloc(int64_t bytes);
NpList *nanopy_rt_list_new(int64_t len, int64_t scalar);
void nanopy_rt_list_grow(NpList *l);
NpTuple *nanopy_rt_tuple_new(int64_t len);

/* Output */
void nanopy_rt_write_str(const NpStr *s);
void nanopy_rt_write_int(int64_t v);
void nanopy_rt_write_float(double v);
void nanopy_rt_write_bool(int64_t v);
void nanopy_rt_write_value(int64_t bits, const char *desc);
void nanopy_rt_flush(void);

/* Numbers */
int64_t nanopy_rt_int_pow(int64_t a, int64_t b);
double nanopy_rt_int_truediv(int64_t a, int64_t b);
int64_t nanopy_rt_cmp_int_float(int64_t i, double d);
double nanopy_rt_float_div(double a, double b);
double nanopy_rt_float_floordiv(double a, double b);
double nanopy_rt_float_mod(double a, double b);
double nanopy_rt_float_pow(double a, double b);
int64_t nanopy_rt_float_to_int(double d);

/* Strings */
NpStr *nanopy_rt_str_concat(const NpStr *a, const NpStr *b);
NpStr *nanopy_rt_str_repeat(const NpStr *a, int64_t n);
NpStr *nanopy_rt_str_index(const NpStr *s, int64_t i);
NpStr *nanopy_rt_str_slice(const NpStr *s, int64_t haslo, int64_t lo, int64_t hashi, int64_t hi);
int64_t nanopy_rt_str_cmp(const NpStr *a, const NpStr *b);
int64_t nanopy_rt_str_eq(const NpStr *a, const NpStr *b);
int64_t nanopy_rt_str_in(const NpStr *needle, const NpStr *hay);
NpStr *nanopy_rt_str_join(const NpStr *sep, const NpList *xs);
NpList *nanopy_rt_str_split(const NpStr *s);
NpList *nanopy_rt_str_split_sep(const NpStr *s, const NpStr *sep);
NpStr *nanopy_rt_str_strip(const NpStr *s);
int64_t nanopy_rt_str_to_int(const NpStr *s);
double nanopy_rt_str_to_float(const NpStr *s);
int64_t nanopy_rt_ord(const NpStr *s);
NpStr *nanopy_rt_chr(int64_t c);
NpStr *nanopy_rt_to_str(int64_t bits, const char *desc);
NpStr *nanopy_rt_input(const NpStr *prompt);
int64_t nanopy_rt_input_int(void);

/* Lists and values */
void nanopy_rt_list_append(NpList *l, int64_t v);
int64_t nanopy_rt_list_pop(NpList *l, int64_t i);
NpList *nanopy_rt_list_concat(const NpList *a, const NpList *b);
NpList *nanopy_rt_list_repeat(const NpList *a, int64_t n);
NpList *nanopy_rt_list_extend(NpList *a, const NpList *b);
NpList *nanopy_rt_list_slice(const NpList *l, int64_t haslo, int64_t lo, int64_t hashi, int64_t hi);
int64_t nanopy_rt_list_in(int64_t v, const NpList *l, const char *elemdesc);
int64_t nanopy_rt_value_eq(int64_t a, int64_t b, const char *desc);

/* The generated program's top level; the runtime's main() calls it on a thread with a big stack. */
void nanopy_main(void);
#endif
