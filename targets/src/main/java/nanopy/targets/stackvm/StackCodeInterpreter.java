package nanopy.targets.stackvm;

import nanopy.ir.Interpreter;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.stackvm.StackCode;

/** The reference interpreter of {@link StackCode}: the stack VM itself, so stack code runs after any pass. */
public final class StackCodeInterpreter implements Interpreter {
    /** For ServiceLoader. */
    public StackCodeInterpreter() {}

    @Override
    public Language language() {
        return StackCode.LANGUAGE;
    }

    @Override
    public void run(Node program, ProgramIo io) {
        StackVm.runProgram((StackCode.Program) program, io);
    }
}
