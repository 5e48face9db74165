package nanopy.passes.desugar;

import io.vavr.collection.List;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoAugAssign;
import nanopy.py.NoAugAssignToNoCompare;
import nanopy.py.NoCompare;
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
        return new Translator(new Temps(ctx)).translate(program);
    }

    @Override
    public String description() {
        return "comparison chains become binary comparisons joined by and, middle operands evaluated once";
    }

    private static final class Translator extends NoAugAssignToNoCompare {
        private final Temps temps;

        Translator(Temps temps) {
            this.temps = temps;
        }

        @Override
        protected NoCompare.Expr onCompare(PyTyped.Compare c) {
            if (c.rest().size() == 1) {
                return new NoCompare.Prim(c.rest().head().op(), List.of(expr(c.left()), expr(c.rest().head().right())), PyTypes.BOOL,
                        c.span());
            }
            List<NoCompare.Stmt> pre = List.empty();
            NoCompare.Expr left = expr(c.left());
            if (!(c.left() instanceof PyTyped.IntLit || c.left() instanceof PyTyped.StrLit || c.left() instanceof PyTyped.FloatLit)) {
                String t = temps.fresh("cmp", PyTypes.typeOf(c.left()));
                pre = pre.append(assign(t, PyTypes.typeOf(c.left()), left));
                left = new NoCompare.Var(t, PyTypes.typeOf(c.left()), c.left().span());
            }
            return new NoCompare.Begin(pre, chain(left, c.rest(), c.span()), c.span());
        }

        /** {@code left op1 r1 op2 r2 ...} where left is already evaluated. */
        private NoCompare.Expr chain(NoCompare.Expr left, List<PyTyped.Cmp> rest, Span span) {
            PyTyped.Cmp first = rest.head();
            NoCompare.Expr right = expr(first.right());
            if (rest.size() == 1) {
                return new NoCompare.Prim(first.op(), List.of(left, right), PyTypes.BOOL, first.span());
            }
            var type = PyTypes.typeOf(first.right());
            String t = temps.fresh("cmp", type);
            NoCompare.Expr tv = new NoCompare.Var(t, type, first.right().span());
            NoCompare.Expr test = new NoCompare.Prim(first.op(), List.of(left, tv), PyTypes.BOOL, first.span());
            return new NoCompare.Begin(List.of(assign(t, type, right)),
                    new NoCompare.And(test, chain(tv, rest.tail(), span), span), span);
        }

        private static NoCompare.Stmt assign(String t, nanopy.py.PyCore.Type type, NoCompare.Expr e) {
            return new NoCompare.Assign(List.of(new NoCompare.VarTarget(t, type, e.span())), e, e.span());
        }

        @Override
        protected NoCompare.Stmt onFunctionDef(NoAugAssign.FunctionDef d) {
            temps.enter();
            List<NoCompare.Stmt> body = d.body().map(this::stmt);
            return new NoCompare.FunctionDef(d.name(), d.params(), d.locals().appendAll(temps.exit()), d.result(), body, d.span());
        }

        @Override
        protected NoCompare.Expr onLambda(PyTyped.Lambda l) {
            temps.enter();
            NoCompare.Expr body = expr(l.body());
            return new NoCompare.Lambda(l.params(), l.locals().appendAll(temps.exit()), body, l.type(), l.span());
        }

        @Override
        protected NoCompare.Module onModule(NoAugAssign.Module m) {
            temps.enter();
            List<NoCompare.Stmt> body = m.body().map(this::stmt);
            return new NoCompare.Module(body, m.globals().appendAll(temps.exit()), m.span());
        }
    }
}
