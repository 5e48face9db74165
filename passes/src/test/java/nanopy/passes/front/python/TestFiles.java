package nanopy.passes.front.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test inputs: resource folders and the shared corpus. */
final class TestFiles {
    /** The shared corpus of NanoPy programs, next to the project's worktrees. */
    static final Path CORPUS = Path.of("/work/shared/corpus");

    private TestFiles() {}

    /** The files directly in resource folder {@code name} whose names end with {@code suffix}, sorted. */
    static List<Path> resources(String name, String suffix) {
        try {
            Path dir = Path.of(TestFiles.class.getResource("/" + name).toURI());
            try (Stream<Path> s = Files.list(dir)) {
                return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code .py} file of the corpus, sorted; empty when the corpus is absent. */
    static List<Path> corpus() {
        if (!Files.isDirectory(CORPUS)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name with its extension replaced. */
    static Path sibling(Path p, String oldSuffix, String newSuffix) {
        String name = p.getFileName().toString();
        return p.resolveSibling(name.substring(0, name.length() - oldSuffix.length()) + newSuffix);
    }
}
