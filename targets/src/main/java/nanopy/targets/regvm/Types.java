package nanopy.targets.regvm;

import nanopy.ir.Span;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.regvm.RegCode.Bank;
import nanopy.regvm.RegCode.Opcode;

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
    static Bank bank(Closed.Type t) {
        return kind(t) == Kind.REF ? Bank.RefBank : Bank.PrimBank;
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

    static Opcode listSet(Closed.Type elem) {
        return switch (kind(elem)) {
            case I64 -> Opcode.ListSetI64;
            case F64 -> Opcode.ListSetF64;
            case BOOL -> Opcode.ListSetBool;
            case REF -> Opcode.ListSetRef;
        };
    }

    static Opcode listGet(Closed.Type elem) {
        return switch (kind(elem)) {
            case I64 -> Opcode.ListGetI64;
            case F64 -> Opcode.ListGetF64;
            case BOOL -> Opcode.ListGetBool;
            case REF -> Opcode.ListGetRef;
        };
    }

    static Opcode append(Closed.Type elem) {
        return switch (kind(elem)) {
            case I64 -> Opcode.AppendI64;
            case F64 -> Opcode.AppendF64;
            case BOOL -> Opcode.AppendBool;
            case REF -> Opcode.AppendRef;
        };
    }

    static Opcode toStr(Closed.Type t) {
        return switch (kind(t)) {
            case I64 -> Opcode.StrI64;
            case F64 -> Opcode.StrF64;
            case BOOL -> Opcode.StrBool;
            case REF -> Opcode.StrRef;
        };
    }

    /** Boxing a PrimBank value of type {@code t} into a RefBank register. */
    static Opcode box(Closed.Type t) {
        return switch (kind(t)) {
            case I64 -> Opcode.BoxI64;
            case F64 -> Opcode.BoxF64;
            case BOOL -> Opcode.BoxBool;
            case REF -> Opcode.MovR;
        };
    }

    /** Unboxing a RefBank value of type {@code t} into a PrimBank register. */
    static Opcode unbox(Closed.Type t) {
        return switch (kind(t)) {
            case I64 -> Opcode.UnboxI64;
            case F64 -> Opcode.UnboxF64;
            case BOOL -> Opcode.UnboxBool;
            case REF -> Opcode.MovR;
        };
    }
}
