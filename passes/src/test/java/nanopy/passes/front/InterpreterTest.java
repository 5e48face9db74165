package nanopy.passes.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import nanopy.ir.PyRuntimeError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The PyTyped interpreter against CPython: print formatting, input, runtime errors' last lines,
 * deep recursion. Every expected output comes from running the same program on python3.11.
 */
class InterpreterTest {
    private static void assertSameAsCPython(String program, String stdin) {
        CPython.Result expected = CPython.run(program, stdin);
        assertEquals(0, expected.status(), expected.lastErrLine());
        assertEquals(expected.stdout(), FrontEnd.run(program, stdin, new StringBuilder()));
    }

    /** The program fails as under CPython: the same stdout before the failure, the same last stderr line. */
    private static void assertFailsAsInCPython(String program, String stdin) {
        CPython.Result expected = CPython.run(program, stdin);
        assertEquals(1, expected.status());
        StringBuilder out = new StringBuilder();
        PyRuntimeError e = assertThrows(PyRuntimeError.class, () -> FrontEnd.run(program, stdin, out));
        assertEquals(expected.stdout(), out.toString());
        assertEquals(expected.lastErrLine(), e.lastLine());
    }

    @Test
    void printsFloatsAsPythonsRepr() {
        assertSameAsCPython("""
                print(0.1, 1e-05, 1e16, 100.0, 1 / 3, 2.5e-300, 123456789012345678.0, -0.0, 0.1 + 0.2)
                print(float("inf"), float("-inf"), float("nan"), 1e22, 1e-7, 5e-324, 1.7976931348623157e308)
                print(str(1.0), 7 / 2, 2 ** -1, 10.0 // 3, -7.5 % 2)
                """, "");
    }

    @Test
    void printsContainersWithReprsOfTheirElements() {
        assertSameAsCPython("""
                print(["a", "it's", 'say "hi"', "tab\\t", "é", "\\\\"], [1.5, 2.0], [True, False])
                print((1,), (1, "a"), [(1, 'x'), (2, 'y')], [[1], []], [], "plain", None)
                print(1, 2, 3, sep=", ", end="!\\n")
                print()
                xs: list[list[str]] = [[], ["q"]]
                print(xs, len([]), str([]))
                """, "");
    }

    @Test
    void showsObjectsInsideContainersByTheirRepr() {
        assertSameAsCPython("""
                from dataclasses import dataclass

                @dataclass
                class P:
                    x: int
                    name: str = "p"

                class Q:
                    def __init__(self, v: int) -> None:
                        self.v: int = v

                    def __repr__(self) -> str:
                        return f"Q({self.v})"

                    def __str__(self) -> str:
                        return f"q{self.v}"

                @dataclass
                class Team:
                    members: list[P]

                d: dict[str, list[Q]] = {"a": [Q(1)], "b": []}
                empty: list[P] = []
                print([P(1), P(2, "b")], [Q(1), Q(2)], Q(3), d, empty)
                print((Q(5), 3, "s"), (Q(1),), [(1, Q(1)), (2, Q(2))], Team([P(3)]))
                print(str([Q(9)]), repr(Q(4)), f"{[Q(7)]}")
                """, "");
    }

    @Test
    void setsIterateInCPythonsTableOrder() {
        assertSameAsCPython("""
                a: set[int] = {100, 3, -7, 2 ** 40, 8, 16, 24, 1000, 999, 31}
                b = {x * 9 for x in range(-20, 20)}
                print(a, b, {3, 1, 2}, set([3, 1, 2]))
                a.discard(8)
                a.add(72)
                a.discard(100)
                a.add(-1)
                print(a, a.union(b), b.intersection(a), a.intersection([999, 3, 5]), b.difference(a), a.difference({3}))
                t: set[tuple[int, int]] = {(i, j) for i in range(4) for j in range(3)}
                f: set[float] = {0.5, 2.0, -1.25, 1e300, 3.0, 1e-300}
                print(t, f, {True, False}, set(a))
                """, "");
    }

    @Test
    void readsInputAndInputInt() {
        assertSameAsCPython("""
                name = input()
                n = input_int()
                m = input_int()
                print("hello", name, n + m)
                print(input("prompt? "))
                """, "Ada\n40\n 2 \nlast line\n");
    }

    @TestFactory
    Stream<DynamicTest> runtimeErrorsEndWithCPythonsLastLine() {
        return Stream.of(
                "print(1)\nprint(7 // 0)\n",
                "print(7 % 0)\n",
                "print(1.5 / 0)\n",
                "print(1 / 0)\n",
                "xs = [1, 2]\nprint(xs[0])\nprint(xs[2])\n",
                "s = 'abc'\nprint(s[-4])\n",
                "print(int('x1'))\n",
                "print(float('one'))\n",
                "print(input())\n",
                "xs: list[int] = []\nxs.pop()\n",
                "print(chr(-1))\n",
                "for i in range(0, 10, 0):\n    print(i)\n",
                "def f(n: int) -> int:\n    return f(n + 1)\nprint(f(0))\n").map(p -> DynamicTest.dynamicTest(p.lines().reduce((a, b) -> b).orElse(""),
                        () -> assertFailsAsInCPython(p, "")));
    }

    @Test
    void overflowStopsInsteadOfPrintingAWrongNumber() {
        String program = """
                f = 1
                for i in range(1, 30):
                    f = f * i
                    print(i, f)
                """;
        CPython.Result big = CPython.run(program, "");
        StringBuilder out = new StringBuilder();
        PyRuntimeError e = assertThrows(PyRuntimeError.class, () -> FrontEnd.run(program, "", out));
        assertEquals("OverflowError: integer overflow", e.lastLine());
        assertTrue(big.stdout().startsWith(out.toString()), "what was printed is CPython's output up to 20!:\n" + out);
        assertEquals(20, out.toString().lines().count());
    }

    @Test
    void aHundredFiftyThousandNestedCallsWork() {
        assertSameAsCPython("""
                def depth(n: int) -> int:
                    if n == 0:
                        return 0
                    return 1 + depth(n - 1)
                print(depth(150000))
                """, "");
    }
}
