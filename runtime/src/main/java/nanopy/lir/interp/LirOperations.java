package nanopy.lir.interp;

import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.lir.Lir;
import nanopy.lir.RuntimeAbi;
import nanopy.lir.RuntimeAbi.Kind;
import nanopy.lir.RuntimeAbi.Routine;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.TargetRuntime;

/**
 * What each operation of {@link Lir} computes, on the values the Lir interpreter uses (I64 a
 * {@link Long}, F64 a {@link Double}, Ptr a run-time library object, {@link TargetRuntime#NONE} or
 * an {@code Object[]} record or closure): the machine operations ({@link Lir.MachOp}) and every
 * {@code nanopy_rt_*} routine of {@link RuntimeAbi}. The Lir interpreter and the machine-code
 * interpreter of the register targets ({@code nanopy.passes.mach.MachInterpreter}, whose opcodes
 * mean the Lir operations their selection rules match) both compute through it, so each semantic
 * is written once.
 */
public final class LirOperations {
    private final TargetRuntime rt;

    /** Operations printing and reading through {@code rt}. */
    public LirOperations(TargetRuntime rt) {
        this.rt = rt;
    }

    /** One operation over its argument values, in order. */
    @FunctionalInterface
    public interface Operation {
        /**
         * Computes the result (an I64 or F64 result as a {@code Long} or {@code Double}, a VOID
         * routine's as {@link TargetRuntime#NONE}).
         *
         * @throws PyRuntimeError when the operation fails as Python would (overflow, a bad index...)
         */
        Object apply(Object[] args);
    }

    /** The value a fresh record's word of type {@code ty} reads as: 0, 0.0 or None. */
    public static Object zero(Lir.Ty ty) {
        return switch (ty) {
            case I64 -> 0L;
            case F64 -> 0.0;
            case Ptr, Void -> TargetRuntime.NONE;
        };
    }

    private static long bit(boolean b) {
        return b ? 1L : 0L;
    }

    private static long l(Object o) {
        return (Long) o;
    }

    private static double d(Object o) {
        return (Double) o;
    }

    /** Machine operation {@code op}; errors (integer overflow) point at {@code sp}. */
    public Operation mach(Lir.MachOp op, Span sp) {
        return switch (op) {
            case Add -> checked(PrimOp.IntAdd, sp);
            case Sub -> checked(PrimOp.IntSub, sp);
            case Mul -> checked(PrimOp.IntMul, sp);
            case Neg -> {
                TargetRuntime.BinaryOperation sub = rt.binary(PrimOp.IntSub, sp);
                yield a -> sub.apply(0L, a[0]);
            }
            case Eq -> a -> bit(l(a[0]) == l(a[1]));
            case Ne -> a -> bit(l(a[0]) != l(a[1]));
            case Lt -> a -> bit(l(a[0]) < l(a[1]));
            case Le -> a -> bit(l(a[0]) <= l(a[1]));
            case Gt -> a -> bit(l(a[0]) > l(a[1]));
            case Ge -> a -> bit(l(a[0]) >= l(a[1]));
            case Xor -> a -> l(a[0]) ^ l(a[1]);
            case FAdd -> a -> d(a[0]) + d(a[1]);
            case FSub -> a -> d(a[0]) - d(a[1]);
            case FMul -> a -> d(a[0]) * d(a[1]);
            case FNeg -> a -> -d(a[0]);
            case FEq -> a -> bit(d(a[0]) == d(a[1]));
            case FNe -> a -> bit(d(a[0]) != d(a[1]));
            case FLt -> a -> bit(d(a[0]) < d(a[1]));
            case FLe -> a -> bit(d(a[0]) <= d(a[1]));
            case FGt -> a -> bit(d(a[0]) > d(a[1]));
            case FGe -> a -> bit(d(a[0]) >= d(a[1]));
            case IToF -> a -> (double) l(a[0]);
            case PtrEq -> a -> bit(a[0] == a[1]);
            case PtrNe -> a -> bit(a[0] != a[1]);
        };
    }

    /** Int arithmetic through the run-time library's primitive, so overflow is reported as everywhere else. */
    private Operation checked(PrimOp op, Span sp) {
        TargetRuntime.BinaryOperation o = rt.binary(op, sp);
        return a -> o.apply(a[0], a[1]);
    }

    /**
     * Run-time routine {@code name} called with {@code arity} arguments (I64 bools arrive as 0/1 and
     * BOOL results leave as 0/1).
     *
     * @throws IllegalStateException when no routine has that name or it takes another number of
     *     arguments (a bug in the pass that made the call)
     */
    public Operation routine(String name, int arity, Span sp) {
        Routine r = RuntimeAbi.byName(name).orElseThrow(() -> new IllegalStateException("Lir: unknown routine " + name + " at " + sp));
        if (r.params().size() != arity) {
            throw new IllegalStateException("Lir: " + name + " takes " + r.params().size() + " arguments, not " + arity + " at " + sp);
        }
        boolean[] bools = new boolean[arity];
        boolean anyBool = false;
        for (int i = 0; i < arity; i++) {
            bools[i] = r.params().get(i) == Kind.BOOL;
            anyBool |= bools[i];
        }
        Operation raw = r.prim().isPresent() ? prim(r.prim().get(), arity, sp) : builtin(name, sp);
        Operation in = !anyBool ? raw : a -> {
            Object[] c = a.clone();
            for (int i = 0; i < c.length; i++) {
                if (bools[i]) {
                    c[i] = l(c[i]) != 0;
                }
            }
            return raw.apply(c);
        };
        return switch (r.result()) {
            case BOOL -> a -> {
                Object v = in.apply(a);
                return v instanceof Boolean z ? bit(z) : v;
            };
            case VOID -> a -> {
                in.apply(a);
                return TargetRuntime.NONE;
            };
            default -> in;
        };
    }

    private Operation prim(PrimOp op, int arity, Span sp) {
        TargetRuntime.Applier ap = rt.operation(op, arity, sp);
        return ap::apply;
    }

    private Operation builtin(String name, Span sp) {
        return switch (name) {
            case "nanopy_rt_box_int", "nanopy_rt_box_float", "nanopy_rt_box_bool", "nanopy_rt_unbox_int", "nanopy_rt_unbox_float" -> a -> a[0];
            case "nanopy_rt_unbox_bool" -> a -> bit((Boolean) a[0]);
            case "nanopy_rt_list_new" -> a -> TargetRuntime.newList(Math.toIntExact(l(a[0])));
            case "nanopy_rt_list_init" -> a -> TargetRuntime.items(a[0]).set(Math.toIntExact(l(a[1])), a[2]);
            case "nanopy_rt_list_set" -> a -> {
                TargetRuntime.setItem(a[0], l(a[1]), a[2], sp);
                return null;
            };
            case "nanopy_rt_tuple_new" -> a -> TargetRuntime.newTuple(Math.toIntExact(l(a[0])));
            case "nanopy_rt_tuple_init" -> a -> TargetRuntime.tupleItems(a[0])[Math.toIntExact(l(a[1]))] = a[2];
            case "nanopy_rt_tuple_get" -> a -> TargetRuntime.tupleItem(a[0], Math.toIntExact(l(a[1])));
            case "nanopy_rt_record_new" -> a -> new Object[Math.toIntExact(l(a[0]))];
            case "nanopy_rt_closure_new" -> a -> new Object[] {a[0], null};
            case "nanopy_rt_write" -> a -> {
                rt.print(new Object[] {a[0]}, "", "");
                return null;
            };
            default -> throw new IllegalStateException("Lir: the interpreter lacks routine " + name + " at " + sp);
        };
    }
}
