package nanopy.passes.example;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import nanopy.example.Arith;
import nanopy.example.ArithRewriter;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Gives every let-bound variable a unique name ({@code x} becomes {@code x.1}), so later passes can
 * ignore shadowing, and reports variables used outside any {@code let} that binds them.
 */
public final class Uniquify implements Pass<Arith.Program, Arith.Program> {
    @Override
    public String description() {
        return "rename let-bound variables apart; report undefined variables";
    }

    @Override
    public Arith.Program apply(Arith.Program program, PassContext ctx) {
        Arith.Program out = new Renamer(HashMap.empty(), ctx).rewrite(program);
        ctx.throwIfErrors();
        return out;
    }

    /** A rewriter for one scope: {@code env} maps source names to their unique names. */
    private static final class Renamer extends ArithRewriter {
        private final Map<String, String> env;
        private final PassContext ctx;

        Renamer(Map<String, String> env, PassContext ctx) {
            this.env = env;
            this.ctx = ctx;
        }

        @Override
        protected Arith.Expr onVar(Arith.Var node) {
            return env.get(node.name()).<Arith.Expr>map(n -> new Arith.Var(n, node.span())).getOrElse(() -> {
                ctx.error(node.span(), "undefined variable '" + node.name() + "'");
                return node;
            });
        }

        @Override
        protected Arith.Expr onLet(Arith.Let node) {
            String unique = ctx.fresh(node.name());
            Arith.Expr rhs = expr(node.rhs());
            Arith.Expr body = new Renamer(env.put(node.name(), unique), ctx).expr(node.body());
            return new Arith.Let(unique, rhs, body, node.span());
        }
    }
}
