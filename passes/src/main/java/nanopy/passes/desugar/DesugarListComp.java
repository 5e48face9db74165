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
        return new NoCompareToNoListComp() {
            @Override
            protected NoListComp.Expr onListComp(NoCompare.ListComp c) {
                NoListComp.Var acc = new NoListComp.Var(fresh("comp", c.type()), c.type(), c.span());
                NoListComp.Stmt inner = new NoListComp.ExprStmt(new NoListComp.Prim(PyTyped.PrimOp.ListAppend,
                        List.of(acc, expr(c.elt())), PyTypes.NONE, c.elt().span()), c.elt().span());
                List<NoListComp.Stmt> body = List.of(inner);
                for (NoCompare.Gen g : c.generators().reverse()) {
                    for (NoCompare.Expr test : g.ifs().reverse()) {
                        body = List.of(new NoListComp.If(expr(test), body, List.empty(), test.span()));
                    }
                    body = List.of(new NoListComp.For(target(g.target()), iter(g.iter()), body, g.span()));
                }
                NoListComp.Stmt init = new NoListComp.Assign(List.of(new NoListComp.VarTarget(acc.name(), c.type(), c.span())),
                        new NoListComp.ListLit(List.empty(), c.type(), c.span()), c.span());
                return new NoListComp.Begin(body.prepend(init), acc, c.span());
            }
        }.translate(program, ctx);
    }

    @Override
    public String description() {
        return "list comprehensions become loops appending to a fresh list";
    }
}
