package nanopy.example.interp;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import nanopy.example.ArithNoNeg;
import nanopy.ir.Interpreter;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;

/** Runs an {@link ArithNoNeg} program: evaluates its expression and prints the value on a line. */
public final class ArithNoNegInterpreter implements Interpreter {
    @Override
    public Language language() {
        return ArithNoNeg.LANGUAGE;
    }

    @Override
    public void run(Node program, ProgramIo io) {
        io.print(eval(((ArithNoNeg.Program) program).body(), HashMap.empty()) + "\n");
    }

    private static long eval(ArithNoNeg.Expr e, Map<String, Long> env) {
        return switch (e) {
            case ArithNoNeg.Int i -> i.value();
            case ArithNoNeg.Var v -> env.get(v.name()).getOrElseThrow(() -> new IllegalStateException("unbound " + v.name()));
            case ArithNoNeg.Prim p -> ArithOps.apply(p.op(), p.args().map(a -> eval(a, env)).toJavaList(), p.span());
            case ArithNoNeg.Let l -> eval(l.body(), env.put(l.name(), eval(l.rhs(), env)));
        };
    }
}
