package nanopy.example.interp;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import nanopy.example.Arith;
import nanopy.ir.Interpreter;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;

/** Runs an {@link Arith} program: evaluates its expression and prints the value on a line. */
public final class ArithInterpreter implements Interpreter {
    @Override
    public Language language() {
        return Arith.LANGUAGE;
    }

    @Override
    public void run(Node program, ProgramIo io) {
        io.print(eval(((Arith.Program) program).body(), HashMap.empty()) + "\n");
    }

    private static long eval(Arith.Expr e, Map<String, Long> env) {
        return switch (e) {
            case Arith.Int i -> i.value();
            case Arith.Var v -> env.get(v.name()).getOrElseThrow(() -> new IllegalStateException("unbound " + v.name()));
            case Arith.Prim p -> ArithOps.apply(p.op(), p.args().map(a -> eval(a, env)).toJavaList(), p.span());
            case Arith.Neg n -> ArithOps.negate(eval(n.operand(), env), n.span());
            case Arith.Let l -> eval(l.body(), env.put(l.name(), eval(l.rhs(), env)));
        };
    }
}
