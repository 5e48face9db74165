package nanopy.passes.example;

import io.vavr.collection.List;
import nanopy.example.Arith;
import nanopy.example.ArithRewriter;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Replaces a primitive whose operands are all integer constants by its value. An operation that
 * would overflow 64 bits is left alone, so that it fails at run time as the program says.
 */
public final class FoldConstants implements Pass<Arith.Program, Arith.Program> {
    @Override
    public String description() {
        return "evaluate primitives on constant operands at compile time";
    }

    @Override
    public Arith.Program apply(Arith.Program program, PassContext ctx) {
        return new ArithRewriter() {
            @Override
            protected Arith.Expr onPrim(Arith.Prim node) {
                Arith.Expr rewritten = super.onPrim(node);
                if (rewritten instanceof Arith.Prim p && p.args().forAll(a -> a instanceof Arith.Int)) {
                    List<Long> xs = p.args().map(a -> ((Arith.Int) a).value());
                    try {
                        long v = switch (p.op()) {
                            case Add -> Math.addExact(xs.get(0), xs.get(1));
                            case Sub -> Math.subtractExact(xs.get(0), xs.get(1));
                            case Mul -> Math.multiplyExact(xs.get(0), xs.get(1));
                        };
                        return new Arith.Int(v, p.span());
                    } catch (ArithmeticException overflow) {
                        return rewritten;
                    }
                }
                return rewritten;
            }

            @Override
            protected Arith.Expr onNeg(Arith.Neg node) {
                Arith.Expr rewritten = super.onNeg(node);
                if (rewritten instanceof Arith.Neg n && n.operand() instanceof Arith.Int i && i.value() != Long.MIN_VALUE) {
                    return new Arith.Int(-i.value(), n.span());
                }
                return rewritten;
            }
        }.rewrite(program);
    }
}
