package nanopy.driver.explore;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nanopy.driver.Bisect;
import nanopy.driver.Driver;
import nanopy.driver.Instrumentation;
import nanopy.driver.PassManager;
import nanopy.driver.Pipeline;
import nanopy.ir.Interpreter;
import nanopy.ir.Interpreters;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.Source;
import nanopy.pass.PassContext;
import nanopy.targets.Target;

/**
 * Runs a program through a pipeline one pass at a time and keeps what the explorer page shows: each
 * pass's IR, its diff against the IR before it, its time, the program's output when that IR is run
 * by its language's interpreter (and by the target's runner at the end), and the graphs the target
 * draws after the pass its {@link Target#dotAfter()} names. Passes run with full verification;
 * each run is {@link Bisect#outcome}, with its time limit.
 */
public final class Explorer {
    private Explorer() {}

    /**
     * Explores one program.
     *
     * @param draw whether to draw the graphs with {@code dot} (else they keep only their Graphviz text)
     * @throws nanopy.ir.CompileError when a pass rejects the program
     * @throws nanopy.driver.PassFailure when a pass misbehaves
     */
    public static Exploration explore(Driver driver, Pipeline p, String fileName, String source, String stdin, boolean draw) {
        PassManager pm = new PassManager(Instrumentation.verifyingEach(), new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        PassContext ctx = new PassContext(fileName, source, p.options());
        Optional<Target> target = driver.target(p);
        Optional<String> dotAfter = target.flatMap(Target::dotAfter);
        Node current = new Source.SourceFile(fileName, source);
        List<Exploration.Step> steps = new ArrayList<>();
        String before = null;
        boolean interpretedLast = false;
        for (int i = 0; i < p.steps().size(); i++) {
            Pipeline.Step step = p.steps().get(i);
            long t0 = System.nanoTime();
            current = pm.run(p, i, i + 1, current, ctx);
            double millis = (System.nanoTime() - t0) / 1e6;
            Language lang = step.pass().output();
            String ir = PassManager.dumpText(lang, current, false);
            String diff = before == null ? "" : diff(step.pass().name(), step.pass().input().name(), lang.name(), before, ir);
            before = ir;
            Node program = current;
            Optional<Interpreter> interp = Interpreters.forLanguage(lang.name()).filter(in -> in.runs(program));
            interpretedLast = interp.isPresent();
            Optional<Bisect.Outcome> run = interp.map(in -> Bisect.outcome(stdin, io -> in.run(program, io)));
            List<Exploration.Graph> graphs = dotAfter.isPresent() && dotAfter.get().equals(step.pass().name())
                    ? Graphviz.graphs(target.get().dot(current, ""), draw) : List.of();
            steps.add(new Exploration.Step(step.pass().name(), step.pass().input().name(), lang.name(), ir, diff, millis, run, graphs));
        }
        String runner = p.run().orElse("");
        if (!runner.isEmpty() && !(runner.equals("interpret") && interpretedLast) && !p.steps().isEmpty()) {
            Driver.Compiled compiled = new Driver.Compiled(p.steps().getLast().pass().output(), current);
            steps.add(new Exploration.Step("(runner " + runner + ")", compiled.language().name(), "", "", "", 0,
                    Optional.of(Bisect.outcome(stdin, io -> driver.execute(p, compiled, io))), List.of()));
        }
        int reference = -1;
        Optional<Integer> firstChange = Optional.empty();
        for (int i = 0; i < steps.size(); i++) {
            Optional<Bisect.Outcome> r = steps.get(i).run();
            if (r.isEmpty()) {
                continue;
            }
            if (reference < 0) {
                reference = i;
            } else if (firstChange.isEmpty() && r.get().differenceFrom(steps.get(reference).run().get()).isPresent()) {
                firstChange = Optional.of(i);
            }
        }
        return new Exploration(fileName, source, p.name(), steps, reference, firstChange);
    }

    /** A unified diff of two IR texts, "" when they are the same. */
    static String diff(String pass, String in, String out, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("before " + pass + " (" + in + ")", "after " + pass + " (" + out + ")", a,
                DiffUtils.diff(a, b), 3)) + "\n";
    }
}
