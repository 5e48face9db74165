package nanopy.passes.desugar;

import io.vavr.collection.List;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoAugAssign;
import nanopy.py.PyTyped;
import nanopy.py.PyTypedToNoAugAssign;
import nanopy.py.PyTypes;

/**
 * Turns {@code x op= v} into {@code x = x op v}, and {@code a[i] op= v} into
 * {@code t1 = a; t2 = i; t1[t2] = t1[t2] op v}, so the target's subexpressions are evaluated once,
 * before v, as in Python. Literal subexpressions need no temporary.
 */
public final class DesugarAugAssign implements Pass<PyTyped.Module, NoAugAssign.Module> {
    @Override
    public NoAugAssign.Module apply(PyTyped.Module program, PassContext ctx) {
        return new Translator(new Temps(ctx)).translate(program);
    }

    @Override
    public String description() {
        return "augmented assignments become plain assignments, the target's subexpressions evaluated once";
    }

    private static final class Translator extends PyTypedToNoAugAssign {
        private final Temps temps;

        Translator(Temps temps) {
            this.temps = temps;
        }

        private List<NoAugAssign.Stmt> stmts(List<PyTyped.Stmt> ss) {
            return ss.flatMap(s -> s instanceof PyTyped.AugAssign a ? expand(a) : List.of(stmt(s)));
        }

        private List<NoAugAssign.Stmt> expand(PyTyped.AugAssign a) {
            PyTyped.Expr value = expr(a.value());
            return switch (a.target()) {
                case PyTyped.VarTarget v -> List.of(new NoAugAssign.Assign(List.of(v),
                        new PyTyped.Prim(a.op(), List.of(new PyTyped.Var(v.name(), v.type(), v.span()), value), v.type(), a.span()),
                        a.span()));
                case PyTyped.ItemTarget(var list, var index, var type, var sp) -> {
                    List<NoAugAssign.Stmt> pre = List.empty();
                    PyTyped.Expr l = expr(list);
                    PyTyped.Expr i = expr(index);
                    if (!isLiteral(l)) {
                        String t = temps.fresh("aug", PyTypes.typeOf(l));
                        pre = pre.append(assign(t, l));
                        l = new PyTyped.Var(t, PyTypes.typeOf(list), list.span());
                    }
                    if (!isLiteral(i)) {
                        String t = temps.fresh("aug", PyTypes.typeOf(i));
                        pre = pre.append(assign(t, i));
                        i = new PyTyped.Var(t, PyTypes.typeOf(index), index.span());
                    }
                    PyTyped.Expr old = new PyTyped.Prim(PyTyped.PrimOp.ListIndex, List.of(l, i), type, sp);
                    yield pre.append(new NoAugAssign.Assign(List.of(new PyTyped.ItemTarget(l, i, type, sp)),
                            new PyTyped.Prim(a.op(), List.of(old, value), type, a.span()), a.span()));
                }
                case PyTyped.UnpackTarget u -> throw new IllegalStateException("augmented assignment to a tuple at " + u.span());
            };
        }

        private static boolean isLiteral(PyTyped.Expr e) {
            return e instanceof PyTyped.IntLit || e instanceof PyTyped.StrLit || e instanceof PyTyped.BoolLit
                    || e instanceof PyTyped.FloatLit || e instanceof PyTyped.NoneLit;
        }

        private static NoAugAssign.Stmt assign(String t, PyTyped.Expr e) {
            return new NoAugAssign.Assign(List.of(new PyTyped.VarTarget(t, PyTypes.typeOf(e), e.span())), e, e.span());
        }

        @Override
        protected NoAugAssign.Stmt onAugAssign(PyTyped.AugAssign node) {
            throw new IllegalStateException("augmented assignment outside a statement list");
        }

        @Override
        protected NoAugAssign.Stmt onFunctionDef(PyTyped.FunctionDef d) {
            temps.enter();
            List<NoAugAssign.Stmt> body = stmts(d.body());
            return new NoAugAssign.FunctionDef(d.name(), d.params(), d.locals().appendAll(temps.exit()), d.result(), body, d.span());
        }

        @Override
        protected NoAugAssign.Stmt onIf(PyTyped.If s) {
            return new NoAugAssign.If(expr(s.test()), stmts(s.body()), stmts(s.orelse()), s.span());
        }

        @Override
        protected NoAugAssign.Stmt onWhile(PyTyped.While s) {
            return new NoAugAssign.While(expr(s.test()), stmts(s.body()), s.span());
        }

        @Override
        protected NoAugAssign.Stmt onFor(PyTyped.For s) {
            return new NoAugAssign.For(target(s.target()), iter(s.iter()), stmts(s.body()), s.span());
        }

        @Override
        protected NoAugAssign.Module onModule(PyTyped.Module m) {
            temps.enter();
            List<NoAugAssign.Stmt> body = stmts(m.body());
            return new NoAugAssign.Module(body, m.globals().appendAll(temps.exit()), m.span());
        }
    }
}
