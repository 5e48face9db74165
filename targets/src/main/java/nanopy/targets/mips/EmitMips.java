package nanopy.targets.mips;

import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode;
import nanopy.mips.MipsAsm;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Writes allocated MIPS machine code as SPIM assembly (docs/mips.md): each function a label, a
 * prelude that makes its frame, saves {@code $ra} and checks the stack limit (RecursionError), its
 * blocks, and a conclusion per return; each {@link MipsOp} as its MIPS32 sequence over register
 * pairs; str constants and module variables in {@code .data}. The run-time library
 * ({@link MipsRuntime}), whose {@code main} calls the module's code ({@code nanopy_module}), is
 * appended when the program is written or run ({@link SpimRunner#assembly}).
 *
 * <p>Frame of a function, from {@code $sp} up: the outgoing stack arguments (8 bytes each), the
 * pair slots, the double slots, the saved {@code $ra} (8 bytes); incoming stack argument {@code k}
 * is at {@code frame + 8k($sp)}, in the caller's outgoing area.
 */
public final class EmitMips implements Pass<MachAllocated.Program, MipsAsm.Program> {
    /** The emitter's temporaries inside one instruction's sequence: never allocated, never live across instructions. */
    private static final String T0 = "$k0";
    private static final String T1 = "$k1";
    private static final String T2 = "$gp";
    private static final String T3 = "$fp";

    @Override
    public String description() {
        return "write SPIM assembly: functions, str constants, module variables (the run-time library is appended when written)";
    }

    @Override
    public MipsAsm.Program apply(MachAllocated.Program program, PassContext ctx) {
        if (!program.isa().equals("mips")) {
            throw new IllegalArgumentException("emit-mips: the program was selected for " + program.isa() + ", not mips");
        }
        Writer w = new Writer();
        w.out.append("# NanoPy program compiled by nanopy for SPIM (docs/mips.md)\n\t.text\n");
        int index = 0;
        for (MachAllocated.Function f : program.functions()) {
            w.function(f, index++);
        }
        w.out.append("\n\t.data\n\t.align 3\n");
        for (MachCode.Global g : program.globals()) {
            w.out.append(global(g.name())).append(":\t.word 0, 0\n");
        }
        w.strings.forEach((s, label) -> {
            w.out.append(label).append(":\t.word 4, ").append(s.codePointCount(0, s.length()));
            s.codePoints().forEach(c -> w.out.append(", ").append(c));
            w.out.append("\t# ").append(comment(s)).append('\n');
        });
        return new MipsAsm.Program(w.out.toString(), program.span());
    }

    /** A label made of letters, digits and escapes: {@code _} plus the hex code of any other character plus {@code _}. */
    static String mangle(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                b.appendCodePoint(c);
            } else {
                b.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return b.toString();
    }

    /** The label of function {@code name}; the module's code is {@code nanopy_module}, which the library's {@code main} calls. */
    static String functionLabel(String name) {
        return name.equals("<module>") ? "nanopy_module" : "F_" + mangle(name);
    }

    private static String global(String name) {
        return "G_" + mangle(name);
    }

    private static String comment(String s) {
        StringBuilder b = new StringBuilder("'");
        s.codePoints().limit(40).forEach(c -> b.append(c >= 32 && c < 127 ? String.valueOf((char) c) : "?"));
        return b.append(s.length() > 40 ? "...'" : "'").toString();
    }

    private static final class Writer {
        final StringBuilder out = new StringBuilder();
        final Map<String, String> strings = new LinkedHashMap<>();
        private int fn;
        private int frame;
        private int pairBase;
        private int doubleBase;
        private boolean overflowUsed;

        void function(MachAllocated.Function f, int fn) {
            this.fn = fn;
            int outgoing = 0;
            for (MachAllocated.Block b : f.blocks()) {
                for (MachAllocated.Instr i : b.body()) {
                    if (i.op() == MipsOp.StoreArg) {
                        outgoing = Math.max(outgoing, (int) ((MachCode.IntImm) i.imms().head()).value() + 1);
                    }
                }
            }
            int pairs = 0;
            int doubles = 0;
            for (MachAllocated.Frame fr : f.frame()) {
                if (fr.cls() == MipsClass.Pair) {
                    pairs = fr.slots();
                } else {
                    doubles = fr.slots();
                }
            }
            pairBase = 8 * outgoing;
            doubleBase = pairBase + 8 * pairs;
            frame = doubleBase + 8 * doubles + 8;
            overflowUsed = false;
            String label = functionLabel(f.name());
            out.append("\n# ").append(f.name()).append("\n").append(label).append(":\n");
            op("addiu", "$sp", "$sp", String.valueOf(-frame));
            op("sw", "$ra", (frame - 8) + "($sp)");
            op("lw", T0, "nanopy_mips_stack_limit");
            op("bltu", "$sp", T0, "nanopy_mips_recursion");
            io.vavr.collection.List<MachAllocated.Block> blocks = f.blocks();
            for (int k = 0; k < blocks.size(); k++) {
                MachAllocated.Block b = blocks.get(k);
                String next = k + 1 < blocks.size() ? blocks.get(k + 1).label() : null;
                out.append(block(b.label())).append(":\n");
                for (MachAllocated.Instr i : b.body()) {
                    instr(i);
                }
                tail(b.tail(), next);
            }
            if (overflowUsed) {
                out.append(overflow()).append(":\n");
                op("j", "nanopy_mips_overflow");
            }
        }

        private String block(String label) {
            return "L" + fn + "_" + mangle(label);
        }

        private String overflow() {
            return "L" + fn + "_overflow";
        }

        private void op(String name, String... args) {
            out.append('\t').append(name);
            for (int i = 0; i < args.length; i++) {
                out.append(i == 0 ? " " : ", ").append(args[i]);
            }
            out.append('\n');
        }

        private static String lo(MachAllocated.Operand o) {
            return name(o).split(":")[0];
        }

        private static String hi(MachAllocated.Operand o) {
            return name(o).split(":")[1];
        }

        private static String name(MachAllocated.Operand o) {
            if (o instanceof MachAllocated.Reg r) {
                return MipsIsa.MACHINE.registerName(r.cls(), r.index());
            }
            throw new IllegalStateException("emit-mips: operand " + o + " is not a register (patch-instructions loads slots into scratch registers)");
        }

        private String slot(MachAllocated.Operand o, int word) {
            MachAllocated.Slot s = (MachAllocated.Slot) o;
            int base = s.cls() == MipsClass.Pair ? pairBase : doubleBase;
            return (base + 8 * s.index() + 4 * word) + "($sp)";
        }

        private static long intImm(MachAllocated.Instr i, int k) {
            return ((MachCode.IntImm) i.imms().get(k)).value();
        }

        private String str(String s) {
            return strings.computeIfAbsent(s, x -> "S" + strings.size());
        }

        private void instr(MachAllocated.Instr i) {
            MipsOp op = (MipsOp) i.op();
            MachAllocated.Operand d = i.dsts().isEmpty() ? null : i.dsts().head();
            MachAllocated.Operand a = i.srcs().isEmpty() ? null : i.srcs().head();
            MachAllocated.Operand b = i.srcs().size() < 2 ? null : i.srcs().get(1);
            switch (op) {
                case Move -> {
                    if (!name(d).equals(name(a))) {
                        op("move", lo(d), lo(a));
                        op("move", hi(d), hi(a));
                    }
                }
                case Reload -> {
                    op("lw", lo(d), slot(a, 0));
                    op("lw", hi(d), slot(a, 1));
                }
                case Spill -> {
                    op("sw", lo(a), slot(d, 0));
                    op("sw", hi(a), slot(d, 1));
                }
                case MovD -> op("mov.d", name(d), name(a));
                case ReloadD -> op("l.d", name(d), slot(a, 0));
                case SpillD -> op("s.d", name(a), slot(d, 0));
                case Jalr -> op("jalr", lo(a));
                case Jal -> op("jal", ((MachCode.StrImm) i.imms().head()).value());
                case StoreArg -> {
                    long k = intImm(i, 0);
                    if (((MachAllocated.Reg) a).cls() == MipsClass.Fpr) {
                        op("s.d", name(a), (8 * k) + "($sp)");
                    } else {
                        op("sw", lo(a), (8 * k) + "($sp)");
                        op("sw", hi(a), (8 * k + 4) + "($sp)");
                    }
                }
                case LoadArg -> {
                    long k = intImm(i, 0);
                    if (((MachAllocated.Reg) d).cls() == MipsClass.Fpr) {
                        op("l.d", name(d), (frame + 8 * k) + "($sp)");
                    } else {
                        op("lw", lo(d), (frame + 8 * k) + "($sp)");
                        op("lw", hi(d), (frame + 8 * k + 4) + "($sp)");
                    }
                }
                case Li -> {
                    long v = intImm(i, 0);
                    op("li", lo(d), String.valueOf((int) v));
                    op("li", hi(d), String.valueOf((int) (v >> 32)));
                }
                case La -> op("la", lo(d), str(((MachCode.StrImm) i.imms().head()).value()));
                case LaFun -> op("la", lo(d), functionLabel(((MachCode.SymImm) i.imms().head()).name()));
                case LiNull -> op("move", lo(d), "$zero");
                case Addu64 -> add(d, lo(a), hi(a), lo(b), hi(b));
                case Addiu64 -> addImmediate(d, a, intImm(i, 0));
                case Subu64 -> {
                    op("subu", T0, lo(a), lo(b));
                    op("sltu", T1, lo(a), lo(b));
                    op("subu", T2, hi(a), hi(b));
                    op("subu", T2, T2, T1);
                    op("xor", T1, hi(a), hi(b));
                    op("xor", T3, hi(a), T2);
                    op("and", T1, T1, T3);
                    overflowIfNegative(T1);
                    op("move", lo(d), T0);
                    op("move", hi(d), T2);
                }
                case Neg64 -> {
                    op("subu", T0, "$zero", lo(a));
                    op("sltu", T1, "$zero", lo(a));
                    op("subu", T2, "$zero", hi(a));
                    op("subu", T2, T2, T1);
                    op("and", T1, hi(a), T2);
                    overflowIfNegative(T1);
                    op("move", lo(d), T0);
                    op("move", hi(d), T2);
                }
                case Mul64 -> {
                    op("move", T0, lo(a));
                    op("move", T1, hi(a));
                    op("move", T2, lo(b));
                    op("move", T3, hi(b));
                    op("move", "$a0", T0);
                    op("move", "$a1", T1);
                    op("move", "$a2", T2);
                    op("move", "$a3", T3);
                    op("jal", "nanopy_mips_mul64");
                    op("move", lo(d), "$v0");
                    op("move", hi(d), "$v1");
                }
                case Seq64, Sne64 -> {
                    op("xor", T0, lo(a), lo(b));
                    op("xor", T1, hi(a), hi(b));
                    op("or", T0, T0, T1);
                    if (op == MipsOp.Seq64) {
                        op("sltiu", lo(d), T0, "1");
                    } else {
                        op("sltu", lo(d), "$zero", T0);
                    }
                    op("move", hi(d), "$zero");
                }
                case Slt64 -> less(d, a, b, false);
                case Sgt64 -> less(d, b, a, false);
                case Sge64 -> less(d, a, b, true);
                case Sle64 -> less(d, b, a, true);
                case Xor64 -> {
                    op("xor", lo(d), lo(a), lo(b));
                    op("xor", hi(d), hi(a), hi(b));
                }
                case Xori64 -> {
                    long v = intImm(i, 0);
                    if (v >= 0) {
                        op("xori", lo(d), lo(a), String.valueOf(v));
                        op("move", hi(d), hi(a));
                    } else {
                        op("li", T0, String.valueOf(v));
                        op("xor", lo(d), lo(a), T0);
                        op("nor", hi(d), hi(a), "$zero");
                    }
                }
                case PtrSeq, PtrSne -> {
                    op("xor", T0, lo(a), lo(b));
                    if (op == MipsOp.PtrSeq) {
                        op("sltiu", lo(d), T0, "1");
                    } else {
                        op("sltu", lo(d), "$zero", T0);
                    }
                    op("move", hi(d), "$zero");
                }
                case LwField -> {
                    long k = intImm(i, 0);
                    op("lw", hi(d), (8 * k + 4) + "(" + lo(a) + ")");
                    op("lw", lo(d), (8 * k) + "(" + lo(a) + ")");
                }
                case LwFieldPtr -> op("lw", lo(d), (8 * intImm(i, 0)) + "(" + lo(a) + ")");
                case SwField -> {
                    long k = intImm(i, 0);
                    op("sw", lo(b), (8 * k) + "(" + lo(a) + ")");
                    op("sw", hi(b), (8 * k + 4) + "(" + lo(a) + ")");
                }
                case LwGlobal -> {
                    String g = global(((MachCode.SymImm) i.imms().head()).name());
                    op("lw", lo(d), g);
                    op("lw", hi(d), g + "+4");
                }
                case LwGlobalPtr -> op("lw", lo(d), global(((MachCode.SymImm) i.imms().head()).name()));
                case SwGlobal -> {
                    String g = global(((MachCode.SymImm) i.imms().head()).name());
                    op("sw", lo(a), g);
                    op("sw", hi(a), g + "+4");
                }
                default -> throw new IllegalStateException("emit-mips: " + op + " is a branch, not an instruction");
            }
        }

        /** {@code d = (al:ah) + (bl:bh)}, OverflowError on signed overflow. */
        private void add(MachAllocated.Operand d, String al, String ah, String bl, String bh) {
            op("addu", T0, al, bl);
            op("sltu", T1, T0, al);
            op("addu", T2, ah, bh);
            op("addu", T2, T2, T1);
            op("xor", T1, ah, T2);
            op("xor", T3, bh, T2);
            op("and", T1, T1, T3);
            overflowIfNegative(T1);
            op("move", lo(d), T0);
            op("move", hi(d), T2);
        }

        /** {@code d = a + v} for a 16-bit {@code v}: the high word adds the carry and {@code v}'s sign. */
        private void addImmediate(MachAllocated.Operand d, MachAllocated.Operand a, long v) {
            op("addiu", T0, lo(a), String.valueOf(v));
            op("sltu", T1, T0, lo(a));
            op("addu", T2, hi(a), T1);
            if (v < 0) {
                op("addiu", T2, T2, "-1");
                op("nor", T1, T2, "$zero");
                op("and", T1, T1, hi(a));
            } else {
                op("nor", T1, hi(a), "$zero");
                op("and", T1, T1, T2);
            }
            overflowIfNegative(T1);
            op("move", lo(d), T0);
            op("move", hi(d), T2);
        }

        private void overflowIfNegative(String r) {
            overflowUsed = true;
            op("bltz", r, overflow());
        }

        /** {@code d = a < b} (signed 64-bit), or its negation {@code a >= b}. */
        private void less(MachAllocated.Operand d, MachAllocated.Operand a, MachAllocated.Operand b, boolean negate) {
            op("slt", T0, hi(a), hi(b));
            op("xor", T1, hi(a), hi(b));
            op("sltiu", T1, T1, "1");
            op("sltu", T2, lo(a), lo(b));
            op("and", T2, T2, T1);
            if (negate) {
                op("or", T0, T0, T2);
                op("xori", lo(d), T0, "1");
            } else {
                op("or", lo(d), T0, T2);
            }
            op("move", hi(d), "$zero");
        }

        private void tail(MachAllocated.Tail t, String next) {
            switch (t) {
                case MachAllocated.Jump j -> jump(j.label(), next);
                case MachAllocated.Ret r -> {
                    op("lw", "$ra", (frame - 8) + "($sp)");
                    op("addiu", "$sp", "$sp", String.valueOf(frame));
                    op("jr", "$ra");
                }
                case MachAllocated.Br br -> branch(br, next);
                case MachAllocated.TailCall c -> throw new IllegalStateException("emit-mips: select-instructions makes no TailCall tails");
            }
        }

        private void jump(String label, String next) {
            if (!label.equals(next)) {
                op("j", block(label));
            }
        }

        private void branch(MachAllocated.Br br, String next) {
            MachAllocated.Operand a = br.srcs().head();
            MachAllocated.Operand b = br.srcs().size() > 1 ? br.srcs().get(1) : null;
            String then = block(br.then());
            String orelse = block(br.orelse());
            switch ((MipsOp) br.op()) {
                case Bnez -> op("bne", lo(a), "$zero", then);
                case Blt64, Ble64, Bgt64, Bge64 -> {
                    boolean less = br.op() == MipsOp.Blt64 || br.op() == MipsOp.Ble64;
                    op(less ? "blt" : "bgt", hi(a), hi(b), then);
                    op(less ? "bgt" : "blt", hi(a), hi(b), orelse);
                    String unsigned = switch ((MipsOp) br.op()) {
                        case Blt64 -> "bltu";
                        case Ble64 -> "bleu";
                        case Bgt64 -> "bgtu";
                        default -> "bgeu";
                    };
                    op(unsigned, lo(a), lo(b), then);
                }
                case Beq64 -> {
                    op("bne", hi(a), hi(b), orelse);
                    op("beq", lo(a), lo(b), then);
                }
                case Bne64 -> {
                    op("bne", hi(a), hi(b), then);
                    op("bne", lo(a), lo(b), then);
                }
                default -> throw new IllegalStateException("emit-mips: " + br.op() + " is not a branch");
            }
            jump(br.orelse(), next);
        }
    }
}
