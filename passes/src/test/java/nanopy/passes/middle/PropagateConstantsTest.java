package nanopy.passes.middle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nanopy.pass.PassContext;
import nanopy.passes.front.CPython;
import nanopy.passes.opt.PropagateConstants;
import nanopy.py.Flat;
import nanopy.py.FlatWalker;
import org.junit.jupiter.api.Test;

/**
 * propagate-constants (docs/tutorial.md) on small programs: which variables it replaces, which it
 * must keep, and that the program still prints what CPython prints.
 */
class PropagateConstantsTest {
    /** The program after flatten, then after propagate-constants. */
    record Around(Flat.Module before, Flat.Module after) {}

    static Around around(String source) {
        Flat.Module flat = (Flat.Module) MiddleEnd.compile(source, Map.of()).stream().filter(e -> e.getKey().equals("flatten")).findFirst()
                .orElseThrow().getValue();
        return new Around(flat, new PropagateConstants().apply(flat, new PassContext("test.py", source, Map.of())));
    }

    /** The variables read in function {@code fn}, without the numbers uniquify gave them ({@code h.1} is {@code h}). */
    static Set<String> reads(Flat.Module program, String fn) {
        Set<String> out = new TreeSet<>();
        FlatWalker walker = new FlatWalker() {
            @Override
            protected void onVar(Flat.Var v) {
                out.add(v.name().replaceAll("\\.\\d+$", ""));
            }
        };
        program.defs().filter(d -> d.name().replaceAll("\\.\\d+$", "").equals(fn)).forEach(d -> d.body().forEach(walker::stmt));
        return out;
    }

    static void printsWhatCPythonPrints(String source, Flat.Module program) {
        assertEquals(CPython.run(source, "").stdout(), MiddleEnd.interpret(program, "").out());
    }

    @Test
    void aLocalAssignedOnceToALiteralIsReplacedAfterItsAssignment() {
        String source = "def area(w: int) -> int:\n    h = 7\n    return w * h\n\n\nprint(area(6))\n";
        Around a = around(source);
        assertEquals(Set.of("h", "w"), reads(a.before(), "area"));
        assertEquals(Set.of("w"), reads(a.after(), "area"));
        printsWhatCPythonPrints(source, a.after());
    }

    @Test
    void twiceAssignedVariablesAndParametersKeepTheirVariable() {
        String source = """
                def f(n: int) -> int:
                    k = 1
                    k = 2
                    n = 5
                    return n + k


                print(f(1))
                """;
        Around a = around(source);
        assertEquals(Set.of("k", "n"), reads(a.after(), "f"));
        printsWhatCPythonPrints(source, a.after());
    }

    @Test
    void variablesALoopAssignsAreKeptAndAConstantReachesALaterLoop() {
        String source = """
                def g() -> int:
                    t = 0
                    i = 0
                    while i < 3:
                        t = t + i
                        i = i + 1
                    last = 10
                    while i < 5:
                        i = i + 1
                        t = t + last
                    return t


                print(g())
                """;
        Around a = around(source);
        assertEquals(Set.of("i", "t"), reads(a.after(), "g"));
        printsWhatCPythonPrints(source, a.after());
    }

    @Test
    void aProgramWithNothingToPropagateIsReturnedAsItIs() {
        Around a = around("def f(n: int) -> int:\n    return n + 1\n\n\nprint(f(2))\n");
        assertSame(a.before(), a.after());
    }
}
