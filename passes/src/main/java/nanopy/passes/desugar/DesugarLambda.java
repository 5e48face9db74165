package nanopy.passes.desugar;

import io.vavr.collection.List;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoAndOr;
import nanopy.py.NoAndOrToNoLambda;
import nanopy.py.NoLambda;
import nanopy.py.PyCore;

/**
 * Turns {@code lambda x: e} into {@code (def lambda.N(x): return e; lambda.N)}: a nested function
 * with a fresh name, a local of the enclosing scope, defined where the lambda was evaluated (so
 * it closes over the same variables).
 */
public final class DesugarLambda implements Pass<NoAndOr.Module, NoLambda.Module> {
    @Override
    public NoLambda.Module apply(NoAndOr.Module program, PassContext ctx) {
        return new NoAndOrToNoLambda() {
            @Override
            protected NoLambda.Expr onLambda(NoAndOr.Lambda l) {
                String name = fresh("lambda", l.type());
                enterScope();
                NoLambda.Expr body = expr(l.body());
                PyCore.Type result = l.type() instanceof PyCore.FunType f ? f.result() : l.type();
                NoLambda.Stmt def = new NoLambda.FunctionDef(name, l.params(), l.locals().appendAll(exitScope()), result,
                        List.of(new NoLambda.Return(body, l.body().span())), l.span());
                return new NoLambda.Begin(List.of(def), new NoLambda.Var(name, l.type(), l.span()), l.span());
            }
        }.translate(program, ctx);
    }

    @Override
    public String description() {
        return "lambdas become nested functions with fresh names";
    }
}
