package nanopy.passes.mach;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nanopy.ir.Span;
import nanopy.lir.Lir;
import nanopy.mach.MachCode;
import nanopy.mach.MachCode.Opcode;
import nanopy.mach.MachCode.RegClass;
import nanopy.passes.mach.MachineDescription.ArgLocation;
import nanopy.passes.mach.MachineDescription.InRegister;
import nanopy.passes.mach.MachineDescription.OnStack;

/**
 * Selects one function's instructions (for {@link SelectInstructions}). Each block becomes a list
 * of trees: a statement {@code t = e} whose temporary {@code t} is defined once and used once, in
 * the very next statement or tail of the block, is put in place of that use, so nothing moves
 * across another statement with an effect. Each tree is covered by maximal munch over the ISA's
 * {@link RuleTable}; calls, routine calls no rule covers, copies and returns follow the calling
 * convention of its {@link MachineDescription}: arguments in argument registers (or stack
 * arguments), the result in the result register, parameters copied out of them at entry (under a
 * windowed convention they stay virtual registers, precolored by allocate-registers). A Lir tail
 * call becomes a call and a return.
 */
final class FunctionSelector {
    /** The entry block that receives the parameters (a Lir label never starts with '%'). */
    static final String PARAMS = "%params";

    private final MachineDescription md;
    private final RuleTable rules;
    private final Map<String, Integer> uses = new HashMap<>();
    private final Map<String, Integer> defs = new HashMap<>();
    private final Map<String, Lir.Ty> types = new HashMap<>();
    private ArrayList<MachCode.Instr> code = new ArrayList<>();
    private int temps;

    FunctionSelector(Isa isa) {
        this.md = isa.machine();
        this.rules = isa.rules();
    }

    /** The register class of Lir type {@code ty} (a void value, never read, is kept as a pointer). */
    static RegClass classOf(MachineDescription md, Lir.Ty ty) {
        return md.classOf(ty == Lir.Ty.Void ? Lir.Ty.Ptr : ty);
    }

    MachCode.Function function(String name, List<Lir.Local> params, List<Lir.Local> locals, List<Lir.Block> blocks, Span sp) {
        locals.forEach(l -> types.put(l.name(), l.ty()));
        params.forEach(p -> defs.merge(p.name(), 2, Integer::sum));
        for (Lir.Block b : blocks) {
            for (Lir.Stmt s : b.body()) {
                if (s instanceof Lir.Assign a) {
                    defs.merge(a.name(), 1, Integer::sum);
                }
                count(s);
            }
            count(b.tail());
        }
        List<MachCode.Operand> ps = params.map(p -> vreg(p.name(), p.ty(), p.span()));
        List<MachCode.Block> out = List.empty();
        if (!md.convention().windowed()) {
            List<ArgLocation> locs = List.ofAll(md.arguments(ps.map(o -> ((MachCode.VReg) o).cls()).toJavaList()));
            List<MachCode.Operand> regs = List.empty();
            for (int i = 0; i < ps.size(); i++) {
                MachCode.VReg p = (MachCode.VReg) ps.get(i);
                switch (locs.get(i)) {
                    case InRegister r -> {
                        MachCode.Reg reg = new MachCode.Reg(r.cls(), r.index(), sp);
                        regs = regs.append(reg);
                        emit(md.file(p.cls()).move(), List.of(p), List.of(reg), List.empty(), sp);
                    }
                    case OnStack s -> emit(md.convention().argIn(), List.of(p), List.empty(), List.of(new MachCode.IntImm(s.k(), sp)), sp);
                }
            }
            if (!blocks.isEmpty()) {
                out = out.append(new MachCode.Block(PARAMS, take(), new MachCode.Jump(blocks.head().label(), sp), sp));
            }
            ps = regs;
        }
        for (Lir.Block b : blocks) {
            out = out.append(block(b));
        }
        return new MachCode.Function(name, ps, out, sp);
    }

    private void count(Object node) {
        switch (node) {
            case Lir.Var v -> uses.merge(v.name(), 1, Integer::sum);
            case Lir.Assign a -> count(a.value());
            case Lir.SetField s -> {
                count(s.object());
                count(s.value());
            }
            case Lir.StoreGlobal s -> count(s.value());
            case Lir.ExprStmt e -> count(e.value());
            case Lir.Mach m -> m.args().forEach(this::count);
            case Lir.CallRt c -> c.args().forEach(this::count);
            case Lir.Call c -> {
                count(c.code());
                c.args().forEach(this::count);
            }
            case Lir.Field f -> count(f.object());
            case Lir.Branch b -> count(b.test());
            case Lir.Return r -> count(r.value());
            case Lir.TailCall t -> {
                count(t.code());
                t.args().forEach(this::count);
            }
            default -> { }
        }
    }

    private List<MachCode.Instr> take() {
        List<MachCode.Instr> body = List.ofAll(code);
        code = new ArrayList<>();
        return body;
    }

    private MachCode.VReg vreg(String name, Lir.Ty ty, Span sp) {
        return new MachCode.VReg(name, classOf(md, ty), sp);
    }

    private MachCode.VReg temp(Lir.Ty ty, Span sp) {
        return vreg("%" + ++temps, ty, sp);
    }

    private void emit(Opcode op, List<MachCode.Operand> dsts, List<MachCode.Operand> srcs, List<MachCode.Imm> imms, Span sp) {
        code.add(new MachCode.Instr(op, dsts, srcs, imms, sp));
    }

    /** A temporary defined once and used once, which may be put in place of its use. */
    private boolean single(String name) {
        return uses.getOrDefault(name, 0) == 1 && defs.getOrDefault(name, 0) == 1;
    }

    /** Statement trees with single-use temporaries put in place; {@code pending} is the last one, not yet used. */
    private final class Trees {
        private String pendingName;
        private Tree pending;
        private boolean taken;

        Tree of(Lir.Atom a) {
            if (a instanceof Lir.Var v && v.name().equals(pendingName) && !taken) {
                taken = true;
                return pending;
            }
            return Tree.of(a);
        }

        Tree of(Lir.Expr e) {
            return switch (e) {
                case Lir.Atom a -> of(a);
                case Lir.Mach m -> new Tree(Tree.Kind.MACH, m.op(), atoms(m.args()), m.ty(), m.span());
                case Lir.CallRt c -> new Tree(Tree.Kind.RT, c.routine(), atoms(c.args()), c.ty(), c.span());
                case Lir.Call c -> new Tree(Tree.Kind.CALL, "", atoms(List.of(c.code()).appendAll(c.args())), c.ty(), c.span());
                case Lir.Field f -> new Tree(Tree.Kind.FIELD, f.index(), atoms(List.of(f.object())), f.ty(), f.span());
                case Lir.LoadGlobal g -> new Tree(Tree.Kind.GLOBAL, g.name(), java.util.List.of(), g.ty(), g.span());
            };
        }

        java.util.List<Tree> atoms(List<Lir.Atom> as) {
            java.util.List<Tree> out = new ArrayList<>();
            for (Lir.Atom a : as) {
                out.add(of(a));
            }
            return out;
        }

        /** Selects the pending statement unless the statement just turned into trees used it. */
        void flush() {
            if (pending != null && !taken) {
                assign(pendingName, pending);
            }
            pending = null;
            pendingName = null;
            taken = false;
        }
    }

    private MachCode.Block block(Lir.Block b) {
        Trees trees = new Trees();
        for (Lir.Stmt s : b.body()) {
            switch (s) {
                case Lir.Assign(String name, Lir.Expr value, Span sp) -> {
                    Tree t = trees.of(value);
                    trees.flush();
                    if (single(name) && !(value instanceof Lir.Atom)) {
                        trees.pendingName = name;
                        trees.pending = t;
                    } else {
                        assign(name, t);
                    }
                }
                case Lir.SetField(Lir.Atom object, int index, Lir.Atom value, Span sp) -> {
                    Tree t = new Tree(Tree.Kind.SET_FIELD, index, trees.atoms(List.of(object, value)), Lir.Ty.Void, sp);
                    trees.flush();
                    statement(t);
                }
                case Lir.StoreGlobal(String name, Lir.Atom value, Span sp) -> {
                    Tree t = new Tree(Tree.Kind.SET_GLOBAL, name, trees.atoms(List.of(value)), Lir.Ty.Void, sp);
                    trees.flush();
                    statement(t);
                }
                case Lir.ExprStmt(Lir.Expr value, Span sp) -> {
                    Tree t = trees.of(value);
                    trees.flush();
                    effect(t);
                }
            }
        }
        MachCode.Tail tail = switch (b.tail()) {
            case Lir.Goto(String label, Span sp) -> {
                trees.flush();
                yield new MachCode.Jump(label, sp);
            }
            case Lir.Branch(Lir.Atom test, String then, String orelse, Span sp) -> {
                Tree t = new Tree(Tree.Kind.BRANCH, "", java.util.List.of(trees.of(test)), Lir.Ty.Void, sp);
                trees.flush();
                RuleTable.Match m = rules.munch(t).orElseThrow(() -> noRule(t));
                List<MachCode.Operand> srcs = operands(m);
                yield new MachCode.Br(m.rule().op(), srcs, List.ofAll(m.imms()), then, orelse, sp);
            }
            case Lir.Return(Lir.Atom value, Span sp) -> {
                Tree t = trees.of(value);
                trees.flush();
                yield ret(t, sp);
            }
            case Lir.TailCall(Lir.Atom code, List<Lir.Atom> args, Lir.Ty ty, Span sp) -> {
                Tree t = new Tree(Tree.Kind.CALL, "", trees.atoms(List.of(code).appendAll(args)), ty, sp);
                trees.flush();
                yield ret(t, sp);
            }
        };
        return new MachCode.Block(b.label(), take(), tail, b.span());
    }

    private MachCode.Tail ret(Tree t, Span sp) {
        if (md.convention().windowed()) {
            return new MachCode.Ret(io.vavr.control.Option.some(reg(t)), sp);
        }
        MachCode.VReg v = reg(t);
        MachCode.Reg result = new MachCode.Reg(v.cls(), md.file(v.cls()).result(), sp);
        emit(md.file(v.cls()).move(), List.of(result), List.of(v), List.empty(), sp);
        return new MachCode.Ret(io.vavr.control.Option.some(result), sp);
    }

    private IllegalStateException noRule(Tree t) {
        return new IllegalStateException("instruction set " + md.name() + " has no rule for " + t.kind() + " " + t.key() + " (" + t.ty() + ") at " + t.span());
    }

    /** Selects {@code name = t}. */
    private void assign(String name, Tree t) {
        Lir.Ty ty = types.getOrDefault(name, t.ty());
        MachCode.VReg dst = vreg(name, ty, t.span());
        into(t, Optional.of(dst));
    }

    /** Selects {@code t} for its effect only. */
    private void effect(Tree t) {
        if (t.kind() == Tree.Kind.CALL || t.kind() == Tree.Kind.RT) {
            into(t, Optional.empty());
        }
    }

    /** Selects a statement tree (its pattern has no destination). */
    private void statement(Tree t) {
        RuleTable.Match m = rules.munch(t).orElseThrow(() -> noRule(t));
        List<MachCode.Operand> srcs = operands(m);
        emit(m.rule().op(), List.empty(), srcs, List.ofAll(m.imms()), t.span());
    }

    /** The register holding {@code t}'s value: a variable's own, or a temporary it is computed into. */
    private MachCode.VReg reg(Tree t) {
        if (t.kind() == Tree.Kind.VAR) {
            return vreg((String) t.key(), types.getOrDefault((String) t.key(), t.ty()), t.span());
        }
        MachCode.VReg tmp = temp(t.ty(), t.span());
        into(t, Optional.of(tmp));
        return tmp;
    }

    private List<MachCode.Operand> operands(RuleTable.Match m) {
        List<MachCode.Operand> out = List.empty();
        for (Tree t : m.operands()) {
            out = out.append(reg(t));
        }
        return out;
    }

    /** Computes {@code t} into {@code dst} (none: for its effect). */
    private void into(Tree t, Optional<MachCode.VReg> dst) {
        if (t.kind() == Tree.Kind.VAR) {
            dst.ifPresent(d -> emit(md.file(d.cls()).move(), List.of(d), List.of(reg(t)), List.empty(), t.span()));
            return;
        }
        Optional<RuleTable.Match> m = t.kind() == Tree.Kind.CALL ? Optional.empty() : rules.munch(t);
        if (m.isPresent()) {
            List<MachCode.Operand> srcs = operands(m.get());
            List<MachCode.Operand> dsts = t.ty() == Lir.Ty.Void ? List.empty() : List.ofAll(dst.stream().map(d -> (MachCode.Operand) d));
            emit(m.get().rule().op(), dsts, srcs, List.ofAll(m.get().imms()), t.span());
            if (t.ty() == Lir.Ty.Void) {
                dst.ifPresent(d -> into(new Tree(Tree.Kind.NULL, "", java.util.List.of(), Lir.Ty.Ptr, t.span()), Optional.of(d)));
            }
            return;
        }
        switch (t.kind()) {
            case CALL -> call(md.convention().call(), t.kids(), List.empty(), t.ty(), dst, t.span());
            case RT -> call(md.convention().callRt(), t.kids(), List.of(new MachCode.StrImm((String) t.key(), t.span())), t.ty(), dst, t.span());
            default -> throw noRule(t);
        }
    }

    /**
     * A call by the convention: operands into registers, arguments into argument registers or onto
     * the stack, the call, the result out of the result register into {@code dst}. For a function
     * call the first operand is the code, which stays in a virtual register.
     */
    private void call(Opcode op, java.util.List<Tree> operands, List<MachCode.Imm> imms, Lir.Ty ty, Optional<MachCode.VReg> dst, Span sp) {
        List<MachCode.VReg> vs = List.empty();
        for (Tree t : operands) {
            vs = vs.append(reg(t));
        }
        boolean fn = op == md.convention().call();
        List<MachCode.VReg> args = fn ? vs.tail() : vs;
        List<MachCode.Operand> srcs = fn ? List.of(vs.head()) : List.empty();
        boolean hasResult = ty != Lir.Ty.Void;
        if (md.convention().windowed()) {
            List<MachCode.Operand> ds = hasResult ? List.ofAll(dst.or(() -> Optional.of(temp(ty, sp))).stream().map(d -> (MachCode.Operand) d)) : List.empty();
            emit(op, ds, srcs.appendAll(args), imms, sp);
        } else {
            List<ArgLocation> locs = List.ofAll(md.arguments(args.map(MachCode.VReg::cls).toJavaList()));
            for (int i = 0; i < args.size(); i++) {
                MachCode.VReg a = args.get(i);
                switch (locs.get(i)) {
                    case InRegister r -> {
                        MachCode.Reg reg = new MachCode.Reg(r.cls(), r.index(), sp);
                        emit(md.file(r.cls()).move(), List.of(reg), List.of(a), List.empty(), sp);
                        srcs = srcs.append(reg);
                    }
                    case OnStack s -> emit(md.convention().argOut(), List.empty(), List.of(a), List.of(new MachCode.IntImm(s.k(), sp)), sp);
                }
            }
            RegClass rc = classOf(md, ty);
            MachCode.Reg result = new MachCode.Reg(rc, md.file(rc).result(), sp);
            emit(op, hasResult ? List.of(result) : List.empty(), srcs, imms, sp);
            if (hasResult) {
                dst.ifPresent(d -> emit(md.file(rc).move(), List.of(d), List.of(result), List.empty(), sp));
            }
        }
        if (!hasResult) {
            dst.ifPresent(d -> into(new Tree(Tree.Kind.NULL, "", java.util.List.of(), Lir.Ty.Ptr, sp), Optional.of(d)));
        }
    }
}
