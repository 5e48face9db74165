package nanopy.passes.desugar;

import io.vavr.collection.List;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoCompare;
import nanopy.py.NoCompareToNoListComp;
import nanopy.py.NoListComp;
import nanopy.py.PyTyped;
import nanopy.py.PyTypes;

/**
 * Turns {@code [e for x in xs if c for y in ys]} into
 * {@code (acc = []; for x in xs: if c: for y in ys: acc.append(e); acc)}: the loops run in the
 * enclosing scope (the comprehension's variables are already locals of it after resolve-names).
 */
public final class DesugarListComp implements Pass<NoCompare.Module, NoListComp.Module> {
    @Override
    public NoListComp.Module apply(NoCompare.Module program, PassContext ctx) {
        return new Translator(new Temps(ctx)).translate(program);
    }

    @Override
    public String description() {
        return "list comprehensions become loops appending to a fresh list";
    }

    private static final class Translator extends NoCompareToNoListComp {
        private final Temps temps;

        Translator(Temps temps) {
            this.temps = temps;
        }

        @Override
        protected NoListComp.Expr onListComp(NoCompare.ListComp c) {
            String acc = temps.fresh("comp", c.type());
            NoListComp.Expr accVar = new NoListComp.Var(acc, c.type(), c.span());
            NoListComp.Stmt inner = new NoListComp.ExprStmt(new NoListComp.Prim(PyTyped.PrimOp.ListAppend,
                    List.of(accVar, expr(c.elt())), PyTypes.NONE, c.elt().span()), c.elt().span());
            List<NoListComp.Stmt> body = List.of(inner);
            for (NoCompare.Gen g : c.generators().reverse()) {
                for (NoCompare.Expr test : g.ifs().reverse()) {
                    body = List.of(new NoListComp.If(expr(test), body, List.empty(), test.span()));
                }
                body = List.of(new NoListComp.For(target(g.target()), iter(g.iter()), body, g.span()));
            }
            NoListComp.Stmt init = new NoListComp.Assign(List.of(new NoListComp.VarTarget(acc, c.type(), c.span())),
                    new NoListComp.ListLit(List.empty(), c.type(), c.span()), c.span());
            return new NoListComp.Begin(body.prepend(init), accVar, c.span());
        }

        @Override
        protected NoListComp.Stmt onFunctionDef(NoCompare.FunctionDef d) {
            temps.enter();
            List<NoListComp.Stmt> body = d.body().map(this::stmt);
            return new NoListComp.FunctionDef(d.name(), d.params(), d.locals().appendAll(temps.exit()), d.result(), body, d.span());
        }

        @Override
        protected NoListComp.Expr onLambda(NoCompare.Lambda l) {
            temps.enter();
            NoListComp.Expr body = expr(l.body());
            return new NoListComp.Lambda(l.params(), l.locals().appendAll(temps.exit()), body, l.type(), l.span());
        }

        @Override
        protected NoListComp.Module onModule(NoCompare.Module m) {
            temps.enter();
            List<NoListComp.Stmt> body = m.body().map(this::stmt);
            return new NoListComp.Module(body, m.globals().appendAll(temps.exit()), m.span());
        }
    }
}
