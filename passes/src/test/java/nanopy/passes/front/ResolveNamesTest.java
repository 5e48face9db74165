package nanopy.passes.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nanopy.ir.IrText;
import nanopy.py.PyResolved;
import org.junit.jupiter.api.Test;

/**
 * resolve-names: Python's LEGB rule with global and nonlocal, unique names for shadowing variables,
 * and its errors. Outputs are CPython's.
 */
class ResolveNamesTest {
    static final String SCOPES = """
            x = 1
            def f(x: int) -> int:
                def g() -> int:
                    nonlocal x
                    x = x + 1
                    return x
                return g() + g()
            def h() -> None:
                global x
                x = 5
                y = [x for x in range(3)]
                print(y, x)
            def late() -> int:
                return x * 10
            print(f(10), x)
            h()
            print(x, late())
            """;

    private static String dump(String source, Map<String, Object> options) {
        return IrText.print(PyResolved.LANGUAGE, FrontEnd.resolve("test.py", source, options), false).replaceAll("\\s+", " ");
    }

    @Test
    void legbGlobalNonlocalAndShadowingRunAsInCPython() {
        assertEquals(CPython.run(SCOPES, "").stdout(), FrontEnd.run(SCOPES));
    }

    @Test
    void shadowingVariablesGetUniqueNames() {
        String ir = dump(SCOPES, Map.of());
        assertTrue(ir.contains("(Param \"x.1\" (IntType) _)"), ir);
        assertTrue(ir.contains("(Assign [(Name \"x.1\" Store)] (BinOp (Name \"x.1\" Load) Add"), "nonlocal x is f's x:\n" + ir);
        assertTrue(ir.contains("(Comprehension (Name \"x.2\" Store)"), "the comprehension's x is its own:\n" + ir);
        assertTrue(ir.contains("(Assign [(Name \"x\" Store)] (Constant (IntConst 5)))"), "global x is the module's:\n" + ir);
        assertTrue(ir.contains("(BuiltinName Print)"), ir);
        assertTrue(ir.endsWith("[\"x\" \"f\" \"h\" \"late\"])"), ir);
    }

    @Test
    void closuresCaptureVariablesNotValues() {
        String program = """
                from typing import Callable
                def counter() -> Callable[[], int]:
                    n = 0
                    def step() -> int:
                        nonlocal n
                        n += 1
                        return n
                    return step
                c = counter()
                d = counter()
                print(c(), c(), d(), c())
                k = 1
                get: Callable[[], int] = lambda: k
                k = 2
                print(get())
                """;
        assertEquals(CPython.run(program, "").stdout(), FrontEnd.run(program));
    }

    @Test
    void undefinedNamesAreReportedEachAtItsPlace() {
        assertEquals(List.of("2:12: undefined name y", "3:7: undefined name z"),
                FrontEnd.diagnostics("def f() -> int:\n    return y\nprint(z)\n"));
    }

    @Test
    void nonlocalOfAMissingNameIsOneDiagnostic() {
        assertEquals(List.of("3:9: nonlocal of a missing name: no binding for missing in an enclosing function"),
                FrontEnd.diagnostics("""
                        def outer() -> None:
                            def inner() -> None:
                                nonlocal missing
                                missing = 1
                            inner()
                        """));
    }

    @Test
    void duplicateParametersAndMissingBuiltinsAreReported() {
        assertEquals(List.of("1:17: duplicate parameter name a in dup", "3:7: unsupported: builtin map is not in NanoPy yet"),
                FrontEnd.diagnostics("def dup(a: int, a: int) -> int:\n    return a\nprint(map([1]))\n"));
    }

    @Test
    void projectOptionsNameTheModuleMainAndCallMain() {
        // The run itself is compared with CPython's 'import main; main.main()' in drivers' ProjectModeTest.
        String program = """
                print(__name__)
                def main() -> None:
                    print("in main", __name__ == "main")
                """;
        Map<String, Object> project = Map.of("resolve-names.module-name", "main", "resolve-names.call", "main");
        String ir = dump(program, project);
        assertTrue(ir.startsWith("(Module [(Assign [(Name \"__name__\" Store)] (Constant (StrConst \"main\")))"), ir);
        assertTrue(ir.contains("(ExprStmt (Call (Name \"main\" Load) [] []))]"), ir);
        assertEquals(CPython.run(program, "").stdout(), FrontEnd.run(program), "without the options: __main__, and main() is not called");
    }
}
