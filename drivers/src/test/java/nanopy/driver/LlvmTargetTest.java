package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import nanopy.driver.CliTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The llvm target from the command line: what every native target does ({@link NativeTargetContract}),
 * the dump of the {@code .ll}, and a tool's rejection of bad IR reported as a nanopy bug (exit 70).
 * The corpus runs on it in the golden suite. Skipped without LLVM 16 and gcc, except under CI (where
 * .ci/run installs them).
 */
class LlvmTargetTest extends NativeTargetContract {
    @BeforeAll
    static void toolsPresent() {
        requireTools(List.of("opt-16", "llc-16", "gcc"), "llvm-16, gcc, libgc-dev");
    }

    @Override
    String target() {
        return "llvm";
    }

    @Test
    void dumpAfterEmitLlvmPrintsTheModule() throws Exception {
        Path prog = write("one.py", "def f(x: int) -> int:\n    return x * 2\nprint(f(21))\n");
        Run r = CliTest.nanopy("run", "--target=llvm", "--dump-after=emit-llvm", prog.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("define internal fastcc i64 @\"f:f\"(ptr %p0, i64 %depth, i64 %p1)"), r.err());
        assertTrue(r.err().contains("@llvm.smul.with.overflow.i64"), r.err());
        assertEquals("42\n", r.out(), "the dump on stderr, the program's output alone on stdout");
    }

    @Test
    void llvmIrThatOptRejectsIsANanopyBugNamingTheLine() throws Exception {
        Path bad = write("bad.ir", "(Module \"define void @nanopy_main() {\\n  ret i32 0\\n}\\n\")\n");
        Run r = CliTest.nanopy("run", "--target=llvm", "--start-after=emit-llvm", bad.toString());
        assertEquals(70, r.status(), r.err());
        assertTrue(r.err().contains("rejected the LLVM IR written by pass 'emit-llvm' at .ll line 2 (ret i32 0)"), r.err());
    }
}
