package nanopy.golden.broken;

import io.vavr.collection.List;
import nanopy.example.Arith;
import nanopy.example.ArithRewriter;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * A deliberately wrong pass for testing the golden harness: it swaps the operands of every
 * subtraction, so {@code a - b} becomes {@code b - a}. It reads and writes the languages of
 * {@code fold-constants}, so a pipeline config can swap it in for that pass.
 */
public final class SwapSubOperands implements Pass<Arith.Program, Arith.Program> {
    @Override
    public String description() {
        return "(broken on purpose) swap the operands of subtractions";
    }

    @Override
    public Arith.Program apply(Arith.Program program, PassContext ctx) {
        return new ArithRewriter() {
            @Override
            protected Arith.Expr onPrim(Arith.Prim node) {
                Arith.Expr e = super.onPrim(node);
                if (e instanceof Arith.Prim p && p.op() == Arith.Op.Sub) {
                    return new Arith.Prim(p.op(), List.of(p.args().get(1), p.args().get(0)), p.span());
                }
                return e;
            }
        }.rewrite(program);
    }
}
