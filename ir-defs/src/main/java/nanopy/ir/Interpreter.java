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

    /**
     * Whether {@link #run} runs {@code program}: true for every program of the language unless the
     * language is shared by targets this interpreter cannot run (the machine IRs: MachAllocated
     * code of an instruction set without a rule table is run by its target's own runner). Tools that
     * run every pass's output (the golden tests, {@code check --bisect}) skip the others.
     */
    default boolean runs(Node program) {
        return true;
    }
}
