package nanopy.targets.regvm;

import io.vavr.collection.List;
import nanopy.ir.Span;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.py.PyTyped.PrimOp;
import nanopy.mach.MachCode;

/**
 * Instruction selection for primitives: a typed opcode where the VM has one (int and float
 * arithmetic and comparisons, string concatenation, list access), else {@code Apply} of PyTyped's
 * implementation over boxed operands.
 */
final class PrimSelector {
    private final FunctionSelector fs;

    PrimSelector(FunctionSelector fs) {
        this.fs = fs;
    }

    /** Whether a branch on {@code p} becomes one compare-and-branch. */
    static boolean fusable(Blocks.Prim p) {
        return typedCompare(p.op()) != null && !mixedCompare(p);
    }

    /**
     * A float comparison with an int operand: it runs in the shared runtime, which compares exactly
     * ({@code 2**53 + 1 == 2.0**53} is false), never by converting the int to a double.
     */
    private static boolean mixedCompare(Blocks.Prim p) {
        return floatOp(p.op()) && typedCompare(p.op()) != null && p.args().exists(a -> Types.isInt(Types.typeOf(a)));
    }

    static RegVmOp compareOpcode(Blocks.Prim p) {
        return typedCompare(p.op());
    }

    private static RegVmOp typedCompare(PrimOp op) {
        return switch (op) {
            case IntEq -> RegVmOp.EqI64;
            case IntNe -> RegVmOp.NeI64;
            case IntLt -> RegVmOp.LtI64;
            case IntLe -> RegVmOp.LeI64;
            case IntGt -> RegVmOp.GtI64;
            case IntGe -> RegVmOp.GeI64;
            case FloatEq -> RegVmOp.EqF64;
            case FloatNe -> RegVmOp.NeF64;
            case FloatLt -> RegVmOp.LtF64;
            case FloatLe -> RegVmOp.LeF64;
            case FloatGt -> RegVmOp.GtF64;
            case FloatGe -> RegVmOp.GeF64;
            default -> null;
        };
    }

    private static RegVmOp typed(PrimOp op) {
        RegVmOp cmp = typedCompare(op);
        if (cmp != null) {
            return cmp;
        }
        return switch (op) {
            case IntAdd -> RegVmOp.AddI64;
            case IntSub -> RegVmOp.SubI64;
            case IntMul -> RegVmOp.MulI64;
            case IntFloorDiv -> RegVmOp.FloorDivI64;
            case IntMod -> RegVmOp.ModI64;
            case IntNeg -> RegVmOp.NegI64;
            case IntToFloat -> RegVmOp.I64ToF64;
            case FloatAdd -> RegVmOp.AddF64;
            case FloatSub -> RegVmOp.SubF64;
            case FloatMul -> RegVmOp.MulF64;
            case FloatDiv -> RegVmOp.DivF64;
            case FloatNeg -> RegVmOp.NegF64;
            case FloatPow -> RegVmOp.PowF64;
            case FloatToInt -> RegVmOp.F64ToI64;
            case BoolEq -> RegVmOp.EqBool;
            case BoolNe -> RegVmOp.NeBool;
            case Not -> RegVmOp.NotBool;
            case StrEq -> RegVmOp.EqStr;
            case StrNe -> RegVmOp.NeStr;
            case StrConcat -> RegVmOp.ConcatStr;
            case StrLen -> RegVmOp.LenStr;
            case StrIndex -> RegVmOp.IndexStr;
            case ListLen -> RegVmOp.LenList;
            case TupleLen -> RegVmOp.LenTuple;
            default -> null;
        };
    }

    private static boolean floatOp(PrimOp op) {
        return op.name().startsWith("Float") && op != PrimOp.FloatToInt;
    }

    /** The operands of a typed primitive, ints converted to floats for float arithmetic (never for comparisons: see {@link #fusable}). */
    List<MachCode.Operand> compareOperands(Blocks.Prim p) {
        List<MachCode.Operand> out = List.empty();
        for (Blocks.Atom a : p.args()) {
            MachCode.VReg v = fs.atom(a);
            if (floatOp(p.op()) && Types.isInt(Types.typeOf(a))) {
                MachCode.VReg f = fs.fresh(RegVmBank.PrimBank, a.span());
                fs.add(RegVmOp.I64ToF64, List.of(f), List.of(v), List.empty(), a.span());
                v = f;
            }
            out = out.append(v);
        }
        return out;
    }

    private static RegVmOp immediate(PrimOp op) {
        return switch (op) {
            case IntAdd -> RegVmOp.AddI64Imm;
            case IntSub -> RegVmOp.SubI64Imm;
            case IntMul -> RegVmOp.MulI64Imm;
            case IntEq -> RegVmOp.EqI64Imm;
            case IntNe -> RegVmOp.NeI64Imm;
            case IntLt -> RegVmOp.LtI64Imm;
            case IntLe -> RegVmOp.LeI64Imm;
            case IntGt -> RegVmOp.GtI64Imm;
            case IntGe -> RegVmOp.GeI64Imm;
            default -> null;
        };
    }

    private static boolean small(Blocks.Atom a) {
        return a instanceof Blocks.IntLit(long v, Span s) && v == (int) v;
    }

    /**
     * The immediate form of {@code p} when its second operand (or, for + and *, its first) is a
     * 32-bit int literal: the opcode, the register operand and the immediate; else null.
     */
    ImmediateForm immediateForm(Blocks.Prim p) {
        RegVmOp op = immediate(p.op());
        if (op == null || p.args().size() != 2) {
            return null;
        }
        Blocks.Atom a = p.args().get(0);
        Blocks.Atom b = p.args().get(1);
        boolean commutes = p.op() == PrimOp.IntAdd || p.op() == PrimOp.IntMul;
        if (!small(b) && commutes && small(a)) {
            Blocks.Atom t = a;
            a = b;
            b = t;
        }
        if (!small(b) || small(a)) {
            return null;
        }
        return new ImmediateForm(op, fs.atom(a), new MachCode.IntImm(((Blocks.IntLit) b).value(), b.span()));
    }

    /** An int operation with a constant second operand. */
    record ImmediateForm(RegVmOp op, MachCode.VReg operand, MachCode.IntImm imm) {}

    /** Evaluates {@code p} into {@code dst}. */
    void prim(Blocks.Prim p, MachCode.VReg dst) {
        Span sp = p.span();
        ImmediateForm imm = immediateForm(p);
        if (imm != null) {
            fs.add(imm.op(), List.of(dst), List.of(imm.operand()), List.of(imm.imm()), sp);
            return;
        }
        RegVmOp op = mixedCompare(p) ? null : typed(p.op());
        if (op != null) {
            fs.add(op, List.of(dst), compareOperands(p), List.empty(), sp);
            return;
        }
        switch (p.op()) {
            case ListIndex -> fs.add(Types.listGet(p.type()), List.of(dst), operands(p), List.empty(), sp);
            case ListAppend -> {
                append(p);
                fs.add(RegVmOp.ConstNone, List.of(dst), List.empty(), List.empty(), sp);
            }
            case ToStr -> {
                Closed.Type t = Types.typeOf(p.args().head());
                RegVmOp conv = t instanceof Closed.StrType ? RegVmOp.MovR : Types.toStr(t);
                fs.add(conv, List.of(dst), operands(p), List.empty(), sp);
            }
            case Truthy -> truthy(p, dst);
            default -> apply(p, dst);
        }
    }

    /** {@code xs.append(x)} for its effect: one typed append, no None result. */
    void append(Blocks.Prim p) {
        fs.add(Types.append(Types.typeOf(p.args().get(1))), List.empty(), operands(p), List.empty(), p.span());
    }

    private void truthy(Blocks.Prim p, MachCode.VReg dst) {
        Blocks.Atom a = p.args().head();
        Span sp = p.span();
        switch (Types.typeOf(a)) {
            case Closed.BoolType b -> fs.add(RegVmOp.MovP, List.of(dst), List.of(fs.atom(a)), List.empty(), sp);
            case Closed.IntType i -> fs.add(RegVmOp.NeI64, List.of(dst), List.of(fs.atom(a), fs.atom(new Blocks.IntLit(0, sp))), List.empty(), sp);
            case Closed.FloatType f -> fs.add(RegVmOp.NeF64, List.of(dst), List.of(fs.atom(a), fs.atom(new Blocks.FloatLit(0.0, sp))), List.empty(), sp);
            default -> apply(p, dst);
        }
    }

    private List<MachCode.Operand> operands(Blocks.Prim p) {
        return p.args().map(a -> (MachCode.Operand) fs.atom(a));
    }

    private void apply(Blocks.Prim p, MachCode.VReg dst) {
        Span sp = p.span();
        List<MachCode.Operand> srcs = p.args().map(fs::boxed);
        List<MachCode.Imm> imms = List.of(new MachCode.StrImm(p.op().name(), sp));
        fs.unboxInto(dst, p.type(), sp, r -> fs.add(RegVmOp.Apply, List.of(r), srcs, imms, sp));
    }
}
