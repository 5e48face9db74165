package nanopy.targets.regvm;

import nanopy.ir.Span;
import nanopy.py.Blocks;
import nanopy.py.Closed;

/** How NanoPy's static types map to the register VM: banks, and the typed opcode for each type. */
final class Types {
    private Types() {}

    private enum Kind { I64, F64, BOOL, REF }

    private static Kind kind(Closed.Type t) {
        return switch (t) {
            case Closed.IntType i -> Kind.I64;
            case Closed.FloatType f -> Kind.F64;
            case Closed.BoolType b -> Kind.BOOL;
            default -> Kind.REF;
        };
    }

    /** PrimBank for int, float and bool; RefBank for everything else. */
    static RegVmBank bank(Closed.Type t) {
        return kind(t) == Kind.REF ? RegVmBank.RefBank : RegVmBank.PrimBank;
    }

    static boolean isInt(Closed.Type t) {
        return kind(t) == Kind.I64;
    }

    /** The static type of a Blocks expression. */
    static Closed.Type typeOf(Blocks.Expr e) {
        Span sp = e.span();
        return switch (e) {
            case Blocks.IntLit i -> new Closed.IntType(sp);
            case Blocks.FloatLit f -> new Closed.FloatType(sp);
            case Blocks.BoolLit b -> new Closed.BoolType(sp);
            case Blocks.StrLit s -> new Closed.StrType(sp);
            case Blocks.NoneLit n -> new Closed.NoneType(sp);
            case Blocks.Var v -> v.type();
            case Blocks.GlobalVar g -> g.type();
            case Blocks.Prim p -> p.type();
            case Blocks.Call c -> c.type();
            case Blocks.TupleGet t -> t.type();
            case Blocks.RecordGet r -> r.type();
            case Blocks.Allocate a -> a.type();
            case Blocks.AllocateClosure a -> a.type();
            default -> new Closed.NoneType(sp);
        };
    }

    static RegVmOp listSet(Closed.Type elem) {
        return switch (kind(elem)) {
            case I64 -> RegVmOp.ListSetI64;
            case F64 -> RegVmOp.ListSetF64;
            case BOOL -> RegVmOp.ListSetBool;
            case REF -> RegVmOp.ListSetRef;
        };
    }

    static RegVmOp listGet(Closed.Type elem) {
        return switch (kind(elem)) {
            case I64 -> RegVmOp.ListGetI64;
            case F64 -> RegVmOp.ListGetF64;
            case BOOL -> RegVmOp.ListGetBool;
            case REF -> RegVmOp.ListGetRef;
        };
    }

    static RegVmOp append(Closed.Type elem) {
        return switch (kind(elem)) {
            case I64 -> RegVmOp.AppendI64;
            case F64 -> RegVmOp.AppendF64;
            case BOOL -> RegVmOp.AppendBool;
            case REF -> RegVmOp.AppendRef;
        };
    }

    static RegVmOp toStr(Closed.Type t) {
        return switch (kind(t)) {
            case I64 -> RegVmOp.StrI64;
            case F64 -> RegVmOp.StrF64;
            case BOOL -> RegVmOp.StrBool;
            case REF -> RegVmOp.StrRef;
        };
    }

    /** Boxing a PrimBank value of type {@code t} into a RefBank register. */
    static RegVmOp box(Closed.Type t) {
        return switch (kind(t)) {
            case I64 -> RegVmOp.BoxI64;
            case F64 -> RegVmOp.BoxF64;
            case BOOL -> RegVmOp.BoxBool;
            case REF -> RegVmOp.MovR;
        };
    }

    /** Unboxing a RefBank value of type {@code t} into a PrimBank register. */
    static RegVmOp unbox(Closed.Type t) {
        return switch (kind(t)) {
            case I64 -> RegVmOp.UnboxI64;
            case F64 -> RegVmOp.UnboxF64;
            case BOOL -> RegVmOp.UnboxBool;
            case REF -> RegVmOp.MovR;
        };
    }
}
