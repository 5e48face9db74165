package nanopy.targets.regvm;

import nanopy.mach.MachCode;

/**
 * The register VM's instructions, as the shared machine IRs (MachCode ... MachAllocated) write
 * them ({@code RegVmOp.AddI64}). An opcode fixes the bank and the static type of each operand:
 * the suffix I64/F64/Bool/Str/Ref names the operand type, {@code P}/{@code R} the bank
 * ({@link RegVmBank}). Instructions with an {@code Imm} suffix take a constant that fits in 32 bits
 * as their second operand; {@code Apply} runs one of PyTyped's colder primitives (named by its
 * {@code StrImm}) over boxed RefBank operands; {@code BrTrue} and the comparisons are also the
 * compare-and-branch forms of a {@code Br}. The ordinal of each constant is its number in the
 * bytecode ({@link Ops}; a test checks they agree), so the order of the constants is the
 * instruction set's and {@link BytecodeFile#INSTRUCTION_SET} hashes their names.
 */
public enum RegVmOp implements MachCode.Opcode {
    MovP, MovR, ConstI64, ConstF64, ConstStr, ConstNone,
    LoadGlobalP, StoreGlobalP, LoadGlobalR, StoreGlobalR,
    SpillLoadP, SpillStoreP, SpillLoadR, SpillStoreR,
    AddI64, SubI64, MulI64, FloorDivI64, ModI64, NegI64, I64ToF64,
    AddF64, SubF64, MulF64, DivF64, NegF64,
    EqI64, NeI64, LtI64, LeI64, GtI64, GeI64,
    EqF64, NeF64, LtF64, LeF64, GtF64, GeF64,
    EqBool, NeBool, NotBool, EqStr, NeStr, Is, IsNot,
    ConcatStr, LenStr, IndexStr, LenList, LenTuple,
    BoxI64, BoxF64, BoxBool, UnboxI64, UnboxF64, UnboxBool,
    StrI64, StrF64, StrBool, StrRef,
    ListGetI64, ListGetF64, ListGetBool, ListGetRef,
    ListSetI64, ListSetF64, ListSetBool, ListSetRef,
    AppendI64, AppendF64, AppendBool, AppendRef,
    TupleGetRef, RecordGetRef, RecordSetRef,
    NewList, NewTuple, NewRecord, NewClosure, InitRef,
    Apply, Print, Call,
    AddI64Imm, SubI64Imm, MulI64Imm, EqI64Imm, NeI64Imm, LtI64Imm, LeI64Imm, GtI64Imm, GeI64Imm,
    BrTrue,
    PowF64, F64ToI64
}
