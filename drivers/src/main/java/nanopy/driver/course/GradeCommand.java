package nanopy.driver.course;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nanopy.driver.ConfigError;
import nanopy.driver.PassRegistry;
import nanopy.driver.golden.GoldenReport;
import nanopy.driver.golden.JUnitXml;
import nanopy.driver.golden.Verdict;

/**
 * {@code nanopy golden report --student DIR [--assignment A] [--junit-xml FILE]}: grades one
 * submission (DIR holds {@code src/main/java}) or every submission in a folder (each subfolder one),
 * as {@link Grader} checks them. One submission: the course report (program x pass, the first pass
 * whose output is wrong), then a line per student pass. A folder: a summary table, one row per
 * submission, with a progress line on a terminal. With {@code --assignment A}, the programs, expected
 * outputs and course config are the instructor's copy in A, not the submission's own.
 * Exit status: 0 every submission passed everything, 1 otherwise, 2 a usage or assignment error.
 */
public final class GradeCommand {
    private final PrintStream out;
    private final PrintStream err;
    private final Optional<Path> assignment;
    private final int jobs;
    private final Duration timeout;

    private GradeCommand(PrintStream out, PrintStream err, Optional<Path> assignment, int jobs, Duration timeout) {
        this.out = out;
        this.err = err;
        this.assignment = assignment;
        this.jobs = jobs;
        this.timeout = timeout;
    }

    /** One submission graded. */
    private record Grade(String name, Optional<String> compileError, List<Verdict> verdicts, Assignment assignment) {
        boolean passed() {
            return compileError.isEmpty() && !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::ok);
        }

        long ok() {
            return verdicts.stream().filter(Verdict::ok).count();
        }

        List<String> brokenAt(String pass) {
            return verdicts.stream().filter(v -> v.failure().map(f -> f.pass().equals(pass)).orElse(false)).map(Verdict::program).toList();
        }
    }

    /**
     * Runs the grading.
     *
     * @param student a submission folder, or a folder of submission folders
     * @param assignment the instructor's assignment folder, if the submissions' own programs and config are not to be trusted
     * @param junitXml where to write JUnit XML (one submission), or a folder to write {@code NAME.xml} into (a folder of them)
     * @return the exit status
     */
    public static int run(Path student, Optional<Path> assignment, Optional<Path> junitXml, int jobs, long timeoutSeconds, PrintStream out,
            PrintStream err) {
        GradeCommand c = new GradeCommand(out, err, assignment, jobs, Duration.ofSeconds(timeoutSeconds));
        if (!Files.isDirectory(student)) {
            err.println("error: " + student + ": no such folder");
            return 2;
        }
        if (assignment.isPresent() && !Assignment.isAssignment(assignment.get())) {
            err.println("error: " + assignment.get() + ": not an assignment (it has no " + Assignment.FILE + ")");
            return 2;
        }
        try {
            if (c.isSubmission(student)) {
                return c.one(student, junitXml);
            }
            List<Path> subs;
            try (Stream<Path> s = Files.list(student)) {
                subs = s.filter(Files::isDirectory).filter(c::isSubmission).sorted(Comparator.comparing(Path::toString)).toList();
            }
            if (subs.isEmpty()) {
                err.println("error: " + student + " is neither a submission (it has no " + Assignment.FILE
                        + (assignment.isPresent() ? " and no src/main/java" : "") + ") nor a folder of submissions");
                return 2;
            }
            return c.folder(student, subs, junitXml);
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private boolean isSubmission(Path dir) {
        return Assignment.isAssignment(dir) || (assignment.isPresent() && Files.isDirectory(dir.resolve("src/main/java")));
    }

    private Grade grade(Path given) throws IOException {
        Path submission = given.toAbsolutePath().normalize();
        Path config = assignment.orElse(submission);
        Assignment a = Assignment.read(config);
        String name = submission.toAbsolutePath().normalize().getFileName().toString();
        Path work = Files.createTempDirectory("nanopy-grade-");
        try {
            Grader.Compiled compiled = Grader.compile(submission, work);
            if (compiled.error().isPresent()) {
                return new Grade(name, compiled.error(), List.of(), a);
            }
            PassRegistry registry;
            try {
                registry = PassRegistry.withPlugins(List.of(compiled.jar().get()));
            } catch (ConfigError | IllegalStateException e) {
                return new Grade(name, Optional.of(e.getMessage()), List.of(), a);
            }
            for (String mine : a.passes().values()) {
                if (registry.get(mine).isEmpty()) {
                    return new Grade(name, Optional.of("no pass named " + mine + " is listed in src/main/resources/" + ReferenceRepo.SERVICES),
                            List.of(), a);
                }
            }
            return new Grade(name, Optional.empty(), Grader.verdicts(config, registry, jobs, timeout, v -> {}), a);
        } finally {
            deleteTree(work);
        }
    }

    private int one(Path submission, Optional<Path> junitXml) throws IOException {
        Grade g = grade(submission);
        out.println("submission " + g.name() + ": target " + g.assignment().target() + ", passes "
                + String.join(", ", g.assignment().passes().values()));
        if (g.compileError().isPresent()) {
            out.println("does not compile: " + g.compileError().get());
            junitXml.ifPresent(x -> writeXml(x, compileFailure(g)));
            return 1;
        }
        GoldenReport report = new GoldenReport(g.verdicts());
        out.print(report.table());
        for (String mine : g.assignment().passes().values()) {
            out.println(passLine(g, mine));
        }
        junitXml.ifPresent(x -> writeXml(x, JUnitXml.render(report)));
        return g.passed() ? 0 : 1;
    }

    /** {@code student-flatten: 53/55 programs right after it; broken: middle/a, middle/b}. */
    private static String passLine(Grade g, String pass) {
        List<String> broken = g.brokenAt(pass);
        long reached = g.verdicts().stream().filter(v -> v.passes().indexOf(pass) >= 0
                && v.failure().map(f -> f.index() >= v.passes().indexOf(pass)).orElse(true)).count();
        String line = pass + ": " + (reached - broken.size()) + "/" + g.verdicts().size() + " programs right after it";
        if (!broken.isEmpty()) {
            line += "; broken: " + String.join(", ", broken.subList(0, Math.min(5, broken.size()))) + (broken.size() > 5 ? ", ..." : "");
        }
        return line;
    }

    private int folder(Path root, List<Path> subs, Optional<Path> junitXml) throws IOException {
        List<Grade> grades = new ArrayList<>();
        boolean tty = Boolean.getBoolean("nanopy.stderr.tty");
        for (int i = 0; i < subs.size(); i++) {
            if (tty) {
                err.print("\rgrading " + (i + 1) + "/" + subs.size() + ": " + subs.get(i).getFileName() + "\u001b[K");
                err.flush();
            }
            grades.add(grade(subs.get(i)));
        }
        if (tty) {
            err.print("\r\u001b[K");
            err.flush();
        }
        List<String> passes = new ArrayList<>(grades.get(0).assignment().passes().values());
        int width = Math.max(12, grades.stream().mapToInt(g -> g.name().length()).max().orElse(0) + 2);
        StringBuilder header = new StringBuilder(String.format("%-" + width + "s %-9s", "submission", "programs"));
        passes.forEach(p -> header.append(String.format(" %-" + (Math.max(p.length(), 10) + 1) + "s", p)));
        out.println("grading " + subs.size() + " submissions in " + root);
        out.println(header.append(" result"));
        for (Grade g : grades) {
            StringBuilder row = new StringBuilder(String.format("%-" + width + "s %-9s", g.name(),
                    g.compileError().isPresent() ? "-" : g.ok() + "/" + g.verdicts().size()));
            for (String p : passes) {
                String cell = g.compileError().isPresent() ? "-" : g.brokenAt(p).isEmpty() ? "ok" : g.brokenAt(p).size() + " broken";
                row.append(String.format(" %-" + (Math.max(p.length(), 10) + 1) + "s", cell));
            }
            row.append(' ').append(g.passed() ? "pass" : g.compileError().map(e -> "does not compile: " + e).orElse("FAIL"));
            out.println(row);
            if (junitXml.isPresent()) {
                Files.createDirectories(junitXml.get());
                writeXml(junitXml.get().resolve(g.name() + ".xml"), g.compileError().isPresent() ? compileFailure(g) : JUnitXml.render(new GoldenReport(g.verdicts())));
            }
        }
        long passed = grades.stream().filter(Grade::passed).count();
        out.println("submissions passing: " + passed + "/" + grades.size());
        return passed == grades.size() ? 0 : 1;
    }

    private static String compileFailure(Grade g) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"1\" failures=\"1\">\n  <testsuite name=\""
                + xml(g.name()) + "\" tests=\"1\" failures=\"1\">\n    <testcase classname=\"" + xml(g.name()) + "\" name=\"compile\">\n"
                + "      <failure type=\"compile\" message=\"" + xml(g.compileError().orElse("")) + "\"/>\n    </testcase>\n  </testsuite>\n</testsuites>\n";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void writeXml(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
