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
        return new PyTypedToNoAugAssign() {
            @Override
            protected List<NoAugAssign.Stmt> onAugAssign(PyTyped.AugAssign a) {
                PyTyped.Expr value = expr(a.value());
                if (a.target() instanceof PyTyped.ItemTarget(var list, var index, var type, var sp)) {
                    PyTyped.Expr l = once(list);
                    PyTyped.Expr i = once(index);
                    PyTyped.Target target = new PyTyped.ItemTarget(l, i, type, sp);
                    PyTyped.Expr old = new PyTyped.Prim(PyTyped.PrimOp.ListIndex, List.of(l, i), type, sp);
                    return List.of(new NoAugAssign.Assign(List.of(target), new PyTyped.Prim(a.op(), List.of(old, value), type, a.span()), a.span()));
                }
                if (a.target() instanceof PyTyped.VarTarget(var name, var type, var sp)) {
                    PyTyped.Expr old = new PyTyped.Var(name, type, sp);
                    return List.of(new NoAugAssign.Assign(List.of(a.target()), new PyTyped.Prim(a.op(), List.of(old, value), type, a.span()), a.span()));
                }
                throw new IllegalArgumentException("desugar-aug-assign: augmented assignment to a tuple at " + a.span());
            }

            /** {@code e} evaluated once, in front of the statement: a literal as is, anything else into a temporary. */
            private PyTyped.Expr once(PyTyped.Expr e) {
                PyTyped.Expr x = expr(e);
                if (x instanceof PyTyped.IntLit || x instanceof PyTyped.StrLit || x instanceof PyTyped.BoolLit
                        || x instanceof PyTyped.FloatLit || x instanceof PyTyped.NoneLit) {
                    return x;
                }
                String t = fresh("aug", PyTypes.typeOf(x));
                emit(new NoAugAssign.Assign(List.of(new PyTyped.VarTarget(t, PyTypes.typeOf(x), x.span())), x, x.span()));
                return new PyTyped.Var(t, PyTypes.typeOf(e), e.span());
            }
        }.translate(program, ctx);
    }

    @Override
    public String description() {
        return "augmented assignments become plain assignments, the target's subexpressions evaluated once";
    }
}
