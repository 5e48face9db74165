package nanopy.passes.lir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nanopy.ir.IrText;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Source;
import nanopy.lir.Lir;
import nanopy.lir.interp.LirInterpreter;
import nanopy.lir.RuntimeAbi;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.CorpusFiles;
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
import nanopy.passes.front.CPython;
import nanopy.passes.front.CheckSubset;
import nanopy.passes.front.CheckTypes;
import nanopy.passes.front.GuardUnboundReads;
import nanopy.passes.front.ParsePython;
import nanopy.passes.front.ResolveNames;
import org.junit.jupiter.api.Test;

/**
 * lower-to-lir and the Lir interpreter on programs that use every kind of value: the output is
 * CPython's, the IR prints and parses back, and docs/runtime-abi.md documents every routine.
 */
class LowerToLirTest {
    private static final String PROGRAM = """
            from typing import Callable

            def make(n: int) -> Callable[[int], int]:
                total = n
                def add(k: int) -> int:
                    nonlocal total
                    total = total + k
                    return total
                return add

            xs: list[int] = [3, 1, 2]
            xs.append(len(xs))
            t = (1.5, "a", True)
            f = make(10)
            print(f(1), f(2), xs, t, xs[-1], t[1] + "b", not t[2], 7 // 2, 7.0 / 2, 2 < 2.5, sep=",")
            print(str(3) * 2, [x * x for x in xs if x > 1], "abc"[1:], 1e16, -0.0, xs == [3, 1, 2, 3], end="!\\n")
            ys = xs[:]
            ys[0] = 99
            print(ys.pop(), ys, min(4, 2), abs(-2.5), 2 ** 10, ord("a"), chr(98), "x" in "xyz", 3 in xs)
            print(9223372036854775807 + int(input()))
            """;

    private static Lir.Module lower(String source) {
        List<Pass<?, ?>> passes = new ArrayList<>(List.of(new ParsePython(), new CheckSubset(), new ResolveNames(), new CheckTypes(),
                new GuardUnboundReads(), new DesugarAugAssign(), new DesugarCompare(), new DesugarListComp(), new DesugarFor(),
                new DesugarAndOr(), new DesugarLambda(), new ConvertClosures(), new ExposeAllocation(), new Flatten(),
                new ExplicateControl(), new LowerToLir()));
        PassContext ctx = new PassContext("test.py", source, Map.of());
        Node ir = new Source.SourceFile("test.py", source);
        for (Pass<?, ?> p : passes) {
            @SuppressWarnings("unchecked")
            Pass<Node, Node> q = (Pass<Node, Node>) p;
            ir = q.apply(ir, ctx);
            ctx.throwIfErrors();
        }
        return (Lir.Module) ir;
    }

    private static CPython.Result run(Node program, String stdin) {
        StringBuilder out = new StringBuilder();
        try {
            new LirInterpreter().run(program, new ProgramIo(new BufferedReader(new StringReader(stdin)), out));
            return new CPython.Result(out.toString(), "", 0);
        } catch (PyRuntimeError e) {
            return new CPython.Result(out.toString(), e.lastLine(), 1);
        }
    }

    @Test
    void runsAsCPythonDoesAndRoundTrips() throws Exception {
        Lir.Module m = lower(PROGRAM);
        String text = IrText.print(Lir.LANGUAGE, m, false);
        assertEquals(text, IrText.print(Lir.LANGUAGE, IrText.parse(Lir.LANGUAGE, text), false), "print, parse, print");
        for (String routine : List.of("nanopy_rt_list_append", "nanopy_rt_box_int", "nanopy_rt_unbox_int", "nanopy_rt_to_str_float",
                "nanopy_rt_str_concat", "nanopy_rt_tuple_get", "nanopy_rt_int_floor_div", "nanopy_rt_write")) {
            assertTrue(text.contains("\"" + routine + "\""), routine + " in\n" + text);
        }
        assertEquals(CPython.run(PROGRAM, "0\n"), run(m, "0\n"));
        assertEquals(CPython.run(PROGRAM, "-5\n"), run(m, "-5\n"));
        // ints are 64-bit in NanoPy (LANGUAGE.md): where CPython grows the int, Add stops
        assertEquals("OverflowError: integer overflow", run(m, "1\n").lastErrLine());
    }

    @Test
    void docsListEveryRoutineWithItsPrototype() throws Exception {
        String doc = Files.readString(CorpusFiles.repo().resolve(Path.of("docs", "runtime-abi.md")));
        for (RuntimeAbi.Routine r : RuntimeAbi.all()) {
            assertTrue(doc.contains("`" + r.prototype() + "`"), "docs/runtime-abi.md lacks `" + r.prototype() + "`");
        }
    }
}
