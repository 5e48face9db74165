package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode;
import nanopy.regvm.RegImage;

/**
 * Emits bytecode from the register VM's allocated machine code (MachAllocated of instruction set
 * {@code regvm}, {@link RegVmIsa}): each function's blocks laid out in order as one int array (an opcode, then its
 * operands, one int each; layouts in {@link Ops#length}), jumps to the next block elided, labels
 * resolved to code offsets; numbers and strings go to one shared constant pool, globals get
 * indices in their bank's table, closures name functions by index. A line table maps code offsets
 * to source positions for tracebacks. A function's frame per bank is the highest register its
 * virtual registers got plus one, or, when some spilled, all {@value RegVmIsa#REGISTERS} registers
 * plus its frame slots (a slot's index in the frame is {@code 256 + slot}).
 */
public final class EmitRegvm implements Pass<MachAllocated.Program, RegImage.Image> {
    private final ArrayList<RegImage.Const> pool = new ArrayList<>();
    private final Map<Object, Integer> poolIndex = new HashMap<>();
    private final Map<String, Integer> functions = new HashMap<>();
    private final Map<String, Integer> globals = new HashMap<>();

    @Override
    public String description() {
        return "emit register-VM bytecode and its constant pool";
    }

    @Override
    public RegImage.Image apply(MachAllocated.Program program, PassContext ctx) {
        return image(program);
    }

    private RegImage.Image image(MachAllocated.Program program) {
        int[] counts = new int[2];
        for (MachCode.Global g : program.globals()) {
            globals.put(g.cls() + ":" + g.name(), counts[bank(g.cls()).ordinal()]++);
        }
        program.functions().forEach(f -> functions.put(f.name(), functions.size()));
        List<RegImage.FunCode> fns = program.functions().map(this::function);
        return new RegImage.Image(List.ofAll(pool), fns, counts[0], counts[1], program.span());
    }

    private int constant(Object key, RegImage.Const c) {
        return poolIndex.computeIfAbsent(key, k -> {
            pool.add(c);
            return pool.size() - 1;
        });
    }

    /** Blocks of the function being emitted, by label (for copying small jump targets). */
    private final Map<String, MachAllocated.Block> byLabel = new HashMap<>();

    /** A jump to a block of at most this many instructions copies the block instead. */
    static final int COPY_LIMIT = 2;

    private RegImage.FunCode function(MachAllocated.Function f) {
        byLabel.clear();
        f.blocks().forEach(b -> byLabel.put(b.label(), b));
        Code c = new Code();
        Map<String, Integer> labels = new LinkedHashMap<>();
        ArrayList<Fixup> fixups = new ArrayList<>();
        List<MachAllocated.Block> blocks = f.blocks();
        for (int b = 0; b < blocks.size(); b++) {
            MachAllocated.Block block = blocks.get(b);
            labels.put(block.label(), c.size());
            for (MachAllocated.Instr i : block.body()) {
                c.line(i.span());
                instr(i, c);
            }
            String next = b + 1 < blocks.size() ? blocks.get(b + 1).label() : "";
            c.line(block.tail().span());
            tail(block.tail(), next, c, fixups, 2);
        }
        for (Fixup fx : fixups) {
            c.code.set(fx.at(), labels.get(fx.label()));
        }
        return new RegImage.FunCode(f.name(), frame(f, RegVmBank.PrimBank), frame(f, RegVmBank.RefBank), List.ofAll(c.code), List.ofAll(c.lines), f.span());
    }

    /** The frame size of bank {@code bank}: registers used, or all registers and the spill slots. */
    private static int frame(MachAllocated.Function f, RegVmBank bank) {
        int slots = f.frame().filter(fr -> fr.cls() == bank).map(MachAllocated.Frame::slots).getOrElse(0);
        if (slots > 0) {
            return RegVmIsa.REGISTERS + slots;
        }
        return f.homes().map(MachAllocated.Home::location)
                .filter(l -> l instanceof MachAllocated.Reg r && r.cls() == bank)
                .map(l -> ((MachAllocated.Reg) l).index() + 1).max().getOrElse(0);
    }

    /** Code under construction. */
    private static final class Code {
        final ArrayList<Integer> code = new ArrayList<>();
        final ArrayList<Integer> lines = new ArrayList<>();

        int size() {
            return code.size();
        }

        void add(int x) {
            code.add(x);
        }

        void line(Span sp) {
            if (sp.isKnown()) {
                int n = lines.size();
                if (n == 0 || lines.get(n - 2) != sp.line() || lines.get(n - 1) != sp.col()) {
                    lines.add(code.size());
                    lines.add(sp.line());
                    lines.add(sp.col());
                }
            }
        }
    }

    static int index(MachAllocated.Operand o) {
        return switch (o) {
            case MachAllocated.Reg r -> r.index();
            case MachAllocated.Slot s -> RegVmIsa.REGISTERS + s.index();
        };
    }

    private static RegVmBank bank(MachCode.RegClass cls) {
        return (RegVmBank) cls;
    }

    private static RegVmBank bank(MachAllocated.Operand o) {
        return switch (o) {
            case MachAllocated.Reg r -> bank(r.cls());
            case MachAllocated.Slot s -> bank(s.cls());
        };
    }

    /** A frame index with its bank in the low bit (1 = RefBank), for variadic operand lists. */
    static int tagged(MachAllocated.Operand o) {
        return index(o) * 2 + (bank(o) == RegVmBank.RefBank ? 1 : 0);
    }

    private void instr(MachAllocated.Instr i, Code c) {
        RegVmOp op = (RegVmOp) i.op();
        c.add(op.ordinal());
        switch (op) {
            case Call -> {
                c.add(i.dsts().isEmpty() ? -1 : tagged(i.dsts().head()));
                c.add(i.srcs().size());
                i.srcs().forEach(s -> c.add(tagged(s)));
            }
            case Print -> {
                c.add(i.srcs().size());
                i.srcs().forEach(s -> c.add(index(s)));
            }
            case Apply -> {
                c.add(index(i.dsts().head()));
                c.add(imm(op, i.imms().head()));
                c.add(i.srcs().size());
                i.srcs().forEach(s -> c.add(index(s)));
            }
            default -> {
                i.dsts().forEach(d -> c.add(index(d)));
                i.srcs().forEach(s -> c.add(index(s)));
                i.imms().forEach(m -> c.add(imm(op, m)));
            }
        }
    }

    private int imm(RegVmOp op, MachCode.Imm m) {
        return switch (m) {
            case MachCode.IntImm(long v, Span s) when op == RegVmOp.ConstI64 -> constant(v, new RegImage.IntConst(v, s));
            case MachCode.IntImm(long v, Span s) -> Math.toIntExact(v);
            case MachCode.FloatImm(double v, Span s) -> constant(Double.doubleToRawLongBits(v) + "d", new RegImage.FloatConst(v, s));
            case MachCode.StrImm(String v, Span s) -> constant("s" + v, new RegImage.StrConst(v, s));
            case MachCode.SymImm(String name, Span s) -> symbol(op, name);
        };
    }

    /** A global's index in its bank's table, or (for NewClosure) a function's index. */
    private int symbol(RegVmOp op, String name) {
        Integer k = switch (op) {
            case LoadGlobalP, StoreGlobalP -> globals.get(RegVmBank.PrimBank + ":" + name);
            case LoadGlobalR, StoreGlobalR -> globals.get(RegVmBank.RefBank + ":" + name);
            case NewClosure -> functions.get(name);
            default -> throw new IllegalArgumentException("emit-regvm: " + op + " takes no symbol (" + name + ")");
        };
        if (k == null) {
            throw new IllegalArgumentException("emit-regvm: " + op + " names " + name + ", which the program does not define");
        }
        return k;
    }

    /**
     * Emits a terminator. A jump to a block other than the next one that holds at most
     * {@link #COPY_LIMIT} instructions emits a copy of that block instead (up to {@code copies}
     * blocks deep), so a loop's back edge runs the header's test itself rather than jumping to it.
     */
    private void tail(MachAllocated.Tail t, String next, Code c, ArrayList<Fixup> fixups, int copies) {
        if (t instanceof MachAllocated.Jump j && !j.label().equals(next) && copies > 0) {
            MachAllocated.Block target = byLabel.get(j.label());
            if (target != null && target.body().size() <= COPY_LIMIT) {
                for (MachAllocated.Instr i : target.body()) {
                    c.line(i.span());
                    instr(i, c);
                }
                c.line(target.tail().span());
                tail(target.tail(), next, c, fixups, copies - 1);
                return;
            }
        }
        switch (t) {
            case MachAllocated.Jump j -> jump(j.label(), next, c, fixups);
            case MachAllocated.Br b -> {
                c.add(Ops.branch((RegVmOp) b.op()));
                b.srcs().forEach(s -> c.add(index(s)));
                b.imms().forEach(m -> c.add(imm((RegVmOp) b.op(), m)));
                label(b.then(), c, fixups);
                jump(b.orelse(), next, c, fixups);
            }
            case MachAllocated.Ret r -> {
                if (r.value().isEmpty()) {
                    c.add(Ops.RET_NONE);
                } else {
                    c.add(bank(r.value().get()) == RegVmBank.PrimBank ? Ops.RET_P : Ops.RET_R);
                    c.add(index(r.value().get()));
                }
            }
            case MachAllocated.TailCall tc -> {
                c.add(Ops.TAIL_CALL);
                c.add(tc.srcs().size());
                tc.srcs().forEach(s -> c.add(tagged(s)));
            }
        }
    }

    private static void jump(String label, String next, Code c, ArrayList<Fixup> fixups) {
        if (!label.equals(next)) {
            c.add(Ops.JMP);
            label(label, c, fixups);
        }
    }

    private static void label(String label, Code c, ArrayList<Fixup> fixups) {
        fixups.add(new Fixup(c.size(), label));
        c.add(-1);
    }

    /** A code position that will hold the offset of block {@code label}. */
    private record Fixup(int at, String label) {}
}
