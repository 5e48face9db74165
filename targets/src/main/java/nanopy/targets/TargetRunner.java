package nanopy.targets;

import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;

/**
 * How a target's final program runs (a pipeline config's {@code run = "NAME"}): a VM, an
 * interpreter, or an external tool. Found with {@link java.util.ServiceLoader}.
 */
public interface TargetRunner {
    /** The name a config uses, e.g. {@code interpret}. */
    String name();

    /**
     * Runs a compiled program.
     *
     * @param language the language of {@code program} (the last pass's output)
     * @param program the program
     * @param io its stdin and stdout
     * @throws nanopy.ir.PyRuntimeError when the program fails at run time
     * @throws UnsupportedOperationException when this runner cannot run programs of {@code language}
     */
    void run(Language language, Node program, ProgramIo io);
}
