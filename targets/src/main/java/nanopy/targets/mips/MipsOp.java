package nanopy.targets.mips;

import nanopy.mach.MachCode;

/**
 * The MIPS target's machine-IR opcodes. Most are short sequences of MIPS32 instructions over
 * register pairs (a 64-bit int in {@code lo:hi}, see {@link MipsIsa}); {@link EmitMips} writes each
 * one out, and its {@link MipsIsa#RULES rule} says what it computes. In IR text: {@code MipsOp.Addu64}.
 */
public enum MipsOp implements MachCode.Opcode {
    /** Copies a register pair ({@code move} twice). */
    Move,
    /** Reloads a spilled pair from its frame slot ({@code lw} twice). */
    Reload,
    /** Spills a pair to its frame slot ({@code sw} twice). */
    Spill,
    /** Copies a double register ({@code mov.d}). */
    MovD,
    /** Reloads a spilled double ({@code l.d}). */
    ReloadD,
    /** Spills a double ({@code s.d}). */
    SpillD,
    /** Calls a function value: {@code jalr} on the low word of its first source. */
    Jalr,
    /** Calls a run-time routine by name: {@code jal nanopy_rt_...}. */
    Jal,
    /** Writes outgoing stack argument {@code k} (8 bytes at {@code 8k($sp)}). */
    StoreArg,
    /** Reads incoming stack argument {@code k} (8 bytes above the callee's frame). */
    LoadArg,
    /** A 64-bit constant ({@code li} twice). */
    Li,
    /** The address of a constant str object ({@code la}). */
    La,
    /** The code address of a function ({@code la}). */
    LaFun,
    /** None, the null pointer. */
    LiNull,
    /** 64-bit add with carry, OverflowError on signed overflow. */
    Addu64,
    /** 64-bit add of a 16-bit immediate, OverflowError on signed overflow. */
    Addiu64,
    /** 64-bit subtract with borrow, OverflowError on signed overflow. */
    Subu64,
    /** 64x64 signed multiply with an overflow check (a call of the run-time library's nanopy_mips_mul64). */
    Mul64,
    /** 64-bit negation, OverflowError for the most negative int. */
    Neg64,
    /** 64-bit {@code ==}, 0 or 1. */
    Seq64,
    /** 64-bit {@code !=}. */
    Sne64,
    /** 64-bit signed {@code <}. */
    Slt64,
    /** 64-bit signed {@code <=}. */
    Sle64,
    /** 64-bit signed {@code >}. */
    Sgt64,
    /** 64-bit signed {@code >=}. */
    Sge64,
    /** 64-bit exclusive or. */
    Xor64,
    /** 64-bit exclusive or with a 16-bit immediate (booleans' {@code not}). */
    Xori64,
    /** Pointer identity ({@code is}). */
    PtrSeq,
    /** Pointer non-identity ({@code is not}). */
    PtrSne,
    /** Loads an int word (8 bytes) of a record or closure. */
    LwField,
    /** Loads a reference word of a record or closure (its low 4 bytes). */
    LwFieldPtr,
    /** Stores a pair into a word of a record or closure. */
    SwField,
    /** Loads an int module variable. */
    LwGlobal,
    /** Loads a reference module variable. */
    LwGlobalPtr,
    /** Stores a pair into a module variable. */
    SwGlobal,
    /** Branch when the pair's low word is not zero (a bool). */
    Bnez,
    /** Compare-and-branch: 64-bit signed {@code <}. */
    Blt64,
    /** Compare-and-branch: 64-bit signed {@code <=}. */
    Ble64,
    /** Compare-and-branch: 64-bit signed {@code >}. */
    Bgt64,
    /** Compare-and-branch: 64-bit signed {@code >=}. */
    Bge64,
    /** Compare-and-branch: 64-bit {@code ==}. */
    Beq64,
    /** Compare-and-branch: 64-bit {@code !=}. */
    Bne64
}
