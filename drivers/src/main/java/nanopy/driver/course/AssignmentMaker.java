package nanopy.driver.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nanopy.driver.ConfigError;
import nanopy.driver.Driver;
import nanopy.driver.PassInfo;
import nanopy.driver.Pipeline;
import nanopy.driver.golden.GoldenProgram;
import nanopy.driver.golden.Suites;
import nanopy.driver.golden.Targets;

/**
 * Writes an assignment: a Maven project in which the student writes back the removed passes.
 *
 * <pre>
 * DIR/pom.xml                 depends on nanopy-drivers (and so on all of nanopy) from nanopy-repo
 * DIR/.mvn/maven.config       -Dmaven.repo.local.tail=nanopy-repo: nanopy's jars are read from there
 * DIR/mvnw, DIR/.mvn/wrapper  nanopy's Maven wrapper (Maven 3.9, which reads repository tails)
 * DIR/nanopy-repo/            nanopy's jars and poms without the removed passes' code
 * DIR/src/main/java/student/StudentP.java          one stub per removed pass P
 * DIR/src/main/resources/META-INF/services/nanopy.pass.Pass   lists the stubs
 * DIR/src/test/java/student/StudentPTest.java      the focused test of each
 * DIR/programs/SUITE/*.py     the golden programs the target compiles, with CPython's outputs
 * DIR/course.toml             swaps the student's passes for the reference ones
 * DIR/assignment.toml         what the grader reads
 * DIR/README.md               for the student
 * </pre>
 */
public final class AssignmentMaker {
    private final NanopyHome home;
    private final Driver driver;

    /**
     * @param home the running nanopy's checkout and jars
     * @param driver the built-in pipelines and passes
     */
    public AssignmentMaker(NanopyHome home, Driver driver) {
        this.home = home;
        this.driver = driver;
    }

    /** What was written, for the command's summary. */
    public record Made(Assignment assignment, int programs, Set<String> leftOut) {}

    /**
     * Makes the assignment.
     *
     * @param remove the reference passes to remove, by registry name
     * @param target the grading target, or null for the first target (in config order) that runs them all
     * @param out the folder to write (must not exist, or be empty)
     * @throws IllegalArgumentException in one sentence for an unknown pass or target, a target that
     *     does not run every removed pass, or a non-empty output folder
     */
    public Made make(List<String> remove, String target, Path out) throws IOException {
        Map<String, PassInfo> passes = new LinkedHashMap<>();
        for (String p : remove) {
            PassInfo info = driver.registry().get(p)
                    .orElseThrow(() -> new IllegalArgumentException("unknown pass '" + p + "'" + driver.registry().suggest(p)));
            passes.put(p, info);
        }
        Targets targets = new Targets(driver);
        String chosen = target == null ? firstTargetRunning(targets, passes.keySet()) : target;
        Pipeline pipeline = targets.get(chosen).orElseThrow(() -> new IllegalArgumentException("unknown target '" + chosen + "'; targets: "
                + String.join(", ", targets.all().keySet())));
        for (String p : passes.keySet()) {
            if (pipeline.indexOf(p) < 0) {
                throw new IllegalArgumentException("target " + chosen + " does not run pass " + p + " (its passes: " + pipeline.canonical() + ")");
            }
        }
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(out + " is not empty; give a new folder");
                }
            }
        }
        Files.createDirectories(out);
        Map<String, String> swaps = new LinkedHashMap<>();
        for (Pipeline.Step s : pipeline.steps()) {
            if (passes.containsKey(s.pass().name())) {
                swaps.put(s.pass().name(), "student-" + s.pass().name());
            }
        }
        Assignment a = new Assignment(chosen, swaps);
        Files.writeString(out.resolve(Assignment.FILE), a.toml());
        Files.writeString(out.resolve(Assignment.COURSE), a.courseToml());

        Path main = Files.createDirectories(out.resolve("src/main/java").resolve(Stubs.PACKAGE));
        Path test = Files.createDirectories(out.resolve("src/test/java").resolve(Stubs.PACKAGE));
        StringBuilder services = new StringBuilder();
        Set<String> removedClasses = new LinkedHashSet<>();
        for (String p : swaps.keySet()) {
            PassInfo info = passes.get(p);
            String cls = Stubs.className(p);
            Files.writeString(main.resolve(cls + ".java"), Stubs.stub(info, cls));
            Files.writeString(test.resolve(cls + "Test.java"), Stubs.test(cls, swaps.get(p)));
            services.append(Stubs.PACKAGE).append('.').append(cls).append('\n');
            removedClasses.add(info.type().getName());
        }
        Path meta = Files.createDirectories(out.resolve("src/main/resources/META-INF/services"));
        Files.writeString(meta.resolve("nanopy.pass.Pass"), services.toString());

        int programs = copyPrograms(targets, chosen, out.resolve(Assignment.PROGRAMS));
        Set<String> leftOut = ReferenceRepo.write(home, removedClasses, out.resolve("nanopy-repo"));
        writeBuild(out);
        Files.writeString(out.resolve("README.md"), readme(a, passes));
        Files.writeString(out.resolve(".gitignore"), "/target/\n");
        return new Made(a, programs, leftOut);
    }

    private static String firstTargetRunning(Targets targets, Set<String> passes) {
        for (Map.Entry<String, Pipeline> t : targets.all().entrySet()) {
            if (passes.stream().allMatch(p -> t.getValue().indexOf(p) >= 0)) {
                return t.getKey();
            }
        }
        throw new IllegalArgumentException("no target runs all of " + String.join(", ", passes));
    }

    /** Copies every golden program of the checkout that {@code target} compiles, with its expected files. */
    private int copyPrograms(Targets targets, String target, Path to) throws IOException {
        Path golden = home.root().resolve("golden/programs");
        List<Path> suites;
        try (Stream<Path> s = Files.list(golden)) {
            suites = s.filter(Files::isDirectory).sorted().toList();
        }
        int n = 0;
        for (Path suite : suites) {
            for (GoldenProgram p : Suites.programs(suite, f -> targets.forFile(f).stream().anyMatch(pl -> pl.name().equals(target)))) {
                Path dir = Files.createDirectories(to.resolve(suite.getFileName().toString()));
                String file = p.file().getFileName().toString();
                String stem = file.substring(0, file.lastIndexOf('.'));
                try (Stream<Path> siblings = Files.list(p.file().getParent())) {
                    for (Path f : siblings.filter(f -> f.getFileName().toString().startsWith(stem + ".")).toList()) {
                        Files.copy(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                n++;
            }
        }
        return n;
    }

    private void writeBuild(Path out) throws IOException {
        Files.writeString(out.resolve("pom.xml"), pom(home.version()));
        Path mvn = Files.createDirectories(out.resolve(".mvn"));
        Files.writeString(mvn.resolve("maven.config"), "-Dmaven.repo.local.tail=nanopy-repo\n");
        Path wrapper = Files.createDirectories(mvn.resolve("wrapper"));
        Files.copy(home.root().resolve(".mvn/wrapper/maven-wrapper.properties"), wrapper.resolve("maven-wrapper.properties"));
        Files.copy(home.root().resolve("mvnw"), out.resolve("mvnw"));
        Files.setPosixFilePermissions(out.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The student project's pom: nanopy-drivers, JUnit, and the plugin versions nanopy's own build uses. */
    static String pom(String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>course</groupId>
                  <artifactId>nanopy-assignment</artifactId>
                  <version>1.0</version>
                  <name>nanopy assignment</name>

                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>25</maven.compiler.release>
                    <!-- nanopy's jars come from ./nanopy-repo (.mvn/maven.config names it as a read-only tail of
                         the local repository), so nothing of nanopy is installed into ~/.m2. -->
                    <nanopy.version>%s</nanopy.version>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>dev.nanopy</groupId>
                      <artifactId>nanopy-drivers</artifactId>
                      <version>${nanopy.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>org.junit.jupiter</groupId>
                      <artifactId>junit-jupiter</artifactId>
                      <version>5.14.4</version>
                      <scope>test</scope>
                    </dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-toolchains-plugin</artifactId>
                        <version>3.3.0</version>
                        <executions>
                          <execution>
                            <goals>
                              <goal>select-jdk-toolchain</goal>
                            </goals>
                            <configuration>
                              <version>[25,)</version>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
                        <configuration>
                          <compilerArgs>
                            <arg>-Xlint:all</arg>
                          </compilerArgs>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.2</version>
                        <configuration>
                          <argLine>-Xss16m</argLine>
                          <trimStackTrace>true</trimStackTrace>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-jar-plugin</artifactId>
                        <version>3.4.2</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version);
    }

    private static String readme(Assignment a, Map<String, PassInfo> passes) {
        StringBuilder sb = new StringBuilder("# nanopy assignment: write ");
        sb.append(String.join(" and ", a.passes().keySet())).append("\n\n");
        sb.append("Your compiler is nanopy with these passes taken out. Write them back:\n\n");
        a.passes().forEach((ref, mine) -> {
            PassInfo p = passes.get(ref);
            sb.append("- `src/main/java/student/").append(Stubs.className(ref)).append(".java` (`").append(mine).append("`, ")
                    .append(p.input().name()).append(" -> ").append(p.output().name()).append("): ").append(p.description()).append('\n');
        });
        sb.append("""

                Each class extends the translator base generated for its two languages, so it does not compile
                until you write what the base leaves abstract: javac names one method at a time, and the class's
                Javadoc lists them all. `course.toml` swaps your passes in for the reference ones, and the grader
                checks every program in `programs/` after every pass, against CPython's output.

                You need a JDK 25 and Maven (the `./mvnw` here fetches Maven 3.9 on first use). nanopy's jars
                are in `nanopy-repo/`, which `.mvn/maven.config` names as a read-only Maven repository: build from
                this folder.

                ```sh
                ./mvnw -q compile                 # javac lists what you still have to write
                ./mvnw test                       # your passes' focused tests: one per program, right after your pass
                ./mvnw -q package                 # target/nanopy-assignment-1.0.jar: your passes, as a plugin jar
                ```

                See what your pass does to one program (with a nanopy checkout's `./nanopy` on your PATH as `nanopy`):

                ```sh
                nanopy --plugin=target/nanopy-assignment-1.0.jar --pipeline=course.toml --target=%s \\
                    --dump-after=%s programs/middle/control_flow.py
                nanopy --plugin=target/nanopy-assignment-1.0.jar --pipeline=course.toml --target=%s \\
                    check --bisect programs/middle/control_flow.py     # the first pass that changes the output
                ```

                Grade yourself as the instructor will (per program, the first pass whose output is wrong; totals):

                ```sh
                nanopy golden report --student .
                ```
                """.formatted(a.target(), a.passes().values().iterator().next(), a.target()));
        return sb.toString();
    }
}
