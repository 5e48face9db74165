package nanopy.targets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;

/**
 * A back end as the drivers see it: how its final program runs ({@link TargetRunner#run}) and the
 * optional extras the CLI offers for it. The drivers never import a target's classes; they find
 * every target with {@link java.util.ServiceLoader} ({@code META-INF/services/nanopy.targets.Target})
 * and match {@link #name()} against a pipeline config's {@code run = "NAME"}.
 *
 * <p>Extras, each off unless the target overrides it:
 *
 * <ul>
 *   <li><b>artifact files</b> ({@link #artifactExtension()}, {@link #writes}, {@link #write},
 *       {@link #runArtifact}): {@code nanopy build --target=T prog.py -o prog.EXT} writes the
 *       compiled program as a file (bytecode, a class file, an executable, ...), and
 *       {@code nanopy run prog.EXT} runs such a file without compiling;
 *   <li><b>graph dumps</b> ({@link #dotAfter()}, {@link #dot}): {@code nanopy ir dump --format=dot
 *       --target=T prog.py} compiles up to the named pass and prints Graphviz text.
 * </ul>
 *
 * Adding a target is one folder (or module) with its passes and a {@code Target}, one
 * {@code [target.NAME]} section in {@code pipelines.toml} whose {@code run} names it, and its
 * services lines ({@code nanopy.pass.Pass}, {@code nanopy.targets.Target}); see
 * {@code docs/architecture.md}, "adding a target". A class listed only as a plain
 * {@link TargetRunner} service is still found, as a runner without extras.
 */
public interface Target extends TargetRunner {
    /**
     * The file name extension (with its dot, e.g. {@code ".nbc"}) of the artifact files this target
     * writes and runs; empty when it has none.
     */
    default Optional<String> artifactExtension() {
        return Optional.empty();
    }

    /**
     * Whether {@code file} is one of this target's artifact files, which {@code nanopy run FILE}
     * runs with {@link #runArtifact}; by default, whether its name ends in {@link #artifactExtension()}.
     */
    default boolean isArtifact(Path file) {
        String name = String.valueOf(file.getFileName());
        return artifactExtension().filter(name::endsWith).isPresent();
    }

    /**
     * Whether this target writes artifact files at all ({@code nanopy build -o} says which targets
     * do); by default, whether it has an {@link #artifactExtension()}. A target whose files have no
     * fixed extension (a native executable) overrides it.
     */
    default boolean writesArtifacts() {
        return artifactExtension().isPresent();
    }

    /** Whether {@link #write} can write {@code program} (the last pass's output), e.g. a complete image. */
    default boolean writes(Node program) {
        return false;
    }

    /**
     * Writes {@code program} as an artifact file at {@code output}.
     *
     * @throws IOException when the file cannot be written
     * @throws UnsupportedOperationException when {@link #writes} is false for {@code program}
     */
    default void write(Node program, Path output) throws IOException {
        throw new UnsupportedOperationException("target " + name() + " writes no files");
    }

    /**
     * Runs the artifact file {@code file} (one {@link #write} wrote) with {@code io}. Output is
     * flushed even when the program fails.
     *
     * @throws IOException when the file cannot be read
     * @throws Malformed when the file is not a well-formed artifact of this target (the message is
     *     one sentence saying what is wrong)
     * @throws nanopy.ir.PyRuntimeError when the program fails at run time
     */
    default void runArtifact(Path file, ProgramIo io) throws IOException, Malformed {
        throw new UnsupportedOperationException("target " + name() + " runs no files");
    }

    /**
     * The pass after which {@link #dot} can draw the program (e.g. {@code build-interference});
     * empty when this target has no graph dump.
     */
    default Optional<String> dotAfter() {
        return Optional.empty();
    }

    /**
     * Graphviz text for {@code program}, the output of pass {@link #dotAfter()}: only function
     * {@code function}, or every function when it is empty.
     */
    default String dot(Node program, String function) {
        throw new UnsupportedOperationException("target " + name() + " has no graph dump");
    }

    /**
     * An artifact file that is not well formed: the message says how, in one sentence, and for a
     * text file the position may say where (the CLI then shows the line and a caret).
     */
    final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        /** @param message what is wrong with the file */
        public Malformed(String message) {
            this(message, 0, 0);
        }

        /**
         * @param message what is wrong with the file
         * @param line the 1-based line of a text file where it is wrong
         * @param column the 1-based column on that line
         */
        public Malformed(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        /** The 1-based line where the file is wrong, or 0 when the message has no position. */
        public int line() {
            return line;
        }

        /** The 1-based column where the file is wrong, or 0 when the message has no position. */
        public int column() {
            return column;
        }
    }
}
