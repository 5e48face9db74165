package nanopy.passes.desugar;

import io.vavr.collection.List;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoAugAssign;
import nanopy.py.NoAugAssignToNoCompare;
import nanopy.py.NoCompare;
import nanopy.py.PyCore;
import nanopy.py.PyTyped;
import nanopy.py.PyTypes;

/**
 * Turns comparison chains into binary comparisons: {@code a < b} is the primitive itself, and
 * {@code a < b < c} is {@code (t1 = a; t2 = b; t1 < t2 and t2 < c)}, so each operand is evaluated
 * once, left to right, and an operand after a false comparison is not evaluated (Python's
 * semantics of chains).
 */
public final class DesugarCompare implements Pass<NoAugAssign.Module, NoCompare.Module> {
    @Override
    public NoCompare.Module apply(NoAugAssign.Module program, PassContext ctx) {
        return new NoAugAssignToNoCompare() {
            @Override
            protected NoCompare.Expr onCompare(PyTyped.Compare c) {
                if (c.rest().size() == 1) {
                    return new NoCompare.Prim(c.rest().head().op(), List.of(expr(c.left()), expr(c.rest().head().right())), PyTypes.BOOL,
                            c.span());
                }
                NoCompare.Expr left = expr(c.left());
                if (c.left() instanceof PyTyped.IntLit || c.left() instanceof PyTyped.StrLit || c.left() instanceof PyTyped.FloatLit) {
                    return new NoCompare.Begin(List.empty(), chain(left, c.rest(), c.span()), c.span());
                }
                NoCompare.Var t = temp(c.left());
                return new NoCompare.Begin(List.of(assign(t, left)), chain(t, c.rest(), c.span()), c.span());
            }

            /** {@code left op1 r1 op2 r2 ...} where left is already evaluated. */
            private NoCompare.Expr chain(NoCompare.Expr left, List<PyTyped.Cmp> rest, Span span) {
                PyTyped.Cmp first = rest.head();
                NoCompare.Expr right = expr(first.right());
                if (rest.size() == 1) {
                    return new NoCompare.Prim(first.op(), List.of(left, right), PyTypes.BOOL, first.span());
                }
                NoCompare.Var t = temp(first.right());
                NoCompare.Expr test = new NoCompare.Prim(first.op(), List.of(left, t), PyTypes.BOOL, first.span());
                return new NoCompare.Begin(List.of(assign(t, right)), new NoCompare.And(test, chain(t, rest.tail(), span), span), span);
            }

            /** A fresh temporary for the value of {@code source}. */
            private NoCompare.Var temp(PyTyped.Expr source) {
                PyCore.Type type = PyTypes.typeOf(source);
                return new NoCompare.Var(fresh("cmp", type), type, source.span());
            }
        }.translate(program, ctx);
    }

    private static NoCompare.Stmt assign(NoCompare.Var t, NoCompare.Expr e) {
        return new NoCompare.Assign(List.of(new NoCompare.VarTarget(t.name(), t.type(), e.span())), e, e.span());
    }

    @Override
    public String description() {
        return "comparison chains become binary comparisons joined by and, middle operands evaluated once";
    }
}
