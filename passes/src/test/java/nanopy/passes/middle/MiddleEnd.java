package nanopy.passes.middle;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nanopy.ir.IrChecker;
import nanopy.ir.Interpreter;
import nanopy.ir.Interpreters;
import nanopy.ir.Languages;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.ScopeChecker;
import nanopy.ir.Source;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.closures.ConvertClosures;
import nanopy.passes.closures.ExposeAllocation;
import nanopy.passes.control.ExplicateControl;
import nanopy.passes.desugar.DesugarAndOr;
import nanopy.passes.desugar.DesugarAugAssign;
import nanopy.passes.desugar.DesugarCompare;
import nanopy.passes.desugar.DesugarFor;
import nanopy.passes.desugar.DesugarLambda;
import nanopy.passes.desugar.DesugarListComp;
import nanopy.passes.flatten.Flatten;
import nanopy.passes.front.CheckSubset;
import nanopy.passes.front.CheckTypes;
import nanopy.passes.front.ParsePython;
import nanopy.passes.front.ResolveNames;
import nanopy.passes.lir.LowerToLir;
import nanopy.passes.opt.FoldPyConstants;
import nanopy.passes.opt.Inline;
import nanopy.py.Blocks;

/**
 * Test helper: the front end, the middle end and lower-to-lir as a list of passes, and a run that interprets the
 * program after every pass and names the first pass whose output differs from the expected one.
 */
public final class MiddleEnd {
    private MiddleEnd() {}

    /** The passes after the front end, in pipeline order. */
    static List<Pass<?, ?>> middle() {
        return List.of(new DesugarAugAssign(), new DesugarCompare(), new DesugarListComp(), new DesugarFor(),
                new DesugarAndOr(), new DesugarLambda(), new Inline(), new FoldPyConstants(), new ConvertClosures(), new ExposeAllocation(), new Flatten(), new ExplicateControl());
    }

    public static List<Pass<?, ?>> all() {
        List<Pass<?, ?>> ps = new ArrayList<>(List.of(new ParsePython(), new CheckSubset(), new ResolveNames(), new CheckTypes()));
        ps.addAll(middle());
        ps.add(new LowerToLir());
        return ps;
    }

    public static String name(Pass<?, ?> p) {
        return p.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** What one run printed: stdout, and the last stderr line if it failed. */
    record Outcome(String out, String error) {
        String show() {
            return out + (error.isEmpty() ? "" : "\n<" + error + ">");
        }
    }

    static Outcome interpret(Node program, String stdin) {
        Interpreter i = Interpreters.forLanguage(Languages.of(program).orElseThrow().name()).orElseThrow(
                () -> new AssertionError("no interpreter for " + program.getClass()));
        StringBuilder out = new StringBuilder();
        try {
            i.run(program, new ProgramIo(new BufferedReader(new StringReader(stdin)), out));
            return new Outcome(out.toString(), "");
        } catch (PyRuntimeError e) {
            return new Outcome(out.toString(), e.lastLine());
        }
    }

    /** Every intermediate program of {@code source}, after each of {@link #all()}'s passes. */
    public static List<Map.Entry<String, Node>> compile(String source, Map<String, Object> options) {
        return compile(source, options, all());
    }

    /** Every intermediate program of {@code source}, after each of {@code passes}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Map.Entry<String, Node>> compile(String source, Map<String, Object> options, List<Pass<?, ?>> passes) {
        PassContext ctx = new PassContext("test.py", source, options);
        Node ir = new Source.SourceFile("test.py", source);
        List<Map.Entry<String, Node>> out = new ArrayList<>();
        for (Pass p : passes) {
            ctx.enterPass(name(p));
            ir = p.apply(ir, ctx);
            ctx.throwIfErrors();
            List<String> problems = IrChecker.check(Languages.of(ir).orElseThrow(), ir);
            if (problems.isEmpty()) {
                problems = ScopeChecker.check(Languages.of(ir).orElseThrow(), ir).stream().map(x -> x.message() + " at " + x.node().span()).toList();
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(name(p) + " made an ill-formed program: " + problems);
            }
            if (ir instanceof Blocks.Module m && !BlocksShape.problems(m).isEmpty()) {
                throw new AssertionError(name(p) + " made blocks of the wrong shape: " + BlocksShape.problems(m));
            }
            out.add(Map.entry(name(p), ir));
        }
        return out;
    }

    /**
     * Interprets the program after every pass from check-types on; returns the name of the first
     * pass whose run is not {@code expected}, or an empty string. {@code running} names the pass
     * whose output is being interpreted.
     */
    static String firstDifference(String source, String stdin, java.util.function.Predicate<Outcome> expected, StringBuilder report,
            AtomicReference<String> running) {
        return firstDifference(source, stdin, expected, report, running, all());
    }

    /** {@link #firstDifference(String, String, java.util.function.Predicate, StringBuilder, AtomicReference)} over {@code passes}. */
    static String firstDifference(String source, String stdin, java.util.function.Predicate<Outcome> expected, StringBuilder report,
            AtomicReference<String> running, List<Pass<?, ?>> passes) {
        for (Map.Entry<String, Node> e : compile(source, Map.of("inline.threshold", 30L), passes)) {
            if (e.getKey().equals("parse-python") || e.getKey().equals("check-subset") || e.getKey().equals("resolve-names")) {
                continue;
            }
            running.set(e.getKey());
            Outcome got = interpret(e.getValue(), stdin);
            if (!expected.test(got)) {
                report.append("after ").append(e.getKey()).append(":\n").append(got.show());
                return e.getKey();
            }
        }
        return "";
    }
}
