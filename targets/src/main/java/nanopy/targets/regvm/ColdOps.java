package nanopy.targets.regvm;

import java.util.Arrays;
import nanopy.ir.Span;
import nanopy.py.interp.PyStrings;
import nanopy.py.interp.TargetRuntime;

/**
 * The register VM's less frequent instructions, out of the dispatch loop so that {@link Vm}'s loop
 * stays small enough to be JIT-compiled. None of them changes frames.
 */
final class ColdOps {
    private ColdOps() {}

    private static final String[] BOOLS = {"False", "True"};

    /** Runs the instruction at {@code pc} of {@code fn}; returns the next pc. */
    static int run(Vm vm, Loaded.Fn fn, int[] code, int pc, int pb, int rb) {
        long[] p = vm.p;
        Object[] r = vm.r;
        int a = pc + 1 < code.length ? code[pc + 1] : 0;
        int x = pc + 2 < code.length ? code[pc + 2] : 0;
        int y = pc + 3 < code.length ? code[pc + 3] : 0;
        switch (code[pc]) {
            case Ops.NEG_I64 -> p[pb + a] = Math.negateExact(p[pb + x]);
            case Ops.NEG_F64 -> p[pb + a] = Vm.b(-Vm.d(p[pb + x]));
            case Ops.POW_F64 -> p[pb + a] = Vm.b(TargetRuntime.floatPow(Vm.d(p[pb + x]), Vm.d(p[pb + y]), Span.NONE));
            case Ops.F64_TO_I64 -> p[pb + a] = TargetRuntime.floatToInt(Vm.d(p[pb + x]), Span.NONE);
            case Ops.LE_I64 -> p[pb + a] = p[pb + x] <= p[pb + y] ? 1 : 0;
            case Ops.GT_I64 -> p[pb + a] = p[pb + x] > p[pb + y] ? 1 : 0;
            case Ops.GE_I64 -> p[pb + a] = p[pb + x] >= p[pb + y] ? 1 : 0;
            case Ops.EQ_F64 -> p[pb + a] = Vm.d(p[pb + x]) == Vm.d(p[pb + y]) ? 1 : 0;
            case Ops.NE_F64 -> p[pb + a] = Vm.d(p[pb + x]) != Vm.d(p[pb + y]) ? 1 : 0;
            case Ops.LT_F64 -> p[pb + a] = Vm.d(p[pb + x]) < Vm.d(p[pb + y]) ? 1 : 0;
            case Ops.LE_F64 -> p[pb + a] = Vm.d(p[pb + x]) <= Vm.d(p[pb + y]) ? 1 : 0;
            case Ops.GT_F64 -> p[pb + a] = Vm.d(p[pb + x]) > Vm.d(p[pb + y]) ? 1 : 0;
            case Ops.GE_F64 -> p[pb + a] = Vm.d(p[pb + x]) >= Vm.d(p[pb + y]) ? 1 : 0;
            case Ops.EQ_I64_IMM -> p[pb + a] = p[pb + x] == y ? 1 : 0;
            case Ops.NE_I64_IMM -> p[pb + a] = p[pb + x] != y ? 1 : 0;
            case Ops.LT_I64_IMM -> p[pb + a] = p[pb + x] < y ? 1 : 0;
            case Ops.LE_I64_IMM -> p[pb + a] = p[pb + x] <= y ? 1 : 0;
            case Ops.GT_I64_IMM -> p[pb + a] = p[pb + x] > y ? 1 : 0;
            case Ops.GE_I64_IMM -> p[pb + a] = p[pb + x] >= y ? 1 : 0;
            case Ops.NE_STR -> p[pb + a] = r[rb + x].equals(r[rb + y]) ? 0 : 1;
            case Ops.IS -> p[pb + a] = r[rb + x] == r[rb + y] ? 1 : 0;
            case Ops.IS_NOT -> p[pb + a] = r[rb + x] != r[rb + y] ? 1 : 0;
            case Ops.INDEX_STR -> {
                r[rb + a] = PyStrings.index((String) r[rb + x], p[pb + y], Span.NONE);
            }
            case Ops.LEN_TUPLE -> p[pb + a] = TargetRuntime.tupleItems(r[rb + x]).length;
            case Ops.BOX_I64 -> r[rb + a] = p[pb + x];
            case Ops.BOX_F64 -> r[rb + a] = Vm.d(p[pb + x]);
            case Ops.BOX_BOOL -> r[rb + a] = p[pb + x] != 0;
            case Ops.UNBOX_I64 -> p[pb + a] = (Long) r[rb + x];
            case Ops.UNBOX_F64 -> p[pb + a] = Vm.b((Double) r[rb + x]);
            case Ops.UNBOX_BOOL -> p[pb + a] = (Boolean) r[rb + x] ? 1 : 0;
            case Ops.STR_I64 -> r[rb + a] = Long.toString(p[pb + x]);
            case Ops.STR_F64 -> r[rb + a] = TargetRuntime.floatRepr(Vm.d(p[pb + x]));
            case Ops.STR_BOOL -> r[rb + a] = BOOLS[(int) p[pb + x]];
            case Ops.STR_REF -> r[rb + a] = TargetRuntime.str(r[rb + x]);
            case Ops.APPEND_I64 -> TargetRuntime.items(r[rb + a]).add(p[pb + x]);
            case Ops.APPEND_F64 -> TargetRuntime.items(r[rb + a]).add(Vm.d(p[pb + x]));
            case Ops.APPEND_BOOL -> TargetRuntime.items(r[rb + a]).add(p[pb + x] != 0);
            case Ops.APPEND_REF -> TargetRuntime.items(r[rb + a]).add(r[rb + x]);
            case Ops.TUPLE_GET_REF -> r[rb + a] = TargetRuntime.tupleItems(r[rb + x])[y];
            case Ops.RECORD_GET_REF -> r[rb + a] = follow(r[rb + x], y)[code[pc + 4]];
            case Ops.RECORD_SET_REF -> follow(r[rb + a], y)[code[pc + 4]] = r[rb + x];
            case Ops.NEW_LIST -> r[rb + a] = TargetRuntime.newList(x);
            case Ops.NEW_TUPLE -> r[rb + a] = TargetRuntime.newTuple(x);
            case Ops.NEW_RECORD -> {
                Object[] rec = new Object[x];
                Arrays.fill(rec, Vm.NONE);
                r[rb + a] = rec;
            }
            case Ops.NEW_CLOSURE -> r[rb + a] = new Closure(vm.prog.fns[x]);
            case Ops.INIT_REF -> init(r[rb + a], y, r[rb + x]);
            case Ops.APPLY -> {
                int n = y;
                Object[] args = new Object[n];
                for (int k = 0; k < n; k++) {
                    args[k] = r[rb + code[pc + 4 + k]];
                }
                r[rb + a] = fn.appliers()[x].apply(args);
            }
            case Ops.PRINT -> print(vm, code, pc, rb);
            default -> throw new IllegalStateException("unknown opcode " + code[pc] + " at offset " + pc + " of " + fn.name());
        }
        return pc + Ops.length(code, pc);
    }

    private static Object[] follow(Object env, int hops) {
        Object[] rec = (Object[]) env;
        for (int h = 0; h < hops; h++) {
            rec = (Object[]) rec[0];
        }
        return rec;
    }

    private static void init(Object obj, int index, Object v) {
        switch (obj) {
            case Closure c -> c.env = v;
            case Object[] rec -> rec[index] = v;
            default -> {
                if (TargetRuntime.isList(obj)) {
                    TargetRuntime.items(obj).set(index, v);
                } else {
                    TargetRuntime.tupleItems(obj)[index] = v;
                }
            }
        }
    }

    private static void print(Vm vm, int[] code, int pc, int rb) {
        int n = code[pc + 1];
        Object[] r = vm.r;
        Object sep = r[rb + code[pc + 1 + n - 1]];
        Object end = r[rb + code[pc + 1 + n]];
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n - 2; k++) {
            if (k > 0) {
                sb.append(sep == Vm.NONE ? " " : (String) sep);
            }
            sb.append((String) r[rb + code[pc + 2 + k]]);
        }
        sb.append(end == Vm.NONE ? "\n" : (String) end);
        vm.io.print(sb);
    }
}
