package nanopy.passes.example;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.example.ArithAtomic;
import nanopy.example.ArithAtomicToArithFlat;
import nanopy.example.ArithFlat;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Turns nested {@code let}s into a sequence of assignments followed by the result atom (the
 * "explicate control" step of Essentials of Compilation, for straight-line code). Correct because
 * {@code uniquify} ran first: no assignment can clobber a variable that is still needed.
 */
public final class FlattenLets implements Pass<ArithAtomic.Program, ArithFlat.Program> {
    @Override
    public String description() {
        return "turn nested lets into straight-line assignments";
    }

    @Override
    public ArithFlat.Program apply(ArithAtomic.Program program, PassContext ctx) {
        java.util.List<ArithFlat.Stmt> body = new ArrayList<>();
        return new ArithAtomicToArithFlat() {
            @Override
            protected ArithFlat.Expr onLet(ArithAtomic.Let node) {
                body.add(new ArithFlat.Assign(node.name(), expr(node.rhs()), node.span()));
                return expr(node.body());
            }

            @Override
            protected ArithFlat.Program onProgram(ArithAtomic.Program node) {
                ArithFlat.Expr result = expr(node.body());
                ArithFlat.Atom atom;
                if (result instanceof ArithFlat.Atom a) {
                    atom = a;
                } else {
                    String t = ctx.fresh("result");
                    body.add(new ArithFlat.Assign(t, result, result.span()));
                    atom = new ArithFlat.Var(t, result.span());
                }
                return new ArithFlat.Program(List.ofAll(body), atom, node.span());
            }
        }.translate(program);
    }
}
