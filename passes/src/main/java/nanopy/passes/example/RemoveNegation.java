package nanopy.passes.example;

import io.vavr.collection.List;
import nanopy.example.Arith;
import nanopy.example.ArithNoNeg;
import nanopy.example.ArithToArithNoNeg;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Rewrites {@code -e} as {@code 0 - e}. The generated translator rebuilds every other production;
 * {@code onNeg} is the one method javac asks for, because {@code Neg} has no counterpart in
 * {@link ArithNoNeg}. Overflow is unchanged: {@code -MIN} and {@code 0 - MIN} both overflow.
 */
public final class RemoveNegation implements Pass<Arith.Program, ArithNoNeg.Program> {
    @Override
    public String description() {
        return "rewrite -e as 0 - e";
    }

    @Override
    public ArithNoNeg.Program apply(Arith.Program program, PassContext ctx) {
        return new ArithToArithNoNeg() {
            @Override
            protected ArithNoNeg.Expr onNeg(Arith.Neg node) {
                return new ArithNoNeg.Prim(Arith.Op.Sub, List.of(new ArithNoNeg.Int(0, node.span()), expr(node.operand())), node.span());
            }
        }.translate(program);
    }
}
