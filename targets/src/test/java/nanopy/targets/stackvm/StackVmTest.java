package nanopy.targets.stackvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import nanopy.py.Closed;
import nanopy.targets.stackvm.Programs.Outcome;
import org.junit.jupiter.api.Test;

/** Programs run on the stack VM print and fail as on Closed's reference interpreter. */
class StackVmTest {
    private static void sameAsReference(String text, Outcome expected) {
        Closed.Module m = Programs.closed(text);
        assertEquals(expected, Programs.reference(m, ""), "the reference interpreter");
        assertEquals(expected, Programs.run(Programs.emit(m), ""), "emit-stack-code");
        assertEquals(expected, Programs.run(Programs.optimize(Programs.emit(m)), ""), "emit-stack-code, peephole");
    }

    @Test
    void recursionLoopsAndGlobals() {
        sameAsReference(Programs.FACTORIAL, new Outcome("0 1\n1 1\n2 2\n3 6\n4 24\n5 120\n", ""));
    }

    @Test
    void closuresShareTheirActivationRecord() {
        sameAsReference(Programs.COUNTER, new Outcome("2 [3, 4] (1, 'a')\n", ""));
    }

    @Test
    void aHundredThousandNestedCallsWork() {
        sameAsReference(Programs.DEEP.formatted(100_000), new Outcome("0\n", ""));
    }

    @Test
    void tooDeepRecursionIsARecursionErrorNotAJavaStackOverflow() {
        Outcome o = Programs.run(Programs.emit(Programs.closed(Programs.DEEP.formatted(10_000_000))), "");
        assertEquals(new Outcome("", "RecursionError: maximum recursion depth exceeded"), o);
    }

    @Test
    void runtimeErrorsKeepEarlierOutput() {
        String text = """
                (Module [(Local "x" :int)] [] []
                  [(ExprStmt (Print [(StrLit "before")] (StrLit " ") (StrLit "\\n")))
                   (Assign [(GlobalTarget "x" :int)] (Prim IntFloorDiv [(IntLit 7) (IntLit 0)] :int))
                   (ExprStmt (Print [(GlobalVar "x" :int)] (StrLit " ") (StrLit "\\n")))])
                """;
        sameAsReference(text, new Outcome("before\n", "ZeroDivisionError: integer division or modulo by zero"));
    }

    @Test
    void overflowIsReportedByTheTypedAdd() {
        String text = """
                (Module [(Local "x" :int)] [] []
                  [(Assign [(GlobalTarget "x" :int)] (IntLit 9223372036854775807))
                   (ExprStmt (Print [(Prim IntAdd [(GlobalVar "x" :int) (IntLit 1)] :int)] (StrLit " ") (StrLit "\\n")))])
                """;
        sameAsReference(text, new Outcome("", "OverflowError: integer overflow"));
    }

    @Test
    void unassignedGlobalIsANameError() {
        String text = """
                (Module [(Local "y.1" :int)] [] []
                  [(ExprStmt (Print [(GlobalVar "y.1" :int)] (StrLit " ") (StrLit "\\n")))])
                """;
        sameAsReference(text, new Outcome("", "NameError: name 'y' is not defined"));
    }

    @Test
    void listsTuplesUnpackingSlicesAndStrings() {
        String text = """
                (Module [(Local "xs" (ListType :int)) (Local "a" :int) (Local "b" :str)] [] []
                  [(Assign [(GlobalTarget "xs" (ListType :int))] (ListLit [(IntLit 3) (IntLit 1) (IntLit 2)] (ListType :int)))
                   (ExprStmt (Prim ListAppend [(GlobalVar "xs" (ListType :int)) (IntLit 9)] :none))
                   (Assign [(ItemTarget (GlobalVar "xs" (ListType :int)) (IntLit -1) :int)] (IntLit 8))
                   (Assign [(UnpackTarget [(GlobalTarget "a" :int) (GlobalTarget "b" :str)])]
                      (TupleLit [(Prim ListLen [(GlobalVar "xs" (ListType :int))] :int) (StrLit "hey")] (TupleType [:int :str])))
                   (ExprStmt (Print [(GlobalVar "xs" (ListType :int))
                      (Prim ListSlice [(GlobalVar "xs" (ListType :int)) (IntLit 1) (NoneLit)] (ListType :int))
                      (GlobalVar "a" :int) (Prim StrIndex [(GlobalVar "b" :str) (IntLit -1)] :str)
                      (Prim StrConcat [(GlobalVar "b" :str) (StrLit "!")] :str)
                      (Prim ListIn [(IntLit 9) (GlobalVar "xs" (ListType :int))] :bool)
                      (Prim IntTrueDiv [(IntLit 7) (IntLit 2)] (FloatType))] (StrLit ", ") (StrLit ".\\n")))
                   (Assign [(ItemTarget (GlobalVar "xs" (ListType :int)) (IntLit 10) :int)] (IntLit 0))])
                """;
        sameAsReference(text, new Outcome("[3, 1, 2, 8], [1, 2, 8], 4, y, hey!, False, 3.5.\n",
                "IndexError: list assignment index out of range"));
    }
}
