package nanopy.targets.mips;

import static nanopy.passes.mach.Pattern.constant;
import static nanopy.passes.mach.Pattern.field;
import static nanopy.passes.mach.Pattern.global;
import static nanopy.passes.mach.Pattern.imm;
import static nanopy.passes.mach.Pattern.mach;
import static nanopy.passes.mach.Pattern.reg;
import static nanopy.passes.mach.Pattern.setField;
import static nanopy.passes.mach.Pattern.setGlobal;

import java.util.List;
import java.util.Map;
import nanopy.ir.OpenTerminal;
import nanopy.lir.Lir;
import nanopy.lir.Lir.MachOp;
import nanopy.passes.mach.Isa;
import nanopy.passes.mach.MachineDescription;
import nanopy.passes.mach.MachineDescription.Convention;
import nanopy.passes.mach.MachineDescription.Flag;
import nanopy.passes.mach.MachineDescription.OpInfo;
import nanopy.passes.mach.MachineDescription.RegisterFile;
import nanopy.passes.mach.RuleTable;
import nanopy.passes.mach.Tree;

/**
 * MIPS32 as the shared machine back end sees it (docs/mips.md). NanoPy's ints are 64 bits, so the
 * general-purpose registers are allocated in <b>pairs</b> {@code lo:hi} (class
 * {@link MipsClass#Pair}): twelve pairs made of the O32 registers {@code $v0..$v1}, {@code $a0..$a3},
 * {@code $t0..$t9}, {@code $s0..$s7}. A reference uses the low register of its pair. The roles
 * follow O32: the result in {@code $v0:$v1}, the first arguments in {@code $a0:$a1},
 * {@code $a2:$a3} (then {@code $t0:$t1}, {@code $t2:$t3}, then 8-byte stack arguments),
 * {@code $s0..$s7} callee-saved, the {@code $t} registers caller-saved; {@code $t6:$t7} and
 * {@code $t8:$t9} are patch-instructions' scratch pairs. {@code $zero}, {@code $at} (the
 * assembler's), {@code $k0}, {@code $k1}, {@code $gp}, {@code $fp} (the emitter's temporaries inside
 * one instruction's sequence), {@code $sp} and {@code $ra} are not in any file. Doubles live in the
 * even FPU registers (class {@link MipsClass#Fpr}); the run-time library has no float
 * formatting yet, so programs with floats are rejected before selection ({@link CheckMipsSupport}).
 */
public final class MipsIsa implements Isa, OpenTerminal.Values {
    /** The pair registers in allocation order: index {@code i} is {@code PAIRS.get(i)}, {@code lo:hi}. */
    static final List<String> PAIRS = List.of("$v0:$v1", "$a0:$a1", "$a2:$a3", "$t0:$t1", "$t2:$t3", "$t4:$t5",
            "$s0:$s1", "$s2:$s3", "$s4:$s5", "$s6:$s7", "$t6:$t7", "$t8:$t9");

    /** The double registers: {@code $f16} and {@code $f18} last (scratch). */
    static final List<String> DOUBLES = List.of("$f0", "$f2", "$f4", "$f6", "$f8", "$f10", "$f12", "$f14",
            "$f20", "$f22", "$f24", "$f26", "$f28", "$f30", "$f16", "$f18");

    /** The machine description. */
    public static final MachineDescription MACHINE = new MachineDescription("mips",
            List.of(new RegisterFile(MipsClass.Pair, PAIRS, 2, List.of(0, 1, 2, 3, 4, 5), List.of(6, 7, 8, 9), List.of(1, 2, 3, 4), 0,
                            MipsOp.Move, MipsOp.Reload, MipsOp.Spill),
                    new RegisterFile(MipsClass.Fpr, DOUBLES, 2, List.of(0, 1, 2, 3, 4, 5, 6, 7), List.of(8, 9, 10, 11, 12, 13), List.of(6, 7), 0,
                            MipsOp.MovD, MipsOp.ReloadD, MipsOp.SpillD)),
            Map.of(Lir.Ty.I64, MipsClass.Pair, Lir.Ty.Ptr, MipsClass.Pair, Lir.Ty.F64, MipsClass.Fpr),
            Map.of(MipsOp.Move, OpInfo.of(Flag.MOVE), MipsOp.MovD, OpInfo.of(Flag.MOVE),
                    MipsOp.Jalr, OpInfo.of(Flag.CALL), MipsOp.Jal, OpInfo.of(Flag.CALL),
                    // the multiply calls nanopy_mips_mul64, which may overwrite every caller-saved register
                    MipsOp.Mul64, OpInfo.of(Flag.CALL)),
            new Convention(false, MipsOp.Jalr, MipsOp.Jal, MipsOp.StoreArg, MipsOp.LoadArg));

    /** The rule table: one sequence per Lir operation on pairs, an immediate add and xor, fused compare-and-branches. */
    public static final RuleTable RULES = RuleTable.builder()
            .rule(MipsOp.Li, constant(Tree.Kind.INT)).rule(MipsOp.La, constant(Tree.Kind.STR))
            .rule(MipsOp.LiNull, constant(Tree.Kind.NULL)).rule(MipsOp.LaFun, constant(Tree.Kind.FUN))
            .rule(MipsOp.Addu64, mach(MachOp.Add, reg(), reg())).rule(MipsOp.Addiu64, mach(MachOp.Add, reg(), imm(16)))
            .rule(MipsOp.Subu64, mach(MachOp.Sub, reg(), reg())).rule(MipsOp.Mul64, mach(MachOp.Mul, reg(), reg()))
            .rule(MipsOp.Neg64, mach(MachOp.Neg, reg()))
            .rule(MipsOp.Seq64, mach(MachOp.Eq, reg(), reg())).rule(MipsOp.Sne64, mach(MachOp.Ne, reg(), reg()))
            .rule(MipsOp.Slt64, mach(MachOp.Lt, reg(), reg())).rule(MipsOp.Sle64, mach(MachOp.Le, reg(), reg()))
            .rule(MipsOp.Sgt64, mach(MachOp.Gt, reg(), reg())).rule(MipsOp.Sge64, mach(MachOp.Ge, reg(), reg()))
            .rule(MipsOp.Xor64, mach(MachOp.Xor, reg(), reg())).rule(MipsOp.Xori64, mach(MachOp.Xor, reg(), imm(16)))
            .rule(MipsOp.PtrSeq, mach(MachOp.PtrEq, reg(), reg())).rule(MipsOp.PtrSne, mach(MachOp.PtrNe, reg(), reg()))
            .rule(MipsOp.LwField, field(Lir.Ty.I64, reg())).rule(MipsOp.LwFieldPtr, field(Lir.Ty.Ptr, reg()))
            .rule(MipsOp.SwField, setField(reg(), reg()))
            .rule(MipsOp.LwGlobal, global(Lir.Ty.I64)).rule(MipsOp.LwGlobalPtr, global(Lir.Ty.Ptr))
            .rule(MipsOp.SwGlobal, setGlobal(reg()))
            .branch(MipsOp.Bnez, reg())
            .branch(MipsOp.Blt64, mach(MachOp.Lt, reg(), reg())).branch(MipsOp.Ble64, mach(MachOp.Le, reg(), reg()))
            .branch(MipsOp.Bgt64, mach(MachOp.Gt, reg(), reg())).branch(MipsOp.Bge64, mach(MachOp.Ge, reg(), reg()))
            .branch(MipsOp.Beq64, mach(MachOp.Eq, reg(), reg())).branch(MipsOp.Bne64, mach(MachOp.Ne, reg(), reg()))
            .build();

    /** For ServiceLoader. */
    public MipsIsa() {}

    @Override
    public String name() {
        return "mips";
    }

    @Override
    public MachineDescription machine() {
        return MACHINE;
    }

    @Override
    public RuleTable rules() {
        return RULES;
    }

    @Override
    public List<Class<? extends Enum<?>>> enums() {
        return List.of(MipsOp.class, MipsClass.class);
    }
}
