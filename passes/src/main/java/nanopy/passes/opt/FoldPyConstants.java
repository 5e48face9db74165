package nanopy.passes.opt;

import io.vavr.collection.List;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoLambda;
import nanopy.py.NoLambdaRewriter;

/**
 * Constant folding on {@link NoLambda} (a same-language pass): a primitive whose operands are
 * literals becomes its value, a conditional expression or {@code if} with a literal test becomes
 * the branch it takes, {@code while False} disappears, and a Begin without statements becomes its
 * result. An operation that would raise at run time (overflow, division by zero) is left alone,
 * so that the program still fails where and how CPython does; so is anything whose value this
 * pass could get wrong (floats printed as strings). String lengths and ordering are Python's
 * (code points), through the same {@code PyStrings} every target runs.
 *
 * <p>It runs after {@code inline}, where constant arguments of small functions meet the
 * operations of their bodies, and before closure conversion, on the language where
 * {@code and}/{@code or} and comparison chains are already conditionals and primitives.
 */
public final class FoldPyConstants implements Pass<NoLambda.Module, NoLambda.Module> {
    @Override
    public NoLambda.Module apply(NoLambda.Module program, PassContext ctx) {
        return new Folder().rewrite(program);
    }

    @Override
    public String description() {
        return "primitives on literals are computed, branches on literal tests chosen (never an operation that raises)";
    }

    private static final class Folder extends NoLambdaRewriter {
        @Override
        protected NoLambda.Expr onPrim(NoLambda.Prim node) {
            NoLambda.Expr e = super.onPrim(node);
            return e instanceof NoLambda.Prim p ? PyConstants.fold(p.op(), p.args(), p.span()).getOrElse(e) : e;
        }

        @Override
        protected NoLambda.Expr onIfExp(NoLambda.IfExp node) {
            NoLambda.Expr e = super.onIfExp(node);
            if (e instanceof NoLambda.IfExp(NoLambda.BoolLit(var v, var _), var body, var orelse, var _, var _)) {
                return v ? body : orelse;
            }
            return e;
        }

        @Override
        protected NoLambda.Expr onBegin(NoLambda.Begin node) {
            NoLambda.Begin b = (NoLambda.Begin) super.onBegin(node);
            List<NoLambda.Stmt> body = splice(b.body());
            return body.isEmpty() ? b.result() : body == b.body() ? b : new NoLambda.Begin(body, b.result(), b.span());
        }

        @Override
        protected NoLambda.Stmt onFunctionDef(NoLambda.FunctionDef node) {
            NoLambda.FunctionDef d = (NoLambda.FunctionDef) super.onFunctionDef(node);
            List<NoLambda.Stmt> body = splice(d.body());
            return body == d.body() ? d : new NoLambda.FunctionDef(d.name(), d.params(), d.locals(), d.result(), body, d.span());
        }

        @Override
        protected NoLambda.Stmt onIf(NoLambda.If node) {
            NoLambda.If s = (NoLambda.If) super.onIf(node);
            List<NoLambda.Stmt> body = splice(s.body());
            List<NoLambda.Stmt> orelse = splice(s.orelse());
            return body == s.body() && orelse == s.orelse() ? s : new NoLambda.If(s.test(), body, orelse, s.span());
        }

        @Override
        protected NoLambda.Stmt onWhile(NoLambda.While node) {
            NoLambda.While s = (NoLambda.While) super.onWhile(node);
            List<NoLambda.Stmt> body = splice(s.body());
            return body == s.body() ? s : new NoLambda.While(s.test(), body, s.span());
        }

        @Override
        protected NoLambda.Module onModule(NoLambda.Module node) {
            NoLambda.Module m = super.onModule(node);
            List<NoLambda.Stmt> body = splice(m.body());
            return body == m.body() ? m : new NoLambda.Module(body, m.globals(), m.span());
        }

        /** {@code ss} with each {@code if} on a literal replaced by the branch it takes and each {@code while False} removed. */
        private static List<NoLambda.Stmt> splice(List<NoLambda.Stmt> ss) {
            if (!ss.exists(Folder::decided)) {
                return ss;
            }
            return ss.flatMap(s -> switch (s) {
                case NoLambda.If(NoLambda.BoolLit(var v, var _), var body, var orelse, var _) -> v ? body : orelse;
                case NoLambda.While(NoLambda.BoolLit(var v, var _), var _, var _) when !v -> List.<NoLambda.Stmt>empty();
                default -> List.of(s);
            });
        }

        private static boolean decided(NoLambda.Stmt s) {
            return s instanceof NoLambda.If(NoLambda.BoolLit _, var _, var _, var _)
                    || s instanceof NoLambda.While(NoLambda.BoolLit(var v, var _), var _, var _) && !v;
        }
    }
}
