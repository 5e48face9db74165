package nanopy.targets.stackvm;

import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.py.interp.PyTypedInterpreter;
import nanopy.py.interp.TargetRuntime;
import nanopy.stackvm.StackCode;
import nanopy.targets.Target;

/**
 * The stackvm target's runner ({@code run = "stackvm"}): links a {@link StackCode} program and
 * runs it on the {@link Machine}. Output, errors and the recursion limit are those of the PyTyped
 * interpreter ({@link PyTypedInterpreter#RECURSION_LIMIT} nested calls).
 */
public final class StackVm implements Target {
    /** For ServiceLoader. */
    public StackVm() {}

    @Override
    public String name() {
        return "stackvm";
    }

    @Override
    public void run(Language language, Node program, ProgramIo io) {
        if (!(program instanceof StackCode.Program p)) {
            throw new UnsupportedOperationException("the stack VM runs StackCode programs, not " + language.name());
        }
        execute(p, io);
    }

    /**
     * Runs a program to its end.
     *
     * @throws nanopy.ir.PyRuntimeError when the program fails as it would under CPython
     */
    static void execute(StackCode.Program program, ProgramIo io) {
        TargetRuntime runtime = new TargetRuntime(io);
        Linker linker = new Linker(runtime);
        CodeObject module = linker.link(program);
        new Machine(runtime, linker.globalCount(), PyTypedInterpreter.RECURSION_LIMIT).run(module);
    }
}
