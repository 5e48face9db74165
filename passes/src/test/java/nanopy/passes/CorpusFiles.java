package nanopy.passes;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test helper: the repository root, the shared corpus ({@code ../shared/corpus} beside it) and the
 * files of its programs. A test that needs the corpus is skipped when it is absent. (The drivers
 * module reads the corpus through the golden harness instead; this module cannot depend on it.)
 */
public final class CorpusFiles {
    private CorpusFiles() {}

    /** The repository root (the folder with {@code mvnw}); skips the calling test when not found. */
    public static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "repository root not found");
        return dir;
    }

    /** The corpus folder; skips the calling test when there is none. */
    public static Path root() {
        Path c = repo().resolve("../shared/corpus").normalize();
        assumeTrue(Files.isDirectory(c), "no corpus at " + c);
        return c;
    }

    /** The {@code .py} files under {@code dir}, sorted. */
    public static List<Path> programs(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code p}, or "" when there is no such file. */
    public static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code dir/name.py} becomes {@code dir/name.EXT} ({@code ext} with its dot). */
    public static Path sibling(Path py, String ext) {
        String n = py.getFileName().toString();
        return py.resolveSibling(n.substring(0, n.length() - 3) + ext);
    }

    /**
     * The programs {@code drivers/.../golden/outcomes.toml} lists as slow (each makes hundreds of
     * millions of calls), as corpus-relative paths; checked only with {@code -Dnanopy.slowTests=true}.
     */
    public static java.util.Set<String> slowPrograms(Path repo) {
        String toml = read(repo.resolve("drivers/src/main/resources/nanopy/driver/golden/outcomes.toml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^programs\\s*=\\s*\\[([^\\]]*)\\]").matcher(toml.substring(Math.max(0, toml.indexOf("[slow]"))));
        java.util.Set<String> slow = new java.util.HashSet<>();
        if (m.find()) {
            java.util.regex.Matcher q = java.util.regex.Pattern.compile("\"([^\"]+)\"").matcher(m.group(1));
            while (q.find()) {
                slow.add(q.group(1) + ".py");
            }
        }
        return slow;
    }
}
