package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nanopy.driver.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target added the documented way, with no change to the drivers: a {@link nanopy.targets.Target}
 * listed in a services file ({@link ToyTextTarget}) plus one {@code [target.X]} section.
 */
class TargetServiceTest {
    @TempDir
    Path dir;

    /** The drivers' main code names no target's classes: only the service interfaces of {@code nanopy.targets}. */
    @Test
    void theDriversReachTargetsOnlyThroughTheService() throws Exception {
        java.util.List<String> offending;
        try (var files = Files.walk(Path.of("src/main/java"))) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream()
                            .filter(l -> l.matches("import (static )?nanopy\\.targets\\.[a-z].*;"))
                            .map(l -> f.getFileName() + ": " + l);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertEquals(java.util.List.of(), offending);
    }

    @Test
    void aTargetFoundByItsServiceWritesAndRunsItsArtifacts() throws Exception {
        Path config = dir.resolve("toy.toml");
        Files.writeString(config, """
                base = "builtin"
                [target.toy]
                after = "arith-front"
                passes = ["remove-negation", "remove-complex-operands", "flatten-lets"]
                run = "toy-text"
                """);
        Path prog = dir.resolve("prog.arith");
        Files.writeString(prog, CliTest.PROGRAM);
        Path out = dir.resolve("prog.toyir");
        Run build = CliTest.nanopy("build", "--pipeline=" + config, "--target=toy", prog.toString(), "-o", out.toString());
        assertEquals(0, build.status(), build.err());
        assertTrue(Files.readString(out).startsWith("(Program"), Files.readString(out));
        assertEquals(new Run(0, "42\n", ""), CliTest.nanopy("run", out.toString()));
        assertEquals(new Run(0, "42\n", ""), CliTest.nanopy("--pipeline=" + config, "--target=toy", prog.toString()));
        Files.writeString(out, "(Nonsense");
        Run bad = CliTest.nanopy("run", out.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().startsWith("error: " + out + ": not ArithFlat IR text ("), bad.err());
    }

    @Test
    void aTargetWithoutAGraphDumpSaysSo() throws Exception {
        Path prog = dir.resolve("prog.py");
        Files.writeString(prog, "print(1)\n");
        Run r = CliTest.nanopy("ir", "dump", "--format=dot", "--target=stackvm", prog.toString());
        assertEquals(2, r.status());
        assertEquals("error: target 'stackvm' has no graph dump; choose a register target with --target (e.g. regvm)\n", r.err());
    }
}
