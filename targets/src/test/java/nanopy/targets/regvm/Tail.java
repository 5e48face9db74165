package nanopy.targets.regvm;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;
import nanopy.ir.IrText;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.pass.PassContext;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode;
import nanopy.passes.mach.AllocateRegisters;
import nanopy.passes.mach.BuildInterference;
import nanopy.passes.mach.PatchInstructions;
import nanopy.passes.mach.PreludeAndConclusion;
import nanopy.passes.mach.UncoverLive;
import nanopy.py.Blocks;
import nanopy.regvm.RegImage;

/** Test helper: runs the register VM's tail (its selection, the shared register passes, its emitter) on Blocks IR text and runs the result. */
final class Tail {
    private Tail() {}

    /** What a run printed and how it ended. */
    record Outcome(String stdout, String error) {}

    static Blocks.Module parse(String blocksText) {
        try {
            return (Blocks.Module) IrText.parse(Blocks.LANGUAGE, blocksText);
        } catch (nanopy.ir.IrError e) {
            throw new AssertionError("bad test program: " + e.getMessage(), e);
        }
    }

    static MachCode.Program select(String blocksText) {
        return new SelectRegvmInstructions().apply(parse(blocksText), ctx());
    }

    static MachAllocated.Program allocate(String blocksText) {
        var live = new UncoverLive().apply(select(blocksText), ctx());
        return new AllocateRegisters().apply(new BuildInterference().apply(live, ctx()), ctx());
    }

    static RegImage.Image compile(String blocksText) {
        var patched = new PatchInstructions().apply(allocate(blocksText), ctx());
        return new EmitRegvm().apply(new PreludeAndConclusion().apply(patched, ctx()), ctx());
    }

    static PassContext ctx() {
        return new PassContext("test.py", "", Map.of());
    }

    static Outcome run(RegImage.Image image, String stdin) {
        StringBuilder out = new StringBuilder();
        ProgramIo io = new ProgramIo(new BufferedReader(new StringReader(stdin)), out);
        try {
            RegVmRunner.run(image, io);
            return new Outcome(out.toString(), "");
        } catch (PyRuntimeError e) {
            return new Outcome(out.toString(), e.lastLine());
        }
    }

    static Outcome run(String blocksText) {
        return run(compile(blocksText), "");
    }
}
