package nanopy.targets.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;
import nanopy.ir.IrText;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.jvm.JvmClasses;
import nanopy.pass.PassContext;
import nanopy.py.Blocks;
import nanopy.py.interp.MiddleInterpreters;
import org.junit.jupiter.api.Test;

/**
 * emit-classfile on Blocks IR text: the classes run as Blocks' reference interpreter runs the
 * program, and a class the verifier rejects fails the pass instead of reaching the JVM.
 */
class EmitClassfileTest {
    /** What a run printed and the last line of its error ("" if none). */
    record Outcome(String stdout, String error) {}

    private static Blocks.Module parse(String text) throws Exception {
        return (Blocks.Module) IrText.parse(Blocks.LANGUAGE, text.replace(":int", "(IntType)").replace(":rec", "(RecordType)")
                .replace(":fn1", "(FunType [(IntType)] (IntType))"));
    }

    private static JvmClasses.Jar emit(Blocks.Module m) {
        return new EmitClassfile().apply(m, new PassContext("test.py", "", Map.of()));
    }

    private static Outcome run(java.util.function.Consumer<ProgramIo> runner) {
        StringBuilder out = new StringBuilder();
        try {
            runner.accept(new ProgramIo(new BufferedReader(new StringReader("")), out));
            return new Outcome(out.toString(), "");
        } catch (PyRuntimeError e) {
            return new Outcome(out.toString(), e.lastLine());
        }
    }

    /** sq = lambda x: x * x (a closure called through its interface); print(sq(7), 2 ** 62 * 2) */
    private static final String PROGRAM = """
            (Module [(Local "sq" :fn1)]
              [(Def "sq" [(Local "link" :rec) (Local "x" :int)] [(Local "r" :int)] :int
                 [(Block "start" [(Assign (VarTarget "r" :int) (Prim IntMul [(Var "x" :int) (Var "x" :int)] :int))]
                    (Return (Var "r" :int)))])]
              [(Local "c" :fn1) (Local "f" :fn1) (Local "v" :int) (Local "w" :int)]
              [(Block "start"
                 [(Assign (VarTarget "c" :fn1) (AllocateClosure "sq" :fn1))
                  (Init (Var "c" :fn1) 0 (NoneLit))
                  (Assign (GlobalTarget "sq" :fn1) (Var "c" :fn1))
                  (Assign (VarTarget "f" :fn1) (GlobalVar "sq" :fn1))
                  (Assign (VarTarget "f" :fn1) (GlobalVar "sq" :fn1))
                  (Assign (VarTarget "v" :int) (Call (Var "c" :fn1) [(IntLit 7)] :int))
                  (ExprStmt (Print [(Var "v" :int)] (StrLit " ") (StrLit "\\n")))
                  (Assign (VarTarget "w" :int) (Prim IntMul [(IntLit 4611686018427387904) (IntLit 2)] :int))
                  (ExprStmt (Print [(Var "w" :int)] (StrLit " ") (StrLit "\\n")))]
                 (Return (NoneLit)))])
            """;

    @Test
    void theClassesRunAsTheBlocksInterpreterRunsTheProgram() throws Exception {
        Blocks.Module m = parse(PROGRAM);
        Outcome expected = run(io -> new MiddleInterpreters.OfBlocks().run(m, io));
        assertEquals(new Outcome("49\n", "OverflowError: integer overflow"), expected);
        JvmClasses.Jar jar = emit(m);
        assertEquals(expected, run(io -> new JvmRunner().run(JvmClasses.LANGUAGE, jar, io)));
        String listing = new JvmListing().format(jar);
        assertTrue(listing.contains("class npy/Fn$sq extends nanopy/targets/jvm/rt/Closure implements npy/Call$J_J"), listing);
        assertTrue(listing.contains("invokeinterface npy/Call$J_J.call:(J)J"), listing);
    }

    @Test
    void aClassTheVerifierRejectsFailsThePass() throws Exception {
        // a function declared to return an int that returns a str: lreturn of a reference
        Blocks.Module m = parse("""
                (Module []
                  [(Def "bad" [(Local "link" :rec)] [(Local "s" (StrType))] :int
                     [(Block "start" [] (Return (Var "s" (StrType))))])]
                  [] [(Block "start" [] (Return (NoneLit)))])
                """);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> emit(m));
        assertTrue(e.getMessage().startsWith("the generated class npy/Program is invalid (the JVM's verifier would reject it): "), e.getMessage());
    }
}
