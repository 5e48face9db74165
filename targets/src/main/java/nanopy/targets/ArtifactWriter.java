package nanopy.targets;

import java.io.IOException;
import java.nio.file.Path;
import nanopy.ir.Node;

/**
 * Writes a target's final program as a file for {@code nanopy build -o FILE} (an executable, an
 * image), instead of its IR text. Found with {@link java.util.ServiceLoader}; the first that
 * {@link #writes} a program writes it.
 */
public interface ArtifactWriter {
    /** Whether this writer writes {@code program} (the last pass's output). */
    boolean writes(Node program);

    /**
     * Writes {@code program} to {@code output}, replacing it.
     *
     * @throws IOException when {@code output} cannot be written
     */
    void write(Node program, Path output) throws IOException;
}
