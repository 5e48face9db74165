package nanopy.targets.stackvm;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;
import nanopy.ir.IrError;
import nanopy.ir.IrText;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.pass.PassContext;
import nanopy.py.Closed;
import nanopy.py.interp.MiddleInterpreters;
import nanopy.stackvm.StackCode;

/**
 * Test support: Closed programs written as IR text (with {@code :int}, {@code :bool}, {@code :str},
 * {@code :none}, {@code :rec}, {@code :fn1} (int -> int) and {@code :fn0} (() -> int) for the
 * types), compiled to stack code and run on the stack VM or on Closed's reference interpreter.
 */
final class Programs {
    /** What a run printed, and the last line of the error it ended with ("" if none). */
    record Outcome(String stdout, String error) {}

    private Programs() {}

    static Closed.Module closed(String text) {
        String expanded = text.replace(":int", "(IntType)").replace(":bool", "(BoolType)").replace(":str", "(StrType)")
                .replace(":none", "(NoneType)").replace(":rec", "(RecordType)")
                .replace(":fn1", "(FunType [(IntType)] (IntType))").replace(":fn0", "(FunType [] (IntType))");
        try {
            return (Closed.Module) IrText.parse(Closed.LANGUAGE, expanded);
        } catch (IrError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static PassContext context() {
        return new PassContext("test.py", "", Map.of());
    }

    static StackCode.Program emit(Closed.Module m) {
        return new EmitStackCode().apply(m, context());
    }

    static StackCode.Program optimize(StackCode.Program p) {
        return new Peephole().apply(p, context());
    }

    static Outcome run(StackCode.Program p, String stdin) {
        StringBuilder out = new StringBuilder();
        try {
            StackVm.runProgram(p, io(stdin, out));
            return new Outcome(out.toString(), "");
        } catch (PyRuntimeError e) {
            return new Outcome(out.toString(), e.lastLine());
        }
    }

    static Outcome reference(Closed.Module m, String stdin) {
        StringBuilder out = new StringBuilder();
        try {
            new MiddleInterpreters.OfClosed().run(m, io(stdin, out));
            return new Outcome(out.toString(), "");
        } catch (PyRuntimeError e) {
            return new Outcome(out.toString(), e.lastLine());
        }
    }

    private static ProgramIo io(String stdin, StringBuilder out) {
        return new ProgramIo(new BufferedReader(new StringReader(stdin)), out);
    }

    /**
     * def fact(n: int) -> int:          # line 1
     *     if n <= 1:                    # line 2
     *         return 1                  # line 3
     *     return n * fact(n - 1)        # line 4
     * i = 0                             # line 5
     * while i < 6:                      # line 6
     *     print(i, fact(i))             # line 7
     *     i = i + 1                     # line 8
     */
    static final String FACTORIAL = """
            (Module [(Local "fact" :fn1) (Local "i" :int)]
              [(Def@1:1-4:27 "fact" [(Local "link" :rec) (Local "n" :int)] [] :int
                 [(If@2:5-3:17 (Prim@2:8-2:14 IntLe [(Var "n" :int) (IntLit 1)] :bool) [(Return@3:9-3:17 (IntLit 1))] [])
                  (Return@4:5-4:27 (Prim@4:12-4:27 IntMul [(Var "n" :int)
                     (Call@4:16-4:27 (GlobalVar "fact" :fn1) [(Prim IntSub [(Var "n" :int) (IntLit 1)] :int)] :int)] :int))])]
              []
              [(Assign@1:1-4:27 [(GlobalTarget "fact" :fn1)] (MakeClosure "fact" (NoneLit) :fn1))
               (Assign@5:1-5:6 [(GlobalTarget "i" :int)] (IntLit 0))
               (While@6:1-8:14 (Prim@6:7-6:12 IntLt [(GlobalVar "i" :int) (IntLit 6)] :bool)
                 [(ExprStmt@7:5-7:22 (Print@7:5-7:22 [(GlobalVar "i" :int)
                     (Call@7:14-7:21 (GlobalVar "fact" :fn1) [(GlobalVar "i" :int)] :int)] (StrLit " ") (StrLit "\\n")))
                  (Assign@8:5-8:14 [(GlobalTarget "i" :int)] (Prim@8:9-8:14 IntAdd [(GlobalVar "i" :int) (IntLit 1)] :int))])])
            """;

    /**
     * def make() -> Callable[[], int]:
     *     count = 0                     # in make's activation record, slot 1
     *     def inc() -> int:
     *         nonlocal count
     *         count = count + 1
     *         return count
     *     return inc
     * f = make()
     * f()
     * print(f(), [f(), f()], (1, 'a'))
     */
    static final String COUNTER = """
            (Module [(Local "make" (FunType [] :fn0)) (Local "f" :fn0)]
              [(Def "make" [(Local "link" :rec)] [(Local "r" :rec) (Local "inc" :fn0)] :fn0
                 [(Assign [(VarTarget "r" :rec)] (MakeRecord (Var "link" :rec) [(NoneLit)]))
                  (Assign [(RecordTarget (Var "r" :rec) 0 1 :int)] (IntLit 0))
                  (Assign [(VarTarget "inc" :fn0)] (MakeClosure "inc" (Var "r" :rec) :fn0))
                  (Return (Var "inc" :fn0))])
               (Def "inc" [(Local "link" :rec)] [] :int
                 [(Assign [(RecordTarget (Var "link" :rec) 0 1 :int)]
                     (Prim IntAdd [(RecordGet (Var "link" :rec) 0 1 :int) (IntLit 1)] :int))
                  (Return (RecordGet (Var "link" :rec) 0 1 :int))])]
              []
              [(Assign [(GlobalTarget "make" (FunType [] :fn0))] (MakeClosure "make" (NoneLit) (FunType [] :fn0)))
               (Assign [(GlobalTarget "f" :fn0)] (Call (GlobalVar "make" (FunType [] :fn0)) [] :fn0))
               (ExprStmt (Call (GlobalVar "f" :fn0) [] :int))
               (ExprStmt (Print [(Call (GlobalVar "f" :fn0) [] :int)
                   (ListLit [(Call (GlobalVar "f" :fn0) [] :int) (Call (GlobalVar "f" :fn0) [] :int)] (ListType :int))
                   (TupleLit [(IntLit 1) (StrLit "a")] (TupleType [:int :str]))] (StrLit " ") (StrLit "\\n")))])
            """;

    /** def down(n: int) -> int: return 0 if n == 0 else down(n - 1); print(down(N)) for N = %d. */
    static final String DEEP = """
            (Module [(Local "down" :fn1)]
              [(Def "down" [(Local "link" :rec) (Local "n" :int)] [] :int
                 [(Return (IfExp (Prim IntEq [(Var "n" :int) (IntLit 0)] :bool) (IntLit 0)
                    (Call (GlobalVar "down" :fn1) [(Prim IntSub [(Var "n" :int) (IntLit 1)] :int)] :int) :int))])]
              []
              [(Assign [(GlobalTarget "down" :fn1)] (MakeClosure "down" (NoneLit) :fn1))
               (ExprStmt (Print [(Call (GlobalVar "down" :fn1) [(IntLit %d)] :int)] (StrLit " ") (StrLit "\\n")))])
            """;

    /** The instructions of code object {@code name} as {@code "OPNAME arg"} strings (no argument for opcodes without one). */
    static java.util.List<String> instructions(StackCode.Program p, String name) {
        StackCode.Code c = p.codes().find(k -> k.name().equals(name)).getOrElseThrow(() -> new AssertionError("no code " + name));
        return c.instrs().map(i -> Opcodes.hasArgument(i.op()) ? i.op() + " " + i.arg() : i.op().name()).asJava();
    }

    /** A module whose top level is {@code body} (Closed statements) over globals {@code globals}. */
    static Closed.Module module(String globals, String body) {
        return closed("(Module [" + globals + "] [] [] [" + body + "])");
    }
}
