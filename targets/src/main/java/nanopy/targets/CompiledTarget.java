package nanopy.targets;

import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;

/**
 * What every target that runs one kind of compiled program does the same way, written once: its
 * name, the check that the pipeline handed it a program of that kind, and flushing the program's
 * stdout when the run ends, also when it fails (so nothing printed before a run-time error is
 * lost). A subclass says only how a program of its kind {@link #execute executes}; its artifact
 * files ({@link Target#runArtifact}) run through {@link #runFlushed} too.
 *
 * <p>A program that runs outside this JVM (a native executable) reports a run-time error as
 * CPython's last stderr line; {@link nanopy.ir.PyRuntimeError#fromLastLine} turns it back into the
 * error every other target throws.
 *
 * @param <P> the entry record of the language this target runs (its last pass's output)
 */
public abstract class CompiledTarget<P extends Node> implements Target {
    private final String name;
    private final Class<P> programType;

    /**
     * @param name the name a config's {@code run = "NAME"} uses
     * @param programType the entry record of the programs it runs, e.g. {@code RegImage.Image}
     */
    protected CompiledTarget(String name, Class<P> programType) {
        this.name = name;
        this.programType = programType;
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * Runs {@code program} with {@code io} and flushes stdout at the end, also on failure.
     *
     * @throws nanopy.ir.PyRuntimeError when the program fails at run time
     * @throws UnsupportedOperationException when {@code program} is not of this target's kind
     */
    @Override
    public final void run(Language language, Node program, ProgramIo io) {
        if (!accepts(program)) {
            throw new UnsupportedOperationException("target '" + name + "' runs " + languageName() + " programs, not " + language.name());
        }
        runFlushed(programType.cast(program), io);
    }

    /** Whether {@code program} is of the kind this target runs (and, if it writes files, writes). */
    protected final boolean accepts(Node program) {
        return programType.isInstance(program);
    }

    /**
     * Executes {@code program}, then flushes stdout, also when it fails.
     *
     * @throws nanopy.ir.PyRuntimeError when the program fails at run time
     */
    protected final void runFlushed(P program, ProgramIo io) {
        try {
            execute(program, io);
        } finally {
            io.flush();
        }
    }

    /**
     * Executes {@code program} to its end, reading and printing through {@code io} (which the
     * caller flushes).
     *
     * @throws nanopy.ir.PyRuntimeError when the program fails at run time
     */
    protected abstract void execute(P program, ProgramIo io);

    /** {@code RegImage} for {@code RegImage.Image}: generated entry records are nested in their language. */
    private String languageName() {
        Class<?> language = programType.getEnclosingClass();
        return (language != null ? language : programType).getSimpleName();
    }
}
