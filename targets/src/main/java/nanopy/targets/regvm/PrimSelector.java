package nanopy.targets.regvm;

import io.vavr.collection.List;
import nanopy.ir.Span;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.py.PyTyped.PrimOp;
import nanopy.regvm.RegCode;
import nanopy.regvm.RegCode.Bank;
import nanopy.regvm.RegCode.Opcode;

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

    static Opcode compareOpcode(Blocks.Prim p) {
        return typedCompare(p.op());
    }

    private static Opcode typedCompare(PrimOp op) {
        return switch (op) {
            case IntEq -> Opcode.EqI64;
            case IntNe -> Opcode.NeI64;
            case IntLt -> Opcode.LtI64;
            case IntLe -> Opcode.LeI64;
            case IntGt -> Opcode.GtI64;
            case IntGe -> Opcode.GeI64;
            case FloatEq -> Opcode.EqF64;
            case FloatNe -> Opcode.NeF64;
            case FloatLt -> Opcode.LtF64;
            case FloatLe -> Opcode.LeF64;
            case FloatGt -> Opcode.GtF64;
            case FloatGe -> Opcode.GeF64;
            default -> null;
        };
    }

    private static Opcode typed(PrimOp op) {
        Opcode cmp = typedCompare(op);
        if (cmp != null) {
            return cmp;
        }
        return switch (op) {
            case IntAdd -> Opcode.AddI64;
            case IntSub -> Opcode.SubI64;
            case IntMul -> Opcode.MulI64;
            case IntFloorDiv -> Opcode.FloorDivI64;
            case IntMod -> Opcode.ModI64;
            case IntNeg -> Opcode.NegI64;
            case IntToFloat -> Opcode.I64ToF64;
            case FloatAdd -> Opcode.AddF64;
            case FloatSub -> Opcode.SubF64;
            case FloatMul -> Opcode.MulF64;
            case FloatDiv -> Opcode.DivF64;
            case FloatNeg -> Opcode.NegF64;
            case FloatPow -> Opcode.PowF64;
            case FloatToInt -> Opcode.F64ToI64;
            case BoolEq -> Opcode.EqBool;
            case BoolNe -> Opcode.NeBool;
            case Not -> Opcode.NotBool;
            case StrEq -> Opcode.EqStr;
            case StrNe -> Opcode.NeStr;
            case StrConcat -> Opcode.ConcatStr;
            case StrLen -> Opcode.LenStr;
            case StrIndex -> Opcode.IndexStr;
            case ListLen -> Opcode.LenList;
            case TupleLen -> Opcode.LenTuple;
            default -> null;
        };
    }

    private static boolean floatOp(PrimOp op) {
        return op.name().startsWith("Float") && op != PrimOp.FloatToInt;
    }

    /** The operands of a typed primitive, ints converted to floats for float arithmetic (never for comparisons: see {@link #fusable}). */
    List<RegCode.Operand> compareOperands(Blocks.Prim p) {
        List<RegCode.Operand> out = List.empty();
        for (Blocks.Atom a : p.args()) {
            RegCode.VReg v = fs.atom(a);
            if (floatOp(p.op()) && Types.isInt(Types.typeOf(a))) {
                RegCode.VReg f = fs.fresh(Bank.PrimBank, a.span());
                fs.add(Opcode.I64ToF64, List.of(f), List.of(v), List.empty(), a.span());
                v = f;
            }
            out = out.append(v);
        }
        return out;
    }

    private static Opcode immediate(PrimOp op) {
        return switch (op) {
            case IntAdd -> Opcode.AddI64Imm;
            case IntSub -> Opcode.SubI64Imm;
            case IntMul -> Opcode.MulI64Imm;
            case IntEq -> Opcode.EqI64Imm;
            case IntNe -> Opcode.NeI64Imm;
            case IntLt -> Opcode.LtI64Imm;
            case IntLe -> Opcode.LeI64Imm;
            case IntGt -> Opcode.GtI64Imm;
            case IntGe -> Opcode.GeI64Imm;
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
        Opcode op = immediate(p.op());
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
        return new ImmediateForm(op, fs.atom(a), new RegCode.IntImm(((Blocks.IntLit) b).value(), b.span()));
    }

    /** An int operation with a constant second operand. */
    record ImmediateForm(Opcode op, RegCode.VReg operand, RegCode.IntImm imm) {}

    /** Evaluates {@code p} into {@code dst}. */
    void prim(Blocks.Prim p, RegCode.VReg dst) {
        Span sp = p.span();
        ImmediateForm imm = immediateForm(p);
        if (imm != null) {
            fs.add(imm.op(), List.of(dst), List.of(imm.operand()), List.of(imm.imm()), sp);
            return;
        }
        Opcode op = mixedCompare(p) ? null : typed(p.op());
        if (op != null) {
            fs.add(op, List.of(dst), compareOperands(p), List.empty(), sp);
            return;
        }
        switch (p.op()) {
            case ListIndex -> fs.add(Types.listGet(p.type()), List.of(dst), operands(p), List.empty(), sp);
            case ListAppend -> {
                append(p);
                fs.add(Opcode.ConstNone, List.of(dst), List.empty(), List.empty(), sp);
            }
            case ToStr -> {
                Closed.Type t = Types.typeOf(p.args().head());
                Opcode conv = t instanceof Closed.StrType ? Opcode.MovR : Types.toStr(t);
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

    private void truthy(Blocks.Prim p, RegCode.VReg dst) {
        Blocks.Atom a = p.args().head();
        Span sp = p.span();
        switch (Types.typeOf(a)) {
            case Closed.BoolType b -> fs.add(Opcode.MovP, List.of(dst), List.of(fs.atom(a)), List.empty(), sp);
            case Closed.IntType i -> fs.add(Opcode.NeI64, List.of(dst), List.of(fs.atom(a), fs.atom(new Blocks.IntLit(0, sp))), List.empty(), sp);
            case Closed.FloatType f -> fs.add(Opcode.NeF64, List.of(dst), List.of(fs.atom(a), fs.atom(new Blocks.FloatLit(0.0, sp))), List.empty(), sp);
            default -> apply(p, dst);
        }
    }

    private List<RegCode.Operand> operands(Blocks.Prim p) {
        return p.args().map(a -> (RegCode.Operand) fs.atom(a));
    }

    private void apply(Blocks.Prim p, RegCode.VReg dst) {
        Span sp = p.span();
        List<RegCode.Operand> srcs = p.args().map(fs::boxed);
        List<RegCode.Imm> imms = List.of(new RegCode.StrImm(p.op().name(), sp));
        fs.unboxInto(dst, p.type(), sp, r -> fs.add(Opcode.Apply, List.of(r), srcs, imms, sp));
    }
}
