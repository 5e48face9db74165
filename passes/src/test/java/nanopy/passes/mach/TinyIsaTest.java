package nanopy.passes.mach;

import static nanopy.passes.CorpusFiles.read;
import static nanopy.passes.CorpusFiles.sibling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import nanopy.ir.IrChecker;
import nanopy.ir.IrText;
import nanopy.ir.Interpreters;
import nanopy.ir.Languages;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.lir.Lir;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.CorpusFiles;
import nanopy.passes.front.CPython;
import nanopy.passes.middle.MiddleEnd;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shared machine back end on a second instruction set built from a machine description and a
 * rule table alone ({@link TinyIsa}: eight general registers, arguments in g1..g3 then the stack,
 * caller- and callee-saved registers): every corpus program goes through the front and middle
 * end, lower-to-lir and the shared register passes, and its MachAllocated code, run by
 * {@link MachInterpreter} (which poisons caller-saved registers at calls and checks callee-saved
 * ones), prints what CPython printed.
 */
class TinyIsaTest {
    /** The shared tail, in pipeline order. */
    private static List<Pass<?, ?>> tail() {
        return List.of(new SelectInstructions(), new UncoverLive(), new BuildInterference(), new AllocateRegisters(),
                new PatchInstructions(), new PreludeAndConclusion());
    }

    /** The program after each pass of the shared tail, each checked against its language. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Node> compile(String source) {
        List<Map.Entry<String, Node>> middle = MiddleEnd.compile(source, Map.of("inline.threshold", 30L));
        Node ir = middle.getLast().getValue();
        assertTrue(ir instanceof Lir.Module);
        PassContext ctx = new PassContext("test.py", source, Map.of("select-instructions.isa", "tiny"));
        List<Node> out = new ArrayList<>();
        for (Pass p : tail()) {
            ctx.enterPass(MiddleEnd.name(p));
            ir = p.apply(ir, ctx);
            assertEquals(List.of(), IrChecker.check(Languages.of(ir).orElseThrow(), ir), MiddleEnd.name(p));
            out.add(ir);
        }
        return out;
    }

    private record Outcome(String out, String error) {}

    private static Outcome run(Node program, String stdin) {
        StringBuilder out = new StringBuilder();
        try {
            Interpreters.forLanguage("MachAllocated").orElseThrow().run(program, new ProgramIo(new BufferedReader(new StringReader(stdin)), out));
            return new Outcome(out.toString(), "");
        } catch (PyRuntimeError e) {
            return new Outcome(out.toString(), e.lastLine());
        }
    }

    @Test
    void aSmallProgramSpillsCallsWithStackArgumentsAndRoundTrips() throws Exception {
        String src = """
                def f(a: int, b: int, c: int, d: int, e: float) -> float:
                    return float(a * b + c - d) + e
                xs = [1, 2, 3]
                total = 0
                for i in range(3):
                    total = total + xs[i] * xs[i]
                print(total, f(1, 2, 3, 4, 0.5), f(total, 2, 3, 4, 1.5) < 30.0)
                """;
        List<Node> stages = compile(src);
        MachCode.Program selected = (MachCode.Program) stages.getFirst();
        String text = IrText.print(MachCode.LANGUAGE, selected, false);
        assertTrue(text.contains("TinyOp.ArgOut") && text.contains("TinyOp.ArgIn"), "the fifth argument of f goes on the stack:\n" + text);
        assertTrue(text.contains("TinyOp.ListIdxI"), "xs[i] is one instruction (a two-level pattern):\n" + text);
        assertTrue(text.contains("(Reg TinyClass.Gpr 1)"), "arguments go in g1...:\n" + text);
        MachAllocated.Program last = (MachAllocated.Program) stages.getLast();
        String lastText = IrText.print(MachAllocated.LANGUAGE, last, false);
        assertEquals(lastText, IrText.print(MachAllocated.LANGUAGE, IrText.parse(MachAllocated.LANGUAGE, lastText), false));
        assertEquals(new Outcome(CPython.run(src, "").stdout(), ""), run(last, ""));
    }

    @Test
    void calleeSavedRegistersAreSavedAndRestored() throws Exception {
        String src = """
                def g(n: int) -> int:
                    return n + 1
                def f(a: int, b: int) -> int:
                    x = a * 2
                    y = g(b)
                    z = g(y)
                    return x + y + z + a + b
                print(f(3, 4), f(10, 20))
                """;
        MachAllocated.Program last = (MachAllocated.Program) compile(src).getLast();
        MachAllocated.Function f = last.functions().find(fn -> fn.name().equals("f")).get();
        String text = IrText.print(MachAllocated.LANGUAGE, f, false);
        assertTrue(text.contains("TinyOp.St") && text.contains("(Reg TinyClass.Gpr 4)"), "f keeps values across calls in g4/g5 and saves them:\n" + text);
        assertEquals(new Outcome(CPython.run(src, "").stdout(), ""), run(last, ""));
    }

    @TestFactory
    Stream<DynamicTest> corpusOnTheTinyIsa() {
        Path root = CorpusFiles.root();
        Set<String> slow = CorpusFiles.slowPrograms(CorpusFiles.repo());
        return Stream.of("nanopy", "eoc").flatMap(s -> CorpusFiles.programs(root.resolve(s)).stream())
                .filter(p -> !p.toString().contains("typecheck_error") && !slow.contains(root.relativize(p).toString()))
                .map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
                    FutureTask<Outcome> task = new FutureTask<>(() -> run(compile(read(p)).getLast(), read(sibling(p, ".in"))));
                    Thread t = new Thread(task, "tiny " + p.getFileName());
                    t.setDaemon(true);
                    t.start();
                    Outcome got;
                    try {
                        got = task.get(120, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        t.interrupt();
                        throw new AssertionError("no result after 120 s", e);
                    } catch (ExecutionException e) {
                        throw new AssertionError(e.getCause());
                    }
                    if (p.endsWith("tail_divisor.py")) {
                        assertEquals("RecursionError: maximum recursion depth exceeded", got.error());
                    } else {
                        assertEquals(new Outcome(read(sibling(p, ".golden")), ""), got);
                    }
                }));
    }
}
