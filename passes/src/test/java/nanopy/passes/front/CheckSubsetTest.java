package nanopy.passes.front;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nanopy.pass.PassContext;
import org.junit.jupiter.api.Test;

/** check-subset: Python outside NanoPy stage 1 is rejected with its position, every construct in one run. */
class CheckSubsetTest {
    @Test
    void reportsEveryUnsupportedConstructInOneRun() {
        String program = """
                import os
                class Point:
                    pass
                def gen(n: int) -> int:
                    yield n
                with open("f") as fh:
                    pass
                raise
                x = 1
                y = 2
                z = 3
                d = {1: 2}
                s = f"{d}"
                @staticmethod
                def g(*args: int) -> None:
                    pass
                print({1, 2}, (a := 3))
                big = 99999999999999999999
                """;
        assertEquals(List.of(
                "1:1: unsupported: import is not in NanoPy yet",
                "5:5: unsupported: generator (yield) is not in NanoPy yet",
                "6:1: unsupported: with statement is not in NanoPy yet",
                "8:1: unsupported: a bare raise outside an except clause is not in NanoPy yet",
                "14:2: unsupported: decorator is not in NanoPy yet",
                "15:8: unsupported: *args parameter is not in NanoPy yet",
                "17:16: unsupported: assignment expression (:=) is not in NanoPy yet",
                "18:7: integer literal 99999999999999999999 does not fit in a 64-bit int"), FrontEnd.diagnostics(program));
    }

    @Test
    void breakContinueAndReturnOutsideTheirPlaceAreRejected() {
        assertEquals(List.of("1:1: break outside a loop", "3:5: continue outside a loop", "4:1: return outside a function"),
                FrontEnd.diagnostics("break\ndef f() -> None:\n    continue\nreturn 1\n"));
    }

    @Test
    void theAllowedImportsPass() {
        assertEquals("3\n", FrontEnd.run("""
                from typing import Callable
                from dataclasses import dataclass
                f: Callable[[int], int] = lambda n: n + 1
                print(f(2))
                """));
    }

    @Test
    void stopsAtTheErrorLimit() {
        String program = "import os\n".repeat(PassContext.MAX_ERRORS + 5);
        List<String> ds = FrontEnd.diagnostics(program);
        assertEquals(PassContext.MAX_ERRORS, ds.size());
        assertEquals(PassContext.MAX_ERRORS + ":1: unsupported: import is not in NanoPy yet", ds.get(ds.size() - 1));
    }
}
