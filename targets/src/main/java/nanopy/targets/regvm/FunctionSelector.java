package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.mach.MachCode;

/** Instruction selection for one function: holds the temporary counter and the current block's instructions. */
final class FunctionSelector {
    private int temps;
    private final ArrayList<MachCode.Instr> out = new ArrayList<>();

    MachCode.Function function(String name, List<Closed.Local> params, List<Blocks.Block> blocks, Span span) {
        List<MachCode.Operand> ps = params.map(p -> (MachCode.Operand) new MachCode.VReg(p.name(), Types.bank(p.type()), p.span()));
        return HoistConstants.hoist(new MachCode.Function(name, ps, blocks.map(this::block), span));
    }

    private MachCode.Block block(Blocks.Block b) {
        out.clear();
        for (Blocks.Stmt s : b.body()) {
            stmt(s);
        }
        MachCode.Tail t = tail(b.tail());
        return new MachCode.Block(b.label(), List.ofAll(out), t, b.span());
    }

    private MachCode.VReg temp(MachCode.RegClass bank, Span sp) {
        return new MachCode.VReg("%" + (++temps), bank, sp);
    }

    private void emit(RegVmOp op, List<MachCode.Operand> dsts, List<MachCode.Operand> srcs, List<MachCode.Imm> imms, Span sp) {
        out.add(new MachCode.Instr(op, dsts, srcs, imms, sp));
    }

    private void emit(RegVmOp op, MachCode.Operand dst, List<MachCode.Operand> srcs, Span sp) {
        emit(op, List.of(dst), srcs, List.empty(), sp);
    }

    private void stmt(Blocks.Stmt s) {
        switch (s) {
            case Blocks.Assign(Blocks.Target t, Blocks.Expr e, Span sp) -> assign(t, e, sp);
            case Blocks.Init(Blocks.Atom obj, int index, Blocks.Atom value, Span sp) ->
                    emit(RegVmOp.InitRef, List.empty(), List.of(atom(obj), boxed(value)), List.of(new MachCode.IntImm(index, sp)), sp);
            case Blocks.ExprStmt(Blocks.Expr e, Span sp) -> effect(e, sp);
            case Blocks.Catch c -> throw new IllegalStateException("try/except reached select-instructions (rejected before) at " + c.span());
        }
    }

    private void assign(Blocks.Target t, Blocks.Expr e, Span sp) {
        switch (t) {
            case Blocks.VarTarget(String name, Closed.Type type, Span s) -> expr(e, new MachCode.VReg(name, Types.bank(type), s));
            case Blocks.GlobalTarget(String name, Closed.Type type, Span s) -> {
                MachCode.VReg v = temp(Types.bank(type), s);
                expr(e, v);
                RegVmOp op = v.cls() == RegVmBank.PrimBank ? RegVmOp.StoreGlobalP : RegVmOp.StoreGlobalR;
                emit(op, List.empty(), List.of(v), List.of(new MachCode.SymImm(name, s)), sp);
            }
            case Blocks.ItemTarget(Blocks.Atom list, Blocks.Atom index, Closed.Type type, Span s) -> {
                MachCode.VReg v = temp(Types.bank(type), s);
                expr(e, v);
                emit(Types.listSet(type), List.empty(), List.of(atom(list), atom(index), v), List.empty(), sp);
            }
            case Blocks.RecordTarget(Blocks.Atom env, int hops, int slot, Closed.Type type, Span s) -> {
                MachCode.VReg v = temp(Types.bank(type), s);
                expr(e, v);
                emit(RegVmOp.RecordSetRef, List.empty(), List.of(atom(env), box(v, type, s)),
                        List.of(new MachCode.IntImm(hops, s), new MachCode.IntImm(slot, s)), sp);
            }
            default -> throw new IllegalArgumentException("select-instructions: unexpected target " + t);
        }
    }

    /** An expression evaluated for its effect only. */
    private void effect(Blocks.Expr e, Span sp) {
        switch (e) {
            case Blocks.Call(Blocks.Atom fn, List<Blocks.Atom> args, Closed.Type type, Span s) ->
                    emit(RegVmOp.Call, List.empty(), call(fn, args), List.empty(), s);
            case Blocks.Print p -> print(p);
            case Blocks.Prim p when p.op() == nanopy.py.PyTyped.PrimOp.ListAppend -> new PrimSelector(this).append(p);
            default -> expr(e, temp(Types.bank(Types.typeOf(e)), sp));
        }
    }

    private void print(Blocks.Print p) {
        List<MachCode.Operand> srcs = p.args().map(a -> strOf(a, p.span()));
        emit(RegVmOp.Print, List.empty(), srcs.append(atom(p.sep())).append(atom(p.end())), List.empty(), p.span());
    }

    private MachCode.Operand strOf(Blocks.Atom a, Span sp) {
        Closed.Type t = Types.typeOf(a);
        if (t instanceof Closed.StrType) {
            return atom(a);
        }
        MachCode.VReg v = temp(RegVmBank.RefBank, sp);
        emit(Types.toStr(t), v, List.of(atom(a)), sp);
        return v;
    }

    /** Evaluates {@code e} into {@code dst}. */
    private void expr(Blocks.Expr e, MachCode.VReg dst) {
        Span sp = e.span();
        switch (e) {
            case Blocks.Atom a -> atomInto(a, dst);
            case Blocks.GlobalVar(String name, Closed.Type type, Span s) ->
                    emit(dst.cls() == RegVmBank.PrimBank ? RegVmOp.LoadGlobalP : RegVmOp.LoadGlobalR, List.of(dst), List.empty(),
                            List.of(new MachCode.SymImm(name, s)), s);
            case Blocks.Prim p -> new PrimSelector(this).prim(p, dst);
            case Blocks.Call(Blocks.Atom fn, List<Blocks.Atom> args, Closed.Type type, Span s) ->
                    emit(RegVmOp.Call, dst, call(fn, args), s);
            case Blocks.Print p -> {
                print(p);
                emit(RegVmOp.ConstNone, dst, List.empty(), sp);
            }
            case Blocks.TupleGet(Blocks.Atom tuple, int index, Closed.Type type, Span s) -> unboxInto(dst, type, s,
                    r -> emit(RegVmOp.TupleGetRef, List.of(r), List.of(atom(tuple)), List.of(new MachCode.IntImm(index, s)), s));
            case Blocks.RecordGet(Blocks.Atom env, int hops, int slot, Closed.Type type, Span s) -> unboxInto(dst, type, s,
                    r -> emit(RegVmOp.RecordGetRef, List.of(r), List.of(atom(env)),
                            List.of(new MachCode.IntImm(hops, s), new MachCode.IntImm(slot, s)), s));
            case Blocks.Allocate(var kind, int size, Closed.Type type, Span s) -> {
                RegVmOp op = switch (kind) {
                    case ListObj -> RegVmOp.NewList;
                    case TupleObj -> RegVmOp.NewTuple;
                    case RecordObj -> RegVmOp.NewRecord;
                };
                emit(op, List.of(dst), List.empty(), List.of(new MachCode.IntImm(size, s)), s);
            }
            case Blocks.AllocateClosure(String code, Closed.Type type, Span s) ->
                    emit(RegVmOp.NewClosure, List.of(dst), List.empty(), List.of(new MachCode.SymImm(code, s)), s);
            default -> throw new IllegalArgumentException("select-instructions: unexpected expression " + e);
        }
    }

    /** Runs {@code producer} into a RefBank register, then moves or unboxes it into {@code dst}. */
    void unboxInto(MachCode.VReg dst, Closed.Type type, Span sp, java.util.function.Consumer<MachCode.VReg> producer) {
        if (dst.cls() == RegVmBank.RefBank) {
            producer.accept(dst);
            return;
        }
        MachCode.VReg r = temp(RegVmBank.RefBank, sp);
        producer.accept(r);
        emit(Types.unbox(type), dst, List.of(r), sp);
    }

    /** A RefBank operand holding {@code v} (of static type {@code type}), boxing a PrimBank value. */
    MachCode.Operand box(MachCode.VReg v, Closed.Type type, Span sp) {
        if (v.cls() == RegVmBank.RefBank) {
            return v;
        }
        MachCode.VReg r = temp(RegVmBank.RefBank, sp);
        emit(Types.box(type), r, List.of(v), sp);
        return r;
    }

    MachCode.Operand boxed(Blocks.Atom a) {
        MachCode.VReg v = atom(a);
        return box(v, Types.typeOf(a), a.span());
    }

    void atomInto(Blocks.Atom a, MachCode.VReg dst) {
        Span sp = a.span();
        switch (a) {
            case Blocks.Var(String name, Closed.Type type, Span s) ->
                    emit(dst.cls() == RegVmBank.PrimBank ? RegVmOp.MovP : RegVmOp.MovR, dst, List.of(new MachCode.VReg(name, Types.bank(type), s)), s);
            case Blocks.IntLit(long v, Span s) -> emit(RegVmOp.ConstI64, List.of(dst), List.empty(), List.of(new MachCode.IntImm(v, s)), s);
            case Blocks.BoolLit(boolean v, Span s) -> emit(RegVmOp.ConstI64, List.of(dst), List.empty(), List.of(new MachCode.IntImm(v ? 1 : 0, s)), s);
            case Blocks.FloatLit(double v, Span s) -> emit(RegVmOp.ConstF64, List.of(dst), List.empty(), List.of(new MachCode.FloatImm(v, s)), s);
            case Blocks.StrLit(String v, Span s) -> emit(RegVmOp.ConstStr, List.of(dst), List.empty(), List.of(new MachCode.StrImm(v, s)), s);
            case Blocks.NoneLit n -> emit(RegVmOp.ConstNone, dst, List.empty(), sp);
        }
    }

    /** The register holding atom {@code a}: its variable's, or a temporary loaded with the constant. */
    MachCode.VReg atom(Blocks.Atom a) {
        if (a instanceof Blocks.Var(String name, Closed.Type type, Span s)) {
            return new MachCode.VReg(name, Types.bank(type), s);
        }
        MachCode.VReg t = temp(Types.bank(Types.typeOf(a)), a.span());
        atomInto(a, t);
        return t;
    }

    private List<MachCode.Operand> call(Blocks.Atom fn, List<Blocks.Atom> args) {
        return args.map(a -> (MachCode.Operand) atom(a)).prepend(atom(fn));
    }

    MachCode.VReg fresh(RegVmBank bank, Span sp) {
        return temp(bank, sp);
    }

    void add(RegVmOp op, List<MachCode.Operand> dsts, List<MachCode.Operand> srcs, List<MachCode.Imm> imms, Span sp) {
        emit(op, dsts, srcs, imms, sp);
    }

    private MachCode.Tail tail(Blocks.Tail t) {
        return switch (t) {
            case Blocks.Goto(String label, Span sp) -> new MachCode.Jump(label, sp);
            case Blocks.Return(Blocks.Atom value, Span sp) -> value instanceof Blocks.NoneLit
                    ? new MachCode.Ret(io.vavr.control.Option.none(), sp)
                    : new MachCode.Ret(io.vavr.control.Option.of(atom(value)), sp);
            case Blocks.TailCall(Blocks.Atom fn, List<Blocks.Atom> args, Closed.Type type, Span sp) ->
                    new MachCode.TailCall(call(fn, args), sp);
            case Blocks.Branch(Blocks.Expr test, String then, String orelse, Span sp) -> branch(test, then, orelse, sp);
            case Blocks.Raise r -> throw new IllegalStateException("raise reached select-instructions (rejected before) at " + r.span());
        };
    }

    private MachCode.Tail branch(Blocks.Expr test, String then, String orelse, Span sp) {
        if (test instanceof Blocks.Prim p && PrimSelector.fusable(p)) {
            PrimSelector ps = new PrimSelector(this);
            PrimSelector.ImmediateForm imm = ps.immediateForm(p);
            if (imm != null) {
                return new MachCode.Br(imm.op(), List.of(imm.operand()), List.of(imm.imm()), then, orelse, sp);
            }
            return new MachCode.Br(PrimSelector.compareOpcode(p), ps.compareOperands(p), List.empty(), then, orelse, sp);
        }
        if (test instanceof Blocks.Var(String name, Closed.Type type, Span s)) {
            return new MachCode.Br(RegVmOp.BrTrue, List.of(new MachCode.VReg(name, Types.bank(type), s)), List.empty(), then, orelse, sp);
        }
        MachCode.VReg v = temp(RegVmBank.PrimBank, sp);
        expr(test, v);
        return new MachCode.Br(RegVmOp.BrTrue, List.of(v), List.empty(), then, orelse, sp);
    }
}
