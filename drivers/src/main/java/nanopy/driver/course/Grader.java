package nanopy.driver.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import nanopy.driver.ConfigError;
import nanopy.driver.Driver;
import nanopy.driver.PassRegistry;
import nanopy.driver.PipelineConfig;
import nanopy.driver.golden.GoldenCases;
import nanopy.driver.golden.GoldenHarness;
import nanopy.driver.golden.Targets;
import nanopy.driver.golden.Verdict;

/**
 * Grades an assignment's passes: compiles a submission's sources, swaps its passes in with the
 * assignment's {@code course.toml}, and checks every program of the assignment's {@code programs/}
 * after every pass on the assignment's target ({@link GoldenHarness}), so each verdict names the
 * first pass whose output is wrong.
 */
public final class Grader {
    /** Verdicts already computed in this JVM, by project folder (the student's focused tests share one run). */
    private static final Map<Path, List<Verdict>> CHECKED = new ConcurrentHashMap<>();

    private Grader() {}

    /**
     * For the student's focused tests (their passes on the class path): per program of
     * {@code project/programs}, empty when the program is right after {@code studentPass}, else the
     * reason it is not (its failure at that pass, or the earlier pass that broke it first).
     *
     * @param project the assignment folder (the student's project)
     * @param studentPass the student's pass's registry name ({@code student-flatten})
     * @throws IllegalArgumentException when the folder is not an assignment or its config is wrong
     */
    public static Map<String, Optional<String>> problemsAt(Path project, String studentPass) {
        Path dir = project.toAbsolutePath().normalize();
        List<Verdict> verdicts = CHECKED.computeIfAbsent(dir, d -> verdicts(d, PassRegistry.builtin(), Runtime.getRuntime().availableProcessors(),
                Duration.ofSeconds(60), v -> {}));
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            int at = v.passes().indexOf(studentPass);
            if (at < 0) {
                throw new IllegalArgumentException("pass " + studentPass + " is not in target " + v.target() + "'s pipeline: " + v.passes());
            }
            Optional<String> problem = v.failure().map(f -> f.index() == at ? v.summary()
                    : f.index() < at ? "not reached: an earlier pass broke it first: " + v.summary() : null);
            out.put(v.program(), problem);
        }
        return out;
    }

    /**
     * Checks every program of the assignment in {@code dir} on its target.
     *
     * @param registry the passes (the student's among them)
     * @param done called with each verdict as it comes (from several threads)
     * @throws IllegalArgumentException in one sentence for a missing or wrong assignment or config
     */
    static List<Verdict> verdicts(Path dir, PassRegistry registry, int jobs, Duration timeout, java.util.function.Consumer<Verdict> done) {
        Assignment a = Assignment.read(dir);
        Driver driver;
        try {
            driver = new Driver(PipelineConfig.load(dir.resolve(Assignment.COURSE)), registry);
        } catch (ConfigError e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Targets targets = new Targets(driver);
        if (targets.get(a.target()).isEmpty()) {
            throw new IllegalArgumentException(dir.resolve(Assignment.FILE) + ": unknown target '" + a.target() + "'"
                    + String.join("; ", targets.notices()));
        }
        List<Path> suites;
        try (Stream<Path> s = Files.list(dir.resolve(Assignment.PROGRAMS))) {
            suites = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dir.resolve(Assignment.PROGRAMS) + ": no folder of programs");
        }
        List<GoldenCases.Case> cases = GoldenCases.collect(targets, suites, Set.of(a.target()), new ArrayList<>());
        GoldenHarness harness = new GoldenHarness(driver, timeout);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Verdict>> futures = new ArrayList<>();
            for (GoldenCases.Case c : cases) {
                futures.add(pool.submit(() -> {
                    Verdict v = harness.check(c.program(), c.pipeline(), Set.of());
                    done.accept(v);
                    return v;
                }));
            }
            List<Verdict> out = new ArrayList<>();
            for (Future<Verdict> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the golden harness crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A submission compiled: the jar of its passes, or what javac said.
     *
     * @param jar the jar (classes and {@code META-INF/services}), when it compiled
     * @param error javac's first error ({@code src/main/java/student/X.java:12: error: ...}) and how many there were
     */
    record Compiled(Optional<Path> jar, Optional<String> error) {}

    /**
     * Compiles {@code submission/src/main/java} against nanopy's class path into a jar under
     * {@code work}, with {@code submission/src/main/resources} (the service listing) in it.
     */
    static Compiled compile(Path submission, Path work) throws IOException {
        Path src = submission.resolve("src/main/java");
        List<Path> sources;
        try (Stream<Path> s = Files.isDirectory(src) ? Files.walk(src) : Stream.empty()) {
            sources = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        if (sources.isEmpty()) {
            return new Compiled(Optional.empty(), Optional.of("no Java sources under " + src));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler (javax.tools); run nanopy on a JDK");
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none", "-nowarn",
                    "-encoding", "UTF-8");
            ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
        }
        if (!ok) {
            List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
            Diagnostic<? extends JavaFileObject> first = errors.get(0);
            String where = first.getSource() == null ? "" : submission.relativize(Path.of(first.getSource().toUri())) + ":" + first.getLineNumber() + ": ";
            String message = first.getMessage(Locale.ROOT).lines().findFirst().orElse("");
            return new Compiled(Optional.empty(), Optional.of(where + "error: " + message
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")));
        }
        Path jar = work.resolve("submission.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> c = Files.walk(classes);
                Stream<Path> r = Files.isDirectory(submission.resolve("src/main/resources")) ? Files.walk(submission.resolve("src/main/resources")) : Stream.empty()) {
            for (Path root : List.of(classes, submission.resolve("src/main/resources"))) {
                Stream<Path> files = root == classes ? c : r;
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Compiled(Optional.of(jar), Optional.empty());
    }
}
