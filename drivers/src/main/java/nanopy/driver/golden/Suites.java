package nanopy.driver.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Where golden programs live and how they are found. A suite is a folder; every file under it (at
 * any depth) whose extension some target compiles is a program of that suite. The project's own
 * suites are {@code golden/programs/*}; the external ones, {@code ../shared/corpus/*}, are read where
 * they are when that folder exists.
 */
public final class Suites {
    /** The project's own suites, relative to the repository root. */
    public static final Path OWN = Path.of("golden", "programs");

    /** The external suites, relative to the repository root. */
    public static final Path EXTERNAL = Path.of("..", "shared", "corpus");

    private Suites() {}

    /**
     * The suite folders under {@code repoRoot}: each folder of {@link #OWN}, then each of
     * {@link #EXTERNAL}; a missing parent folder contributes nothing and adds a notice, and so does a
     * suite {@code outcomes.toml} lists as pending ({@link Outcomes#pendingSuite}).
     *
     * @param repoRoot the repository root
     * @param notices receives one sentence per missing parent folder
     */
    public static List<Path> discover(Path repoRoot, List<String> notices) {
        List<Path> out = new ArrayList<>();
        for (Path parent : List.of(repoRoot.resolve(OWN), repoRoot.resolve(EXTERNAL))) {
            if (!Files.isDirectory(parent)) {
                notices.add("skipped the suites in " + parent.normalize() + ": no such folder");
                continue;
            }
            try (Stream<Path> s = Files.list(parent)) {
                for (Path dir : s.filter(Files::isDirectory).sorted().toList()) {
                    Optional<String> why = Outcomes.builtin().pendingSuite(dir.getFileName().toString());
                    if (why.isPresent()) {
                        notices.add("skipped the suite " + dir.normalize() + ": " + why.get());
                    } else {
                        out.add(dir);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + parent + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * The programs of one suite, sorted by name.
     *
     * @param suiteDir the suite's folder; its name is the suite's name
     * @param isProgram which files are programs (by name), e.g. those with a target for their extension
     * @throws UncheckedIOException when the folder or a program cannot be read
     */
    public static List<GoldenProgram> programs(Path suiteDir, Predicate<String> isProgram) {
        String suite = suiteDir.getFileName().toString();
        List<GoldenProgram> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(suiteDir)) {
            for (Path f : s.filter(Files::isRegularFile).filter(f -> isProgram.test(f.getFileName().toString())).sorted().toList()) {
                String rel = suiteDir.relativize(f).toString().replace('\\', '/');
                out.add(GoldenProgram.read(suite, rel.substring(0, rel.lastIndexOf('.')), f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the suite " + suiteDir + ": " + e.getMessage(), e);
        }
        return out;
    }
}
