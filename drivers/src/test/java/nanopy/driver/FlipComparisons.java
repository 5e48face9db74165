package nanopy.driver;

import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoLambda;
import nanopy.py.NoLambdaRewriter;
import nanopy.py.PyTyped.PrimOp;

/** A deliberately broken pass with the languages of fold-py-constants: {@code a < b} becomes {@code a > b}; for bisect tests. */
public final class FlipComparisons implements Pass<NoLambda.Module, NoLambda.Module> {
    @Override
    public String description() {
        return "test only: turns every int < into > (a broken pass)";
    }

    @Override
    public NoLambda.Module apply(NoLambda.Module program, PassContext ctx) {
        return new NoLambdaRewriter() {
            @Override
            protected NoLambda.Expr onPrim(NoLambda.Prim node) {
                NoLambda.Prim p = (NoLambda.Prim) super.onPrim(node);
                return p.op() == PrimOp.IntLt ? new NoLambda.Prim(PrimOp.IntGt, p.args(), p.type(), p.span()) : p;
            }
        }.rewrite(program);
    }
}
