package nanopy.driver.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nanopy.driver.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assignment round trip: an instructor removes flatten, three students hand in the reference
 * pass (right), the reference pass with tuple unpacking reversed (wrong), and the stub untouched
 * (does not compile); the grades say so, in the table, the exit status and the JUnit XML. The
 * right one also builds and passes its own focused tests with Maven, offline, reading nanopy's
 * jars from the assignment's nanopy-repo and writing nothing to the shared ~/.m2.
 */
class AssignmentTest {
    /** The checkout (tests run in the drivers module's folder). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    static Path tmp;
    static Path assignment;
    static Path submissions;

    record Run(int status, String out, String err) {}

    static Run nanopy(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader("")));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The reference flatten as a student would hand it in: package student, class StudentFlatten. */
    static String referenceAsStudent() throws IOException {
        return Files.readString(ROOT.resolve("passes/src/main/java/nanopy/passes/flatten/Flatten.java"))
                .replace("package nanopy.passes.flatten;", "package student;\n\nimport nanopy.passes.flatten.ExposeTypes;")
                .replace("public final class Flatten ", "public final class StudentFlatten ");
    }

    @BeforeAll
    static void makeAndHandIn() throws IOException {
        assignment = tmp.resolve("flatten-assignment");
        Run made = nanopy("assignment", "make", "--remove", "flatten", "--out", assignment.toString());
        assertEquals(0, made.status(), made.err());
        assertTrue(made.out().startsWith("wrote " + assignment + ": target middle-interp, 1 stub(s) (student-flatten)"), made.out());
        submissions = tmp.resolve("submissions");
        String right = referenceAsStudent();
        String wrong = right.replace("new Flat.TupleGet(v, i, type, sp)", "new Flat.TupleGet(v, elts.size() - 1 - i, type, sp)");
        assertFalse(wrong.equals(right), "the reference still unpacks tuples as this test expects");
        copy(assignment, submissions.resolve("right"));
        copy(assignment, submissions.resolve("stub"));
        copy(assignment, submissions.resolve("wrong"));
        Files.writeString(submissions.resolve("right/src/main/java/student/StudentFlatten.java"), right);
        Files.writeString(submissions.resolve("wrong/src/main/java/student/StudentFlatten.java"), wrong);
    }

    @Test
    void theAssignmentHasAStubTestsProgramsAndConfigButNotTheReferencePass() throws IOException {
        String stub = Files.readString(assignment.resolve("src/main/java/student/StudentFlatten.java"));
        assertTrue(stub.contains("public final class StudentFlatten extends AllocToFlat implements Pass<Alloc.Module, Flat.Module>"), stub);
        assertTrue(stub.contains("<li>{@code List<Flat.Stmt> onAssign(Alloc.Assign node)}"), stub);
        assertEquals("student.StudentFlatten\n", Files.readString(assignment.resolve("src/main/resources/META-INF/services/nanopy.pass.Pass")));
        assertTrue(Files.readString(assignment.resolve("course.toml")).contains("base = \"builtin\"\n\n[swap]\nflatten = \"student-flatten\"\n"));
        assertTrue(Files.isRegularFile(assignment.resolve("src/test/java/student/StudentFlattenTest.java")));
        assertTrue(Files.isRegularFile(assignment.resolve("programs/semantics/tuples.py")));
        assertTrue(Files.isRegularFile(assignment.resolve("programs/semantics/tuples.golden")));
        assertTrue(Files.readString(assignment.resolve("README.md")).contains("./mvnw test"));
        assertEquals("-Dmaven.repo.local.tail=nanopy-repo\n", Files.readString(assignment.resolve(".mvn/maven.config")));
        try (JarFile passes = new JarFile(assignment.resolve("nanopy-repo/dev/nanopy/nanopy-passes/0.1.0-SNAPSHOT/nanopy-passes-0.1.0-SNAPSHOT.jar").toFile())) {
            assertTrue(passes.getEntry("nanopy/passes/flatten/Flatten.class") == null, "the reference pass is left out");
            assertTrue(passes.getEntry("nanopy/passes/flatten/Flatten$1.class") == null, "and its translator");
            assertTrue(passes.getEntry("nanopy/passes/flatten/ExposeTypes.class") != null, "public helpers stay");
            assertTrue(passes.getEntry("nanopy/passes/control/ExplicateControl.class") != null, "other passes stay");
            String services = new String(passes.getInputStream(passes.getEntry("META-INF/services/nanopy.pass.Pass")).readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(services.contains("nanopy.passes.flatten.Flatten\n"), services);
            assertTrue(services.contains("nanopy.passes.control.ExplicateControl"), services);
        }
        try (Stream<Path> sources = Files.walk(assignment)) {
            assertTrue(sources.noneMatch(p -> p.getFileName().toString().equals("Flatten.java")));
        }
    }

    @Test
    void aFolderOfSubmissionsIsGradedInOneCommand() throws Exception {
        Path xml = tmp.resolve("grades");
        Run r = nanopy("golden", "report", "--student", submissions.toString(), "--junit-xml", xml.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("grading 3 submissions in " + submissions), r.out());
        assertTrue(Pattern.compile("(?m)^right +(\\d+)/\\1 +ok +pass$").matcher(r.out()).find(), r.out());
        Matcher wrong = Pattern.compile("(?m)^wrong +(\\d+)/(\\d+) +(\\d+) broken +FAIL$").matcher(r.out());
        assertTrue(wrong.find(), r.out());
        assertEquals(Integer.parseInt(wrong.group(2)) - Integer.parseInt(wrong.group(3)), Integer.parseInt(wrong.group(1)));
        assertTrue(Pattern.compile("(?m)^stub +- +- +does not compile: src/main/java/student/StudentFlatten.java:\\d+: error: "
                + "student.StudentFlatten is not abstract and does not override abstract method on\\w+\\(").matcher(r.out()).find(), r.out());
        assertTrue(r.out().contains("submissions passing: 1/3"), r.out());
        assertEquals(Set.of("right.xml", "wrong.xml", "stub.xml"), Set.copyOf(list(xml)));
        String wrongXml = Files.readString(xml.resolve("wrong.xml"));
        assertTrue(wrongXml.contains("type=\"student-flatten\""), wrongXml);
        assertTrue(Files.readString(xml.resolve("stub.xml")).contains("type=\"compile\""));
    }

    @Test
    void oneSubmissionGetsTheCourseReportAndALinePerPass() {
        Run right = nanopy("golden", "report", "--student", submissions.resolve("right").toString());
        assertEquals(0, right.status(), right.out() + right.err());
        assertTrue(Pattern.compile("(?m)^student-flatten: (\\d+)/\\1 programs right after it$").matcher(right.out()).find(), right.out());

        Run wrong = nanopy("golden", "report", "--student", submissions.resolve("wrong").toString(), "--assignment", assignment.toString());
        assertEquals(1, wrong.status(), wrong.out() + wrong.err());
        assertTrue(wrong.out().lines().anyMatch(l -> l.matches("semantics/tuples +\\.{15}X-  FAIL at student-flatten: .*")), wrong.out());
        assertTrue(wrong.out().lines().filter(l -> l.contains("FAIL at")).allMatch(l -> l.contains("FAIL at student-flatten")), wrong.out());
        assertTrue(Pattern.compile("(?m)^student-flatten: \\d+/\\d+ programs right after it; broken: .*semantics/tuples").matcher(wrong.out()).find(),
                wrong.out());
    }

    @Test
    void mistakesAreUsageErrorsWithAClearMessage() {
        Run unknown = nanopy("assignment", "make", "--remove", "flaten", "--out", tmp.resolve("x").toString());
        assertEquals(new Run(2, "", "error: unknown pass 'flaten' (did you mean flatten?)\n"), unknown);
        Run notEmpty = nanopy("assignment", "make", "--remove", "flatten", "--out", assignment.toString());
        assertEquals(2, notEmpty.status());
        assertTrue(notEmpty.err().contains("is not empty"), notEmpty.err());
        Run wrongTarget = nanopy("assignment", "make", "--remove", "flatten", "--target", "stackvm", "--out", tmp.resolve("y").toString());
        assertEquals(2, wrongTarget.status());
        assertTrue(wrongTarget.err().startsWith("error: target stackvm does not run pass flatten"), wrongTarget.err());
        Run noFolder = nanopy("golden", "report", "--student", tmp.resolve("nope").toString());
        assertEquals(new Run(2, "", "error: " + tmp.resolve("nope") + ": no such folder\n"), noFolder);
        Run notASubmission = nanopy("golden", "report", "--student", tmp.toString() + "/submissions/right/src");
        assertEquals(2, notASubmission.status());
        assertTrue(notASubmission.err().contains("is neither a submission"), notASubmission.err());
    }

    /**
     * The student's side: Maven builds the right submission and runs its focused tests, offline,
     * with a private local repository whose tails are the assignment's nanopy-repo and the shared
     * ~/.m2 (read only): what the student's own {@code .mvn/maven.config} does, minus writing to ~/.m2.
     */
    @Test
    void theRightSubmissionBuildsAndPassesItsFocusedTestsWithMaven() throws Exception {
        Path project = submissions.resolve("right");
        Path privateRepo = tmp.resolve("m2");
        String tails = project.resolve("nanopy-repo") + "," + Path.of(System.getProperty("user.home"), ".m2", "repository");
        ProcessBuilder pb = new ProcessBuilder(project.resolve("mvnw").toString(), "-B", "-o", "-q", "-Dmaven.repo.local=" + privateRepo,
                "-Dmaven.repo.local.tail=" + tails, "package").directory(project.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), log);
        assertEquals(0, p.exitValue(), log);
        String report = Files.readString(project.resolve("target/surefire-reports/TEST-student.StudentFlattenTest.xml"));
        Matcher m = Pattern.compile("tests=\"(\\d+)\" errors=\"0\" skipped=\"0\" failures=\"0\"").matcher(report);
        assertTrue(m.find() && Integer.parseInt(m.group(1)) > 10, report);
        assertTrue(Files.isRegularFile(project.resolve("target/nanopy-assignment-1.0.jar")));
        try (Stream<Path> written = Files.walk(privateRepo)) {
            assertTrue(written.noneMatch(f -> f.toString().contains("dev/nanopy")), "nanopy's jars are read from the tail, never copied");
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
