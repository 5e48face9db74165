package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.regvm.RegCode;
import nanopy.regvm.RegCode.Bank;
import nanopy.regvm.RegCode.Opcode;

/** Instruction selection for one function: holds the temporary counter and the current block's instructions. */
final class FunctionSelector {
    private int temps;
    private final ArrayList<RegCode.Instr> out = new ArrayList<>();

    RegCode.Function function(String name, List<Closed.Local> params, List<Blocks.Block> blocks, Span span) {
        List<RegCode.Operand> ps = params.map(p -> (RegCode.Operand) new RegCode.VReg(p.name(), Types.bank(p.type()), p.span()));
        return HoistConstants.hoist(new RegCode.Function(name, ps, blocks.map(this::block), span));
    }

    private RegCode.Block block(Blocks.Block b) {
        out.clear();
        for (Blocks.Stmt s : b.body()) {
            stmt(s);
        }
        RegCode.Tail t = tail(b.tail());
        return new RegCode.Block(b.label(), List.ofAll(out), t, b.span());
    }

    private RegCode.VReg temp(Bank bank, Span sp) {
        return new RegCode.VReg("%" + (++temps), bank, sp);
    }

    private void emit(Opcode op, List<RegCode.Operand> dsts, List<RegCode.Operand> srcs, List<RegCode.Imm> imms, Span sp) {
        out.add(new RegCode.Instr(op, dsts, srcs, imms, sp));
    }

    private void emit(Opcode op, RegCode.Operand dst, List<RegCode.Operand> srcs, Span sp) {
        emit(op, List.of(dst), srcs, List.empty(), sp);
    }

    private void stmt(Blocks.Stmt s) {
        switch (s) {
            case Blocks.Assign(Blocks.Target t, Blocks.Expr e, Span sp) -> assign(t, e, sp);
            case Blocks.Init(Blocks.Atom obj, int index, Blocks.Atom value, Span sp) ->
                    emit(Opcode.InitRef, List.empty(), List.of(atom(obj), boxed(value)), List.of(new RegCode.IntImm(index, sp)), sp);
            case Blocks.ExprStmt(Blocks.Expr e, Span sp) -> effect(e, sp);
        }
    }

    private void assign(Blocks.Target t, Blocks.Expr e, Span sp) {
        switch (t) {
            case Blocks.VarTarget(String name, Closed.Type type, Span s) -> expr(e, new RegCode.VReg(name, Types.bank(type), s));
            case Blocks.GlobalTarget(String name, Closed.Type type, Span s) -> {
                RegCode.VReg v = temp(Types.bank(type), s);
                expr(e, v);
                Opcode op = v.bank() == Bank.PrimBank ? Opcode.StoreGlobalP : Opcode.StoreGlobalR;
                emit(op, List.empty(), List.of(v), List.of(new RegCode.GlobalImm(name, v.bank(), s)), sp);
            }
            case Blocks.ItemTarget(Blocks.Atom list, Blocks.Atom index, Closed.Type type, Span s) -> {
                RegCode.VReg v = temp(Types.bank(type), s);
                expr(e, v);
                emit(Types.listSet(type), List.empty(), List.of(atom(list), atom(index), v), List.empty(), sp);
            }
            case Blocks.RecordTarget(Blocks.Atom env, int hops, int slot, Closed.Type type, Span s) -> {
                RegCode.VReg v = temp(Types.bank(type), s);
                expr(e, v);
                emit(Opcode.RecordSetRef, List.empty(), List.of(atom(env), box(v, type, s)),
                        List.of(new RegCode.IntImm(hops, s), new RegCode.IntImm(slot, s)), sp);
            }
            default -> throw new IllegalArgumentException("select-instructions: unexpected target " + t);
        }
    }

    /** An expression evaluated for its effect only. */
    private void effect(Blocks.Expr e, Span sp) {
        switch (e) {
            case Blocks.Call(Blocks.Atom fn, List<Blocks.Atom> args, Closed.Type type, Span s) ->
                    emit(Opcode.Call, List.empty(), call(fn, args), List.empty(), s);
            case Blocks.Print p -> print(p);
            case Blocks.Prim p when p.op() == nanopy.py.PyTyped.PrimOp.ListAppend -> new PrimSelector(this).append(p);
            default -> expr(e, temp(Types.bank(Types.typeOf(e)), sp));
        }
    }

    private void print(Blocks.Print p) {
        List<RegCode.Operand> srcs = p.args().map(a -> strOf(a, p.span()));
        emit(Opcode.Print, List.empty(), srcs.append(atom(p.sep())).append(atom(p.end())), List.empty(), p.span());
    }

    private RegCode.Operand strOf(Blocks.Atom a, Span sp) {
        Closed.Type t = Types.typeOf(a);
        if (t instanceof Closed.StrType) {
            return atom(a);
        }
        RegCode.VReg v = temp(Bank.RefBank, sp);
        emit(Types.toStr(t), v, List.of(atom(a)), sp);
        return v;
    }

    /** Evaluates {@code e} into {@code dst}. */
    private void expr(Blocks.Expr e, RegCode.VReg dst) {
        Span sp = e.span();
        switch (e) {
            case Blocks.Atom a -> atomInto(a, dst);
            case Blocks.GlobalVar(String name, Closed.Type type, Span s) ->
                    emit(dst.bank() == Bank.PrimBank ? Opcode.LoadGlobalP : Opcode.LoadGlobalR, List.of(dst), List.empty(),
                            List.of(new RegCode.GlobalImm(name, dst.bank(), s)), s);
            case Blocks.Prim p -> new PrimSelector(this).prim(p, dst);
            case Blocks.Call(Blocks.Atom fn, List<Blocks.Atom> args, Closed.Type type, Span s) ->
                    emit(Opcode.Call, dst, call(fn, args), s);
            case Blocks.Print p -> {
                print(p);
                emit(Opcode.ConstNone, dst, List.empty(), sp);
            }
            case Blocks.TupleGet(Blocks.Atom tuple, int index, Closed.Type type, Span s) -> unboxInto(dst, type, s,
                    r -> emit(Opcode.TupleGetRef, List.of(r), List.of(atom(tuple)), List.of(new RegCode.IntImm(index, s)), s));
            case Blocks.RecordGet(Blocks.Atom env, int hops, int slot, Closed.Type type, Span s) -> unboxInto(dst, type, s,
                    r -> emit(Opcode.RecordGetRef, List.of(r), List.of(atom(env)),
                            List.of(new RegCode.IntImm(hops, s), new RegCode.IntImm(slot, s)), s));
            case Blocks.Allocate(var kind, int size, Closed.Type type, Span s) -> {
                Opcode op = switch (kind) {
                    case ListObj -> Opcode.NewList;
                    case TupleObj -> Opcode.NewTuple;
                    case RecordObj -> Opcode.NewRecord;
                };
                emit(op, List.of(dst), List.empty(), List.of(new RegCode.IntImm(size, s)), s);
            }
            case Blocks.AllocateClosure(String code, Closed.Type type, Span s) ->
                    emit(Opcode.NewClosure, List.of(dst), List.empty(), List.of(new RegCode.CodeImm(code, s)), s);
            default -> throw new IllegalArgumentException("select-instructions: unexpected expression " + e);
        }
    }

    /** Runs {@code producer} into a RefBank register, then moves or unboxes it into {@code dst}. */
    void unboxInto(RegCode.VReg dst, Closed.Type type, Span sp, java.util.function.Consumer<RegCode.VReg> producer) {
        if (dst.bank() == Bank.RefBank) {
            producer.accept(dst);
            return;
        }
        RegCode.VReg r = temp(Bank.RefBank, sp);
        producer.accept(r);
        emit(Types.unbox(type), dst, List.of(r), sp);
    }

    /** A RefBank operand holding {@code v} (of static type {@code type}), boxing a PrimBank value. */
    RegCode.Operand box(RegCode.VReg v, Closed.Type type, Span sp) {
        if (v.bank() == Bank.RefBank) {
            return v;
        }
        RegCode.VReg r = temp(Bank.RefBank, sp);
        emit(Types.box(type), r, List.of(v), sp);
        return r;
    }

    RegCode.Operand boxed(Blocks.Atom a) {
        RegCode.VReg v = atom(a);
        return box(v, Types.typeOf(a), a.span());
    }

    void atomInto(Blocks.Atom a, RegCode.VReg dst) {
        Span sp = a.span();
        switch (a) {
            case Blocks.Var(String name, Closed.Type type, Span s) ->
                    emit(dst.bank() == Bank.PrimBank ? Opcode.MovP : Opcode.MovR, dst, List.of(new RegCode.VReg(name, Types.bank(type), s)), s);
            case Blocks.IntLit(long v, Span s) -> emit(Opcode.ConstI64, List.of(dst), List.empty(), List.of(new RegCode.IntImm(v, s)), s);
            case Blocks.BoolLit(boolean v, Span s) -> emit(Opcode.ConstI64, List.of(dst), List.empty(), List.of(new RegCode.IntImm(v ? 1 : 0, s)), s);
            case Blocks.FloatLit(double v, Span s) -> emit(Opcode.ConstF64, List.of(dst), List.empty(), List.of(new RegCode.FloatImm(v, s)), s);
            case Blocks.StrLit(String v, Span s) -> emit(Opcode.ConstStr, List.of(dst), List.empty(), List.of(new RegCode.StrImm(v, s)), s);
            case Blocks.NoneLit n -> emit(Opcode.ConstNone, dst, List.empty(), sp);
        }
    }

    /** The register holding atom {@code a}: its variable's, or a temporary loaded with the constant. */
    RegCode.VReg atom(Blocks.Atom a) {
        if (a instanceof Blocks.Var(String name, Closed.Type type, Span s)) {
            return new RegCode.VReg(name, Types.bank(type), s);
        }
        RegCode.VReg t = temp(Types.bank(Types.typeOf(a)), a.span());
        atomInto(a, t);
        return t;
    }

    private List<RegCode.Operand> call(Blocks.Atom fn, List<Blocks.Atom> args) {
        return args.map(a -> (RegCode.Operand) atom(a)).prepend(atom(fn));
    }

    RegCode.VReg fresh(Bank bank, Span sp) {
        return temp(bank, sp);
    }

    void add(Opcode op, List<RegCode.Operand> dsts, List<RegCode.Operand> srcs, List<RegCode.Imm> imms, Span sp) {
        emit(op, dsts, srcs, imms, sp);
    }

    private RegCode.Tail tail(Blocks.Tail t) {
        return switch (t) {
            case Blocks.Goto(String label, Span sp) -> new RegCode.Jump(label, sp);
            case Blocks.Return(Blocks.Atom value, Span sp) -> value instanceof Blocks.NoneLit
                    ? new RegCode.Ret(io.vavr.control.Option.none(), sp)
                    : new RegCode.Ret(io.vavr.control.Option.of(atom(value)), sp);
            case Blocks.TailCall(Blocks.Atom fn, List<Blocks.Atom> args, Closed.Type type, Span sp) ->
                    new RegCode.TailCall(call(fn, args), sp);
            case Blocks.Branch(Blocks.Expr test, String then, String orelse, Span sp) -> branch(test, then, orelse, sp);
        };
    }

    private RegCode.Tail branch(Blocks.Expr test, String then, String orelse, Span sp) {
        if (test instanceof Blocks.Prim p && PrimSelector.fusable(p)) {
            PrimSelector ps = new PrimSelector(this);
            PrimSelector.ImmediateForm imm = ps.immediateForm(p);
            if (imm != null) {
                return new RegCode.Br(imm.op(), List.of(imm.operand()), List.of(imm.imm()), then, orelse, sp);
            }
            return new RegCode.Br(PrimSelector.compareOpcode(p), ps.compareOperands(p), List.empty(), then, orelse, sp);
        }
        if (test instanceof Blocks.Var(String name, Closed.Type type, Span s)) {
            return new RegCode.Br(Opcode.BrTrue, List.of(new RegCode.VReg(name, Types.bank(type), s)), List.empty(), then, orelse, sp);
        }
        RegCode.VReg v = temp(Bank.PrimBank, sp);
        expr(test, v);
        return new RegCode.Br(Opcode.BrTrue, List.of(v), List.empty(), then, orelse, sp);
    }
}
