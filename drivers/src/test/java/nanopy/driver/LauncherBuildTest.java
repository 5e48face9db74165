package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's first build shows Maven's progress on a terminal instead of minutes of silence. A
 * real build takes minutes, so the launcher runs in a copy of the repository root whose
 * {@code mvnw} replays the module lines of a real {@code ./mvnw -B -pl drivers -am package} of
 * this repository (captured from its log) and leaves a jar behind.
 */
class LauncherBuildTest {
    /** Lines of a real Maven run of this repository (its other lines omitted). */
    static final String MAVEN_LOG = """
            [INFO] Scanning for projects...
            [INFO] Reactor Build Order:
            [INFO] ------------------------< nanopy:nanopy-parent >------------------------
            [INFO] Building nanopy 0.1.0-SNAPSHOT                                     [1/6]
            [INFO] Building nanopy IR generator 0.1.0-SNAPSHOT                        [2/6]
            [INFO] Building nanopy IR definitions 0.1.0-SNAPSHOT                      [3/6]
            [INFO] Building jar: /work/cli/ir-defs/target/nanopy-ir-defs-0.1.0-SNAPSHOT.jar
            [INFO] Building nanopy passes 0.1.0-SNAPSHOT                              [4/6]
            [INFO] Building nanopy targets 0.1.0-SNAPSHOT                             [5/6]
            [INFO] Building nanopy drivers 0.1.0-SNAPSHOT                             [6/6]
            [INFO] Building jar: /work/cli/drivers/target/nanopy-drivers.jar
            [INFO] BUILD SUCCESS
            """;

    @TempDir
    Path root;

    private void fakeRoot() throws IOException {
        Files.copy(Launcher.NANOPY, root.resolve("nanopy"));
        Path mvnw = root.resolve("mvnw");
        Files.writeString(mvnw, "#!/usr/bin/env bash\ncat <<'LOG'\n" + MAVEN_LOG + "LOG\n"
                + "mkdir -p drivers/target/lib && : > drivers/target/nanopy-drivers.jar\n");
        for (Path p : List.of(root.resolve("nanopy"), mvnw)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(root.resolve("examples"));
    }

    private ProcessBuilder withoutTestClassPath(ProcessBuilder pb) {
        pb.environment().remove("NANOPY_CLASSPATH");
        return pb;
    }

    @Test
    void onATerminalTheFirstBuildShowsEachModule() throws IOException {
        fakeRoot();
        Launcher.Running r = Launcher.inTerminal(root, List.of("env", "-u", "NANOPY_CLASSPATH", root.resolve("nanopy").toString(), "-c", "print(1)"));
        Launcher.Result done = r.waitFor();
        String shown = done.stdout();
        assertTrue(shown.contains("nanopy: building (first use or sources changed; log in drivers/target/build.log)..."), shown);
        assertTrue(shown.contains("nanopy: building 1/6 nanopy 0.1.0-SNAPSHOT"), shown);
        assertTrue(shown.contains("nanopy: building 3/6 nanopy IR definitions 0.1.0-SNAPSHOT"), shown);
        assertTrue(shown.contains("nanopy: building 6/6 nanopy drivers 0.1.0-SNAPSHOT"), shown);
        assertTrue(shown.contains("nanopy: [INFO] BUILD SUCCESS"), shown);
        assertFalse(shown.contains("Building jar"), shown);
        assertTrue(Files.readString(root.resolve("drivers/target/build.log")).contains("[INFO] Building nanopy passes"), "the whole log is kept");
    }

    @Test
    void intoAPipeTheBuildIsQuietAndLogged() throws IOException {
        fakeRoot();
        ProcessBuilder pb = withoutTestClassPath(new ProcessBuilder(root.resolve("nanopy").toString(), "-c", "print(1)").directory(root.toFile()));
        Launcher.Result done = new Launcher.Running(pb.start()).waitFor();
        assertFalse(done.stderr().contains("nanopy: building 1/6"), done.stderr());
        assertTrue(done.stderr().startsWith("nanopy: building (first use"), done.stderr());
        assertTrue(Files.readString(root.resolve("drivers/target/build.log")).contains("[INFO] Building nanopy passes"));
    }
}
