package nanopy.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import nanopy.example.Arith;
import nanopy.example.ArithFlat;
import nanopy.py.Blocks;
import nanopy.py.PyTyped;
import org.junit.jupiter.api.Test;

/** IR text with scoping mistakes is rejected at the position of the offending node, in every language family. */
class ScopeCheckerTest {
    /** The message IrText.parse gives for {@code text}, which must be rejected. */
    private static String rejected(Language lang, String text) {
        return assertThrows(IrError.class, () -> IrText.parse(lang, text)).getMessage();
    }

    /** {@code line:col} of the first occurrence of {@code what} in {@code text} (both from 1). */
    private static String at(String text, String what) {
        int i = text.indexOf(what);
        int line = (int) text.substring(0, i).chars().filter(c -> c == '\n').count() + 1;
        int col = i - text.lastIndexOf('\n', i - 1);
        return line + ":" + col;
    }

    @Test
    void letScopesItsVariableToItsBody() throws IrError {
        String ok = "(Program (Let \"x\" (Int 1) (Prim Add [(Var \"x\") (Int 2)])))";
        IrText.parse(Arith.LANGUAGE, ok);
        String bad = "(Program (Prim Add [(Let \"x\" (Int 1) (Var \"x\")) (Var \"x\")]))";
        assertEquals(at(bad, "Var \"x\")]") + ": undefined variable x", rejected(Arith.LANGUAGE, bad));
    }

    @Test
    void anAssignmentDeclaresItsVariableForWhatFollows() throws IrError {
        IrText.parse(ArithFlat.LANGUAGE, "(Program [(Assign \"a\" (Int 1)) (Assign \"b\" (Var \"a\"))] (Var \"b\"))");
        String bad = "(Program [(Assign \"a\" (Var \"b\")) (Assign \"b\" (Int 1))] (Var \"a\"))";
        assertEquals(at(bad, "Var \"b\"") + ": undefined variable b", rejected(ArithFlat.LANGUAGE, bad));
    }

    private static final String FUN = "(FunType [(IntType)] (IntType))";

    @Test
    void typedProgramsCheckVariablesAndArity() throws IrError {
        String ok = "(Module [(ExprStmt (Call (Var \"f\" " + FUN + ") [(IntLit 1)] (IntType)))] [(Local \"f\" " + FUN + ")])";
        IrText.parse(PyTyped.LANGUAGE, ok);
        String arity = ok.replace("[(IntLit 1)]", "[]");
        assertEquals(at(arity, "Call") + ": call with 0 arguments of a function that takes 1", rejected(PyTyped.LANGUAGE, arity));
        String undefined = ok.replace("(Local \"f\"", "(Local \"g\"");
        assertEquals(at(undefined, "Var") + ": undefined variable f", rejected(PyTyped.LANGUAGE, undefined));
    }

    private static final String BLOCKS = """
            (Module [] [(Def "f" [(Local "link" (RecordType)) (Local "a" (IntType))] [] (IntType)
                         [(Block "start" [] (Return (Var "a" (IntType))))])]
              [(Local "c" FUN) (Local "t" (IntType))]
              [(Block "start"
                 [(Assign (VarTarget "c" FUN) (AllocateClosure "f" FUN))
                  (Init (Var "c" FUN) 0 (NoneLit))
                  (Assign (VarTarget "t" (IntType)) (Call (Var "c" FUN) [(IntLit 1)] (IntType)))]
                 (Goto "next"))
               (Block "next" [] (Return (Var "t" (IntType))))])
            """.replace("FUN", FUN);

    @Test
    void basicBlocksCheckLabelsVariablesArityAndClosures() throws IrError {
        IrText.parse(Blocks.LANGUAGE, BLOCKS);
        String label = BLOCKS.replace("(Goto \"next\")", "(Goto \"nowhere\")");
        assertEquals(at(label, "Goto") + ": no block labeled nowhere in this function", rejected(Blocks.LANGUAGE, label));
        String local = BLOCKS.replace("(Return (Var \"a\"", "(Return (Var \"t\"");
        assertEquals(at(local, "Var \"t\"") + ": undefined variable t (not a parameter or local of this function)",
                rejected(Blocks.LANGUAGE, local));
        String arity = BLOCKS.replace("[(IntLit 1)]", "[(IntLit 1) (IntLit 2)]");
        assertEquals(at(arity, "Call") + ": call with 2 arguments of a function that takes 1", rejected(Blocks.LANGUAGE, arity));
        String code = BLOCKS.replace("(AllocateClosure \"f\"", "(AllocateClosure \"g\"");
        assertEquals(at(code, "AllocateClosure") + ": closure of g, which is not a Def of this program", rejected(Blocks.LANGUAGE, code));
        String twice = BLOCKS.replace("(Block \"next\"", "(Block \"start\"").replace("(Goto \"next\")", "(Goto \"start\")");
        assertEquals(at(twice, "Block \"start\" [] (Return (Var \"t\"") + ": block start is defined twice", rejected(Blocks.LANGUAGE, twice));
    }
}
