package nanopy.passes.opt;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.HashMap;
import java.util.Map;
import nanopy.ir.Span;
import nanopy.pass.PassContext;
import nanopy.py.NoLambda;
import nanopy.py.NoLambdaRewriter;
import nanopy.py.NoLambdaWalker;
import nanopy.py.PyCore;
import nanopy.py.PyTyped;

/**
 * A function body made ready to be copied into an expression: each {@code return e} becomes an
 * assignment of e to a result variable ({@code RESULT}, renamed per copy), or an expression
 * statement when the function returns None. That is possible when every return is in tail
 * position once the statements after an {@code if} are copied into both its branches; a return
 * inside a loop is not (the body is then not inlined).
 *
 * @param def the function
 * @param body the body with returns replaced
 * @param size the number of statement and expression nodes of {@code body}
 */
record InlineBody(NoLambda.FunctionDef def, List<NoLambda.Stmt> body, int size) {
    /** The name that stands for the result variable in {@link #body}: a keyword, so no source variable has it. */
    static final String RESULT = "return";

    /** The body of {@code d} with its returns replaced, if all are in tail position. */
    static Option<InlineBody> of(NoLambda.FunctionDef d) {
        boolean none = d.result() instanceof PyCore.NoneType;
        return tails(d.body(), none, d.result()).map(b -> new InlineBody(d, b, size(b)));
    }

    private static Option<List<NoLambda.Stmt>> tails(List<NoLambda.Stmt> ss, boolean none, PyCore.Type result) {
        for (int i = 0; i < ss.size(); i++) {
            NoLambda.Stmt s = ss.get(i);
            if (!returns(s)) {
                continue;
            }
            List<NoLambda.Stmt> before = ss.take(i);
            List<NoLambda.Stmt> after = ss.drop(i + 1);
            return switch (s) {
                case NoLambda.Return(var value, var sp) -> Option.some(before.appendAll(finish(value, none, result, sp)));
                case NoLambda.If(var test, var body, var orelse, var sp) -> tails(body.appendAll(after), none, result)
                        .flatMap(b -> tails(orelse.appendAll(after), none, result).map(o -> before.append(new NoLambda.If(test, b, o, sp))));
                default -> Option.none();
            };
        }
        return none ? Option.some(ss) : Option.none();
    }

    private static List<NoLambda.Stmt> finish(NoLambda.Expr value, boolean none, PyCore.Type result, Span sp) {
        if (!none) {
            return List.of(new NoLambda.Assign(List.of(new NoLambda.VarTarget(RESULT, result, sp)), value, sp));
        }
        return value instanceof NoLambda.NoneLit ? List.empty() : List.of(new NoLambda.ExprStmt(value, sp));
    }

    private static boolean returns(NoLambda.Stmt s) {
        boolean[] found = {false};
        new NoLambdaWalker() {
            @Override
            protected void onReturn(NoLambda.Return r) {
                found[0] = true;
            }
        }.stmt(s);
        return found[0];
    }

    private static int size(List<NoLambda.Stmt> body) {
        int[] n = {0};
        NoLambdaWalker w = new NoLambdaWalker() {
            @Override
            public void stmt(NoLambda.Stmt s) {
                n[0]++;
                super.stmt(s);
            }

            @Override
            public void expr(NoLambda.Expr e) {
                n[0]++;
                super.expr(e);
            }
        };
        body.forEach(w::stmt);
        return n[0];
    }

    /**
     * One copy for a call with {@code args}: {@code (p1' = a1; ...; body'; result')} where every
     * parameter and local of the function has a fresh name ({@code f.x.N}), declared in
     * {@code declare}. The arguments are evaluated left to right before the body, as in the call.
     */
    NoLambda.Expr instantiate(List<NoLambda.Expr> args, Span sp, PassContext ctx, java.util.List<PyTyped.Local> declare) {
        Map<String, String> names = new HashMap<>();
        List<PyTyped.Local> vars = def.params().appendAll(def.locals());
        boolean none = def.result() instanceof PyCore.NoneType;
        if (!none) {
            vars = vars.append(new PyTyped.Local(RESULT, def.result(), sp));
        }
        for (PyTyped.Local l : vars) {
            String fresh = ctx.fresh(def.name() + "." + l.name().replaceFirst("\\.[0-9]+$", ""));
            names.put(l.name(), fresh);
            declare.add(new PyTyped.Local(fresh, l.type(), l.span()));
        }
        Rename rename = new Rename(names);
        List<NoLambda.Stmt> binds = def.params().zip(args).map(pa -> (NoLambda.Stmt) new NoLambda.Assign(
                List.of(new NoLambda.VarTarget(names.get(pa._1.name()), pa._1.type(), pa._2.span())), pa._2, pa._2.span()));
        NoLambda.Expr value = none ? new NoLambda.NoneLit(sp) : new NoLambda.Var(names.get(RESULT), def.result(), sp);
        return new NoLambda.Begin(binds.appendAll(body.map(rename::stmt)), value, sp);
    }

    /** Renames variables (reads and writes) by a map; other names stay. */
    private static final class Rename extends NoLambdaRewriter {
        private final Map<String, String> names;

        Rename(Map<String, String> names) {
            this.names = names;
        }

        @Override
        protected NoLambda.Expr onVar(NoLambda.Var v) {
            String n = names.get(v.name());
            return n == null ? v : new NoLambda.Var(n, v.type(), v.span());
        }

        @Override
        protected NoLambda.Target onVarTarget(NoLambda.VarTarget t) {
            String n = names.get(t.name());
            return n == null ? t : new NoLambda.VarTarget(n, t.type(), t.span());
        }
    }
}
