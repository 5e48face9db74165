package nanopy.passes.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.Map;
import nanopy.pass.PassContext;
import nanopy.py.PyTyped;
import nanopy.py.PyTypedWalker;
import org.junit.jupiter.api.Test;

/**
 * Focused tests of guard-unbound-reads: which reads get a check (with CPython's message) and
 * which the definite-assignment analysis proves safe. Running the guarded programs against
 * CPython is the golden suite's job (golden/programs/middle/unbound_*.py).
 */
class GuardUnboundReadsTest {
    /** The error messages of the checks the pass inserts, in program order. */
    private static java.util.List<String> guards(String source) {
        PyTyped.Module typed = FrontEnd.compile("test.py", source);
        PyTyped.Module guarded = new GuardUnboundReads().apply(typed, new PassContext("test.py", source, Map.of()));
        java.util.List<String> out = new ArrayList<>();
        new PyTypedWalker() {
            @Override
            protected void onPrim(PyTyped.Prim p) {
                if (p.op() == PyTyped.PrimOp.Raise && p.args().head() instanceof PyTyped.StrLit s) {
                    out.add(s.value());
                }
                super.onPrim(p);
            }
        }.walk(guarded);
        if (out.isEmpty()) {
            assertSame(typed, guarded, "a program without guards must come back as the same instance");
        }
        return out;
    }

    private static String local(String x) {
        return "UnboundLocalError: cannot access local variable '" + x + "' where it is not associated with a value";
    }

    private static String free(String x) {
        return "NameError: cannot access free variable '" + x + "' where it is not associated with a value in enclosing scope";
    }

    private static String global(String x) {
        return "NameError: name '" + x + "' is not defined";
    }

    @Test
    void branchAssignedLocalIsGuarded() {
        assertEquals(List.of(local("x")).asJava(), guards("""
                def f(c: bool) -> int:
                    if c:
                        x = 1
                    return x
                print(f(True))
                """));
    }

    @Test
    void bothBranchesAssignIsSafe() {
        assertEquals(java.util.List.of(), guards("""
                def f(c: bool) -> int:
                    if c:
                        x = 1
                    else:
                        x = 2
                    return x
                print(f(True))
                """));
    }

    @Test
    void returnOnOneBranchLeavesTheOtherAssigned() {
        assertEquals(java.util.List.of(), guards("""
                def f(c: bool) -> int:
                    if c:
                        return 0
                    else:
                        x = 2
                    return x
                print(f(True))
                """));
    }

    @Test
    void loopBodyMayNotRunButWhileTrueExitsThroughBreak() {
        assertEquals(List.of(local("last")).asJava(), guards("""
                def f(n: int) -> int:
                    for i in range(n):
                        last = i
                    return last
                def g() -> int:
                    while True:
                        y = 3
                        break
                    return y
                print(f(2), g())
                """));
    }

    @Test
    void augmentedAssignmentReadsItsTarget() {
        assertEquals(List.of(local("s")).asJava(), guards("""
                def f(c: bool) -> int:
                    if c:
                        s = 1
                    s += 1
                    return s
                print(f(True))
                """));
    }

    @Test
    void globalsAssignedBeforeTheFirstCallAreSafeInFunctions() {
        assertEquals(java.util.List.of(), guards("""
                def main() -> None:
                    print(LIMIT, helper())
                def helper() -> int:
                    return LIMIT * 2
                LIMIT = 3
                main()
                """));
    }

    @Test
    void globalAssignedAfterACallIsGuarded() {
        assertEquals(List.of(global("late")).asJava(), guards("""
                def show() -> None:
                    print(late)
                show()
                late = 1
                """));
    }

    @Test
    void moduleLevelReadOfAConditionalGlobal() {
        assertEquals(List.of(global("z")).asJava(), guards("""
                if len("ab") > 5:
                    z = 1
                print(z)
                """));
    }

    @Test
    void freeVariableAssignedAfterTheClosureIsCalled() {
        assertEquals(List.of(free("x")).asJava(), guards("""
                def outer() -> int:
                    def peek() -> int:
                        return x
                    y = peek()
                    x = 1
                    return y
                print(outer())
                """));
    }

    @Test
    void recursiveNestedFunctionsAndLoopClosuresAreSafe() {
        assertEquals(java.util.List.of(), guards("""
                from typing import Callable
                def outer(n: int) -> int:
                    def go(k: int) -> int:
                        return 0 if k == 0 else k + go(k - 1)
                    fs: list[Callable[[], int]] = []
                    for i in range(n):
                        fs.append(lambda: i * 2)
                    return go(n) + fs[0]()
                print(outer(3))
                """));
    }
}
