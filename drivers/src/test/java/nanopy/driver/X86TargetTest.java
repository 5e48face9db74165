package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import nanopy.driver.CliTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The x86-64 target from the command line: what every native target does ({@link NativeTargetContract}),
 * the dumps of the shared back end's stages and of the {@code .s}, and the assembler's rejection of
 * bad assembly reported as a nanopy bug (exit 70). The corpus runs on it in the golden suite.
 * Skipped without gcc, except under CI (where it must be there).
 */
class X86TargetTest extends NativeTargetContract {
    @BeforeAll
    static void toolsPresent() {
        requireTools(List.of("gcc"), "gcc, libgc-dev");
    }

    @Override
    String target() {
        return "x86-64";
    }

    @Test
    void dumpAfterEachStageOfTheBackEndAndOfEmitX86() throws Exception {
        Path prog = write("one.py", "def f(x: int) -> int:\n    return x * 2\nprint(f(21))\n");
        Run r = CliTest.nanopy("run", "--target=x86-64", "--dump-after=select-instructions", "--dump-after=allocate-registers",
                "--dump-after=emit-x86", prog.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("(Instr X86Op.ImulI [(VReg \"%1\" X86Class.Gpr)] [(VReg \"x\" X86Class.Gpr)] [(IntImm 2)])"),
                "x * 2 is one instruction with an immediate:\n" + r.err());
        assertTrue(r.err().contains("(Instr X86Op.Mov [(VReg \"x\" X86Class.Gpr)] [(Reg X86Class.Gpr 4)] [])"), "the static link arrives in rdi, x in rsi:\n" + r.err());
        assertTrue(r.err().contains("np_f.f:\n\tpushq %rbp"), r.err());
        assertTrue(r.err().contains("jo .Lnp_overflow"), r.err());
        assertEquals("42\n", r.out(), "the dumps on stderr, the program's output alone on stdout");
    }

    @Test
    void assemblyThatTheAssemblerRejectsIsANanopyBugNamingTheLine() throws Exception {
        Path bad = write("bad.ir", "(Assembly \"\\t.text\\nnanopy_main:\\n\\tmovq %rax, %rbx, %rcx\\n\")\n");
        Run r = CliTest.nanopy("run", "--target=x86-64", "--start-after=emit-x86", bad.toString());
        assertEquals(70, r.status(), r.err());
        assertTrue(r.err().contains("the assembler rejected the assembly written by pass 'emit-x86' at .s line 3 (movq %rax, %rbx, %rcx)"), r.err());
    }
}
