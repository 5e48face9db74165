package nanopy.passes.middle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of the shared corpus ({@code ../shared/corpus/nanopy} and {@code eoc}, skipped when
 * absent) through the front end and the whole middle end, interpreted after every pass and compared
 * with its {@code .golden} (stdin from {@code .in}); a mismatch names the first pass whose output
 * differs, and a program that takes longer than {@link #TIMEOUT} names the pass whose output was
 * running. {@code tail_divisor} recurses past the limit and must end in RecursionError; the slow
 * programs of {@code outcomes.toml} run only with {@code -Dnanopy.slowTests=true}.
 */
class CorpusPipelineTest {
    /** The longest a program may take through all passes and runs. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assumeTrue(dir != null, "repository root not found");
        return dir;
    }

    static Path corpus() {
        Path c = repo().resolve("../shared/corpus").normalize();
        assumeTrue(Files.isDirectory(c), "no corpus at " + c);
        return c;
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> programs(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".py")).filter(p -> !p.toString().contains("typecheck_error"))
                    .filter(p -> p.toString().contains(System.getProperty("corpus.only", "")))
                    .filter(p -> System.getProperty("corpus.skip", "").isEmpty() || !p.toString().contains(System.getProperty("corpus.skip", "")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path sibling(Path py, String ext) {
        String n = py.getFileName().toString();
        return py.resolveSibling(n.substring(0, n.length() - 3) + ext);
    }

    /**
     * The programs {@code drivers/.../golden/outcomes.toml} lists as slow (each makes hundreds of
     * millions of calls), as corpus-relative paths; checked only with {@code -Dnanopy.slowTests=true}.
     */
    static Set<String> slowPrograms(Path repo) {
        String toml = read(repo.resolve("drivers/src/main/resources/nanopy/driver/golden/outcomes.toml"));
        Matcher m = Pattern.compile("(?m)^programs\\s*=\\s*\\[([^\\]]*)\\]").matcher(toml.substring(Math.max(0, toml.indexOf("[slow]"))));
        Set<String> slow = new HashSet<>();
        if (m.find()) {
            Matcher q = Pattern.compile("\"([^\"]+)\"").matcher(m.group(1));
            while (q.find()) {
                slow.add(q.group(1) + ".py");
            }
        }
        return slow;
    }

    private static Stream<DynamicTest> suite(String folder) {
        Path root = corpus();
        Set<String> slow = Boolean.getBoolean("nanopy.slowTests") ? Set.of() : slowPrograms(repo());
        return programs(root.resolve(folder)).stream().filter(p -> !slow.contains(root.relativize(p).toString()))
                .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
                    String golden = read(sibling(p, ".golden"));
                    StringBuilder report = new StringBuilder();
                    AtomicReference<String> running = new AtomicReference<>("the front end");
                    FutureTask<String> task = new FutureTask<>(() -> MiddleEnd.firstDifference(read(p), read(sibling(p, ".in")),
                            got -> p.endsWith("tail_divisor.py") ? got.error().equals("RecursionError: maximum recursion depth exceeded")
                                    : got.out().equals(golden) && got.error().isEmpty(), report, running));
                    Thread t = new Thread(task, "corpus " + p.getFileName());
                    t.setDaemon(true);
                    t.start();
                    String pass;
                    try {
                        pass = task.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        t.interrupt();
                        throw new AssertionError("no result after " + TIMEOUT.toSeconds() + " s, while interpreting the output of " + running.get(), e);
                    }
                    assertEquals("", pass, () -> "first pass whose output differs: " + pass + "\n" + report);
                }));
    }

    @TestFactory
    Stream<DynamicTest> nanopyCorpusAfterEveryPass() {
        return suite("nanopy");
    }

    @TestFactory
    Stream<DynamicTest> eocCorpusAfterEveryPass() {
        return suite("eoc");
    }
}
