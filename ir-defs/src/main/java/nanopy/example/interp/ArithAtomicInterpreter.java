package nanopy.example.interp;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import nanopy.example.ArithAtomic;
import nanopy.ir.Interpreter;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;

/** Runs an {@link ArithAtomic} program: like {@link ArithInterpreter}, with atoms as operands. */
public final class ArithAtomicInterpreter implements Interpreter {
    @Override
    public Language language() {
        return ArithAtomic.LANGUAGE;
    }

    @Override
    public void run(Node program, ProgramIo io) {
        io.print(eval(((ArithAtomic.Program) program).body(), HashMap.empty()) + "\n");
    }

    static long atom(ArithAtomic.Atom a, Map<String, Long> env) {
        return switch (a) {
            case ArithAtomic.Int i -> i.value();
            case ArithAtomic.Var v -> env.get(v.name()).getOrElseThrow(() -> new IllegalStateException("unbound " + v.name()));
        };
    }

    private static long eval(ArithAtomic.Expr e, Map<String, Long> env) {
        return switch (e) {
            case ArithAtomic.Atom a -> atom(a, env);
            case ArithAtomic.Prim p -> ArithOps.apply(p.op(), p.args().map(a -> atom(a, env)).toJavaList(), p.span());
            case ArithAtomic.Let l -> eval(l.body(), env.put(l.name(), eval(l.rhs(), env)));
        };
    }
}
