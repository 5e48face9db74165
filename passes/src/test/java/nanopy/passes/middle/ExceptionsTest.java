package nanopy.passes.middle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nanopy.ir.Node;
import nanopy.pass.Pass;
import nanopy.passes.front.CPython;
import nanopy.py.Blocks;
import nanopy.py.PyTyped.PrimOp;
import org.junit.jupiter.api.Test;

/**
 * try/except/else/finally and raise through the middle end: the program runs as CPython runs it
 * after every pass, and explicate-control's blocks carry the handlers (a dispatch block that
 * catches and tests each except clause, finally bodies on every way out, no tail call inside a
 * try).
 */
class ExceptionsTest {
    /** The front end and the middle end (lower-to-lir rejects exceptions). */
    private static List<Pass<?, ?>> passes() {
        List<Pass<?, ?>> ps = new ArrayList<>(MiddleEnd.all());
        ps.removeLast();
        return ps;
    }

    private static Blocks.Module blocks(String program) {
        List<Map.Entry<String, Node>> all = MiddleEnd.compile(program, Map.of(), passes());
        return (Blocks.Module) all.getLast().getValue();
    }

    private static void assertRunsAsCPython(String program) {
        CPython.Result want = CPython.run(program, "");
        String error = want.status() == 0 ? "" : want.lastErrLine();
        StringBuilder report = new StringBuilder();
        String pass = MiddleEnd.firstDifference(program, "", got -> got.out().equals(want.stdout()) && got.error().equals(error), report,
                new AtomicReference<>(), passes());
        assertEquals("", pass, () -> "first pass whose output differs: " + pass + "\n" + report + "\nexpected: " + want.stdout() + error);
    }

    /** Handler variables captured by closures and global, exceptions through frames, a finally that returns. */
    private static final String PROGRAM = """
            def depth(n: int) -> int:
                if n == 0:
                    raise KeyError(n)
                return depth(n - 1) + 1

            def describe() -> str:
                try:
                    depth(3)
                    return "no error"
                except LookupError as e:
                    def show() -> str:
                        return "captured " + str(e)
                    return show()

            def swallow() -> int:
                while True:
                    try:
                        return 1 // 0
                    finally:
                        return 7

            print(describe(), swallow())
            total = 0
            for word in ["3", "x", "5", ""]:
                try:
                    total += int(word)
                except:
                    print("skip", repr(word))
                else:
                    print("ok", word)
            print(total)
            try:
                assert total > 100, f"total is {total}"
            except AssertionError as err:
                print("assert:", err)
            raise RuntimeError(f"end of {total}")
            """;

    @Test
    void runsAsCPythonAfterEveryPass() {
        assertRunsAsCPython(PROGRAM);
    }

    @Test
    void anUncaughtExceptionFromAHandlerEndsTheRunWithItsLastLine() {
        assertRunsAsCPython("""
                def f(xs: list[int]) -> int:
                    try:
                        return xs[3]
                    except IndexError:
                        raise ValueError("short list")
                print(f([1, 2, 3, 4]))
                print(f([1]))
                """);
    }

    @Test
    void blocksOfATryNameTheirHandlerWhichCatchesAndDispatches() {
        Blocks.Module m = blocks("""
                def g(n: int) -> int:
                    return 10 // n
                def f(n: int) -> int:
                    try:
                        return g(n)
                    except ZeroDivisionError as e:
                        return -1
                print(f(0))
                """);
        Blocks.Def f = m.defs().find(d -> d.name().equals("f")).get();
        List<Blocks.Block> protectedBlocks = f.blocks().filter(b -> b.handler().isDefined()).toJavaList();
        assertTrue(!protectedBlocks.isEmpty(), "the try body's blocks name a handler");
        for (Blocks.Block b : protectedBlocks) {
            assertTrue(!(b.tail() instanceof Blocks.TailCall), "return g(n) inside the try is not a tail call: " + b);
            Blocks.Block h = f.blocks().find(x -> x.label().equals(b.handler().get())).get();
            assertTrue(h.body().head() instanceof Blocks.Catch, "a handler block starts with Catch: " + h);
        }
        assertTrue(f.blocks().exists(b -> b.tail() instanceof Blocks.Branch br && br.test() instanceof Blocks.Prim p
                && p.op() == PrimOp.ExcMatches), "the except clause tests the class");
        assertTrue(f.blocks().exists(b -> b.tail() instanceof Blocks.Raise), "an exception no clause matches is raised again");
    }

    @Test
    void aFinallyBodyIsCopiedOntoEveryWayOut() {
        Blocks.Module m = blocks("""
                def f(n: int) -> int:
                    while True:
                        try:
                            if n == 1:
                                break
                            if n == 2:
                                continue
                            return n
                        finally:
                            print("fin")
                    return 0
                print(f(1))
                """);
        Blocks.Def f = m.defs().head();
        long copies = f.blocks().flatMap(Blocks.Block::body).filter(s -> s instanceof Blocks.ExprStmt(Blocks.Print p, var sp)).size();
        assertEquals(4, copies, "finally on break, continue, return and an exception");
    }
}
