package nanopy.targets.x86;

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
import nanopy.passes.mach.Isa;
import nanopy.passes.mach.MachineDescription;
import nanopy.passes.mach.MachineDescription.Convention;
import nanopy.passes.mach.MachineDescription.Flag;
import nanopy.passes.mach.MachineDescription.OpInfo;
import nanopy.passes.mach.MachineDescription.RegisterFile;
import nanopy.passes.mach.Pattern;
import nanopy.passes.mach.RuleTable;
import nanopy.passes.mach.Tree;

/**
 * The x86-64 instruction set as the shared machine back end sees it (docs/x86-64.md): the System V
 * AMD64 calling convention over two register classes, and one rule per instruction form.
 *
 * <p>General registers ({@link X86Class#Gpr}), numbered so that index is the allocator's colour:
 * {@code rax rbx rcx rdx rsi rdi r8 r9 r12 r13 r14 r15}, then the scratch registers {@code r10 r11}
 * (patch-instructions' and the emitter's; never allocated). {@code rsp} and {@code rbp} (the frame
 * pointer) are not in the file. Arguments in {@code rdi rsi rdx rcx r8 r9}, the result in
 * {@code rax}; {@code rbx r12-r15} are callee-saved, the rest caller-saved. SSE registers
 * ({@link X86Class#Sse}) {@code xmm0..xmm13} are allocatable and all caller-saved, {@code xmm14,
 * xmm15} scratch; float arguments in {@code xmm0..xmm7}, the result in {@code xmm0}. Arguments past
 * the registers go on the stack, as System V passes them, so the same convention calls NanoPy
 * functions and the C run-time library.
 *
 * <p>Instructions are three-address here ({@code dst <- a op b}); {@link EmitX86} writes each in
 * x86's two-address form (a {@code mov} first when the destination is not the first source).
 * {@code Add Sub Imul Neg} and their immediate forms are followed by {@code jo} to the
 * OverflowError stub; the {@code Set*} forms compare and set a register to 0 or 1; {@code J*} are
 * compare-and-branch tails.
 */
public final class X86Isa implements Isa, OpenTerminal.Values {
    /** The instructions (three-address forms; {@link EmitX86} writes the x86 instructions of each). */
    public enum X86Op implements MachCode.Opcode {
        /** {@code movq}, register to register; a frame slot load and store. */
        Mov, Load, Store,
        /** {@code movapd} between SSE registers; {@code movsd} from and to a frame slot. */
        MovSd, LoadSd, StoreSd,
        /** {@code call *reg}, {@code call nanopy_rt_*}, an outgoing and an incoming stack argument. */
        Call, CallRt, ArgOut, ArgIn,
        /** Constants: an int, a float (from the constant pool), a str, None, a function's address. */
        MovImm, LoadConstSd, LeaStr, MovNull, LeaFun,
        /** Int arithmetic ({@code I}: the second operand an immediate); overflow checked. */
        Add, AddI, Sub, SubI, Imul, ImulI, Neg, Xor, XorI,
        /** Python's {@code %} and {@code //} by a power of two (a mask, an arithmetic shift: both floor). */
        AndPow2, SarPow2,
        /** The value in an int, bool or float box; the box of a bool (one of the run-time library's two). */
        UnboxI, UnboxB, UnboxSd, BoxBool,
        /** Int comparisons setting 0 or 1. */
        SetE, SetNe, SetL, SetLe, SetG, SetGe, SetEI, SetNeI, SetLI, SetLeI, SetGI, SetGeI,
        /** Double arithmetic and int-to-double conversion. */
        AddSd, SubSd, MulSd, NegSd, Cvtsi2sd,
        /** Double comparisons ({@code ucomisd}) setting 0 or 1; NaN as Lir says. */
        SetFE, SetFNe, SetFL, SetFLe, SetFG, SetFGe,
        /** Reference identity. */
        SetPE, SetPNe,
        /** Words of records and closures: load an int, a pointer, a double; store. */
        LoadWord, LoadWordP, LoadWordSd, StoreWord,
        /** Module variables: load an int, a pointer, a double; store. */
        LoadGlobal, LoadGlobalP, LoadGlobalSd, StoreGlobal,
        /** Compare-and-branch tails. */
        Jnz, Je, Jne, Jl, Jle, Jg, Jge, JeI, JneI, JlI, JleI, JgI, JgeI
    }

    /** The register classes. */
    public enum X86Class implements MachCode.RegClass {
        /** The general-purpose registers (ints, bools, pointers). */
        Gpr,
        /** The SSE registers (doubles). */
        Sse
    }

    /** The general registers' names, by index. */
    public static final List<String> GPR = List.of("rax", "rbx", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r12", "r13", "r14", "r15", "r10", "r11");

    /** The SSE registers' names, by index. */
    public static final List<String> SSE = IntStream.range(0, 16).mapToObj(i -> "xmm" + i).toList();

    /** The machine description. */
    public static final MachineDescription MACHINE = new MachineDescription("x86-64",
            List.of(new RegisterFile(X86Class.Gpr, GPR, 2, List.of(0, 2, 3, 4, 5, 6, 7), List.of(1, 8, 9, 10, 11), List.of(5, 4, 3, 2, 6, 7), 0,
                            X86Op.Mov, X86Op.Load, X86Op.Store),
                    new RegisterFile(X86Class.Sse, SSE, 2, IntStream.range(0, 14).boxed().toList(), List.of(), IntStream.range(0, 8).boxed().toList(), 0,
                            X86Op.MovSd, X86Op.LoadSd, X86Op.StoreSd)),
            Map.of(Lir.Ty.I64, X86Class.Gpr, Lir.Ty.Ptr, X86Class.Gpr, Lir.Ty.F64, X86Class.Sse),
            Map.of(X86Op.Mov, OpInfo.of(Flag.MOVE), X86Op.MovSd, OpInfo.of(Flag.MOVE),
                    X86Op.Call, OpInfo.of(Flag.CALL), X86Op.CallRt, OpInfo.of(Flag.CALL)),
            new Convention(false, X86Op.Call, X86Op.CallRt, X86Op.ArgOut, X86Op.ArgIn));

    /** x86's immediates: a sign-extended 32-bit field. */
    private static final int IMM = 32;

    /** A power of two that a 32-bit mask holds: {@code x % k} is {@code x & (k - 1)}, {@code x // k} a shift. */
    private static final Pattern POW2 = new Pattern.Imm(v -> v > 0 && v <= 1L << 30 && Long.bitCount(v) == 1);

    /** The rule table. */
    public static final RuleTable RULES = RuleTable.builder()
            .rule(X86Op.MovImm, constant(Tree.Kind.INT)).rule(X86Op.LoadConstSd, constant(Tree.Kind.FLOAT))
            .rule(X86Op.LeaStr, constant(Tree.Kind.STR)).rule(X86Op.MovNull, constant(Tree.Kind.NULL))
            .rule(X86Op.LeaFun, constant(Tree.Kind.FUN))
            .rule(X86Op.Add, mach(MachOp.Add, reg(), reg())).rule(X86Op.AddI, mach(MachOp.Add, reg(), imm(IMM)))
            .rule(X86Op.Sub, mach(MachOp.Sub, reg(), reg())).rule(X86Op.SubI, mach(MachOp.Sub, reg(), imm(IMM)))
            .rule(X86Op.Imul, mach(MachOp.Mul, reg(), reg())).rule(X86Op.ImulI, mach(MachOp.Mul, reg(), imm(IMM)))
            .rule(X86Op.Neg, mach(MachOp.Neg, reg()))
            .rule(X86Op.AndPow2, rt("nanopy_rt_int_mod", reg(), POW2)).rule(X86Op.SarPow2, rt("nanopy_rt_int_floor_div", reg(), POW2))
            .rule(X86Op.UnboxI, rt("nanopy_rt_unbox_int", reg())).rule(X86Op.UnboxB, rt("nanopy_rt_unbox_bool", reg()))
            .rule(X86Op.UnboxSd, rt("nanopy_rt_unbox_float", reg())).rule(X86Op.BoxBool, rt("nanopy_rt_box_bool", reg()))
            .rule(X86Op.Xor, mach(MachOp.Xor, reg(), reg())).rule(X86Op.XorI, mach(MachOp.Xor, reg(), imm(IMM)))
            .rule(X86Op.SetE, mach(MachOp.Eq, reg(), reg())).rule(X86Op.SetNe, mach(MachOp.Ne, reg(), reg()))
            .rule(X86Op.SetL, mach(MachOp.Lt, reg(), reg())).rule(X86Op.SetLe, mach(MachOp.Le, reg(), reg()))
            .rule(X86Op.SetG, mach(MachOp.Gt, reg(), reg())).rule(X86Op.SetGe, mach(MachOp.Ge, reg(), reg()))
            .rule(X86Op.SetEI, mach(MachOp.Eq, reg(), imm(IMM))).rule(X86Op.SetNeI, mach(MachOp.Ne, reg(), imm(IMM)))
            .rule(X86Op.SetLI, mach(MachOp.Lt, reg(), imm(IMM))).rule(X86Op.SetLeI, mach(MachOp.Le, reg(), imm(IMM)))
            .rule(X86Op.SetGI, mach(MachOp.Gt, reg(), imm(IMM))).rule(X86Op.SetGeI, mach(MachOp.Ge, reg(), imm(IMM)))
            .rule(X86Op.AddSd, mach(MachOp.FAdd, reg(), reg())).rule(X86Op.SubSd, mach(MachOp.FSub, reg(), reg()))
            .rule(X86Op.MulSd, mach(MachOp.FMul, reg(), reg())).rule(X86Op.NegSd, mach(MachOp.FNeg, reg()))
            .rule(X86Op.Cvtsi2sd, mach(MachOp.IToF, reg()))
            .rule(X86Op.SetFE, mach(MachOp.FEq, reg(), reg())).rule(X86Op.SetFNe, mach(MachOp.FNe, reg(), reg()))
            .rule(X86Op.SetFL, mach(MachOp.FLt, reg(), reg())).rule(X86Op.SetFLe, mach(MachOp.FLe, reg(), reg()))
            .rule(X86Op.SetFG, mach(MachOp.FGt, reg(), reg())).rule(X86Op.SetFGe, mach(MachOp.FGe, reg(), reg()))
            .rule(X86Op.SetPE, mach(MachOp.PtrEq, reg(), reg())).rule(X86Op.SetPNe, mach(MachOp.PtrNe, reg(), reg()))
            .rule(X86Op.LoadWord, field(Lir.Ty.I64, reg())).rule(X86Op.LoadWordP, field(Lir.Ty.Ptr, reg()))
            .rule(X86Op.LoadWordSd, field(Lir.Ty.F64, reg())).rule(X86Op.StoreWord, setField(reg(), reg()))
            .rule(X86Op.LoadGlobal, global(Lir.Ty.I64)).rule(X86Op.LoadGlobalP, global(Lir.Ty.Ptr))
            .rule(X86Op.LoadGlobalSd, global(Lir.Ty.F64)).rule(X86Op.StoreGlobal, setGlobal(reg()))
            .branch(X86Op.Jnz, reg())
            .branch(X86Op.Je, mach(MachOp.Eq, reg(), reg())).branch(X86Op.Jne, mach(MachOp.Ne, reg(), reg()))
            .branch(X86Op.Jl, mach(MachOp.Lt, reg(), reg())).branch(X86Op.Jle, mach(MachOp.Le, reg(), reg()))
            .branch(X86Op.Jg, mach(MachOp.Gt, reg(), reg())).branch(X86Op.Jge, mach(MachOp.Ge, reg(), reg()))
            .branch(X86Op.JeI, mach(MachOp.Eq, reg(), imm(IMM))).branch(X86Op.JneI, mach(MachOp.Ne, reg(), imm(IMM)))
            .branch(X86Op.JlI, mach(MachOp.Lt, reg(), imm(IMM))).branch(X86Op.JleI, mach(MachOp.Le, reg(), imm(IMM)))
            .branch(X86Op.JgI, mach(MachOp.Gt, reg(), imm(IMM))).branch(X86Op.JgeI, mach(MachOp.Ge, reg(), imm(IMM)))
            .build();

    /** For ServiceLoader. */
    public X86Isa() {}

    @Override
    public String name() {
        return "x86-64";
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
        return List.of(X86Op.class, X86Class.class);
    }
}
