package nanopy.targets.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import nanopy.ir.Interpreters;
import nanopy.ir.IrText;
import nanopy.ir.ProgramIo;
import nanopy.ir.Span;
import nanopy.lir.Lir;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode;
import nanopy.pass.PassContext;
import nanopy.passes.mach.AllocateRegisters;
import nanopy.passes.mach.BuildInterference;
import nanopy.passes.mach.PatchInstructions;
import nanopy.passes.mach.PreludeAndConclusion;
import nanopy.passes.mach.SelectInstructions;
import nanopy.passes.mach.Tree;
import nanopy.passes.mach.UncoverLive;
import nanopy.targets.x86.X86Isa.X86Op;
import org.junit.jupiter.api.Test;

/**
 * The x86-64 rule table, the shared patch-instructions on x86's registers and the emitter's
 * two-address forms, as drawn examples: Lir or allocated code in, instructions or assembly lines
 * out. (The corpus runs natively in the golden suite and X86TargetTest.)
 */
class X86BackEndTest {
    /** {@code def f(x)}: a = x + 1; b = a + 3000000000; return a if b < 10 else b; print(f(5) + f(-3000000000)). */
    private static final String PROGRAM = """
            (Module
              [(Local "f" Ptr)]
              [(Def "f"
                 [(Local "link.1" Ptr) (Local "x" I64)]
                 [(Local "a" I64) (Local "b" I64) (Local "$1" I64)]
                 I64
                 [(Block "start"
                    [(Assign "a" (Mach Add [(Var "x" I64) (Int 1)] I64))
                     (Assign "b" (Mach Add [(Var "a" I64) (Int 3000000000)] I64))
                     (Assign "$1" (Mach Lt [(Var "b" I64) (Int 10)] I64))]
                    (Branch (Var "$1" I64) "then.1" "join.2"))
                  (Block "then.1" [] (Return (Var "a" I64)))
                  (Block "join.2" [] (Return (Var "b" I64)))])]
              [(Local "alloc.1" Ptr) (Local "tmp.1" Ptr) (Local "tmp.2" I64) (Local "tmp.3" Ptr) (Local "tmp.4" I64)
               (Local "tmp.5" I64) (Local "$1" Ptr) (Local "$2" Ptr) (Local "$3" Ptr) (Local "$4" Ptr) (Local "$5" Ptr)]
              [(Block "start"
                 [(Assign "alloc.1" (CallRt "nanopy_rt_closure_new" [(FunRef "f")] Ptr))
                  (SetField (Var "alloc.1" Ptr) 1 (Null))
                  (StoreGlobal "f" (Var "alloc.1" Ptr))
                  (Assign "tmp.1" (LoadGlobal "f" Ptr))
                  (Assign "$1" (Field (Var "tmp.1" Ptr) 0 Ptr))
                  (Assign "$2" (Field (Var "tmp.1" Ptr) 1 Ptr))
                  (Assign "tmp.2" (Call (Var "$1" Ptr) [(Var "$2" Ptr) (Int 5)] I64))
                  (Assign "tmp.3" (LoadGlobal "f" Ptr))
                  (Assign "$3" (Field (Var "tmp.3" Ptr) 0 Ptr))
                  (Assign "$4" (Field (Var "tmp.3" Ptr) 1 Ptr))
                  (Assign "tmp.4" (Call (Var "$3" Ptr) [(Var "$4" Ptr) (Int -3000000000)] I64))
                  (Assign "tmp.5" (Mach Add [(Var "tmp.2" I64) (Var "tmp.4" I64)] I64))
                  (Assign "$5" (CallRt "nanopy_rt_to_str_int" [(Var "tmp.5" I64)] Ptr))
                  (ExprStmt (CallRt "nanopy_rt_write" [(Var "$5" Ptr)] Void))
                  (ExprStmt (CallRt "nanopy_rt_write" [(Str "\\n")] Void))]
                 (Return (Null)))])
            """;

    private static PassContext ctx() {
        return new PassContext("test.py", "", Map.of("select-instructions.isa", "x86-64"));
    }

    private static MachCode.Program select(String lir) throws Exception {
        PassContext c = ctx();
        c.enterPass("select-instructions");
        return new SelectInstructions().apply((Lir.Module) IrText.parse(Lir.LANGUAGE, lir), c);
    }

    private static MachAllocated.Program allocate(String lir) throws Exception {
        var live = new UncoverLive().apply(select(lir), ctx());
        var allocated = new AllocateRegisters().apply(new BuildInterference().apply(live, ctx()), ctx());
        return new PreludeAndConclusion().apply(new PatchInstructions().apply(allocated, ctx()), ctx());
    }

    /** The IR text on one line per node group: the printer's line breaks become single spaces. */
    private static String text(MachCode.Program p) {
        return IrText.print(MachCode.LANGUAGE, p, false).replaceAll("\\s+", " ").replace("[ ", "[").replace(" ]", "]");
    }

    @Test
    void immediatesThatFitAreOperandsAndACompareFusesWithItsBranch() throws Exception {
        String f = text(select(PROGRAM));
        assertTrue(f.contains("(Instr X86Op.AddI [(VReg \"a\" X86Class.Gpr)] [(VReg \"x\" X86Class.Gpr)] [(IntImm 1)])"), f);
        assertTrue(f.contains("(Instr X86Op.MovImm [(VReg \"%1\" X86Class.Gpr)] [] [(IntImm 3000000000)])")
                && f.contains("(Instr X86Op.Add [(VReg \"b\" X86Class.Gpr)] [(VReg \"a\" X86Class.Gpr) (VReg \"%1\" X86Class.Gpr)] [])"),
                "3000000000 does not fit a 32-bit immediate: it is loaded into a register first:\n" + f);
        assertTrue(f.contains("(Br X86Op.JlI [(VReg \"b\" X86Class.Gpr)] [(IntImm 10)] \"then.1\" \"join.2\")"), f);
        assertTrue(f.contains("(Instr X86Op.Mov [(Reg X86Class.Gpr 4)] [(VReg \"%"), "the second argument goes in rsi:\n" + f);
    }

    @Test
    void aValueLiveAcrossACallIsInACalleeSavedRegisterThatThePreludeSaves() throws Exception {
        MachAllocated.Program p = allocate(PROGRAM);
        String module = IrText.print(MachAllocated.LANGUAGE, p.functions().head(), false).replaceAll("\\s+", " ");
        assertTrue(module.contains("(Home \"tmp.2\" (Reg X86Class.Gpr 1))"), "f(5) waits for the second call in rbx:\n" + module);
        assertTrue(module.contains("(Instr X86Op.Store [(Slot X86Class.Gpr 0)] [(Reg X86Class.Gpr 1)] [])"), "rbx saved:\n" + module);
        StringBuilder out = new StringBuilder();
        Interpreters.forLanguage("MachAllocated").orElseThrow().run(p, new ProgramIo(new BufferedReader(new StringReader("")), out));
        assertEquals("7\n", out.toString(), "the rules' meaning, run by MachInterpreter (which checks callee-saved registers)");
        String asm = new EmitX86().apply(p, ctx()).text();
        assertTrue(asm.contains("\tmovq %rbx, -8(%rbp)\n"), asm);
        assertTrue(asm.contains("\tcmpq $10, %"), asm);
        assertTrue(asm.contains("\tjge .L1_join.2\n"), "then.1 follows: the branch jumps to join.2 on the negated condition\n" + asm);
        assertTrue(asm.contains("\tmovabsq $3000000000, %"), asm);
        assertTrue(asm.contains("nanopy_main:\n\tpushq %rbp\n\tmovq %rsp, %rbp\n\tsubq $16, %rsp\n\tleaq -268435456(%rsp), %rax\n"
                + "\tmovq %rax, nanopy_x86_stack_limit(%rip)\n"), "the top level sets where recursion stops:\n" + asm);
        assertTrue(asm.contains("np_f.f:\n\tpushq %rbp\n\tmovq %rsp, %rbp\n\tsubq $16, %rsp\n\tcmpq nanopy_x86_stack_limit(%rip), %rsp\n\tjb .Lnp_recursion\n"),
                "f checks the stack on entry:\n" + asm);
    }

    /** One function of allocated x86 code with {@code body} and two general frame slots, through patch-instructions and emit-x86. */
    private static List<String> emit(String body) throws Exception {
        String program = "(Program \"x86-64\" [] [(Function \"<module>\" [] [(Block \"start\" [" + body
                + "] (Ret (Reg X86Class.Gpr 0)))] [] [(Frame X86Class.Gpr 2) (Frame X86Class.Sse 0)])])";
        MachAllocated.Program p = (MachAllocated.Program) IrText.parse(MachAllocated.LANGUAGE, program);
        String asm = new EmitX86().apply(new PatchInstructions().apply(p, ctx()), ctx()).text();
        String code = asm.substring(asm.indexOf(".L0_start:\n") + ".L0_start:\n".length(), asm.indexOf("\tleave"));
        return code.lines().map(String::strip).toList();
    }

    private static final String RAX = "(Reg X86Class.Gpr 0)";
    private static final String RBX = "(Reg X86Class.Gpr 1)";
    private static final String RCX = "(Reg X86Class.Gpr 2)";
    private static final String SLOT0 = "(Slot X86Class.Gpr 0)";
    private static final String SLOT1 = "(Slot X86Class.Gpr 1)";

    private static String instr(String op, String dst, String a, String b) {
        return "(Instr X86Op." + op + " [" + dst + "] [" + a + " " + b + "] [])";
    }

    @Test
    void threeAddressInstructionsBecomeTwoAddressOnes() throws Exception {
        assertEquals(List.of("addq %rbx, %rax", "jo .Lnp_overflow"), emit(instr("Add", RAX, RAX, RBX)));
        assertEquals(List.of("addq %rbx, %rax", "jo .Lnp_overflow"), emit(instr("Add", RAX, RBX, RAX)), "addition commutes");
        assertEquals(List.of("movq %rbx, %rcx", "subq %rax, %rcx", "jo .Lnp_overflow"), emit(instr("Sub", RCX, RBX, RAX)));
        assertEquals(List.of("movq %rbx, %r10", "subq %rax, %r10", "jo .Lnp_overflow", "movq %r10, %rax"), emit(instr("Sub", RAX, RBX, RAX)),
                "rax - ... into rax's operand goes through a scratch register");
        assertEquals(List.of("cmpq %rbx, %rax", "setl %cl", "movzbq %cl, %rcx"), emit(instr("SetL", RCX, RAX, RBX)));
    }

    private static Tree rt(String routine, long constant) {
        Tree n = new Tree(Tree.Kind.VAR, "n", List.of(), Lir.Ty.I64, Span.NONE);
        Tree k = new Tree(Tree.Kind.INT, constant, List.of(), Lir.Ty.I64, Span.NONE);
        return new Tree(Tree.Kind.RT, routine, List.of(n, k), Lir.Ty.I64, Span.NONE);
    }

    @Test
    void floorDivisionAndModuloByAPowerOfTwoAreAShiftAndAMask() throws Exception {
        assertEquals(X86Op.AndPow2, X86Isa.RULES.munch(rt("nanopy_rt_int_mod", 8)).orElseThrow().rule().op());
        assertEquals(X86Op.SarPow2, X86Isa.RULES.munch(rt("nanopy_rt_int_floor_div", 2)).orElseThrow().rule().op());
        assertTrue(X86Isa.RULES.munch(rt("nanopy_rt_int_mod", 6)).isEmpty(), "n % 6 stays a call of the run-time library");
        assertTrue(X86Isa.RULES.munch(rt("nanopy_rt_int_mod", 0)).isEmpty(), "n % 0 is the run-time library's ZeroDivisionError");
        assertEquals(List.of("movq %rbx, %rax", "andq $7, %rax"), emit("(Instr X86Op.AndPow2 [" + RAX + "] [" + RBX + "] [(IntImm 8)])"),
                "-7 % 8 == 1 == -7 & 7: the mask floors as Python does");
        assertEquals(List.of("sarq $2, %rax"), emit("(Instr X86Op.SarPow2 [" + RAX + "] [" + RAX + "] [(IntImm 4)])"),
                "-7 // 4 == -2 == -7 >> 2");
    }

    @Test
    void spilledOperandsGoThroughScratchRegistersSoNoInstructionHasTwoMemoryOperands() throws Exception {
        assertEquals(List.of("movq -8(%rbp), %r10", "movq -16(%rbp), %r11", "addq %r11, %r10", "jo .Lnp_overflow", "movq %r10, -8(%rbp)"),
                emit(instr("Add", SLOT0, SLOT0, SLOT1)));
        assertEquals(List.of("movq -16(%rbp), %r10", "movq %rbx, %r11", "subq %r10, %r11", "jo .Lnp_overflow", "movq %r11, %r10",
                "movq %r10, -8(%rbp)"), emit(instr("Sub", SLOT0, RBX, SLOT1)),
                "the subtrahend is in r10, where the result goes too: the difference is made in r11");
        assertEquals(List.of("movq $0, %rax"), emit("(Instr X86Op.MovImm [" + RAX + "] [] [(IntImm 0)])"));
        assertEquals(List.of("movabsq $-3000000000, %rax"), emit("(Instr X86Op.MovImm [" + RAX + "] [] [(IntImm -3000000000)])"),
                "a constant past 32 bits needs movabsq");
    }
}
