package nanopy.targets.x86;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.targets.x86.X86Isa.X86Class;
import nanopy.targets.x86.X86Isa.X86Op;
import nanopy.x86.X86Asm;

/**
 * Writes allocated x86-64 code as GNU assembler text (AT&T syntax), one {@code .s} per program
 * (docs/x86-64.md has the frame layout and a guide to reading it).
 *
 * <ul>
 *   <li>Each function is {@code np_f.NAME} (the module's top level is {@code nanopy_main}, which the
 *       C run-time library calls on its big stack); module variables are {@code np_g.NAME} in
 *       {@code .bss}; constant strs are objects in {@code .rodata} with the run-time library's type
 *       word in front; doubles come from a constant pool.</li>
 *   <li>Frame: {@code push rbp; mov rsp, rbp}, then general slots at {@code -8(k+1)(%rbp)}, SSE slots
 *       below them, outgoing stack arguments at the bottom ({@code 8k(%rsp)}); the size is a multiple
 *       of 16, so {@code rsp} is aligned at every call as System V requires. Incoming stack argument
 *       {@code k} is at {@code 16+8k(%rbp)}.</li>
 *   <li>Recursion: the top level sets {@code nanopy_x86_stack_limit} to {@value #RECURSION_STACK}
 *       bytes below its stack pointer; every other function compares {@code rsp} with it on entry
 *       (one compare, nothing to undo on return) and past it jumps to a stub raising
 *       RecursionError, never running off the run-time library's 1 GiB stack.</li>
 *   <li>Two-address form: {@code dst <- a op b} is {@code op b, dst} when {@code dst} is {@code a},
 *       {@code op a, dst} when it is {@code b} and {@code op} commutes, else {@code mov a, dst; op b,
 *       dst}, or, for a subtraction into {@code b}, through a scratch register that holds neither
 *       operand (patch-instructions uses at most one scratch register besides the operands).</li>
 *   <li>{@code Add Sub Imul Neg} are followed by {@code jo} to a stub raising OverflowError.</li>
 * </ul>
 */
public final class EmitX86 implements Pass<MachAllocated.Program, X86Asm.Assembly> {
    /**
     * Instructions that stand for a run-time routine without effects (no error either): selection
     * writes them without a destination when the routine's value is unused, and they then emit nothing.
     */
    private static final java.util.Set<X86Op> INLINE_ROUTINES = java.util.EnumSet.of(X86Op.AndPow2, X86Op.SarPow2, X86Op.UnboxI,
            X86Op.UnboxB, X86Op.UnboxSd, X86Op.BoxBool);

    /**
     * Bytes of stack the program's calls may use below the top level's frame before RecursionError:
     * 256 MiB of the run-time library's 1 GiB stack, so at least a million nested calls of a small
     * function (32 bytes a frame), far past LANGUAGE.md's 100,000, and the rest of the stack free
     * for the run-time library's own calls at the deepest point.
     */
    public static final long RECURSION_STACK = 1L << 28;

    @Override
    public String description() {
        return "write the allocated x86-64 code as GNU assembler text (AT&T syntax, System V calls)";
    }

    @Override
    public X86Asm.Assembly apply(MachAllocated.Program program, PassContext ctx) {
        return new X86Asm.Assembly(new Writer().program(program), program.span());
    }

    /** The assembler symbol of NanoPy function {@code name}. */
    static String functionSymbol(String name) {
        return name.equals("<module>") ? "nanopy_main" : "np_f." + mangle(name);
    }

    /** The assembler symbol of module variable {@code name}. */
    static String globalSymbol(String name) {
        return "np_g." + mangle(name);
    }

    /** Letters, digits, {@code _} and {@code .} stay; any other character becomes {@code .uXXXX.}. */
    static String mangle(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                sb.append(c);
            } else {
                sb.append(String.format(".u%04x.", (int) c));
            }
        }
        return sb.toString();
    }

    /** Writes one program; holds the constant pools. */
    private static final class Writer {
        private final StringBuilder out = new StringBuilder();
        private final Map<String, String> strings = new LinkedHashMap<>();
        private final Map<Long, String> doubles = new LinkedHashMap<>();
        private boolean usesSignMask;
        private int fnIndex;
        private String fnName;
        private boolean counted;
        private int gprSlots;
        private int sseSlots;
        private int frameBytes;
        private List<MachAllocated.Block> blocks;

        String program(MachAllocated.Program p) {
            out.append("# NanoPy program compiled by nanopy's x86-64 target (docs/x86-64.md)\n");
            out.append("\t.text\n");
            for (MachAllocated.Function f : p.functions()) {
                function(f);
                fnIndex++;
            }
            out.append("\n# run-time errors raised from generated code (the stack realigned for the C call)\n");
            out.append(".Lnp_overflow:\n\tandq $-16, %rsp\n\tcall nanopy_rt_overflow\n");
            out.append(".Lnp_recursion:\n\tandq $-16, %rsp\n\tcall nanopy_rt_recursion_error\n");
            if (!p.globals().isEmpty()) {
                out.append("\n\t.bss\n\t.balign 8\n");
                for (MachCode.Global g : p.globals()) {
                    out.append(globalSymbol(g.name())).append(":\n\t.zero 8\n");
                }
            }
            out.append("\n\t.section .rodata\n");
            if (usesSignMask) {
                out.append("\t.balign 16\n.Lnp_signmask:\n\t.quad 0x8000000000000000, 0\n");
            }
            out.append("\t.balign 8\n");
            doubles.forEach((bits, label) -> out.append(label).append(":\n\t.quad ").append(bits).append("\n"));
            strings.forEach((text, label) -> {
                out.append("\t.quad 1\n").append(label).append(":\n\t.quad ").append(text.codePointCount(0, text.length())).append("\n");
                int[] cps = text.codePoints().toArray();
                for (int i = 0; i < cps.length; i += 16) {
                    out.append("\t.long ");
                    for (int j = i; j < Math.min(cps.length, i + 16); j++) {
                        out.append(j > i ? ", " : "").append(cps[j]);
                    }
                    out.append("\n");
                }
                out.append("\t.balign 8\n");
            });
            out.append("\t.section .note.GNU-stack,\"\",@progbits\n");
            return out.toString();
        }

        private void function(MachAllocated.Function f) {
            fnName = functionSymbol(f.name());
            counted = !f.name().equals("<module>");
            gprSlots = 0;
            sseSlots = 0;
            for (MachAllocated.Frame fr : f.frame()) {
                if (fr.cls() == X86Class.Gpr) {
                    gprSlots = fr.slots();
                } else {
                    sseSlots = fr.slots();
                }
            }
            int outgoing = 0;
            for (MachAllocated.Block b : f.blocks()) {
                for (MachAllocated.Instr i : b.body()) {
                    if (i.op() == X86Op.ArgOut) {
                        outgoing = Math.max(outgoing, (int) ((MachCode.IntImm) i.imms().head()).value() + 1);
                    }
                }
            }
            frameBytes = (gprSlots + sseSlots + outgoing) * 8;
            frameBytes = (frameBytes + 15) / 16 * 16;
            blocks = f.blocks().toJavaList();
            out.append("\n# ").append(f.name()).append(": ").append(gprSlots).append(" general and ").append(sseSlots)
                    .append(" SSE frame slots, ").append(outgoing).append(" outgoing stack arguments\n");
            out.append("\t.globl ").append(fnName).append("\n\t.type ").append(fnName).append(", @function\n");
            out.append(fnName).append(":\n\tpushq %rbp\n\tmovq %rsp, %rbp\n");
            if (frameBytes > 0) {
                line("subq $" + frameBytes + ", %rsp");
            }
            if (counted) {
                line("cmpq nanopy_x86_stack_limit(%rip), %rsp");
                line("jb .Lnp_recursion");
            } else {
                // the top level, called once on the run-time library's stack, sets where recursion stops
                line("leaq -" + RECURSION_STACK + "(%rsp), %rax");
                line("movq %rax, nanopy_x86_stack_limit(%rip)");
            }
            for (int k = 0; k < blocks.size(); k++) {
                block(blocks.get(k), k);
            }
            out.append("\t.size ").append(fnName).append(", .-").append(fnName).append("\n");
        }

        private String label(String block) {
            return ".L" + fnIndex + "_" + mangle(block);
        }

        private void line(String s) {
            out.append('\t').append(s).append('\n');
        }

        private void block(MachAllocated.Block b, int k) {
            out.append(label(b.label())).append(":\n");
            for (MachAllocated.Instr i : b.body()) {
                instr(i);
            }
            String next = k + 1 < blocks.size() ? blocks.get(k + 1).label() : null;
            switch (b.tail()) {
                case MachAllocated.Jump j -> {
                    if (!j.label().equals(next)) {
                        line("jmp " + label(j.label()));
                    }
                }
                case MachAllocated.Br br -> branch(br, next);
                case MachAllocated.Ret r -> {
                    line("leave");
                    line("ret");
                }
                case MachAllocated.TailCall t -> throw new IllegalStateException("emit-x86: selection makes no TailCall tails on x86-64, at " + t.span());
            }
        }

        /** The condition code of a compare-and-branch or compare-and-set opcode. */
        private static String cc(X86Op op) {
            return switch (op) {
                case Je, JeI, SetE, SetEI, SetPE -> "e";
                case Jne, JneI, SetNe, SetNeI, SetPNe, Jnz -> "ne";
                case Jl, JlI, SetL, SetLI -> "l";
                case Jle, JleI, SetLe, SetLeI -> "le";
                case Jg, JgI, SetG, SetGI -> "g";
                case Jge, JgeI, SetGe, SetGeI -> "ge";
                default -> throw new IllegalStateException("emit-x86: no condition for " + op);
            };
        }

        private static String negate(String cc) {
            return switch (cc) {
                case "e" -> "ne";
                case "ne" -> "e";
                case "l" -> "ge";
                case "ge" -> "l";
                case "le" -> "g";
                case "g" -> "le";
                default -> throw new IllegalStateException(cc);
            };
        }

        private void branch(MachAllocated.Br br, String next) {
            X86Op op = (X86Op) br.op();
            List<MachAllocated.Operand> s = br.srcs().toJavaList();
            switch (op) {
                case Jnz -> line("testq " + r(s.get(0)) + ", " + r(s.get(0)));
                case Je, Jne, Jl, Jle, Jg, Jge -> line("cmpq " + r(s.get(1)) + ", " + r(s.get(0)));
                default -> line("cmpq $" + imm(br.imms().head()) + ", " + r(s.get(0)));
            }
            String cc = cc(op);
            if (br.then().equals(next)) {
                line("j" + negate(cc) + " " + label(br.orelse()));
            } else {
                line("j" + cc + " " + label(br.then()));
                if (!br.orelse().equals(next)) {
                    line("jmp " + label(br.orelse()));
                }
            }
        }

        private static long imm(MachCode.Imm i) {
            return ((MachCode.IntImm) i).value();
        }

        /** An operand: a register by its class's name, a frame slot by its address. */
        private String r(MachAllocated.Operand o) {
            return switch (o) {
                case MachAllocated.Reg g -> "%" + (g.cls() == X86Class.Gpr ? X86Isa.GPR : X86Isa.SSE).get(g.index());
                case MachAllocated.Slot s -> slot(s);
            };
        }

        private String slot(MachAllocated.Slot s) {
            int k = s.cls() == X86Class.Gpr ? s.index() : gprSlots + s.index();
            return -8 * (k + 1) + "(%rbp)";
        }

        /** The low byte of a general register. */
        private static String byteReg(MachAllocated.Operand o) {
            String n = X86Isa.GPR.get(((MachAllocated.Reg) o).index());
            return "%" + switch (n) {
                case "rax" -> "al";
                case "rbx" -> "bl";
                case "rcx" -> "cl";
                case "rdx" -> "dl";
                case "rsi" -> "sil";
                case "rdi" -> "dil";
                default -> n + "b";
            };
        }

        private static boolean sse(MachAllocated.Operand o) {
            return switch (o) {
                case MachAllocated.Reg g -> g.cls() == X86Class.Sse;
                case MachAllocated.Slot s -> s.cls() == X86Class.Sse;
            };
        }

        /** A scratch register of {@code cls} that is none of {@code busy}. */
        private static MachAllocated.Reg scratch(X86Class cls, MachAllocated.Operand... busy) {
            int first = cls == X86Class.Gpr ? 12 : 14;
            for (int k = first; k < first + 2; k++) {
                MachAllocated.Reg c = new MachAllocated.Reg(cls, k, nanopy.ir.Span.NONE);
                boolean free = true;
                for (MachAllocated.Operand b : busy) {
                    free &= !(b instanceof MachAllocated.Reg g && g.cls() == cls && g.index() == k);
                }
                if (free) {
                    return c;
                }
            }
            throw new IllegalStateException("emit-x86: no free scratch register");
        }

        private static boolean same(MachAllocated.Operand a, MachAllocated.Operand b) {
            return a instanceof MachAllocated.Reg x && b instanceof MachAllocated.Reg y && x.cls() == y.cls() && x.index() == y.index();
        }

        /** {@code d <- a op b} in two-address form; {@code mov} is the class's copy. */
        private void twoAddress(String op, String mov, boolean commutes, MachAllocated.Operand d, MachAllocated.Operand a, MachAllocated.Operand b) {
            if (same(d, a)) {
                line(op + " " + r(b) + ", " + r(d));
            } else if (same(d, b) && commutes) {
                line(op + " " + r(a) + ", " + r(d));
            } else if (same(d, b)) {
                MachAllocated.Reg t = scratch(sse(d) ? X86Class.Sse : X86Class.Gpr, a, b, d);
                line(mov + " " + r(a) + ", " + r(t));
                line(op + " " + r(b) + ", " + r(t));
                if (op.equals("subq")) {
                    line("jo .Lnp_overflow");
                }
                line(mov + " " + r(t) + ", " + r(d));
                return;
            } else {
                line(mov + " " + r(a) + ", " + r(d));
                line(op + " " + r(b) + ", " + r(d));
            }
            if (op.equals("addq") || op.equals("subq") || op.equals("imulq")) {
                line("jo .Lnp_overflow");
            }
        }

        /** {@code d <- a op $k}. */
        private void withImmediate(String op, MachAllocated.Operand d, MachAllocated.Operand a, long k) {
            if (!same(d, a)) {
                line("movq " + r(a) + ", " + r(d));
            }
            line(op + " $" + k + ", " + r(d));
        }

        private void setFlag(String cc, MachAllocated.Operand d) {
            line("set" + cc + " " + byteReg(d));
            line("movzbq " + byteReg(d) + ", " + r(d));
        }

        private String doubleConstant(double v) {
            return doubles.computeIfAbsent(Double.doubleToRawLongBits(v), bits -> ".Lnp_d" + doubles.size());
        }

        private String stringConstant(String s) {
            return strings.computeIfAbsent(s, t -> ".Lnp_s" + strings.size());
        }

        private void instr(MachAllocated.Instr i) {
            X86Op op = (X86Op) i.op();
            List<MachAllocated.Operand> ds = i.dsts().toJavaList();
            List<MachAllocated.Operand> s = i.srcs().toJavaList();
            MachAllocated.Operand d = ds.isEmpty() ? null : ds.get(0);
            if (d == null && INLINE_ROUTINES.contains(op)) {
                return;   // a routine called for its effect (xs.pop()'s unboxing): these have none
            }
            switch (op) {
                case Mov, Load, Store -> line("movq " + r(s.get(0)) + ", " + r(d));
                case MovSd -> line("movapd " + r(s.get(0)) + ", " + r(d));
                case LoadSd, StoreSd -> line("movsd " + r(s.get(0)) + ", " + r(d));
                case Call -> line("call *" + r(s.get(0)));
                case CallRt -> line("call " + ((MachCode.StrImm) i.imms().head()).value());
                case ArgOut -> line((sse(s.get(0)) ? "movsd " : "movq ") + r(s.get(0)) + ", " + 8 * imm(i.imms().head()) + "(%rsp)");
                case ArgIn -> line((sse(d) ? "movsd " : "movq ") + (16 + 8 * imm(i.imms().head())) + "(%rbp), " + r(d));
                case MovImm -> {
                    long v = imm(i.imms().head());
                    line((v == (int) v ? "movq $" : "movabsq $") + v + ", " + r(d));
                }
                case LoadConstSd -> line("movsd " + doubleConstant(((MachCode.FloatImm) i.imms().head()).value()) + "(%rip), " + r(d));
                case LeaStr -> line("leaq " + stringConstant(((MachCode.StrImm) i.imms().head()).value()) + "(%rip), " + r(d));
                case MovNull -> line("movq $0, " + r(d));
                case LeaFun -> line("leaq " + functionSymbol(((MachCode.SymImm) i.imms().head()).name()) + "(%rip), " + r(d));
                case Add -> twoAddress("addq", "movq", true, d, s.get(0), s.get(1));
                case Sub -> twoAddress("subq", "movq", false, d, s.get(0), s.get(1));
                case Imul -> twoAddress("imulq", "movq", true, d, s.get(0), s.get(1));
                case Xor -> twoAddress("xorq", "movq", true, d, s.get(0), s.get(1));
                case AddI -> {
                    withImmediate("addq", d, s.get(0), imm(i.imms().head()));
                    line("jo .Lnp_overflow");
                }
                case SubI -> {
                    withImmediate("subq", d, s.get(0), imm(i.imms().head()));
                    line("jo .Lnp_overflow");
                }
                case XorI -> withImmediate("xorq", d, s.get(0), imm(i.imms().head()));
                case AndPow2 -> withImmediate("andq", d, s.get(0), imm(i.imms().head()) - 1);
                case SarPow2 -> withImmediate("sarq", d, s.get(0), Long.numberOfTrailingZeros(imm(i.imms().head())));
                case UnboxI, UnboxB -> line("movq 0(" + r(s.get(0)) + "), " + r(d));
                case UnboxSd -> line("movsd 0(" + r(s.get(0)) + "), " + r(d));
                case BoxBool -> {
                    // the run-time library's boxes of False and True: two 16-byte objects, the value one word in
                    // (r11 is free: the one operand, if spilled, and the result came through r10)
                    line("leaq nanopy_x86_bools+8(%rip), %r11");
                    if (!same(d, s.get(0))) {
                        line("movq " + r(s.get(0)) + ", " + r(d));
                    }
                    line("shlq $4, " + r(d));
                    line("addq %r11, " + r(d));
                }
                case ImulI -> {
                    line("imulq $" + imm(i.imms().head()) + ", " + r(s.get(0)) + ", " + r(d));
                    line("jo .Lnp_overflow");
                }
                case Neg -> {
                    if (!same(d, s.get(0))) {
                        line("movq " + r(s.get(0)) + ", " + r(d));
                    }
                    line("negq " + r(d));
                    line("jo .Lnp_overflow");
                }
                case SetE, SetNe, SetL, SetLe, SetG, SetGe, SetPE, SetPNe -> {
                    line("cmpq " + r(s.get(1)) + ", " + r(s.get(0)));
                    setFlag(cc(op), d);
                }
                case SetEI, SetNeI, SetLI, SetLeI, SetGI, SetGeI -> {
                    line("cmpq $" + imm(i.imms().head()) + ", " + r(s.get(0)));
                    setFlag(cc(op), d);
                }
                case AddSd -> twoAddress("addsd", "movapd", true, d, s.get(0), s.get(1));
                case SubSd -> twoAddress("subsd", "movapd", false, d, s.get(0), s.get(1));
                case MulSd -> twoAddress("mulsd", "movapd", true, d, s.get(0), s.get(1));
                case NegSd -> {
                    usesSignMask = true;
                    if (!same(d, s.get(0))) {
                        line("movapd " + r(s.get(0)) + ", " + r(d));
                    }
                    line("xorpd .Lnp_signmask(%rip), " + r(d));
                }
                case Cvtsi2sd -> {
                    line("pxor " + r(d) + ", " + r(d));
                    line("cvtsi2sdq " + r(s.get(0)) + ", " + r(d));
                }
                case SetFE, SetFNe -> {
                    // equal: ZF set and PF clear (PF set means unordered: a NaN operand)
                    MachAllocated.Reg t = scratch(X86Class.Gpr, d);
                    line("ucomisd " + r(s.get(1)) + ", " + r(s.get(0)));
                    if (op == X86Op.SetFE) {
                        line("sete " + byteReg(d));
                        line("setnp " + byteReg(t));
                        line("andb " + byteReg(t) + ", " + byteReg(d));
                    } else {
                        line("setne " + byteReg(d));
                        line("setp " + byteReg(t));
                        line("orb " + byteReg(t) + ", " + byteReg(d));
                    }
                    line("movzbq " + byteReg(d) + ", " + r(d));
                }
                // a < b is b > a, 'above' (CF and ZF clear), which an unordered compare never is
                case SetFL -> floatCompare("a", s.get(0), s.get(1), d);
                case SetFLe -> floatCompare("ae", s.get(0), s.get(1), d);
                case SetFG -> floatCompare("a", s.get(1), s.get(0), d);
                case SetFGe -> floatCompare("ae", s.get(1), s.get(0), d);
                case LoadWord, LoadWordP -> line("movq " + 8 * imm(i.imms().head()) + "(" + r(s.get(0)) + "), " + r(d));
                case LoadWordSd -> line("movsd " + 8 * imm(i.imms().head()) + "(" + r(s.get(0)) + "), " + r(d));
                case StoreWord -> line((sse(s.get(1)) ? "movsd " : "movq ") + r(s.get(1)) + ", " + 8 * imm(i.imms().head()) + "(" + r(s.get(0)) + ")");
                case LoadGlobal, LoadGlobalP -> line("movq " + globalSymbol(((MachCode.SymImm) i.imms().head()).name()) + "(%rip), " + r(d));
                case LoadGlobalSd -> line("movsd " + globalSymbol(((MachCode.SymImm) i.imms().head()).name()) + "(%rip), " + r(d));
                case StoreGlobal -> line((sse(s.get(0)) ? "movsd " : "movq ") + r(s.get(0)) + ", "
                        + globalSymbol(((MachCode.SymImm) i.imms().head()).name()) + "(%rip)");
                default -> throw new IllegalStateException("emit-x86: " + op + " is a branch, not an instruction, at " + i.span());
            }
        }

        /** {@code d <- (hi cc lo)} after {@code ucomisd lo, hi} (flags of hi - lo). */
        private void floatCompare(String cc, MachAllocated.Operand lo, MachAllocated.Operand hi, MachAllocated.Operand d) {
            line("ucomisd " + r(lo) + ", " + r(hi));
            setFlag(cc, d);
        }
    }
}
