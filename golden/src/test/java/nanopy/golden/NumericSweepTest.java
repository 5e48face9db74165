package nanopy.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nanopy.driver.Driver;
import nanopy.driver.Instrumentation;
import nanopy.driver.PassManager;
import nanopy.driver.Pipeline;
import nanopy.driver.golden.Targets;
import nanopy.driver.golden.Watchdog;
import nanopy.ir.CompileError;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The numeric and text conformance sweep ({@code golden/sweep}, generated from CPython by
 * {@code tools/numeric-sweep}): every operator and builtin on numbers and strings over a table of edge
 * values, on every target that compiles {@code .py} files (found in the pipeline config, so a new
 * target is swept as soon as it is configured). Each program is compiled once per target, run once
 * with stdin {@code -1} (every case that completes, one line each, compared with {@code NAME.golden},
 * a mismatch named by its line of {@code NAME.cases}), then once per case that must fail
 * ({@code NAME.errors}: its stdin, the last stderr line, the case). A target that rejects a program
 * as {@code unsupported} does not have those operations; the test is skipped with that notice, as it
 * is for a target listed in {@code pending.txt} with what it still lacks.
 */
class NumericSweepTest {
    /** Time limit of one program on one target: compiling it and all its runs. */
    private static final Duration TIMEOUT = Duration.ofSeconds(300);

    /** Most mismatches one failure message lists. */
    private static final int SHOWN = 40;

    @TestFactory
    Stream<DynamicNode> everySweepProgramOnEveryTarget() throws IOException {
        Driver driver = Driver.builtin();
        Targets targets = new Targets(driver);
        Path dir = GoldenLayout.goldenDir().resolve("sweep");
        List<Path> programs;
        try (Stream<Path> files = Files.list(dir)) {
            programs = files.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertTrue(!programs.isEmpty(), "no sweep programs under " + dir);
        List<DynamicNode> nodes = new ArrayList<>();
        java.util.Set<String> only = GoldenSuite.onlyTargets();
        for (Pipeline target : targets.forFile("sweep.py")) {
            if (!only.isEmpty() && !only.contains(target.name())) {
                continue;
            }
            nodes.add(dynamicContainer(target.name(), programs.stream().map(p -> dynamicTest(name(p), p.toUri(),
                    () -> check(driver, target, p)))));
        }
        return nodes.stream();
    }

    private static String name(Path program) {
        String f = program.getFileName().toString();
        return f.substring(0, f.length() - ".py".length());
    }

    private static void check(Driver driver, Pipeline target, Path program) throws Exception {
        String name = name(program);
        Optional<String> pending = pending(program.resolveSibling("pending.txt"), target.name());
        Assumptions.assumeTrue(pending.isEmpty(), () -> target.name() + " is not swept yet (golden/sweep/pending.txt): " + pending.get());
        List<String> failures = Watchdog.call("sweep " + name + " on " + target.name(), TIMEOUT, () -> run(driver, target, program));
        assertTrue(failures.isEmpty(), () -> name + " on " + target.name() + ": " + failures.size() + " case(s) differ from CPython:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(SHOWN, failures.size())))
                + (failures.size() > SHOWN ? "\n  ..." : ""));
    }

    /** Compiles the program, runs all its cases and returns one line per case that differs. */
    private static List<String> run(Driver driver, Pipeline target, Path program) throws Exception {
        String name = name(program);
        String text = Files.readString(program, StandardCharsets.UTF_8);
        List<String> cases = lines(sibling(program, ".cases"));
        List<String> golden = lines(sibling(program, ".golden"));
        PassManager pm = new PassManager(Instrumentation.builder().build(),
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        Driver.Compiled compiled;
        try {
            compiled = driver.compile(target, 0, target.steps().size(), "sweep/" + name + ".py", text, pm);
        } catch (CompileError e) {
            String first = e.diagnostics().isEmpty() ? e.getMessage() : e.diagnostics().get(0).header();
            Assumptions.assumeFalse(first.contains("unsupported"), target.name() + " does not have these operations: " + first);
            throw new AssertionError(target.name() + " rejected " + name + ": " + first, e);
        }
        List<String> failures = new ArrayList<>();
        Outcome all = execute(driver, target, compiled, "-1\n");
        all.error.ifPresent(e -> failures.add("the run of every completing case failed with '" + e + "'"));
        List<String> got = Arrays.asList(all.stdout.split("\n", -1));
        got = got.subList(0, Math.max(0, got.size() - 1));
        for (int i = 0; i < golden.size(); i++) {
            String want = golden.get(i);
            String have = i < got.size() ? got.get(i) : "(missing)";
            if (!want.equals(have)) {
                failures.add(cases.get(i) + ": " + have + " but CPython: " + want);
            }
        }
        if (got.size() > golden.size()) {
            failures.add("extra output line " + (golden.size() + 1) + ": " + got.get(golden.size()));
        }
        for (String line : lines(sibling(program, ".errors"))) {
            String[] f = line.split("\t", -1);
            Outcome o = execute(driver, target, compiled, String.join("\n", f[0].split(" ")) + "\n");
            String have = o.error.orElse("no error, printed " + o.stdout.strip());
            if (!have.equals(f[1]) || !o.stdout.isEmpty() && o.error.isPresent()) {
                failures.add(f[2] + ": " + have + " but " + (f[3].equals("cpython") ? "CPython" : f[3]) + ": " + f[1]);
            }
        }
        return failures;
    }

    private record Outcome(String stdout, Optional<String> error) {}

    private static Outcome execute(Driver driver, Pipeline target, Driver.Compiled compiled, String stdin) {
        StringBuilder out = new StringBuilder();
        ProgramIo io = new ProgramIo(new BufferedReader(new StringReader(stdin)), out);
        try {
            driver.execute(target, compiled, io);
            io.flush();
            return new Outcome(out.toString(), Optional.empty());
        } catch (PyRuntimeError e) {
            io.flush();
            return new Outcome(out.toString(), Optional.of(e.lastLine()));
        }
    }

    /** What remains to do on {@code target} according to {@code pending.txt} ({@code target: reason} lines), if it is listed. */
    private static Optional<String> pending(Path file, String target) {
        return lines(file).stream().filter(l -> l.startsWith(target + ":")).map(l -> l.substring(target.length() + 1).strip()).findFirst();
    }

    private static Path sibling(Path program, String suffix) {
        String f = program.getFileName().toString();
        return program.resolveSibling(f.substring(0, f.length() - ".py".length()) + suffix);
    }

    private static List<String> lines(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
