package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command line of README.md and docs/*.md (the shell lines of their code blocks) runs as
 * written, in document order, through the real launcher, in a folder holding the files the docs
 * name ({@code prog.py}, {@code prog.arith}, {@code course.toml}, {@code myproject/}, the examples,
 * the example golden suite): each must exit 0 without a Java stack trace. The few that cannot run
 * here are in {@link #NOT_RUN}, each with the reason; an entry that matches no doc line fails.
 */
class DocsCommandsTest {
    /** A doc line containing the key is not run, for the reason given. */
    static final Map<String, String> NOT_RUN = Map.of(
            "./mvnw ", "Maven builds and tests: the suite this test is a part of, or a module of it",
            "tools/bless", "runs the whole test suite to approve snapshots",
            "git status golden/approved", "reviews approvals in a git checkout (git, not nanopy)",
            "--plugin student.jar", "needs a student's jar of passes (plugin jars are tested by PluginJarTest and CliEdgesTest)",
            "hyperfine", "a benchmark (20 timed runs); not a test",
            "golden report --student", "grades a submission; the assignment the README makes holds the untouched stub, which does not "
                    + "compile until a student writes it (AssignmentTest grades real submissions)",
            "tools/bench --", "a benchmark over ../shared/bench (minutes); tools/bench's start is tested by BenchToolTest");

    static final Pattern COMMAND = Pattern.compile("^(\\./nanopy|nanopy|tools/|\\./mvnw|hyperfine|git |\\.ci/run)");

    @TempDir
    static Path dir;

    /** The command lines of one markdown file, continuation lines joined, in order. */
    static List<String> commands(Path markdown) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inBlock = false;
        boolean inShellBlock = false;
        StringBuilder pending = null;
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("```")) {
                // An opening fence says the block's language; a closing fence ends any block.
                String lang = line.substring(3).strip();
                inShellBlock = !inBlock && (lang.isEmpty() || lang.equals("sh") || lang.equals("bash"));
                inBlock = !inBlock;
                continue;
            }
            if (!inShellBlock) {
                continue;
            }
            if (pending != null) {
                pending.append(' ').append(line.strip());
            } else if (COMMAND.matcher(line.strip()).find()) {
                pending = new StringBuilder(line.strip());
            } else {
                continue;
            }
            if (pending.toString().endsWith("\\")) {
                pending.setLength(pending.length() - 1);
            } else {
                out.add(pending.toString());
                pending = null;
            }
        }
        return out;
    }

    static Map<String, List<String>> allCommands() throws IOException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("README.md", commands(Launcher.ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(Launcher.ROOT.resolve("docs"))) {
            for (Path d : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.put("docs/" + d.getFileName(), commands(d));
            }
        }
        return all;
    }

    /** The folder the commands run in: what the docs name, and {@code nanopy} on PATH. */
    static void prepare() throws IOException {
        Path nanopy = dir.resolve("nanopy");
        Files.writeString(nanopy, "#!/usr/bin/env bash\nexec \"" + Launcher.NANOPY + "\" \"$@\"\n");
        Files.setPosixFilePermissions(nanopy, PosixFilePermissions.fromString("rwxr-xr-x"));
        copyTree(Launcher.ROOT.resolve("examples"), dir.resolve("examples"));
        copyTree(Launcher.ROOT.resolve("golden/programs/example"), dir.resolve("golden/programs/example"));
        Files.createSymbolicLink(dir.resolve("tools"), Launcher.ROOT.resolve("tools"));
        Files.copy(Launcher.ROOT.resolve("examples/hello.py"), dir.resolve("prog.py"));
        Files.copy(Launcher.ROOT.resolve("examples/hello.arith"), dir.resolve("prog.arith"));
        Files.writeString(dir.resolve("course.toml"), "base = \"builtin\"\n[swap]\nuniquify = \"uniquify\"   # a course swaps in a student's pass here\n");
        Files.createDirectories(dir.resolve("myproject"));
        Files.writeString(dir.resolve("myproject/main.py"), "def main() -> None:\n    print(\"project\", 6 * 7)\n");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandRuns() throws IOException {
        prepare();
        List<DynamicTest> tests = new ArrayList<>();
        allCommands().forEach((file, commands) -> {
            for (String c : commands) {
                String reason = NOT_RUN.entrySet().stream().filter(e -> c.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
                tests.add(DynamicTest.dynamicTest(file + ": " + c, () -> {
                    if (reason != null) {
                        System.out.println("not run: " + c + " (" + reason + ")");
                        return;
                    }
                    ProcessBuilder pb = Launcher.builder(dir, List.of("bash", "-o", "pipefail", "-c", c))
                            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                    // The docs' `java -jar app.jar` needs JDK 25 (they say so): this JVM's java comes first.
                    pb.environment().put("PATH", dir + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
                    Launcher.Result r = new Launcher.Running(pb.start()).waitFor().noJavaTrace();
                    assertEquals(0, r.status(), c + "\nstdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr());
                }));
            }
        });
        return tests.stream();
    }

    @Test
    void everyNotRunEntryStillNamesADocumentedCommand() throws IOException {
        Set<String> keys = new java.util.HashSet<>(NOT_RUN.keySet());
        allCommands().values().forEach(cs -> cs.forEach(c -> keys.removeIf(c::contains)));
        assertTrue(keys.isEmpty(), "NOT_RUN entries that match no command in the docs (remove them): " + keys);
    }

    @Test
    void theReadmeRoundTripThroughIrTextPrintsWhatTheWholePipelineDoes() throws IOException {
        List<String> readme = commands(Launcher.ROOT.resolve("README.md"));
        assertTrue(readme.stream().anyMatch(c -> c.startsWith("./nanopy --stop-after=uniquify prog.arith > u.ir")), readme.toString());
        assertTrue(readme.stream().anyMatch(c -> c.startsWith("./nanopy --start-after=uniquify u.ir")), readme.toString());
        Path work = Files.createTempDirectory(dir, "roundtrip");
        Files.copy(Launcher.ROOT.resolve("examples/hello.arith"), work.resolve("prog.arith"));
        Launcher.Result whole = Launcher.run(work, "", "prog.arith");
        Launcher.Result stop = Launcher.run(work, "", "--stop-after=uniquify", "prog.arith");
        Files.writeString(work.resolve("u.ir"), stop.stdout());
        Launcher.Result resumed = Launcher.run(work, "", "--start-after=uniquify", "u.ir").noJavaTrace();
        assertEquals(new Launcher.Result(0, whole.stdout(), ""), resumed);
    }
}
