package nanopy.driver;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import nanopy.driver.golden.Watchdog;
import nanopy.ir.Interpreter;
import nanopy.ir.Interpreters;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Source;
import nanopy.pass.PassContext;

/**
 * Finds the first pass that changes what a program does ({@code nanopy check --bisect}): runs the
 * pipeline one pass at a time, runs each output whose language has a reference interpreter (and
 * the final program with the target's runner), and compares every run with the first one, the
 * output of the front end. The search is linear, not binary: each pass's output is run once, and
 * the first difference is the answer (a later pass may undo it, which a binary search would miss).
 */
public final class Bisect {
    /** The longest one run of the program may take before it counts as changed. */
    public static final Duration RUN_LIMIT = Duration.ofSeconds(60);

    private Bisect() {}

    /** What one run did: its standard output and the last line of its error ("" when it ended normally). */
    public record Outcome(String stdout, String error) {
        /** How this run differs from {@code expected}, in one line, or empty when it does not. */
        public Optional<String> differenceFrom(Outcome expected) {
            if (equals(expected)) {
                return Optional.empty();
            }
            if (error.startsWith("(")) {
                return Optional.of(error.substring(1, error.length() - 1));
            }
            String[] got = stdout.split("\n", -1);
            String[] want = expected.stdout.split("\n", -1);
            for (int i = 0; i < Math.min(got.length, want.length); i++) {
                if (!got[i].equals(want[i])) {
                    return Optional.of("stdout line " + (i + 1) + " is '" + got[i] + "' but was '" + want[i] + "'");
                }
            }
            if (got.length != want.length) {
                return Optional.of("stdout has " + (got.length - 1) + " lines but had " + (want.length - 1));
            }
            return Optional.of(error.isEmpty() ? "ends normally but failed with '" + expected.error + "'"
                    : "fails with '" + error + "'" + (expected.error.isEmpty() ? " but ended normally" : " but failed with '" + expected.error + "'"));
        }
    }

    /**
     * One pass of the search: its name, its output language, and what its output did when run
     * (empty when the language has no interpreter).
     */
    public record Step(String pass, String language, Optional<Outcome> outcome) {}

    /**
     * The result: every step up to the first change (or all of them), and the index in
     * {@code steps} of the reference run and of the first step whose run differs from it.
     */
    public record Report(List<Step> steps, int reference, Optional<Integer> changed) {
        /** The pass that changed the program's behaviour, if one did. */
        public Optional<String> culprit() {
            return changed.map(i -> steps.get(i).pass());
        }

        /** A table of the steps and a last line naming the culprit, as {@code nanopy check --bisect} prints it. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            Outcome expected = reference < 0 ? null : steps.get(reference).outcome().orElseThrow();
            for (int i = 0; i < steps.size(); i++) {
                Step s = steps.get(i);
                String verdict = i == reference ? "reference run"
                        : s.outcome().isEmpty() ? "(no interpreter)"
                        : s.outcome().get().differenceFrom(expected).map(d -> "CHANGED: " + d).orElse("same output");
                sb.append(String.format("  %-26s %-14s %s%n", s.pass(), s.language(), verdict));
            }
            if (reference < 0) {
                sb.append("no pass's output could be run: nothing to compare\n");
            } else {
                sb.append(culprit().map(c -> "first pass that changes the program's output: " + c + "\n")
                        .orElse("no pass changes the program's output\n"));
            }
            return sb.toString();
        }
    }

    /**
     * Runs the search.
     *
     * @param driver runs the target's final program
     * @param p the pipeline; its first pass reads source text
     * @param fileName the program's name for diagnostics
     * @param source its text
     * @param stdin what every run reads as standard input
     * @throws nanopy.ir.CompileError when a pass rejects the program
     * @throws PassFailure when a pass misbehaves
     */
    public static Report run(Driver driver, Pipeline p, String fileName, String source, String stdin) {
        PassManager pm = new PassManager(Instrumentation.builder().verifyEach(true).build(),
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        PassContext ctx = new PassContext(fileName, source, p.options());
        Node current = new Source.SourceFile(fileName, source);
        List<Step> steps = new ArrayList<>();
        int reference = -1;
        boolean interpretedLast = false;
        for (int i = 0; i < p.steps().size(); i++) {
            current = pm.run(p, i, i + 1, current, ctx);
            Language lang = p.steps().get(i).pass().output();
            Node program = current;
            Optional<Interpreter> interp = Interpreters.forLanguage(lang.name()).filter(in -> in.runs(program));
            interpretedLast = interp.isPresent();
            Optional<Outcome> outcome = interp.map(in -> outcome(stdin, io -> in.run(program, io)));
            steps.add(new Step(p.steps().get(i).pass().name(), lang.name(), outcome));
            if (outcome.isPresent() && reference < 0) {
                reference = i;
            } else if (differs(steps, reference)) {
                return new Report(List.copyOf(steps), reference, Optional.of(i));
            }
        }
        String runner = p.run().orElse("");
        if (!runner.isEmpty() && !(runner.equals("interpret") && interpretedLast) && !p.steps().isEmpty()) {
            Driver.Compiled compiled = new Driver.Compiled(p.steps().getLast().pass().output(), current);
            steps.add(new Step("(runner " + runner + ")", compiled.language().name(),
                    Optional.of(outcome(stdin, io -> driver.execute(p, compiled, io)))));
            if (differs(steps, reference)) {
                return new Report(List.copyOf(steps), reference, Optional.of(steps.size() - 1));
            }
        }
        return new Report(List.copyOf(steps), reference, Optional.empty());
    }

    /** Whether the last step was run and did something else than the reference run. */
    private static boolean differs(List<Step> steps, int reference) {
        Optional<Outcome> last = steps.getLast().outcome();
        return reference >= 0 && last.isPresent() && last.get().differenceFrom(steps.get(reference).outcome().orElseThrow()).isPresent();
    }

    /**
     * Runs the program once on its own thread, with {@link #RUN_LIMIT}: {@code run} runs it with the
     * given stream; a Python error ends it with that error's last line, and a run that hangs or
     * crashes ends with a parenthesized sentence saying so (also used by the explorer).
     */
    public static Outcome outcome(String stdin, Consumer<ProgramIo> run) {
        StringBuilder out = new StringBuilder();
        ProgramIo io = new ProgramIo(new BufferedReader(new StringReader(stdin)), out);
        try {
            return Watchdog.call("nanopy-bisect", RUN_LIMIT, () -> {
                try {
                    run.accept(io);
                    io.flush();
                    return new Outcome(out.toString(), "");
                } catch (PyRuntimeError e) {
                    io.flush();
                    return new Outcome(out.toString(), e.lastLine());
                }
            });
        } catch (TimeoutException e) {
            return new Outcome("", "(did not finish within " + RUN_LIMIT.toSeconds() + " s)");
        } catch (ExecutionException e) {
            return new Outcome("", "(the run failed: " + e.getCause() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the program", e);
        }
    }
}
