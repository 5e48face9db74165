package nanopy.passes.example;

import io.vavr.collection.List;
import nanopy.example.ArithNoNeg;
import nanopy.example.ArithAtomic;
import nanopy.example.ArithNoNegToArithAtomic;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Makes every operand of a primitive an atom: a complex operand is bound to a fresh temporary by a
 * {@code let} placed around the primitive, operands in left-to-right order (the "remove complex
 * operands" pass of Siek, Essentials of Compilation, chapter 2).
 */
public final class RemoveComplexOperands implements Pass<ArithNoNeg.Program, ArithAtomic.Program> {
    @Override
    public String description() {
        return "bind complex operands of primitives to temporaries";
    }

    @Override
    public ArithAtomic.Program apply(ArithNoNeg.Program program, PassContext ctx) {
        return new ArithNoNegToArithAtomic() {
            @Override
            protected ArithAtomic.Expr onPrim(ArithNoNeg.Prim node) {
                List<String> temps = List.empty();
                List<ArithAtomic.Expr> values = List.empty();
                List<ArithAtomic.Atom> atoms = List.empty();
                for (ArithNoNeg.Expr arg : node.args()) {
                    ArithAtomic.Expr e = expr(arg);
                    if (e instanceof ArithAtomic.Atom a) {
                        atoms = atoms.append(a);
                    } else {
                        String t = ctx.fresh("tmp");
                        temps = temps.append(t);
                        values = values.append(e);
                        atoms = atoms.append(new ArithAtomic.Var(t, arg.span()));
                    }
                }
                ArithAtomic.Expr result = new ArithAtomic.Prim(node.op(), atoms, node.span());
                for (int i = temps.size() - 1; i >= 0; i--) {
                    result = new ArithAtomic.Let(temps.get(i), values.get(i), result, node.span());
                }
                return result;
            }
        }.translate(program);
    }
}
