package nanopy.passes.middle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import nanopy.ir.Node;
import nanopy.passes.front.CPython;
import nanopy.py.NoLambda;
import nanopy.py.NoLambdaWalker;
import org.junit.jupiter.api.Test;

/**
 * inline and fold-py-constants on small programs: what they change (calls left, primitives left),
 * what they must not (recursive functions, operations that raise), and that the program's output
 * and errors after every pass are CPython's.
 */
class OptimizationTest {
    /** The IR after pass {@code name}, compiled with {@code options}. */
    private static Node after(String name, String program, Map<String, Object> options) {
        return MiddleEnd.compile(program, options).stream().filter(e -> e.getKey().equals(name)).findFirst().orElseThrow().getValue();
    }

    /** The IR before and after pass {@code name}, from one compilation. */
    private static List<Node> around(String name, String program, Map<String, Object> options) {
        List<Map.Entry<String, Node>> all = MiddleEnd.compile(program, options);
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).getKey().equals(name)) {
                return List.of(all.get(i - 1).getValue(), all.get(i).getValue());
            }
        }
        throw new AssertionError("no pass " + name);
    }

    /** Calls through the name {@code fn}. */
    private static List<NoLambda.Call> callsOf(Node program, String fn) {
        List<NoLambda.Call> calls = new ArrayList<>();
        new NoLambdaWalker() {
            @Override
            protected void onCall(NoLambda.Call c) {
                if (c.fn() instanceof NoLambda.Var v && v.name().equals(fn)) {
                    calls.add(c);
                }
                super.onCall(c);
            }
        }.walk((NoLambda.Module) program);
        return calls;
    }

    private static List<NoLambda.Prim> prims(Node program) {
        List<NoLambda.Prim> ps = new ArrayList<>();
        new NoLambdaWalker() {
            @Override
            protected void onPrim(NoLambda.Prim p) {
                ps.add(p);
                super.onPrim(p);
            }
        }.walk((NoLambda.Module) program);
        return ps;
    }

    /** After every pass the program prints what CPython prints and fails (if it does) with CPython's last line. */
    private static void assertRunsAsCPython(String program) {
        CPython.Result want = CPython.run(program, "");
        assertRunsAs(program, want.stdout(), want.status() == 0 ? "" : want.lastErrLine());
    }

    private static void assertRunsAs(String program, String stdout, String error) {
        StringBuilder report = new StringBuilder();
        String pass = MiddleEnd.firstDifference(program, "", got -> got.out().equals(stdout) && got.error().equals(error), report,
                new AtomicReference<>());
        assertEquals("", pass, () -> "first pass whose output differs: " + pass + "\n" + report + "\nexpected: " + stdout + error);
    }

    private static final String SMALL_FUNCTIONS = """
            def tick(n: int) -> int:
                print("tick", n)
                return n

            def add3(a: int, b: int, c: int) -> int:
                return a + b + c

            def sign(x: int) -> int:
                if x < 0:
                    return -1
                elif x == 0:
                    return 0
                return 1

            def shout(s: str) -> None:
                print(s + "!")

            def fact(n: int) -> int:
                return 1 if n <= 1 else n * fact(n - 1)

            def is_even(n: int) -> bool:
                return True if n == 0 else is_odd(n - 1)

            def is_odd(n: int) -> bool:
                return False if n == 0 else is_even(n - 1)

            def first_neg(xs: list[int]) -> int:
                for x in xs:
                    if x < 0:
                        return x
                return 0

            def main() -> None:
                print(add3(tick(1), tick(2), tick(3)), sign(-5), sign(0), sign(tick(7)))
                shout("hey")
                print(fact(6), is_even(10), first_neg([3, -2, -8]))

            main()
            print(add3(1, 2, 3))
            """;

    @Test
    void inlinesSmallNonRecursiveFunctionsKeepingTheOrderOfEffects() {
        Node inlined = after("inline", SMALL_FUNCTIONS, Map.of("inline.threshold", 30L));
        for (String f : List.of("tick", "sign", "shout")) {
            assertEquals(List.of(), callsOf(inlined, f), f + " is small and not recursive: every call is inlined");
        }
        assertEquals(1, callsOf(inlined, "add3").size(), "calls in top-level code stay");
        assertEquals(1, callsOf(inlined, "main").size(), "calls in top-level code stay");
        for (String f : List.of("fact", "is_even", "is_odd")) {
            assertTrue(!callsOf(inlined, f).isEmpty(), f + " is recursive: its calls stay");
        }
        assertEquals(1, callsOf(inlined, "first_neg").size(), "a return inside a loop is not inlined");
        assertRunsAsCPython(SMALL_FUNCTIONS);
    }

    @Test
    void thresholdBoundsTheSizeOfInlinedBodiesAndZeroTurnsInliningOff() {
        List<Node> off = around("inline", SMALL_FUNCTIONS, Map.of("inline.threshold", 0L));
        assertSame(off.get(0), off.get(1));
        Node small = after("inline", SMALL_FUNCTIONS, Map.of("inline.threshold", 8L));
        assertEquals(List.of(), callsOf(small, "tick"), "tick's body, print(\"tick\", n); return = n, is 8 nodes");
        assertEquals(1, callsOf(small, "add3").size(), "add3's is 6 (one call is in top-level code)");
        assertEquals(3, callsOf(small, "sign").size(), "sign's is more than 8");
    }

    @Test
    void aFunctionCalledBeforeItsDefinitionRunsIsNotInlined() {
        String program = """
                def g() -> int:
                    return f()

                def h() -> int:
                    return g()

                print(h())

                def f() -> int:
                    return 1
                """;
        Node inlined = after("inline", program, Map.of("inline.threshold", 30L));
        assertEquals(List.of(), callsOf(inlined, "g"), "g is defined before anything runs: inlined into h");
        assertEquals(2, callsOf(inlined, "f").size(), "f may be called before it is defined: its calls (in g and in g's copy in h) stay");
        assertRunsAsCPython(program);
    }

    @Test
    void foldsPrimitivesOnLiteralsButNeverOneThatRaises() {
        String program = """
                big = 9223372036854775807
                print(2 + 3 * 4, 7 // -2, -7 % 3, "ab" + "c", len("hello"), not (1 < 2), 1.5 * 2.0, str(12) + "!")
                print(1 if 3 > 2 else 1 // 0, "x" < "y", abs(-4), 0.1 + 0.2)
                if 2 > 3:
                    print("never")
                else:
                    print("always")
                """;
        assertEquals(List.of(), prims(after("fold-py-constants", program, Map.of())));
        assertRunsAsCPython(program);
        String overflow = program + "print(big + 1, 9223372036854775807 + 1)\n";
        assertEquals(List.of("IntAdd", "IntAdd"), prims(after("fold-py-constants", overflow, Map.of())).stream().map(p -> p.op().name()).toList(),
                "the overflowing additions are left for run time");
        assertRunsAs(overflow, CPython.run(program, "").stdout(), "OverflowError: integer overflow");
    }

    @Test
    void foldsStringsByCodePointsAsPythonCounts() {
        // an emoji is one character to Python, two UTF-16 units to Java; U+FFFD sorts below it
        String program = """
                print(len("a\\U0001F600b"), "\\ufffd" < "\\U0001F600", "z" < "\\U0001F600", len("\\U0001F600" + "x"))
                """;
        assertEquals(List.of(), prims(after("fold-py-constants", program, Map.of())));
        assertRunsAsCPython(program);
    }

    @Test
    void leavesDivisionByZeroForRunTime() {
        String program = """
                print("before")
                print(1 // 0)
                """;
        assertEquals(1, prims(after("fold-py-constants", program, Map.of())).size());
        assertRunsAsCPython(program);
    }
}
