package nanopy.passes.desugar;

import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoAndOr;
import nanopy.py.NoFor;
import nanopy.py.NoForToNoAndOr;
import nanopy.py.PyTypes;

/**
 * Turns {@code a and b} into {@code b if a else False} and {@code a or b} into
 * {@code True if a else b}: in NanoPy both operands are bools, so this is Python's value semantics,
 * and b is evaluated only when Python evaluates it.
 */
public final class DesugarAndOr implements Pass<NoFor.Module, NoAndOr.Module> {
    @Override
    public NoAndOr.Module apply(NoFor.Module program, PassContext ctx) {
        return new NoForToNoAndOr() {
            @Override
            protected NoAndOr.Expr onAnd(NoFor.And e) {
                return new NoAndOr.IfExp(expr(e.left()), expr(e.right()), new NoAndOr.BoolLit(false, e.span()), PyTypes.BOOL, e.span());
            }

            @Override
            protected NoAndOr.Expr onOr(NoFor.Or e) {
                return new NoAndOr.IfExp(expr(e.left()), new NoAndOr.BoolLit(true, e.span()), expr(e.right()), PyTypes.BOOL, e.span());
            }
        }.translate(program);
    }

    @Override
    public String description() {
        return "and/or become conditional expressions (short-circuit kept)";
    }
}
