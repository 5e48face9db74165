package nanopy.passes.mach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nanopy.ir.Interpreter;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.lir.Lir;
import nanopy.lir.RuntimeAbi;
import nanopy.lir.interp.LirOperations;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode;
import nanopy.mach.MachCode.Opcode;
import nanopy.mach.MachCode.RegClass;
import nanopy.passes.mach.MachineDescription.ArgLocation;
import nanopy.passes.mach.MachineDescription.InRegister;
import nanopy.passes.mach.MachineDescription.OnStack;
import nanopy.py.interp.MiddleInterpreters;
import nanopy.py.interp.PyTypedInterpreter;
import nanopy.py.interp.TargetRuntime;

/**
 * Runs MachAllocated programs of any instruction set that selects from Lir, as its machine would:
 * one register file per class shared by all calls, a frame of slots per call, outgoing and incoming
 * stack arguments. What an instruction does comes from the {@link Isa} alone: a register file's
 * move, load and store copy; the convention's call, routine call, argOut and argIn call and pass
 * arguments; every other opcode computes what its {@link RuleTable} rule's pattern computes, with
 * the Lir operations' meaning ({@link LirOperations}). To catch allocation and convention bugs, a
 * call leaves every caller-saved register but its result holding a poison value, and a callee that
 * returns with a callee-saved register changed stops the run ({@link IllegalStateException}, a bug in
 * a pass). Code before {@link PreludeAndConclusion} (a function that writes a callee-saved register
 * and does not store one first thing) has its callee-saved registers restored at return, as that
 * pass will make it do, so allocated code runs too. Deep recursion past {@link PyTypedInterpreter#RECURSION_LIMIT} calls is a RecursionError.
 * Code of an instruction set without a rule table (the register VM's) is not run here ({@link #runs}).
 */
public final class MachInterpreter implements Interpreter {
    /** For ServiceLoader. */
    public MachInterpreter() {}

    @Override
    public Language language() {
        return MachAllocated.LANGUAGE;
    }

    /**
     * True for the code of an instruction set selected by its rule table; false for one without
     * rules (the register VM's, whose opcodes' meaning is its VM's: its runner runs it after its
     * emitter).
     */
    @Override
    public boolean runs(Node program) {
        return !Isa.named(((MachAllocated.Program) program).isa()).rules().rules().isEmpty();
    }

    /** @throws IllegalArgumentException for an instruction set without a rule table ({@link #runs}) */
    @Override
    public void run(Node program, ProgramIo io) {
        MachAllocated.Program p = (MachAllocated.Program) program;
        Isa isa = Isa.named(p.isa());
        if (isa.rules().rules().isEmpty()) {
            throw new IllegalArgumentException("instruction set " + isa.name() + " has no rule table, so its opcodes have no meaning here:"
                    + " its code runs on its target's runner after its emitter");
        }
        MiddleInterpreters.onLargeStack(() -> {
            try {
                new Machine(isa, p, io).run();
            } finally {
                io.flush();
            }
        });
    }

    /** A value no instruction may read: what a call leaves in caller-saved registers. */
    private static final Object POISON = new Object() {
        @Override
        public String toString() {
            return "<clobbered by a call>";
        }
    };

    private interface Ev {
        Object eval(Act a);
    }

    private interface Step {
        void run(Act a);
    }

    /** Where a block goes: its index, or -1 to return. */
    private interface Exit {
        int next(Act a);
    }

    /** One activation: frame slots per class, the outgoing stack arguments, the caller's (incoming). */
    private static final class Act {
        final Object[][] slots;
        final Object[] incoming;
        Object[] outgoing = new Object[4];

        Act(int[] sizes, Object[] incoming) {
            slots = new Object[sizes.length][];
            for (int i = 0; i < sizes.length; i++) {
                slots[i] = new Object[sizes[i]];
            }
            this.incoming = incoming;
        }
    }

    private static final class Fn {
        final String name;
        int[] frame;
        Step[][] bodies;
        Exit[] exits;
        /** It writes callee-saved registers and has no prelude yet: the interpreter restores them. */
        boolean noPrelude;

        Fn(String name) {
            this.name = name;
        }
    }

    private static final class Machine {
        private final MachineDescription md;
        private final RuleTable rules;
        private final LirOperations ops;
        private final List<RegClass> classes = new ArrayList<>();
        private final Object[][] regs;
        private final Map<String, Object> globals = new HashMap<>();
        private final Map<String, Fn> fns = new HashMap<>();
        private final MachAllocated.Program program;
        private int depth;

        Machine(Isa isa, MachAllocated.Program p, ProgramIo io) {
            this.md = isa.machine();
            this.rules = isa.rules();
            this.ops = new LirOperations(new TargetRuntime(io));
            this.program = p;
            md.files().forEach(f -> classes.add(f.cls()));
            regs = new Object[classes.size()][];
            for (int c = 0; c < regs.length; c++) {
                regs[c] = new Object[md.files().get(c).names().size()];
                Arrays.fill(regs[c], POISON);
            }
            p.functions().forEach(f -> fns.put(f.name(), new Fn(f.name())));
            p.functions().forEach(this::compile);
        }

        void run() {
            call(fns.get(program.functions().head().name()), new Object[0], Span.NONE);
        }

        private int cls(RegClass c) {
            int i = classes.indexOf(c);
            if (i < 0) {
                throw new IllegalStateException(md.name() + " has no register class " + c);
            }
            return i;
        }

        private void compile(MachAllocated.Function f) {
            Fn fn = fns.get(f.name());
            fn.frame = new int[classes.size()];
            f.frame().forEach(fr -> fn.frame[cls(fr.cls())] = fr.slots());
            Map<String, Integer> labels = new HashMap<>();
            f.blocks().forEach(b -> labels.put(b.label(), labels.size()));
            int n = f.blocks().size();
            fn.bodies = new Step[n][];
            fn.exits = new Exit[n];
            for (int i = 0; i < n; i++) {
                MachAllocated.Block b = f.blocks().get(i);
                fn.bodies[i] = b.body().map(this::instr).toJavaArray(Step[]::new);
                fn.exits[i] = exit(b.tail(), labels);
            }
            fn.noPrelude = writesCalleeSaved(f) && !(f.blocks().nonEmpty() && f.blocks().head().body().headOption()
                    .exists(i -> md.files().stream().anyMatch(file -> file.store() == i.op()) && i.srcs().exists(this::calleeSaved)));
        }

        private boolean calleeSaved(MachAllocated.Operand o) {
            return o instanceof MachAllocated.Reg r && md.file(r.cls()).calleeSaved().contains(r.index());
        }

        private boolean writesCalleeSaved(MachAllocated.Function f) {
            return f.blocks().exists(b -> b.body().exists(i -> i.dsts().exists(this::calleeSaved)));
        }

        private Ev read(MachAllocated.Operand o) {
            return switch (o) {
                case MachAllocated.Reg r -> {
                    Object[] file = regs[cls(r.cls())];
                    int i = r.index();
                    yield a -> file[i];
                }
                case MachAllocated.Slot s -> {
                    int c = cls(s.cls());
                    int i = s.index();
                    yield a -> a.slots[c][i];
                }
            };
        }

        private interface Write {
            void write(Act a, Object v);
        }

        private Write write(MachAllocated.Operand o) {
            return switch (o) {
                case MachAllocated.Reg r -> {
                    Object[] file = regs[cls(r.cls())];
                    int i = r.index();
                    yield (a, v) -> file[i] = v;
                }
                case MachAllocated.Slot s -> {
                    int c = cls(s.cls());
                    int i = s.index();
                    yield (a, v) -> a.slots[c][i] = v;
                }
            };
        }

        private boolean isCopy(Opcode op) {
            return md.files().stream().anyMatch(f -> f.move() == op || f.load() == op || f.store() == op);
        }

        private Step instr(MachAllocated.Instr i) {
            Opcode op = i.op();
            MachineDescription.Convention conv = md.convention();
            Span sp = i.span();
            if (isCopy(op)) {
                Ev src = read(i.srcs().head());
                Write dst = write(i.dsts().head());
                return a -> dst.write(a, src.eval(a));
            }
            if (op == conv.argOut()) {
                Ev src = read(i.srcs().head());
                int k = (int) ((MachCode.IntImm) i.imms().head()).value();
                return a -> {
                    if (k >= a.outgoing.length) {
                        a.outgoing = Arrays.copyOf(a.outgoing, k * 2 + 1);
                    }
                    a.outgoing[k] = src.eval(a);
                };
            }
            if (op == conv.argIn()) {
                Write dst = write(i.dsts().head());
                int k = (int) ((MachCode.IntImm) i.imms().head()).value();
                return a -> dst.write(a, a.incoming[k]);
            }
            if (op == conv.call()) {
                Ev code = read(i.srcs().head());
                return a -> {
                    Fn callee = (Fn) code.eval(a);
                    call(callee, a.outgoing.clone(), sp);
                    clobber(i.dsts());
                };
            }
            if (op == conv.callRt()) {
                String name = ((MachCode.StrImm) i.imms().head()).value();
                RuntimeAbi.Routine r = RuntimeAbi.byName(name).orElseThrow(() -> new IllegalStateException("no run-time routine " + name));
                List<RegClass> argClasses = r.params().stream().map(k -> md.classOf(k.ty())).toList();
                List<ArgLocation> locs = md.arguments(argClasses);
                Ev[] args = new Ev[locs.size()];
                for (int k = 0; k < args.length; k++) {
                    args[k] = switch (locs.get(k)) {
                        case InRegister(RegClass c, int index) -> read(new MachAllocated.Reg(c, index, sp));
                        case OnStack(int s) -> a -> a.outgoing[s];
                    };
                }
                LirOperations.Operation o = ops.routine(name, args.length, sp);
                Write dst = i.dsts().isEmpty() ? null : write(i.dsts().head());
                return a -> {
                    Object[] vs = new Object[args.length];
                    for (int k = 0; k < vs.length; k++) {
                        vs[k] = args[k].eval(a);
                    }
                    Object v = o.apply(vs);
                    clobber(i.dsts());
                    if (dst != null) {
                        dst.write(a, v);
                    }
                };
            }
            Ev e = semantics(op, i.srcs(), i.imms(), sp);
            if (i.dsts().isEmpty()) {
                return e::eval;
            }
            Write dst = write(i.dsts().head());
            return a -> dst.write(a, e.eval(a));
        }

        /** After a call: every caller-saved register but the destinations holds poison. */
        private void clobber(io.vavr.collection.List<MachAllocated.Operand> keep) {
            for (int c = 0; c < regs.length; c++) {
                for (int r : md.files().get(c).callerSaved()) {
                    int cc = c;
                    int rr = r;
                    if (keep.find(o -> o instanceof MachAllocated.Reg k && k.cls() == classes.get(cc) && k.index() == rr).isEmpty()) {
                        regs[c][r] = POISON;
                    }
                }
            }
        }

        /** What {@code op}'s rule computes, over these operands and immediates. */
        private Ev semantics(Opcode op, io.vavr.collection.List<MachAllocated.Operand> srcs, io.vavr.collection.List<MachCode.Imm> imms, Span sp) {
            RuleTable.Rule rule = rules.ruleOf(op).orElseThrow(
                    () -> new IllegalStateException("instruction set " + md.name() + " has no rule saying what " + op.name() + " computes"));
            int[] cursor = new int[2];
            Ev e = compile(rule.pattern(), srcs.map(this::read).toJavaList(), imms.toJavaList(), cursor, sp);
            if (cursor[0] != srcs.size() || cursor[1] != imms.size()) {
                throw new IllegalStateException(op.name() + " at " + sp + " has " + srcs.size() + " operands and " + imms.size()
                        + " immediates; its rule takes " + cursor[0] + " and " + cursor[1]);
            }
            return e;
        }

        private static Object imm(MachCode.Imm i) {
            return switch (i) {
                case MachCode.IntImm n -> n.value();
                case MachCode.FloatImm f -> f.value();
                case MachCode.StrImm s -> s.value();
                case MachCode.SymImm s -> s.name();
            };
        }

        private Ev compile(Pattern p, List<Ev> srcs, List<MachCode.Imm> imms, int[] cur, Span sp) {
            return switch (p) {
                case Pattern.Reg r -> srcs.get(cur[0]++);
                case Pattern.Imm m -> {
                    Object v = imm(imms.get(cur[1]++));
                    yield a -> v;
                }
                case Pattern.Node n -> {
                    Object key = n.key().isEmpty() && hasImmediate(n.kind()) ? imm(imms.get(cur[1]++)) : n.key().orElse(null);
                    List<Ev> kids = new ArrayList<>();
                    for (Pattern k : n.kids()) {
                        kids.add(compile(k, srcs, imms, cur, sp));
                    }
                    yield node(n, key, kids, sp);
                }
            };
        }

        private static boolean hasImmediate(Tree.Kind k) {
            return switch (k) {
                case INT, FLOAT, STR, FUN, GLOBAL, SET_GLOBAL, FIELD, SET_FIELD -> true;
                default -> false;
            };
        }

        private Ev node(Pattern.Node n, Object key, List<Ev> kids, Span sp) {
            return switch (n.kind()) {
                case INT, FLOAT, STR -> a -> key;
                case NULL -> a -> TargetRuntime.NONE;
                case FUN -> {
                    Fn fn = fns.get((String) key);
                    yield a -> fn;
                }
                case MACH -> apply(ops.mach((Lir.MachOp) key, sp), kids);
                case RT -> apply(ops.routine((String) key, kids.size(), sp), kids);
                case FIELD -> {
                    int idx = Math.toIntExact((Long) key);
                    Object zero = LirOperations.zero(n.ty().orElse(Lir.Ty.Ptr));
                    Ev o = kids.get(0);
                    yield a -> {
                        Object v = ((Object[]) o.eval(a))[idx];
                        return v == null ? zero : v;
                    };
                }
                case SET_FIELD -> {
                    int idx = Math.toIntExact((Long) key);
                    Ev o = kids.get(0);
                    Ev v = kids.get(1);
                    yield a -> ((Object[]) o.eval(a))[idx] = v.eval(a);
                }
                case GLOBAL -> {
                    String name = (String) key;
                    String msg = "name '" + (name.contains(".") ? name.substring(0, name.indexOf('.')) : name) + "' is not defined";
                    yield a -> {
                        Object v = globals.get(name);
                        if (v == null) {
                            throw TargetRuntime.error("NameError", msg, sp);
                        }
                        return v;
                    };
                }
                case SET_GLOBAL -> {
                    String name = (String) key;
                    Ev v = kids.get(0);
                    yield a -> globals.put(name, v.eval(a));
                }
                case BRANCH -> kids.get(0);
                case VAR, CALL -> throw new IllegalStateException("a rule's pattern cannot be a " + n.kind());
            };
        }

        private static Ev apply(LirOperations.Operation o, List<Ev> kids) {
            Ev[] ks = kids.toArray(Ev[]::new);
            return a -> {
                Object[] vs = new Object[ks.length];
                for (int i = 0; i < vs.length; i++) {
                    vs[i] = ks[i].eval(a);
                }
                return o.apply(vs);
            };
        }

        private Exit exit(MachAllocated.Tail t, Map<String, Integer> labels) {
            return switch (t) {
                case MachAllocated.Jump j -> {
                    int to = label(labels, j.label());
                    yield a -> to;
                }
                case MachAllocated.Br b -> {
                    Ev test = semantics(b.op(), b.srcs(), b.imms(), b.span());
                    int then = label(labels, b.then());
                    int orelse = label(labels, b.orelse());
                    yield a -> (Long) test.eval(a) != 0 ? then : orelse;
                }
                case MachAllocated.Ret r -> a -> -1;
                case MachAllocated.TailCall c -> {
                    Ev code = read(c.srcs().head());
                    yield a -> {
                        call((Fn) code.eval(a), a.outgoing.clone(), c.span());
                        return -1;
                    };
                }
            };
        }

        private static int label(Map<String, Integer> labels, String l) {
            Integer i = labels.get(l);
            if (i == null) {
                throw new IllegalStateException("no block labeled " + l);
            }
            return i;
        }

        private void call(Fn fn, Object[] incoming, Span sp) {
            if (++depth > PyTypedInterpreter.RECURSION_LIMIT) {
                depth = 0;
                throw new PyRuntimeError("RecursionError", "maximum recursion depth exceeded", sp);
            }
            Object[][] saved = new Object[regs.length][];
            for (int c = 0; c < regs.length; c++) {
                saved[c] = regs[c].clone();
            }
            Act a = new Act(fn.frame, incoming);
            int b = 0;
            while (b >= 0) {
                for (Step s : fn.bodies[b]) {
                    s.run(a);
                }
                b = fn.exits[b].next(a);
            }
            for (int c = 0; c < regs.length; c++) {
                for (int r : md.files().get(c).calleeSaved()) {
                    if (fn.noPrelude) {
                        regs[c][r] = saved[c][r];
                    } else if (regs[c][r] != saved[c][r]) {
                        throw new IllegalStateException(fn.name + " returned with callee-saved register "
                                + md.files().get(c).names().get(r) + " changed");
                    }
                }
            }
            depth--;
        }
    }
}
