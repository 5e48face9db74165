package nanopy.passes.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import nanopy.ir.IrText;
import nanopy.pass.PassContext;
import nanopy.py.PyTyped;
import org.junit.jupiter.api.Test;

/**
 * check-types: every compile-time error class of LANGUAGE.md with its message and position, all of
 * a program's errors in one run, and the typed primitives it produces.
 */
class CheckTypesTest {
    @Test
    void reportsEveryTypeErrorOfAProgramInOneRun() {
        String program = """
                def add(a: int, b: int) -> int:
                    return a + b
                def name() -> str:
                    return 3
                def sign(n: int) -> int:
                    if n > 0:
                        return 1
                def noann(a, b: int) -> int:
                    return b
                x = 1
                x = "one"
                print(add(1, 2, 3))
                print(add("1", 2))
                y = 5
                y()
                z = 5
                print(z[0])
                print("a" - 1)
                print(True + 1)
                w = y + later
                later = 2
                e = []
                """;
        assertEquals(List.of(
                "8:11: parameter a of noann has no type annotation",
                "11:1: cannot assign str to variable x of type int",
                "12:7: arity mismatch: add takes 2 arguments but 3 were given",
                "13:11: argument 1 of add has type str, expected int",
                "15:1: calling a non-function: y has type int",
                "17:7: subscripting a non-sequence: z has type int",
                "18:7: operator - not supported between str and int (\"a\" - 1)",
                "19:7: operator + not supported between bool and int (bool is not an int in NanoPy)",
                "20:9: name later is used before it is assigned",
                "22:5: an empty list needs a type: write, e.g., xs: list[int] = []",
                "4:5: return type mismatch: name returns int, declared str",
                "5:1: missing return: sign can fall off its end without returning an int"), FrontEnd.diagnostics(program));
    }

    @Test
    void stopsAtTheErrorLimit() {
        String program = "x = 1\n" + "x = 'a'\n".repeat(PassContext.MAX_ERRORS + 3);
        assertEquals(PassContext.MAX_ERRORS, FrontEnd.diagnostics(program).size());
    }

    @Test
    void errorsOfEarlierPassesCoverTheRestOfLanguageMdsList() {
        assertEquals(List.of("2:1: break outside a loop"), FrontEnd.diagnostics("x = 1\nbreak\n"));
        assertEquals(List.of("1:7: undefined name nope"), FrontEnd.diagnostics("print(nope)\n"));
        assertEquals(List.of("1:15: duplicate parameter name a in f"), FrontEnd.diagnostics("def f(a: int, a: int) -> None:\n    pass\n"));
    }

    @Test
    void operatorsBecomeTypedPrimitives() {
        String ir = IrText.print(PyTyped.LANGUAGE, FrontEnd.compile("t.py", """
                n = 7
                s = "ab" * n
                f = n + 1.5
                q = n // 2
                xs = [1] + [n]
                ok = s < "b" and n in xs
                p = 2 ** -1
                """), false).replaceAll("\\s+", " ");
        for (String prim : List.of("(Prim StrRepeat [(StrLit \"ab\") (Var \"n\" (IntType))] (StrType))",
                "(Prim FloatAdd [(Prim IntToFloat [(Var \"n\" (IntType))] (FloatType)) (FloatLit 1.5)] (FloatType))",
                "(Prim IntFloorDiv [(Var \"n\" (IntType)) (IntLit 2)] (IntType))",
                "(Prim ListConcat", "(Cmp StrLt (StrLit \"b\"))", "(Cmp ListIn (Var \"xs\"",
                "(Prim FloatPow [(Prim IntToFloat [(IntLit 2)] (FloatType))")) {
            assertTrue(ir.contains(prim), prim + " in\n" + ir);
        }
    }

    @Test
    void minAndMaxSayWhatTheyTake() {
        assertEquals(List.of("1:7: min expected at least 1 argument, got 0"), FrontEnd.diagnostics("print(min())\n"));
        assertEquals(List.of("1:7: max of one argument needs an iterable, but int is not iterable"), FrontEnd.diagnostics("print(max(5))\n"));
        assertEquals(List.of("1:7: max of mixed int and float arguments: its result's type would depend on the values; convert them with float()"),
                FrontEnd.diagnostics("print(max(1, 2.5))\n"));
        String ok = "print(min(3, 1, 2), max(1.5, -2.0), min(-1, 1), min([3, 1]), max('ab', 'b'), max([(1, 'x'), (1, 'y')]))\n";
        assertEquals(CPython.run(ok, "").stdout(), FrontEnd.run(ok));
    }

    @Test
    void listsAndTuplesAreOrderedAsInPython() {
        String ok = "print([1, 2] < [1, 3], (1, 'b') >= (1, 'a'), [2] <= [1, 5], (1, 2) > (1, 1))\n";
        assertEquals(CPython.run(ok, "").stdout(), FrontEnd.run(ok));
        assertEquals(List.of("1:7: operator < not supported between list[int] and list[str] ([1] < ['a'])"),
                FrontEnd.diagnostics("print([1] < ['a'])\n"));
    }
}
