package nanopy.targets.stackvm;

import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.stackvm.StackCode;

/**
 * CPython-style peephole optimization of stack code, one code object at a time
 * ({@link PeepholeOptimizer}): folds operators applied to constant loads, turns branches on
 * constants into jumps or nothing, threads jumps to jumps and to returns, and removes no-ops,
 * jumps to the next instruction and unreachable code after returns and jumps. Never changes
 * what a program prints or raises: a fold that would fail at run time (overflow) is not done.
 */
public final class Peephole implements Pass<StackCode.Program, StackCode.Program> {
    /** For ServiceLoader. */
    public Peephole() {}

    @Override
    public StackCode.Program apply(StackCode.Program program, PassContext ctx) {
        return new StackCode.Program(program.codes().map(c -> new PeepholeOptimizer(c).optimize()), program.span());
    }

    @Override
    public String description() {
        return "fold constant loads, thread jumps and remove dead code in stack bytecode";
    }
}
