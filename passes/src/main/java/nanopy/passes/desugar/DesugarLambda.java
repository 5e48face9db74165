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
        return new Translator(new Temps(ctx)).translate(program);
    }

    @Override
    public String description() {
        return "lambdas become nested functions with fresh names";
    }

    private static final class Translator extends NoAndOrToNoLambda {
        private final Temps temps;

        Translator(Temps temps) {
            this.temps = temps;
        }

        @Override
        protected NoLambda.Expr onLambda(NoAndOr.Lambda l) {
            String name = temps.fresh("lambda", l.type());
            temps.enter();
            NoLambda.Expr body = expr(l.body());
            PyCore.Type result = l.type() instanceof PyCore.FunType f ? f.result() : l.type();
            NoLambda.Stmt def = new NoLambda.FunctionDef(name, l.params(), l.locals().appendAll(temps.exit()), result,
                    List.of(new NoLambda.Return(body, l.body().span())), l.span());
            return new NoLambda.Begin(List.of(def), new NoLambda.Var(name, l.type(), l.span()), l.span());
        }

        @Override
        protected NoLambda.Stmt onFunctionDef(NoAndOr.FunctionDef d) {
            temps.enter();
            List<NoLambda.Stmt> body = d.body().map(this::stmt);
            return new NoLambda.FunctionDef(d.name(), d.params(), d.locals().appendAll(temps.exit()), d.result(), body, d.span());
        }

        @Override
        protected NoLambda.Module onModule(NoAndOr.Module m) {
            temps.enter();
            List<NoLambda.Stmt> body = m.body().map(this::stmt);
            return new NoLambda.Module(body, m.globals().appendAll(temps.exit()), m.span());
        }
    }
}
