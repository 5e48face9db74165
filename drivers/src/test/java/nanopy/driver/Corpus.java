package nanopy.driver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nanopy.driver.golden.GoldenProgram;
import nanopy.driver.golden.Suites;

/**
 * Test helper: the shared corpus ({@code ../shared/corpus} beside the repository), read the way
 * the golden harness reads it ({@link GoldenProgram}: stdin, {@code .golden}, {@code .err},
 * headers, and the exceptions of {@code outcomes.toml}). A test that needs it is skipped when it is
 * absent.
 */
final class Corpus {
    private Corpus() {}

    /** The corpus folder; skips the calling test when there is none. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "repository root not found");
        Path c = dir.resolve(Suites.EXTERNAL).normalize();
        assumeTrue(Files.isDirectory(c), "no corpus at " + c);
        return c;
    }

    /** The {@code .py} programs under {@code folder} of the corpus (e.g. "eoc" or "eoc/if_typecheck_error"), sorted. */
    static List<GoldenProgram> programs(String folder) {
        return Suites.programs(root().resolve(folder), name -> name.endsWith(".py"));
    }
}
