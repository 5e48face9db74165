package nanopy.targets.stackvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import nanopy.py.Closed;
import nanopy.stackvm.StackCode;
import org.junit.jupiter.api.Test;

/** The peephole pass: what it rewrites, and that programs still print the same. */
class PeepholeTest {
    private static final String X = "(Local \"x\" :int)";
    private static final String B = "(Local \"b\" :bool)";

    private static StackCode.Program optimized(Closed.Module m) {
        StackCode.Program before = Programs.emit(m);
        StackCode.Program after = Programs.optimize(before);
        assertEquals(Programs.run(before, ""), Programs.run(after, ""), "the same output and error");
        return after;
    }

    private static List<String> module(String globals, String body) {
        return Programs.instructions(optimized(Programs.module(globals, body)), EmitStackCode.MODULE);
    }

    private static String print(String expr) {
        return "(ExprStmt (Print [" + expr + "] (StrLit \" \") (StrLit \"\\n\")))";
    }

    @Test
    void foldsArithmeticOnConstantsAndDropsTheConstantsNoLongerUsed() {
        StackCode.Program p = optimized(Programs.module("",
                print("(Prim IntAdd [(Prim IntMul [(IntLit 2) (IntLit 3)] :int) (IntLit 1)] :int)")));
        assertEquals(List.of("LOAD_CONST 0", "LOAD_CONST 1", "LOAD_CONST 2", "CALL_PRINT 1", "POP_TOP", "RETURN_CONST 3"),
                Programs.instructions(p, EmitStackCode.MODULE));
        assertEquals("[7, ' ', '\\n', None]",
                p.codes().head().consts().map(StackListing::constant).mkString("[", ", ", "]"));
    }

    @Test
    void leavesAnOverflowForTheVmToRaise() {
        assertEquals(List.of("LOAD_CONST 0", "LOAD_CONST 1", "BINARY_OP_ADD_INT 0", "LOAD_CONST 2", "LOAD_CONST 3",
                "CALL_PRINT 1", "POP_TOP", "RETURN_CONST 4"),
                module("", print("(Prim IntAdd [(IntLit 9223372036854775807) (IntLit 1)] :int)")));
    }

    @Test
    void aBranchOnAConstantBecomesAJumpOrNothing() {
        // while True: x = 1; break   --   if False: x = 2
        assertEquals(List.of("LOAD_CONST 0", "STORE_GLOBAL 0", "RETURN_CONST 1"),
                module(X, "(While (BoolLit true) [(Assign [(GlobalTarget \"x\" :int)] (IntLit 1)) (Break)])"
                        + " (If (BoolLit false) [(Assign [(GlobalTarget \"x\" :int)] (IntLit 2))] [])"));
    }

    @Test
    void notBeforeABranchFlipsTheBranch() {
        assertEquals(List.of("LOAD_CONST 0", "STORE_GLOBAL 0", "LOAD_GLOBAL 0", "POP_JUMP_IF_TRUE 2", "LOAD_CONST 1",
                "STORE_GLOBAL 1", "RETURN_CONST 2"),
                module(B + " " + X, "(Assign [(GlobalTarget \"b\" :bool)] (BoolLit true))"
                        + " (If (Prim Not [(GlobalVar \"b\" :bool)] :bool) [(Assign [(GlobalTarget \"x\" :int)] (IntLit 1))] [])"));
    }

    @Test
    void jumpsToJumpsGoStraightToTheFinalTarget() {
        // while b: if b: x = 1 else: x = 2   (the jump over the else branch went to the loop's back jump)
        List<String> code = module(B + " " + X, "(Assign [(GlobalTarget \"b\" :bool)] (BoolLit false))"
                + " (While (GlobalVar \"b\" :bool) [(If (GlobalVar \"b\" :bool) [(Assign [(GlobalTarget \"x\" :int)] (IntLit 1))]"
                + " [(Assign [(GlobalTarget \"x\" :int)] (IntLit 2))])])");
        assertEquals(List.of("LOAD_CONST 0", "STORE_GLOBAL 0", "LOAD_GLOBAL 0", "POP_JUMP_IF_FALSE 8", "LOAD_GLOBAL 0",
                "POP_JUMP_IF_FALSE 3", "LOAD_CONST 1", "STORE_GLOBAL 1", "JUMP_BACKWARD 7", "LOAD_CONST 2",
                "STORE_GLOBAL 1", "JUMP_BACKWARD 10", "RETURN_CONST 3"), code);
    }

    @Test
    void codeAfterAReturnIsRemoved() {
        String fn = """
                (Module [(Local "f" :fn1)]
                  [(Def "f" [(Local "link" :rec) (Local "n" :int)] [] :int
                     [(If (Prim IntLt [(Var "n" :int) (IntLit 0)] :bool) [(Return (IntLit 1))] [(Return (IntLit 2))])])]
                  []
                  [(Assign [(GlobalTarget "f" :fn1)] (MakeClosure "f" (NoneLit) :fn1))
                   (ExprStmt (Print [(Call (GlobalVar "f" :fn1) [(IntLit -3)] :int)] (StrLit " ") (StrLit "\\n")))])
                """;
        StackCode.Program p = optimized(Programs.closed(fn));
        List<String> code = Programs.instructions(p, "f");
        assertEquals(List.of("LOAD_FAST 1", "LOAD_CONST 0", "COMPARE_OP_INT 26", "POP_JUMP_IF_FALSE 1", "RETURN_CONST 1",
                "RETURN_CONST 2"), code);
        assertFalse(code.contains("JUMP_FORWARD 0"));
        assertEquals(new Programs.Outcome("1\n", ""), Programs.run(p, ""));
    }
}
