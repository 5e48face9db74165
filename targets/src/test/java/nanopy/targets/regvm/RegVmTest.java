package nanopy.targets.regvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Blocks programs in, output and the last error line out, through the whole register-VM tail. */
class RegVmTest {
    static final String I = "(IntType)";
    static final String FT = "(FunType [(IntType)] (IntType))";

    static String var(String n) {
        return "(Var \"" + n + "\" " + I + ")";
    }

    /** A module that runs {@code stmts} and prints {@code printed} (int atoms). */
    static String module(String locals, String stmts, String printed) {
        return "(Module [] [] [" + locals + "] [(Block \"main\" [" + stmts
                + " (ExprStmt (Print [" + printed + "] (StrLit \" \") (StrLit \"\\n\")))] (Return (NoneLit)))])";
    }

    /** A module with one global function {@code f(n)} whose blocks are given, calling it on {@code arg}. */
    static String withFunction(String fLocals, String fBlocks, long arg) {
        return "(Module [(Local \"f\" " + FT + ")] [(Def \"f\" [(Local \"link\" (RecordType)) (Local \"n\" " + I + ")] [" + fLocals + "] " + I
                + " [" + fBlocks + "])] [(Local \"clo\" " + FT + ") (Local \"r\" " + I + ")]"
                + " [(Block \"main\" [(Assign (VarTarget \"clo\" " + FT + ") (AllocateClosure \"f\" " + FT + "))"
                + " (Init (Var \"clo\" " + FT + ") 0 (NoneLit))"
                + " (Assign (GlobalTarget \"f\" " + FT + ") (Var \"clo\" " + FT + "))"
                + " (Assign (VarTarget \"r\" " + I + ") (Call (Var \"clo\" " + FT + ") [(IntLit " + arg + ")] " + I + "))"
                + " (ExprStmt (Print [" + var("r") + "] (StrLit \" \") (StrLit \"\\n\")))] (Return (NoneLit)))])";
    }

    static String call(String dst, String argAtom) {
        return "(Assign (VarTarget \"g\" " + FT + ") (GlobalVar \"f\" " + FT + "))"
                + " (Assign (VarTarget \"" + dst + "\" " + I + ") (Call (Var \"g\" " + FT + ") [" + argAtom + "] " + I + "))";
    }

    static String prim(String dst, String op, String a, String b) {
        return "(Assign (VarTarget \"" + dst + "\" " + I + ") (Prim " + op + " [" + a + " " + b + "] " + I + "))";
    }

    @Test
    void arithmeticFloorsLikePython() {
        String p = module("(Local \"a\" (IntType)) (Local \"b\" (IntType))",
                prim("a", "IntFloorDiv", "(IntLit -7)", "(IntLit 2)") + prim("b", "IntMod", "(IntLit -7)", "(IntLit 2)"),
                var("a") + " " + var("b"));
        assertEquals(new Tail.Outcome("-4 1\n", ""), Tail.run(p));
    }

    @Test
    void overflowAndDivisionByZeroRaiseCPythonsErrors() {
        String over = module("(Local \"a\" (IntType))", prim("a", "IntAdd", "(IntLit 9223372036854775807)", "(IntLit 1)"), var("a"));
        assertEquals(new Tail.Outcome("", "OverflowError: integer overflow"), Tail.run(over));
        String div = module("(Local \"a\" (IntType))", prim("a", "IntFloorDiv", "(IntLit 1)", "(IntLit 0)"), var("a"));
        assertEquals(new Tail.Outcome("", "ZeroDivisionError: integer division or modulo by zero"), Tail.run(div));
        String mod = module("(Local \"a\" (IntType))", prim("a", "IntMod", "(IntLit 1)", "(IntLit 0)"), var("a"));
        assertEquals("ZeroDivisionError: integer modulo by zero", Tail.run(mod).error());
    }

    @Test
    void listsPrintAsPythonAndIndexErrorsMatch() {
        String lt = "(ListType (IntType))";
        String p = "(Module [] [] [(Local \"xs\" " + lt + ") (Local \"y\" (IntType))] [(Block \"main\" ["
                + "(Assign (VarTarget \"xs\" " + lt + ") (Allocate ListObj 2 " + lt + "))"
                + "(Init (Var \"xs\" " + lt + ") 0 (IntLit 10)) (Init (Var \"xs\" " + lt + ") 1 (IntLit 20))"
                + "(ExprStmt (Prim ListAppend [(Var \"xs\" " + lt + ") (IntLit -1)] (NoneType)))"
                + "(Assign (VarTarget \"y\" (IntType)) (Prim ListIndex [(Var \"xs\" " + lt + ") (IntLit -1)] (IntType)))"
                + "(ExprStmt (Print [(Var \"xs\" " + lt + ") (Var \"y\" (IntType)) (FloatLit 1e16) (StrLit \"s\")] (StrLit \",\") (StrLit \"!\\n\")))"
                + "(Assign (VarTarget \"y\" (IntType)) (Prim ListIndex [(Var \"xs\" " + lt + ") (IntLit 3)] (IntType)))"
                + "] (Return (NoneLit)))])";
        assertEquals(new Tail.Outcome("[10, 20, -1],-1,1e+16,s!\n", "IndexError: list index out of range"), Tail.run(p));
    }

    @Test
    void colderPrimitivesRunPyTypedsImplementation() {
        String lt = "(ListType (StrType))";
        String p = "(Module [] [] [(Local \"xs\" " + lt + ") (Local \"n\" (IntType))] [(Block \"main\" ["
                + "(Assign (VarTarget \"xs\" " + lt + ") (Prim StrSplit [(StrLit \" a bc  d \")] " + lt + "))"
                + "(Assign (VarTarget \"n\" (IntType)) (Prim StrToInt [(StrLit \" 42 \")] (IntType)))"
                + "(ExprStmt (Print [(Var \"xs\" " + lt + ") (Var \"n\" (IntType))] (StrLit \" \") (StrLit \"\\n\")))"
                + "(Assign (VarTarget \"n\" (IntType)) (Prim StrToInt [(StrLit \"x\")] (IntType)))"
                + "] (Return (NoneLit)))])";
        assertEquals(new Tail.Outcome("['a', 'bc', 'd'] 42\n", "ValueError: invalid literal for int() with base 10: 'x'"), Tail.run(p));
    }

    static final String FIB = "(Block \"start\" [] (Branch (Prim IntLt [" + var("n") + " (IntLit 2)] (BoolType)) \"base\" \"rec\"))"
            + "(Block \"base\" [] (Return " + var("n") + "))"
            + "(Block \"rec\" [" + prim("a", "IntSub", var("n"), "(IntLit 1)") + call("b", var("a"))
            + prim("c", "IntSub", var("n"), "(IntLit 2)") + call("d", var("c")) + prim("e", "IntAdd", var("b"), var("d"))
            + "] (Return " + var("e") + "))";
    static final String FIB_LOCALS = "(Local \"a\" (IntType)) (Local \"b\" (IntType)) (Local \"c\" (IntType)) (Local \"d\" (IntType))"
            + " (Local \"e\" (IntType)) (Local \"g\" " + FT + ")";

    @Test
    void recursiveCalls() {
        assertEquals(new Tail.Outcome("6765\n", ""), Tail.run(withFunction(FIB_LOCALS, FIB, 20)));
    }

    @Test
    void unboundedRecursionIsARecursionErrorAfterAtLeast100000Calls() {
        String blocks = "(Block \"start\" [" + prim("a", "IntAdd", var("n"), "(IntLit 1)") + call("b", var("a"))
                + "] (Return " + var("b") + "))";
        String locals = "(Local \"a\" (IntType)) (Local \"b\" (IntType)) (Local \"g\" " + FT + ")";
        assertEquals(new Tail.Outcome("", "RecursionError: maximum recursion depth exceeded"), Tail.run(withFunction(locals, blocks, 0)));
        String depth = "(Block \"start\" [] (Branch (Prim IntEq [" + var("n") + " (IntLit 0)] (BoolType)) \"base\" \"rec\"))"
                + "(Block \"base\" [] (Return (IntLit 0)))"
                + "(Block \"rec\" [" + prim("a", "IntSub", var("n"), "(IntLit 1)") + call("b", var("a"))
                + prim("c", "IntAdd", var("b"), "(IntLit 1)") + "] (Return " + var("c") + "))";
        String locals2 = "(Local \"a\" (IntType)) (Local \"b\" (IntType)) (Local \"c\" (IntType)) (Local \"g\" " + FT + ")";
        assertEquals(new Tail.Outcome("150000\n", ""), Tail.run(withFunction(locals2, depth, 150_000)));
    }

    @Test
    void tailCallsRunInConstantStack() {
        String blocks = "(Block \"start\" [] (Branch (Prim IntEq [" + var("n") + " (IntLit 0)] (BoolType)) \"base\" \"rec\"))"
                + "(Block \"base\" [] (Return (IntLit 7)))"
                + "(Block \"rec\" [" + prim("a", "IntSub", var("n"), "(IntLit 1)")
                + "(Assign (VarTarget \"g\" " + FT + ") (GlobalVar \"f\" " + FT + "))"
                + "] (TailCall (Var \"g\" " + FT + ") [" + var("a") + "] " + I + "))";
        String locals = "(Local \"a\" (IntType)) (Local \"g\" " + FT + ")";
        assertEquals(new Tail.Outcome("7\n", ""), Tail.run(withFunction(locals, blocks, 3_000_000)));
    }

    /** A module with {@code n} ints live at once ({@code v_i = 3i}), printing their sum. */
    static String manyLiveValues(int n) {
        StringBuilder locals = new StringBuilder("(Local \"s\" (IntType))");
        StringBuilder stmts = new StringBuilder();
        for (int i = 0; i < n; i++) {
            locals.append(" (Local \"v").append(i).append("\" (IntType))");
            stmts.append(prim("v" + i, "IntMul", "(IntLit " + i + ")", "(IntLit 3)"));
        }
        stmts.append("(Assign (VarTarget \"s\" (IntType)) (IntLit 0))");
        for (int i = 0; i < n; i++) {
            stmts.append(prim("s", "IntAdd", var("s"), var("v" + i)));
        }
        return module(locals.toString(), stmts.toString(), var("s"));
    }

    /** 300 values live at once: 47 of them spill, and the sum still comes out right. */
    @Test
    void spilledValuesKeepTheirValues() {
        int n = 300;
        String p = manyLiveValues(n);
        var alloc = Tail.allocate(p);
        long spilled = alloc.functions().head().homes().count(h -> h.location() instanceof nanopy.mach.MachAllocated.Slot);
        assertTrue(spilled > 0, "some values spill");
        assertTrue(Tail.compile(p).functions().head().primFrame() > RegVmIsa.REGISTERS, "the frame holds the spill slots past the registers");
        assertEquals(new Tail.Outcome(3L * n * (n - 1) / 2 + "\n", ""), Tail.run(p));
    }

    /** The shared MachAllocated interpreter leaves the VM's code to the VM: its opcodes have no rules to read. */
    @Test
    void sharedMachineInterpreterLeavesRegvmCodeToTheVm() {
        var alloc = Tail.allocate(manyLiveValues(3));
        var interpreter = new nanopy.passes.mach.MachInterpreter();
        assertFalse(interpreter.runs(alloc));
        var io = new nanopy.ir.ProgramIo(new java.io.BufferedReader(new java.io.StringReader("")), new StringBuilder());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> interpreter.run(alloc, io));
        assertTrue(e.getMessage().contains("instruction set regvm has no rule table"), e.getMessage());
    }
}
