package nanopy.targets.regvm;

import java.util.ArrayList;
import java.util.Arrays;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.interp.PyStrings;
import nanopy.py.interp.TargetRuntime;

/**
 * The register VM: one dispatch loop over a function's {@code int[]} code. Registers are windows of
 * two stacks: {@code p} (long cells: ints, float bits, bools as 0/1) and {@code r} (references); a
 * call's window starts just past the caller's frame (its allocated size), so a call copies its
 * arguments into the callee's low registers and pushes four ints and the caller's function. Calls
 * never recurse in Java: depth is bounded by {@link #MAX_DEPTH} and exceeding it raises
 * {@code RecursionError}. Tail calls reuse the frame. Frequent instructions run inline; the
 * others are in {@link ColdOps}, which keeps this method small enough for the JIT. Floor division
 * and modulo by a positive power of two are a shift and a mask (exact for negative dividends too).
 */
final class Vm {
    /** Nested Python calls allowed before RecursionError (LANGUAGE.md asks for at least 100,000). */
    static final int MAX_DEPTH = 200_000;
    static final Object NONE = TargetRuntime.NONE;

    final Loaded prog;
    final ProgramIo io;
    long[] p = new long[1 << 12];
    Object[] r = new Object[1 << 12];
    final long[] gp;
    final Object[] gr;
    private int[] callPc = new int[256];
    private int[] callPb = new int[256];
    private int[] callRb = new int[256];
    private int[] callDst = new int[256];
    private Loaded.Fn[] callFn = new Loaded.Fn[256];
    private final long[] tailP = new long[256];
    private final Object[] tailR = new Object[256];

    Vm(Loaded prog, ProgramIo io) {
        this.prog = prog;
        this.io = io;
        gp = new long[prog.primGlobals];
        gr = new Object[prog.refGlobals];
        Arrays.fill(gr, NONE);
    }

    static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    static long b(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /** Runs the module's code to its end; a failure is a {@link PyRuntimeError} with the failing source position. */
    void run() {
        Loaded.Fn fn = prog.fns[0];
        try {
            grow(fn.primFrame(), fn.refFrame());
            loop(fn);
        } catch (Failure f) {
            throw f.error;
        }
    }

    /** A run-time error together with where it happened, unwinding the loop. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient PyRuntimeError error;

        Failure(PyRuntimeError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    private void grow(int primTop, int refTop) {
        if (primTop > p.length) {
            p = Arrays.copyOf(p, Math.max(primTop, p.length * 2));
        }
        if (refTop > r.length) {
            r = Arrays.copyOf(r, Math.max(refTop, r.length * 2));
        }
    }

    private void push(int depth, Loaded.Fn fn, int pc, int pb, int rb, int dst, Span span) {
        if (depth >= MAX_DEPTH) {
            throw TargetRuntime.error("RecursionError", "maximum recursion depth exceeded", span);
        }
        if (depth == callPc.length) {
            int n = depth * 2;
            callPc = Arrays.copyOf(callPc, n);
            callPb = Arrays.copyOf(callPb, n);
            callRb = Arrays.copyOf(callRb, n);
            callDst = Arrays.copyOf(callDst, n);
            callFn = Arrays.copyOf(callFn, n);
        }
        callPc[depth] = pc;
        callPb[depth] = pb;
        callRb[depth] = rb;
        callDst[depth] = dst;
        callFn[depth] = fn;
    }

    /**
     * A jump's target; a backward one (a loop's back edge) first checks whether the thread was
     * interrupted (an embedding stopped the program: the daemon's time limit, a client's Ctrl-C) and
     * ends the run with {@code KeyboardInterrupt} if so, as the reference interpreter's loops do.
     */
    private static int taken(int target, int pc) {
        if (target <= pc && Thread.currentThread().isInterrupted()) {
            throw new PyRuntimeError("KeyboardInterrupt", "", Span.NONE);
        }
        return target;
    }

    private static PyRuntimeError located(PyRuntimeError e, Loaded.Fn fn, int pc) {
        return e.span().isKnown() ? e : new PyRuntimeError(e.exceptionClass(), e.pyMessage(), fn.spanAt(pc));
    }

    private void loop(Loaded.Fn entry) {
        Loaded.Fn fn = entry;
        int[] code = fn.code();
        int pc = 0;
        int pb = 0;
        int rb = 0;
        int depth = 0;
        long[] p = this.p;
        Object[] r = this.r;
        final long[] pool = prog.primPool;
        try {
            for (;;) {
                switch (code[pc]) {
                    case Ops.MOV_P, Ops.SPILL_LOAD_P, Ops.SPILL_STORE_P -> {
                        p[pb + code[pc + 1]] = p[pb + code[pc + 2]];
                        pc += 3;
                    }
                    case Ops.MOV_R, Ops.SPILL_LOAD_R, Ops.SPILL_STORE_R -> {
                        r[rb + code[pc + 1]] = r[rb + code[pc + 2]];
                        pc += 3;
                    }
                    case Ops.CONST_I64, Ops.CONST_F64 -> {
                        p[pb + code[pc + 1]] = pool[code[pc + 2]];
                        pc += 3;
                    }
                    case Ops.CONST_STR -> {
                        r[rb + code[pc + 1]] = prog.refPool[code[pc + 2]];
                        pc += 3;
                    }
                    case Ops.CONST_NONE -> {
                        r[rb + code[pc + 1]] = NONE;
                        pc += 2;
                    }
                    case Ops.LOAD_GLOBAL_P -> {
                        p[pb + code[pc + 1]] = gp[code[pc + 2]];
                        pc += 3;
                    }
                    case Ops.STORE_GLOBAL_P -> {
                        gp[code[pc + 2]] = p[pb + code[pc + 1]];
                        pc += 3;
                    }
                    case Ops.LOAD_GLOBAL_R -> {
                        r[rb + code[pc + 1]] = gr[code[pc + 2]];
                        pc += 3;
                    }
                    case Ops.STORE_GLOBAL_R -> {
                        gr[code[pc + 2]] = r[rb + code[pc + 1]];
                        pc += 3;
                    }
                    case Ops.ADD_I64 -> {
                        p[pb + code[pc + 1]] = Math.addExact(p[pb + code[pc + 2]], p[pb + code[pc + 3]]);
                        pc += 4;
                    }
                    case Ops.SUB_I64 -> {
                        p[pb + code[pc + 1]] = Math.subtractExact(p[pb + code[pc + 2]], p[pb + code[pc + 3]]);
                        pc += 4;
                    }
                    case Ops.MUL_I64 -> {
                        p[pb + code[pc + 1]] = Math.multiplyExact(p[pb + code[pc + 2]], p[pb + code[pc + 3]]);
                        pc += 4;
                    }
                    case Ops.ADD_I64_IMM -> {
                        p[pb + code[pc + 1]] = Math.addExact(p[pb + code[pc + 2]], code[pc + 3]);
                        pc += 4;
                    }
                    case Ops.SUB_I64_IMM -> {
                        p[pb + code[pc + 1]] = Math.subtractExact(p[pb + code[pc + 2]], code[pc + 3]);
                        pc += 4;
                    }
                    case Ops.MUL_I64_IMM -> {
                        p[pb + code[pc + 1]] = Math.multiplyExact(p[pb + code[pc + 2]], code[pc + 3]);
                        pc += 4;
                    }
                    case Ops.FLOOR_DIV_I64 -> {
                        long a = p[pb + code[pc + 2]];
                        long b = p[pb + code[pc + 3]];
                        p[pb + code[pc + 1]] = b <= 0 ? TargetRuntime.floorDiv(a, b, Span.NONE)
                                : (b & (b - 1)) == 0 ? a >> Long.numberOfTrailingZeros(b) : Math.floorDiv(a, b);
                        pc += 4;
                    }
                    case Ops.MOD_I64 -> {
                        long a = p[pb + code[pc + 2]];
                        long b = p[pb + code[pc + 3]];
                        p[pb + code[pc + 1]] = b <= 0 ? TargetRuntime.mod(a, b, Span.NONE) : (b & (b - 1)) == 0 ? a & (b - 1) : Math.floorMod(a, b);
                        pc += 4;
                    }
                    case Ops.ADD_F64 -> {
                        p[pb + code[pc + 1]] = b(d(p[pb + code[pc + 2]]) + d(p[pb + code[pc + 3]]));
                        pc += 4;
                    }
                    case Ops.SUB_F64 -> {
                        p[pb + code[pc + 1]] = b(d(p[pb + code[pc + 2]]) - d(p[pb + code[pc + 3]]));
                        pc += 4;
                    }
                    case Ops.MUL_F64 -> {
                        p[pb + code[pc + 1]] = b(d(p[pb + code[pc + 2]]) * d(p[pb + code[pc + 3]]));
                        pc += 4;
                    }
                    case Ops.DIV_F64 -> {
                        double y = d(p[pb + code[pc + 3]]);
                        p[pb + code[pc + 1]] = b(y != 0.0 ? d(p[pb + code[pc + 2]]) / y : TargetRuntime.trueDiv(1.0, y, Span.NONE));
                        pc += 4;
                    }
                    case Ops.I64_TO_F64 -> {
                        p[pb + code[pc + 1]] = b((double) p[pb + code[pc + 2]]);
                        pc += 3;
                    }
                    case Ops.LT_I64 -> {
                        p[pb + code[pc + 1]] = p[pb + code[pc + 2]] < p[pb + code[pc + 3]] ? 1 : 0;
                        pc += 4;
                    }
                    case Ops.EQ_I64, Ops.EQ_BOOL -> {
                        p[pb + code[pc + 1]] = p[pb + code[pc + 2]] == p[pb + code[pc + 3]] ? 1 : 0;
                        pc += 4;
                    }
                    case Ops.NE_I64, Ops.NE_BOOL -> {
                        p[pb + code[pc + 1]] = p[pb + code[pc + 2]] != p[pb + code[pc + 3]] ? 1 : 0;
                        pc += 4;
                    }
                    case Ops.NOT_BOOL -> {
                        p[pb + code[pc + 1]] = p[pb + code[pc + 2]] ^ 1;
                        pc += 3;
                    }
                    case Ops.LIST_GET_I64 -> {
                        p[pb + code[pc + 1]] = (Long) listGet(r[rb + code[pc + 2]], p[pb + code[pc + 3]]);
                        pc += 4;
                    }
                    case Ops.LIST_GET_F64 -> {
                        p[pb + code[pc + 1]] = b((Double) listGet(r[rb + code[pc + 2]], p[pb + code[pc + 3]]));
                        pc += 4;
                    }
                    case Ops.LIST_GET_BOOL -> {
                        p[pb + code[pc + 1]] = (Boolean) listGet(r[rb + code[pc + 2]], p[pb + code[pc + 3]]) ? 1 : 0;
                        pc += 4;
                    }
                    case Ops.LIST_GET_REF -> {
                        r[rb + code[pc + 1]] = listGet(r[rb + code[pc + 2]], p[pb + code[pc + 3]]);
                        pc += 4;
                    }
                    case Ops.LIST_SET_I64 -> {
                        listSet(r[rb + code[pc + 1]], p[pb + code[pc + 2]], p[pb + code[pc + 3]]);
                        pc += 4;
                    }
                    case Ops.LIST_SET_F64 -> {
                        listSet(r[rb + code[pc + 1]], p[pb + code[pc + 2]], d(p[pb + code[pc + 3]]));
                        pc += 4;
                    }
                    case Ops.LIST_SET_BOOL -> {
                        listSet(r[rb + code[pc + 1]], p[pb + code[pc + 2]], p[pb + code[pc + 3]] != 0);
                        pc += 4;
                    }
                    case Ops.LIST_SET_REF -> {
                        listSet(r[rb + code[pc + 1]], p[pb + code[pc + 2]], r[rb + code[pc + 3]]);
                        pc += 4;
                    }
                    case Ops.LEN_LIST -> {
                        p[pb + code[pc + 1]] = TargetRuntime.items(r[rb + code[pc + 2]]).size();
                        pc += 3;
                    }
                    case Ops.LEN_STR -> {
                        p[pb + code[pc + 1]] = PyStrings.length((String) r[rb + code[pc + 2]]);
                        pc += 3;
                    }
                    case Ops.CONCAT_STR -> {
                        r[rb + code[pc + 1]] = ((String) r[rb + code[pc + 2]]).concat((String) r[rb + code[pc + 3]]);
                        pc += 4;
                    }
                    case Ops.EQ_STR -> {
                        p[pb + code[pc + 1]] = r[rb + code[pc + 2]].equals(r[rb + code[pc + 3]]) ? 1 : 0;
                        pc += 4;
                    }
                    case Ops.JMP -> pc = taken(code[pc + 1], pc);
                    case Ops.BR_TRUE -> pc = p[pb + code[pc + 1]] != 0 ? taken(code[pc + 2], pc) : pc + 3;
                    case Ops.BR_LT_I64 -> pc = p[pb + code[pc + 1]] < p[pb + code[pc + 2]] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_LE_I64 -> pc = p[pb + code[pc + 1]] <= p[pb + code[pc + 2]] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_GT_I64 -> pc = p[pb + code[pc + 1]] > p[pb + code[pc + 2]] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_GE_I64 -> pc = p[pb + code[pc + 1]] >= p[pb + code[pc + 2]] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_EQ_I64 -> pc = p[pb + code[pc + 1]] == p[pb + code[pc + 2]] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_NE_I64 -> pc = p[pb + code[pc + 1]] != p[pb + code[pc + 2]] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_LT_I64_IMM -> pc = p[pb + code[pc + 1]] < code[pc + 2] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_LE_I64_IMM -> pc = p[pb + code[pc + 1]] <= code[pc + 2] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_GT_I64_IMM -> pc = p[pb + code[pc + 1]] > code[pc + 2] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_GE_I64_IMM -> pc = p[pb + code[pc + 1]] >= code[pc + 2] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_EQ_I64_IMM -> pc = p[pb + code[pc + 1]] == code[pc + 2] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_NE_I64_IMM -> pc = p[pb + code[pc + 1]] != code[pc + 2] ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_LT_F64 -> pc = d(p[pb + code[pc + 1]]) < d(p[pb + code[pc + 2]]) ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_LE_F64 -> pc = d(p[pb + code[pc + 1]]) <= d(p[pb + code[pc + 2]]) ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_GT_F64 -> pc = d(p[pb + code[pc + 1]]) > d(p[pb + code[pc + 2]]) ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_GE_F64 -> pc = d(p[pb + code[pc + 1]]) >= d(p[pb + code[pc + 2]]) ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_EQ_F64 -> pc = d(p[pb + code[pc + 1]]) == d(p[pb + code[pc + 2]]) ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.BR_NE_F64 -> pc = d(p[pb + code[pc + 1]]) != d(p[pb + code[pc + 2]]) ? taken(code[pc + 3], pc) : pc + 4;
                    case Ops.CALL -> {
                        int n = code[pc + 2];
                        Closure c = (Closure) r[rb + (code[pc + 3] >> 1)];
                        Loaded.Fn callee = c.fn;
                        int npb = pb + fn.primFrame();
                        int nrb = rb + fn.refFrame();
                        if (npb + callee.primFrame() > p.length || nrb + callee.refFrame() > r.length) {
                            grow(npb + callee.primFrame(), nrb + callee.refFrame());
                            p = this.p;
                            r = this.r;
                        }
                        r[nrb] = c.env;
                        int pi = 0;
                        int ri = 1;
                        for (int k = 1; k < n; k++) {
                            int t = code[pc + 3 + k];
                            if ((t & 1) == 0) {
                                p[npb + pi++] = p[pb + (t >> 1)];
                            } else {
                                r[nrb + ri++] = r[rb + (t >> 1)];
                            }
                        }
                        push(depth, fn, pc + 3 + n, pb, rb, code[pc + 1], Span.NONE);
                        depth++;
                        fn = callee;
                        code = callee.code();
                        pc = 0;
                        pb = npb;
                        rb = nrb;
                    }
                    case Ops.RET_P, Ops.RET_R, Ops.RET_NONE -> {
                        int op = code[pc];
                        long pv = op == Ops.RET_P ? p[pb + code[pc + 1]] : 0;
                        Object rv = op == Ops.RET_R ? r[rb + code[pc + 1]] : NONE;
                        if (depth == 0) {
                            return;
                        }
                        depth--;
                        fn = callFn[depth];
                        code = fn.code();
                        pc = callPc[depth];
                        pb = callPb[depth];
                        rb = callRb[depth];
                        int dst = callDst[depth];
                        if (dst >= 0) {
                            if ((dst & 1) == 0) {
                                p[pb + (dst >> 1)] = pv;
                            } else {
                                r[rb + (dst >> 1)] = rv;
                            }
                        }
                    }
                    case Ops.TAIL_CALL -> {
                        int n = code[pc + 1];
                        Closure c = (Closure) r[rb + (code[pc + 2] >> 1)];
                        Loaded.Fn callee = c.fn;
                        int pi = 0;
                        int ri = 1;
                        tailR[0] = c.env;
                        for (int k = 1; k < n; k++) {
                            int t = code[pc + 2 + k];
                            if ((t & 1) == 0) {
                                tailP[pi++] = p[pb + (t >> 1)];
                            } else {
                                tailR[ri++] = r[rb + (t >> 1)];
                            }
                        }
                        if (pb + callee.primFrame() > p.length || rb + callee.refFrame() > r.length) {
                            grow(pb + callee.primFrame(), rb + callee.refFrame());
                            p = this.p;
                            r = this.r;
                        }
                        System.arraycopy(tailP, 0, p, pb, pi);
                        System.arraycopy(tailR, 0, r, rb, ri);
                        fn = callee;
                        code = callee.code();
                        pc = 0;
                    }
                    default -> pc = ColdOps.run(this, fn, code, pc, pb, rb);
                }
            }
        } catch (PyRuntimeError e) {
            throw new Failure(traced(located(e, fn, pc), fn, depth));
        } catch (ArithmeticException e) {
            throw new Failure(traced(TargetRuntime.error("OverflowError", "integer overflow", fn.spanAt(pc)), fn, depth));
        } catch (StackOverflowError e) {
            throw new Failure(traced(TargetRuntime.error("RecursionError", "maximum recursion depth exceeded", fn.spanAt(pc)), fn, depth));
        } catch (OutOfMemoryError e) {
            throw new Failure(TargetRuntime.error("MemoryError", "", fn.spanAt(pc)));
        } catch (RuntimeException e) {
            throw new Failure(TargetRuntime.error("SystemError", "regvm: " + e, fn.spanAt(pc)));
        }
    }

    /**
     * Records the traceback of an error raised in {@code fn} at call depth {@code depth}: each frame
     * on the call stack, innermost first, with the line of the call it was making (tail calls reuse
     * a frame, so a tail-called function's caller is not among them).
     */
    private PyRuntimeError traced(PyRuntimeError e, Loaded.Fn fn, int depth) {
        Loaded.Fn inner = fn;
        for (int d = depth - 1; d >= 0; d--) {
            e.leaveFunction(inner.name(), callFn[d].spanAt(callPc[d] - 1));
            inner = callFn[d];
        }
        e.markTraced();
        return e;
    }

    static Object listGet(Object list, long i) {
        ArrayList<Object> items = TargetRuntime.items(list);
        int n = items.size();
        return items.get(i >= 0 && i < n ? (int) i : TargetRuntime.index(i, n, "list", Span.NONE));
    }

    static void listSet(Object list, long i, Object v) {
        ArrayList<Object> items = TargetRuntime.items(list);
        int n = items.size();
        items.set(i >= 0 && i < n ? (int) i : TargetRuntime.index(i, n, "list assignment", Span.NONE), v);
    }
}
