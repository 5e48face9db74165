package nanopy.ir;

/**
 * A reference interpreter for the programs of one IR language, so that a program can be run after
 * any pass and its output compared with CPython's. Implementations are found with
 * {@link java.util.ServiceLoader} (file {@code META-INF/services/nanopy.ir.Interpreter}); see
 * {@link Interpreters}.
 */
public interface Interpreter {
    /** The language whose entry nodes {@link #run} accepts. */
    Language language();

    /**
     * Runs a whole program.
     *
     * @param program the entry node of a program of {@link #language()}
     * @param io where the program reads input and writes output
     * @throws PyRuntimeError when the program fails as it would under CPython (exit status 1)
     */
    void run(Node program, ProgramIo io);
}
