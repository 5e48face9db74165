package nanopy.driver.golden;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import nanopy.driver.Diagnostics;
import nanopy.driver.Driver;
import nanopy.driver.Instrumentation;
import nanopy.driver.PassFailure;
import nanopy.driver.PassManager;
import nanopy.driver.Pipeline;
import nanopy.ir.CompileError;
import nanopy.ir.Diagnostic;
import nanopy.ir.Interpreter;
import nanopy.ir.Interpreters;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Source;
import nanopy.pass.PassContext;

/**
 * One program on one pipeline, pass by pass: runs each pass with verification on, runs its output
 * with the interpreter of its language (when there is one) and compares with what the program must
 * do, and stops at the first pass that breaks it. Runs on the calling thread; {@link GoldenHarness}
 * puts it on a {@link Watchdog} thread and reads {@link #stage()} when it times out.
 */
final class ProgramCheck {
    /** Most characters a program may print before it is stopped. */
    static final int OUTPUT_LIMIT = 1 << 24;

    private final Driver driver;
    private final GoldenProgram program;
    private final Pipeline pipeline;
    private final Set<String> capture;
    private final List<String> passNames;
    private final Map<String, String> snapshots = new LinkedHashMap<>();
    private volatile int index;
    private volatile String doing = "starting";

    ProgramCheck(Driver driver, GoldenProgram program, Pipeline pipeline, Set<String> capture) {
        this.driver = driver;
        this.program = program;
        this.pipeline = pipeline;
        this.capture = Set.copyOf(capture);
        this.passNames = pipeline.steps().stream().map(s -> s.pass().name()).toList();
    }

    /** The pass being worked on (index into the pipeline) and what was being done with it. */
    int index() {
        return index;
    }

    String stage() {
        return doing;
    }

    List<String> passNames() {
        return passNames;
    }

    /** Runs the check; never throws for a broken program or pass (those become a failed verdict). */
    Verdict run() {
        long start = System.nanoTime();
        Verdict v = check();
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new Verdict(v.program(), v.target(), v.passes(), v.passesOk(), v.failure(), v.rejectedBy(), v.diagnostics(),
                v.snapshots(), ms);
    }

    private Verdict check() {
        String file = program.displayName();
        Node current = new Source.SourceFile(file, program.text());
        PassContext ctx = new PassContext(file, program.text(), pipeline.options());
        PassManager pm = new PassManager(Instrumentation.builder().verifyEach(true).build(),
                new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        boolean interpretedLast = false;
        for (int i = 0; i < passNames.size(); i++) {
            index = i;
            doing = "running pass " + passNames.get(i);
            try {
                current = pm.run(pipeline, i, i + 1, current, ctx);
            } catch (CompileError e) {
                return rejected(i, e);
            } catch (PassFailure e) {
                return fail(i, e.getMessage());
            }
            Language lang = pipeline.steps().get(i).pass().output();
            if (capture.contains(passNames.get(i))) {
                snapshots.put(passNames.get(i), PassManager.dumpText(lang, current, false));
            }
            if (program.expected() instanceof Expectation.Rejected) {
                continue;
            }
            Node output = current;
            Optional<Interpreter> interp = Interpreters.forLanguage(lang.name()).filter(in -> in.runs(output));
            interpretedLast = interp.isPresent();
            if (interp.isPresent()) {
                doing = "running the output of pass " + passNames.get(i) + " with the " + lang.name() + " interpreter";
                Node prog = current;
                Optional<String> bad = execute(lang.name() + " interpreter", io -> interp.get().run(prog, io));
                if (bad.isPresent()) {
                    return fail(i, bad.get());
                }
            }
        }
        int last = passNames.size() - 1;
        if (program.expected() instanceof Expectation.Rejected r) {
            return fail(last, "accepted the program, but it must be rejected" + (r.what().isEmpty() ? "" : " (" + r.what() + ")"));
        }
        String runner = pipeline.run().orElse("");
        if (!runner.isEmpty() && !(runner.equals("interpret") && interpretedLast)) {
            doing = "running the final program with runner " + runner;
            Language lang = pipeline.steps().get(last).pass().output();
            Driver.Compiled compiled = new Driver.Compiled(lang, current);
            Optional<String> bad = execute("runner " + runner, io -> driver.execute(pipeline, compiled, io));
            if (bad.isPresent()) {
                return fail(last, "the final program (run by " + runner + ") " + bad.get());
            }
        }
        return verdict(passNames.size(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Runs the program once and compares; returns the mismatch, if any. */
    private Optional<String> execute(String what, Consumer<ProgramIo> run) {
        BoundedOutput out = new BoundedOutput(OUTPUT_LIMIT);
        ProgramIo io = new ProgramIo(new BufferedReader(new StringReader(program.stdin())), out);
        Optional<String> error = Optional.empty();
        try {
            run.accept(io);
        } catch (PyRuntimeError e) {
            error = Optional.of(e.lastLine());
        } catch (BoundedOutput.Exceeded e) {
            return Optional.of("output stopped: the program " + e.getMessage());
        } catch (StackOverflowError e) {
            return Optional.of("the " + what + " overflowed the Java stack (" + Watchdog.STACK_BYTES + " bytes)");
        } catch (RuntimeException e) {
            return Optional.of("the " + what + " failed with " + e);
        }
        return new RunResult(out.toString(), error).mismatch(program.expected());
    }

    private Verdict rejected(int i, CompileError e) {
        String rendered = render(e.diagnostics());
        String first = e.diagnostics().isEmpty() ? "(no diagnostic)" : e.diagnostics().get(0).header();
        if (!(program.expected() instanceof Expectation.Rejected r)) {
            return fail(i, "rejected the program: " + first);
        }
        if (r.line().isPresent()) {
            int want = r.line().get();
            int got = e.diagnostics().isEmpty() ? 0 : e.diagnostics().get(0).span().line();
            if (got != want) {
                return verdict(i, Optional.of(new Verdict.Failure(passNames.get(i), i,
                        "rejected the program on line " + got + " but the diagnostic must point at line " + want + ": " + first)),
                        Optional.empty(), Optional.of(rendered));
            }
        }
        return verdict(i + 1, Optional.empty(), Optional.of(passNames.get(i)), Optional.of(rendered));
    }

    private String render(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append(Diagnostics.render(d, program.text()));
        }
        return sb.toString();
    }

    private Verdict fail(int i, String reason) {
        return verdict(i, Optional.of(new Verdict.Failure(passNames.get(i), i, reason)), Optional.empty(), Optional.empty());
    }

    private Verdict verdict(int ok, Optional<Verdict.Failure> failure, Optional<String> rejectedBy, Optional<String> diagnostics) {
        return new Verdict(program.id(), pipeline.name(), passNames, ok, failure, rejectedBy, diagnostics, snapshots, 0);
    }
}
