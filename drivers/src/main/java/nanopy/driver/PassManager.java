package nanopy.driver;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nanopy.ir.CompileError;
import nanopy.ir.DumpFormat;
import nanopy.ir.IrChecker;
import nanopy.ir.IrText;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ScopeChecker;
import nanopy.ir.Source;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Runs passes of a {@link Pipeline} and does, around every one of them, what no pass does itself:
 * times it (wall, CPU and allocated bytes of this thread), prints dumps before/after and diffs,
 * writes numbered dump files, and verifies its output (always that it is a program of the declared
 * output language; with {@code verifyEach}, the full well-formedness check). The shape of Graal's
 * phase suites: uniform tooling around every phase, none inside.
 */
public final class PassManager {
    private final Instrumentation inst;
    private final PrintStream dumps;
    private final Map<String, PassStats> stats = new LinkedHashMap<>();

    /** The thread-management bean, made on first use ({@link Instrumentation#measureCpu}). */
    private static final class Threads {
        static final com.sun.management.ThreadMXBean BEAN = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    /**
     * @param inst what to do around each pass
     * @param dumps where dumps and diffs are printed
     */
    public PassManager(Instrumentation inst, PrintStream dumps) {
        this.inst = inst;
        this.dumps = dumps;
    }

    /**
     * Runs steps {@code from} (inclusive) to {@code to} (exclusive) of {@code pipeline} on {@code program}.
     *
     * @return the program after step {@code to - 1}
     * @throws CompileError when a pass finds the user's program wrong
     * @throws PassFailure when a pass throws anything else or returns an ill-formed program
     */
    public Node run(Pipeline pipeline, int from, int to, Node program, PassContext ctx) {
        Node current = program;
        for (int i = from; i < to; i++) {
            Pipeline.Step step = pipeline.steps().get(i);
            current = runOne(step.pass(), i + 1, current, ctx);
        }
        return current;
    }

    private Node runOne(PassInfo info, int number, Node input, PassContext ctx) {
        String name = info.name();
        if (inst.dumpBefore().contains(name)) {
            header("IR before " + name + " (" + info.input().name() + ")");
            dumps.println(print(info.input(), input));
        }
        Pass<Node, Node> pass = info.instantiate();
        ctx.enterPass(name);
        long tid = Thread.currentThread().threadId();
        long wall0 = System.nanoTime();
        boolean measure = inst.measureCpu();
        long cpu0 = measure ? Threads.BEAN.getCurrentThreadCpuTime() : 0;
        long alloc0 = measure ? Threads.BEAN.getThreadAllocatedBytes(tid) : 0;
        Node output;
        try {
            output = pass.apply(input, ctx);
        } catch (CompileError e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new PassFailure(name, "failed with " + e, e);
        }
        long wall = System.nanoTime() - wall0;
        long cpu = measure ? Threads.BEAN.getCurrentThreadCpuTime() - cpu0 : 0;
        long alloc = measure ? Threads.BEAN.getThreadAllocatedBytes(tid) - alloc0 : 0;
        stats.merge(name, new PassStats(name, 1, wall, cpu, alloc), (a, b) -> a.plus(wall, cpu, alloc));
        if (output == null || output.getClass() != info.output().entryType()) {
            throw new PassFailure(name, "returned " + (output == null ? "null" : output.getClass().getName())
                    + " instead of a program of " + info.output().name(), null);
        }
        if (inst.verifyEach()) {
            List<String> problems = IrChecker.check(info.output(), output);
            // A parser's output is the user's program before any check: its scoping mistakes are
            // reported by the passes that check it (uniquify, resolve-names), not as a parser bug.
            if (problems.isEmpty() && info.input() != Source.LANGUAGE) {
                problems = ScopeChecker.check(info.output(), output).stream()
                        .map(p -> p.message() + (p.node().span().isKnown() ? " at " + p.node().span() : "")).toList();
            }
            if (!problems.isEmpty()) {
                throw new PassFailure(name, "produced ill-formed " + info.output().name() + ": " + String.join("; ", problems), null);
            }
        }
        boolean wantText = inst.dumpAfterAll() || inst.dumpAfter().contains(name) || inst.dumpChanged() || inst.dumpDir().isPresent();
        if (wantText) {
            String after = print(info.output(), output);
            if (inst.dumpChanged()) {
                dumpDiff(info, print(info.input(), input), after);
            }
            if (inst.dumpAfterAll() || inst.dumpAfter().contains(name)) {
                header("IR after " + name + " (" + info.output().name() + ")");
                dumps.println(after);
            }
            if (inst.dumpDir().isPresent()) {
                writeDumpFile(inst.dumpDir().get(), number, info, IrText.print(info.output(), output, inst.spans()));
            }
        }
        return output;
    }

    private String print(Language lang, Node node) {
        return dumpText(lang, node, inst.spans());
    }

    /**
     * A dump for a reader: the language's own {@link DumpFormat} if it has one (the stack VM's
     * dis-like listing), else IR text. Dumps, diffs and golden snapshots all use it.
     */
    public static String dumpText(Language lang, Node node, boolean spans) {
        return DumpFormat.forLanguage(lang.name()).map(f -> f.format(node)).orElseGet(() -> IrText.print(lang, node, spans));
    }

    private void header(String text) {
        dumps.println(";; " + text);
    }

    private void dumpDiff(PassInfo info, String before, String after) {
        String title = info.name() + " (" + info.input().name() + " -> " + info.output().name() + ")";
        if (before.equals(after)) {
            header(title + ": no change");
            return;
        }
        header(title + ": changes");
        List<String> a = Arrays.asList(before.split("\n", -1));
        List<String> b = Arrays.asList(after.split("\n", -1));
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("before " + info.name() + " (" + info.input().name() + ")",
                "after " + info.name() + " (" + info.output().name() + ")", a, DiffUtils.diff(a, b), 3);
        for (String line : diff) {
            dumps.println(line);
        }
    }

    private static void writeDumpFile(Path dir, int number, PassInfo info, String text) {
        try {
            Files.createDirectories(dir);
            Path f = dir.resolve(String.format("%02d-%s.%s.ir", number, info.name(), info.output().name()));
            Files.writeString(f, text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write dump file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The cost of each pass run so far, in first-run order. */
    public List<PassStats> stats() {
        return new ArrayList<>(stats.values());
    }

    /**
     * The {@code --time-passes} table: pass, calls, wall ms, CPU ms, allocated bytes, with a total row.
     */
    public String timeTable() {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-28s %5s %10s %10s %12s%n";
        sb.append(String.format(fmt, "pass", "calls", "wall ms", "cpu ms", "allocated"));
        long w = 0;
        long c = 0;
        long a = 0;
        int n = 0;
        for (PassStats s : stats.values()) {
            sb.append(String.format(fmt, s.pass(), s.calls(), ms(s.wallNanos()), ms(s.cpuNanos()), bytes(s.allocatedBytes())));
            w += s.wallNanos();
            c += s.cpuNanos();
            a += s.allocatedBytes();
            n += s.calls();
        }
        sb.append(String.format(fmt, "total", n, ms(w), ms(c), bytes(a)));
        return sb.toString();
    }

    private static String ms(long nanos) {
        return String.format("%.3f", nanos / 1e6);
    }

    static String bytes(long b) {
        if (b < 10 * 1024) {
            return b + " B";
        }
        if (b < 10L * 1024 * 1024) {
            return (b / 1024) + " KiB";
        }
        return (b / (1024 * 1024)) + " MiB";
    }
}
