package nanopy.targets.stackvm;

import nanopy.ir.ProgramIo;
import nanopy.py.interp.PyTypedInterpreter;
import nanopy.py.interp.TargetRuntime;
import nanopy.stackvm.StackCode;
import nanopy.targets.CompiledTarget;

/**
 * The stackvm target's runner ({@code run = "stackvm"}): links a {@link StackCode} program and
 * runs it on the {@link Machine}. Output, errors and the recursion limit are those of the PyTyped
 * interpreter ({@link PyTypedInterpreter#RECURSION_LIMIT} nested calls).
 */
public final class StackVm extends CompiledTarget<StackCode.Program> {
    /** For ServiceLoader. */
    public StackVm() {
        super("stackvm", StackCode.Program.class);
    }

    @Override
    protected void execute(StackCode.Program program, ProgramIo io) {
        runProgram(program, io);
    }

    /**
     * Runs a program to its end (the caller flushes {@code io}).
     *
     * @throws nanopy.ir.PyRuntimeError when the program fails as it would under CPython
     */
    static void runProgram(StackCode.Program program, ProgramIo io) {
        TargetRuntime runtime = new TargetRuntime(io);
        Linker linker = new Linker(runtime);
        CodeObject module = linker.link(program);
        new Machine(runtime, linker.globalCount(), PyTypedInterpreter.RECURSION_LIMIT).run(module);
    }
}
