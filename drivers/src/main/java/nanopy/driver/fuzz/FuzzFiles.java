package nanopy.driver.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real programs mutation mode starts from: every {@code .py} file under the given paths, and its {@code .in}. */
final class FuzzFiles {
    private FuzzFiles() {}

    /**
     * The {@code .py} files under {@code roots} (files or folders), sorted.
     *
     * @throws UncheckedIOException when a path cannot be read or holds no program
     */
    static List<Path> programs(List<Path> roots) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new UncheckedIOException(new IOException("no .py programs under " + roots));
        }
        return out;
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    /** The program's stdin: its sibling {@code .in} file, or empty. */
    static String stdin(Path p) {
        String name = p.getFileName().toString();
        Path in = p.resolveSibling(name.substring(0, name.length() - 3) + ".in");
        return Files.exists(in) ? read(in) : "";
    }
}
