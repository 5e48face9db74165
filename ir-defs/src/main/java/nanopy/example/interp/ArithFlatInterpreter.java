package nanopy.example.interp;

import java.util.HashMap;
import java.util.Map;
import nanopy.example.ArithFlat;
import nanopy.ir.Interpreter;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;

/** Runs an {@link ArithFlat} program: executes the assignments in order, then prints the result atom. */
public final class ArithFlatInterpreter implements Interpreter {
    @Override
    public Language language() {
        return ArithFlat.LANGUAGE;
    }

    @Override
    public void run(Node program, ProgramIo io) {
        ArithFlat.Program p = (ArithFlat.Program) program;
        Map<String, Long> vars = new HashMap<>();
        for (ArithFlat.Stmt s : p.body()) {
            switch (s) {
                case ArithFlat.Assign a -> vars.put(a.name(), eval(a.rhs(), vars));
            }
        }
        io.print(atom(p.result(), vars) + "\n");
    }

    private static long atom(ArithFlat.Atom a, Map<String, Long> vars) {
        return switch (a) {
            case ArithFlat.Int i -> i.value();
            case ArithFlat.Var v -> {
                Long x = vars.get(v.name());
                if (x == null) {
                    throw new IllegalStateException("unassigned " + v.name());
                }
                yield x;
            }
        };
    }

    private static long eval(ArithFlat.Expr e, Map<String, Long> vars) {
        return switch (e) {
            case ArithFlat.Atom a -> atom(a, vars);
            case ArithFlat.Prim p -> ArithOps.apply(p.op(), p.args().map(a -> atom(a, vars)).toJavaList(), p.span());
        };
    }
}
