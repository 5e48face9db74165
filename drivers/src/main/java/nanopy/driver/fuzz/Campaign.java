package nanopy.driver.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import nanopy.driver.Bisect;
import nanopy.driver.Driver;
import nanopy.driver.PassFailure;
import nanopy.driver.Pipeline;
import nanopy.driver.golden.Targets;
import nanopy.driver.golden.Watchdog;
import nanopy.ir.CompileError;

/**
 * A differential-testing campaign: programs (generated from seeds, or token mutants of real
 * programs) run on CPython ({@link Oracle}, in batches) and on every target of the pipeline config
 * that compiles {@code .py} files (in process), compared by stdout, last stderr line and how the run
 * ended. A mismatch is bisected ({@link Bisect}: the first pass whose output changes the program's
 * behaviour), and the first few per target and pass are shrunk ({@link Shrinker}) and written to the
 * findings folder.
 */
public final class Campaign {
    /** Programs per CPython process. */
    static final int BATCH = 50;

    /** What one campaign is asked to do. */
    public record Options(long firstSeed, long count, List<String> targets, Optional<Path> findings, Duration timeout,
            int shrinkRuns, int shrinkPerBug, List<Path> mutate) {}

    /** A mismatch (or, in mutation mode, an unacceptable outcome) on one target. */
    public record Finding(long seed, String target, String pass, String difference, Optional<Path> reproducer) {}

    /** A campaign's figures. */
    public static final class Report {
        long programs;
        long rejected;
        long oracleMillis;
        long nanopyMillis;
        long wallMillis;
        final Map<String, long[]> perTarget = new LinkedHashMap<>();
        final List<Finding> findings = new ArrayList<>();
        final List<String> rejections = new ArrayList<>();
        final Map<Long, Map<String, Optional<Finding>>> verdicts = new LinkedHashMap<>();
        final Map<String, Long> oracleEndings = new java.util.TreeMap<>();

        public long programs() {
            return programs;
        }

        public List<Finding> findings() {
            return List.copyOf(findings);
        }

        public long rejected() {
            return rejected;
        }

        /** Per target: programs run and compared, skipped (the target does not take them), mismatches. */
        public Map<String, long[]> perTarget() {
            return perTarget;
        }
    }

    private final Driver driver;
    private final Options options;
    private final PrintStream progress;
    private final Oracle oracle;
    private final InProcess runner;
    private final Map<String, Pipeline> targets = new LinkedHashMap<>();
    private final String reference;
    private final Map<String, Integer> shrunk = new LinkedHashMap<>();

    /**
     * @param driver the pipeline config and passes
     * @param options what to run
     * @param progress where the progress line and notes go
     * @throws IllegalArgumentException for an unknown target
     */
    public Campaign(Driver driver, Options options, PrintStream progress) {
        this.driver = driver;
        this.options = options;
        this.progress = progress;
        this.oracle = new Oracle(Oracle.defaultPython(), Math.max(5, options.timeout().toSeconds()));
        this.runner = new InProcess(driver, options.timeout());
        Targets all = new Targets(driver);
        all.notices().forEach(n -> progress.println("note: " + n));
        for (Pipeline p : all.forFile("fuzz.py")) {
            if (options.targets().isEmpty() || options.targets().contains(p.name())) {
                targets.put(p.name(), p);
            }
        }
        for (String t : options.targets()) {
            if (!targets.containsKey(t)) {
                throw new IllegalArgumentException("unknown target '" + t + "'; targets for .py: " + String.join(", ",
                        all.forFile("fuzz.py").stream().map(Pipeline::name).toList()));
            }
        }
        reference = all.forFile("fuzz.py").stream().min((a, b) -> Integer.compare(a.steps().size(), b.steps().size()))
                .map(Pipeline::name).orElseThrow(() -> new IllegalArgumentException("no target compiles .py files"));
    }

    /** The targets compared, in config order. */
    public List<String> targets() {
        return List.copyOf(targets.keySet());
    }

    /** Runs the campaign. */
    public Report run() {
        Report r = new Report();
        targets.keySet().forEach(t -> r.perTarget.put(t, new long[3]));
        long start = System.nanoTime();
        long lastProgress = start;
        List<Path> bases = options.mutate().isEmpty() ? List.of() : FuzzFiles.programs(options.mutate());
        for (long from = options.firstSeed(); from < options.firstSeed() + options.count(); from += BATCH) {
            long to = Math.min(options.firstSeed() + options.count(), from + BATCH);
            List<Oracle.Program> batch = new ArrayList<>();
            for (long seed = from; seed < to; seed++) {
                batch.add(bases.isEmpty() ? new Oracle.Program(generate(seed), "") : mutant(bases, seed));
            }
            long t0 = System.nanoTime();
            List<Outcome> expected = oracle.run(batch);
            r.oracleMillis += (System.nanoTime() - t0) / 1_000_000;
            for (int i = 0; i < batch.size(); i++) {
                Outcome o = expected.get(i);
                r.oracleEndings.merge(o.kind() == Outcome.Kind.RUNTIME_ERROR ? o.detail().replaceAll(":.*", "") : o.summary(), 1L, Long::sum);
                long t1 = System.nanoTime();
                check(r, from + i, batch.get(i), expected.get(i), !bases.isEmpty());
                r.nanopyMillis += (System.nanoTime() - t1) / 1_000_000;
                r.programs++;
            }
            if (System.nanoTime() - lastProgress > 2_000_000_000L || to == options.firstSeed() + options.count()) {
                lastProgress = System.nanoTime();
                double secs = (lastProgress - start) / 1e9;
                progress.printf("[%d/%d] %.1f programs/s, %d mismatches%s%n", r.programs, options.count(), r.programs / secs,
                        r.findings.size(), r.rejected > 0 ? ", " + r.rejected + " rejected by the front end" : "");
            }
        }
        r.wallMillis = (System.nanoTime() - start) / 1_000_000;
        return r;
    }

    /** The source text of the program generated from {@code seed}. */
    public static String generate(long seed) {
        return new ProgramGenerator(seed).generate().render();
    }

    private Oracle.Program mutant(List<Path> bases, long seed) {
        Random rnd = new Random(seed);
        Path base = bases.get(rnd.nextInt(bases.size()));
        return new Oracle.Program(Mutator.mutate(FuzzFiles.read(base), rnd), FuzzFiles.stdin(base));
    }

    private void check(Report r, long seed, Oracle.Program prog, Outcome expected, boolean mutant) {
        Map<String, Optional<Finding>> verdicts = new LinkedHashMap<>();
        r.verdicts.put(seed, verdicts);
        if (expected.kind() == Outcome.Kind.TIMEOUT && !mutant) {
            r.rejections.add("seed " + seed + ": CPython did not finish");
        }
        Outcome ref = runner.run(targets.getOrDefault(reference, resolve(reference)), name(seed), prog.source(), prog.stdin());
        if (ref.kind() == Outcome.Kind.REJECTED && !mutant) {
            r.rejected++;
            if (r.rejections.size() < 20) {
                r.rejections.add("seed " + seed + ": " + ref.detail());
            }
            return;
        }
        for (var e : targets.entrySet()) {
            String t = e.getKey();
            long[] counts = r.perTarget.get(t);
            Outcome got = t.equals(reference) ? ref : runner.run(e.getValue(), name(seed), prog.source(), prog.stdin());
            Optional<String> bad = mutant ? unacceptable(got, expected) : mismatch(got, expected);
            if (got.kind() == Outcome.Kind.REJECTED || got.kind() == Outcome.Kind.UNSUPPORTED) {
                counts[mutant ? 0 : 1]++;
                verdicts.put(t, Optional.empty());
                continue;
            }
            counts[0]++;
            if (bad.isEmpty()) {
                verdicts.put(t, Optional.empty());
                continue;
            }
            counts[2]++;
            boolean refBug = !t.equals(reference) && !ref.agreesWith(expected) && got.agreesWith(ref);
            Finding f = classify(seed, t, e.getValue(), prog, expected, got, bad.get(), refBug, mutant);
            r.findings.add(f);
            verdicts.put(t, Optional.of(f));
            progress.println("MISMATCH seed " + seed + " on " + t + " (pass " + f.pass() + "): " + f.difference()
                    + f.reproducer().map(p -> " -> " + p).orElse(""));
        }
    }

    private Pipeline resolve(String target) {
        return new Targets(driver).get(target).orElseThrow();
    }

    /** For a generated program: the way the target's run differs from CPython's, if it does. */
    private static Optional<String> mismatch(Outcome got, Outcome expected) {
        if (got.kind() == Outcome.Kind.REJECTED || got.kind() == Outcome.Kind.UNSUPPORTED || got.agreesWith(expected)) {
            return Optional.empty();
        }
        return Optional.of(got.differenceFrom(expected));
    }

    /**
     * For a mutant: a diagnostic (exit 1 or 2) or CPython's behaviour is acceptable; a pass failure,
     * a Java exception, a hang CPython does not have, or a different answer is not.
     */
    private static Optional<String> unacceptable(Outcome got, Outcome expected) {
        return switch (got.kind()) {
            case REJECTED, UNSUPPORTED -> Optional.empty();
            case PASS_FAILURE, CRASH, TOO_MUCH_OUTPUT -> Optional.of(got.summary());
            case TIMEOUT -> expected.kind() == Outcome.Kind.TIMEOUT ? Optional.empty() : Optional.of(got.summary());
            case OK, RUNTIME_ERROR -> expected.kind() == Outcome.Kind.TIMEOUT || got.agreesWith(expected) ? Optional.empty()
                    : Optional.of(got.differenceFrom(expected));
        };
    }

    private static String name(long seed) {
        return "fuzz_" + seed + ".py";
    }

    private Finding classify(long seed, String target, Pipeline p, Oracle.Program prog, Outcome expected, Outcome got, String difference,
            boolean refBug, boolean mutant) {
        String pass = refBug ? "(reference: " + reference + ")" : culprit(p, seed, prog, got);
        String key = target + "/" + pass;
        if (options.findings().isEmpty() || shrunk.getOrDefault(key, 0) >= options.shrinkPerBug()) {
            return new Finding(seed, target, pass, difference, Optional.empty());
        }
        shrunk.merge(key, 1, Integer::sum);
        String source = prog.source();
        if (!mutant) {
            FuzzProgram tree = new ProgramGenerator(seed).generate();
            boolean wasRefMismatch = !runner.run(targets.get(reference), name(seed), source, "").agreesWith(expected);
            Shrinker s = new Shrinker(text -> stillFails(p, seed, text, got.kind(), wasRefMismatch), options.shrinkRuns());
            source = s.shrink(tree);
            pass = refBug ? pass : culprit(p, seed, new Oracle.Program(source, ""), got);
        }
        Outcome cpy = oracle.run(List.of(new Oracle.Program(source, prog.stdin()))).get(0);
        Outcome now = runner.run(p, name(seed), source, prog.stdin());
        Path dir = options.findings().get().resolve(target).resolve(pass.replaceAll("[^A-Za-z0-9_.-]+", "_"));
        Path file = dir.resolve((mutant ? "mutant-" : "seed-") + seed + ".py");
        StringBuilder note = new StringBuilder();
        note.append(target).append(": ").append(now.agreesWith(cpy) ? difference : now.differenceFrom(cpy))
                .append(" (first pass that changes the output: ").append(pass).append(")\n");
        note.append("CPython: ").append(cpy.summary()).append("\n").append(target).append(": ").append(now.summary()).append('\n');
        note.append("reproduce: nanopy run --target=").append(target).append(' ').append(file.getFileName())
                .append(mutant ? "" : "   (unshrunk: nanopy fuzz --seed " + seed + " --count 1 --target " + target + ")").append('\n');
        note.append("--- CPython stdout\n").append(cpy.stdout()).append("--- ").append(target).append(" stdout\n").append(now.stdout());
        try {
            Files.createDirectories(dir);
            Files.writeString(file, source, StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(file.getFileName().toString().replace(".py", ".txt")), note.toString(), StandardCharsets.UTF_8);
            if (!prog.stdin().isEmpty()) {
                Files.writeString(dir.resolve(file.getFileName().toString().replace(".py", ".in")), prog.stdin(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Finding(seed, target, pass, difference, Optional.of(file));
    }

    /** The shrinking test: the program is valid, CPython runs it, and the target still disagrees the same way. */
    private boolean stillFails(Pipeline p, long seed, String text, Outcome.Kind kind, boolean refMismatch) {
        Outcome cpy = oracle.run(List.of(new Oracle.Program(text, ""))).get(0);
        if (cpy.kind() == Outcome.Kind.TIMEOUT || cpy.detail().matches("(NameError|UnboundLocalError|TypeError|SyntaxError|AttributeError)\\b.*")) {
            return false;
        }
        Outcome ref = runner.run(targets.get(reference), name(seed), text, "");
        if (ref.kind() == Outcome.Kind.REJECTED || ref.agreesWith(cpy) == refMismatch) {
            return false;
        }
        Outcome got = p.name().equals(reference) ? ref : runner.run(p, name(seed), text, "");
        return got.kind() != Outcome.Kind.REJECTED && got.kind() != Outcome.Kind.UNSUPPORTED && !got.agreesWith(cpy)
                && (kind != Outcome.Kind.PASS_FAILURE || got.kind() == kind);
    }

    /** The first pass whose output changes the program's behaviour, by {@link Bisect}; a failing pass names itself. */
    private String culprit(Pipeline p, long seed, Oracle.Program prog, Outcome got) {
        if (got.kind() == Outcome.Kind.PASS_FAILURE && got.detail().startsWith("pass '")) {
            return got.detail().substring(6, got.detail().indexOf('\'', 6));
        }
        try {
            Bisect.Report b = Watchdog.call("nanopy-fuzz-bisect", options.timeout().multipliedBy(4),
                    () -> Bisect.run(driver, p, name(seed), prog.source(), prog.stdin()));
            return b.culprit().orElse("(none: every pass agrees with the front end)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PassFailure f) {
                return f.pass();
            }
            if (e.getCause() instanceof CompileError) {
                return "(rejected when bisecting)";
            }
            return "(bisect failed: " + e.getCause() + ")";
        } catch (TimeoutException e) {
            return "(bisect timed out)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
