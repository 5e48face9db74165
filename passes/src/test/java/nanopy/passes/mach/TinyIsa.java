package nanopy.passes.mach;

import static nanopy.passes.mach.Pattern.constant;
import static nanopy.passes.mach.Pattern.field;
import static nanopy.passes.mach.Pattern.global;
import static nanopy.passes.mach.Pattern.imm;
import static nanopy.passes.mach.Pattern.mach;
import static nanopy.passes.mach.Pattern.reg;
import static nanopy.passes.mach.Pattern.rt;
import static nanopy.passes.mach.Pattern.setField;
import static nanopy.passes.mach.Pattern.setGlobal;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nanopy.ir.OpenTerminal;
import nanopy.lir.Lir;
import nanopy.lir.Lir.MachOp;
import nanopy.mach.MachCode;
import nanopy.passes.mach.MachineDescription.Convention;
import nanopy.passes.mach.MachineDescription.Flag;
import nanopy.passes.mach.MachineDescription.OpInfo;
import nanopy.passes.mach.MachineDescription.RegisterFile;

/**
 * A toy second instruction set made from a machine description and a rule table alone (no
 * emitter, no VM: {@link MachInterpreter} runs it). Eight general registers {@code g0..g7} (ints,
 * bools and pointers) and six float registers {@code f0..f5}; the top two of each are scratch.
 * Its calling convention is unlike the register VM's: arguments in {@code g1, g2, g3} and
 * {@code f1, f2}, then on the stack; results in {@code g0} / {@code f0}; {@code g0..g3} and
 * {@code f0..f2} are caller-saved, {@code g4, g5} and {@code f3} callee-saved. With six
 * allocatable general registers most programs spill.
 */
public final class TinyIsa implements Isa, OpenTerminal.Values {
    /** The instructions. */
    public enum TinyOp implements MachCode.Opcode {
        Mov, Ld, St, FMov, FLd, FSt, Call, CallRt, ArgOut, ArgIn,
        Li, Lf, Ls, Lnull, La,
        Add, AddI, Sub, Mul, Neg, Seq, Sne, Slt, Sle, Sgt, Sge, Xor, XorI,
        FAdd, FSub, FMul, FNeg, FSeq, FSne, FSlt, FSle, FSgt, FSge, IToF, PEq, PNe,
        LdwI, LdwF, LdwP, Stw, GldI, GldF, GldP, Gst, ListIdxI,
        Bnez, Blt, Bge, Beq, Bne
    }

    /** The register classes. */
    public enum TinyClass implements MachCode.RegClass { Gpr, Fpr }

    private static List<String> names(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** The machine description. */
    public static final MachineDescription MACHINE = new MachineDescription("tiny",
            List.of(new RegisterFile(TinyClass.Gpr, names("g", 8), 2, List.of(0, 1, 2, 3), List.of(4, 5), List.of(1, 2, 3), 0,
                            TinyOp.Mov, TinyOp.Ld, TinyOp.St),
                    new RegisterFile(TinyClass.Fpr, names("f", 6), 2, List.of(0, 1, 2), List.of(3), List.of(1, 2), 0,
                            TinyOp.FMov, TinyOp.FLd, TinyOp.FSt)),
            Map.of(Lir.Ty.I64, TinyClass.Gpr, Lir.Ty.Ptr, TinyClass.Gpr, Lir.Ty.F64, TinyClass.Fpr),
            Map.of(TinyOp.Mov, OpInfo.of(Flag.MOVE), TinyOp.FMov, OpInfo.of(Flag.MOVE),
                    TinyOp.Call, OpInfo.of(Flag.CALL), TinyOp.CallRt, OpInfo.of(Flag.CALL)),
            new Convention(false, TinyOp.Call, TinyOp.CallRt, TinyOp.ArgOut, TinyOp.ArgIn));

    /** The rule table: one instruction per Lir operation, an immediate form, fused branches, and one two-level pattern. */
    public static final RuleTable RULES = RuleTable.builder()
            .rule(TinyOp.Li, constant(Tree.Kind.INT)).rule(TinyOp.Lf, constant(Tree.Kind.FLOAT)).rule(TinyOp.Ls, constant(Tree.Kind.STR))
            .rule(TinyOp.Lnull, constant(Tree.Kind.NULL)).rule(TinyOp.La, constant(Tree.Kind.FUN))
            .rule(TinyOp.Add, mach(MachOp.Add, reg(), reg())).rule(TinyOp.AddI, mach(MachOp.Add, reg(), imm(16)))
            .rule(TinyOp.Sub, mach(MachOp.Sub, reg(), reg())).rule(TinyOp.Mul, mach(MachOp.Mul, reg(), reg()))
            .rule(TinyOp.Neg, mach(MachOp.Neg, reg()))
            .rule(TinyOp.Seq, mach(MachOp.Eq, reg(), reg())).rule(TinyOp.Sne, mach(MachOp.Ne, reg(), reg()))
            .rule(TinyOp.Slt, mach(MachOp.Lt, reg(), reg())).rule(TinyOp.Sle, mach(MachOp.Le, reg(), reg()))
            .rule(TinyOp.Sgt, mach(MachOp.Gt, reg(), reg())).rule(TinyOp.Sge, mach(MachOp.Ge, reg(), reg()))
            .rule(TinyOp.Xor, mach(MachOp.Xor, reg(), reg())).rule(TinyOp.XorI, mach(MachOp.Xor, reg(), imm(16)))
            .rule(TinyOp.FAdd, mach(MachOp.FAdd, reg(), reg())).rule(TinyOp.FSub, mach(MachOp.FSub, reg(), reg()))
            .rule(TinyOp.FMul, mach(MachOp.FMul, reg(), reg())).rule(TinyOp.FNeg, mach(MachOp.FNeg, reg()))
            .rule(TinyOp.FSeq, mach(MachOp.FEq, reg(), reg())).rule(TinyOp.FSne, mach(MachOp.FNe, reg(), reg()))
            .rule(TinyOp.FSlt, mach(MachOp.FLt, reg(), reg())).rule(TinyOp.FSle, mach(MachOp.FLe, reg(), reg()))
            .rule(TinyOp.FSgt, mach(MachOp.FGt, reg(), reg())).rule(TinyOp.FSge, mach(MachOp.FGe, reg(), reg()))
            .rule(TinyOp.IToF, mach(MachOp.IToF, reg()))
            .rule(TinyOp.PEq, mach(MachOp.PtrEq, reg(), reg())).rule(TinyOp.PNe, mach(MachOp.PtrNe, reg(), reg()))
            .rule(TinyOp.LdwI, field(Lir.Ty.I64, reg())).rule(TinyOp.LdwF, field(Lir.Ty.F64, reg())).rule(TinyOp.LdwP, field(Lir.Ty.Ptr, reg()))
            .rule(TinyOp.Stw, setField(reg(), reg()))
            .rule(TinyOp.GldI, global(Lir.Ty.I64)).rule(TinyOp.GldF, global(Lir.Ty.F64)).rule(TinyOp.GldP, global(Lir.Ty.Ptr))
            .rule(TinyOp.Gst, setGlobal(reg()))
            .rule(TinyOp.ListIdxI, rt("nanopy_rt_unbox_int", rt("nanopy_rt_list_index", reg(), reg())))
            .branch(TinyOp.Bnez, reg())
            .branch(TinyOp.Blt, mach(MachOp.Lt, reg(), reg())).branch(TinyOp.Bge, mach(MachOp.Ge, reg(), reg()))
            .branch(TinyOp.Beq, mach(MachOp.Eq, reg(), reg())).branch(TinyOp.Bne, mach(MachOp.Ne, reg(), reg()))
            .build();

    /** For ServiceLoader. */
    public TinyIsa() {}

    @Override
    public String name() {
        return "tiny";
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
        return List.of(TinyOp.class, TinyClass.class);
    }
}
