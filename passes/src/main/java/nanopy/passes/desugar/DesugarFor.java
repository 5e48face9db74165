package nanopy.passes.desugar;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoFor;
import nanopy.py.NoListComp;
import nanopy.py.NoListCompToNoFor;
import nanopy.py.PyCore;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.PyTypes;

/**
 * Turns {@code for} loops into {@code while} loops over a counter, advanced before the body runs
 * so that {@code continue} needs no special case:
 * <pre>
 * for x in range(a, b, s): body   =>  i = a; n = b; while i &lt; n (i &gt; n if s &lt; 0): x = i; i = i + s; body
 * for x in xs: body               =>  l = xs; k = 0; while k &lt; len(l): x = l[k]; k = k + 1; body
 * </pre>
 * (strings the same with str primitives). The iterable and the bounds are evaluated once, before
 * the loop; a list's length is read on every iteration, as Python's list iterator does. A step
 * that is not a nonzero constant is tested at run time: zero raises CPython's ValueError before
 * the first iteration, and its sign picks the test ({@code i < n if s > 0 else i > n}).
 */
public final class DesugarFor implements Pass<NoListComp.Module, NoFor.Module> {
    @Override
    public NoFor.Module apply(NoListComp.Module program, PassContext ctx) {
        return new Translator().translate(program, ctx);
    }

    @Override
    public String description() {
        return "for loops over ranges, lists and strings become while loops over a counter";
    }

    private static final class Translator extends NoListCompToNoFor {
        private NoFor.Var temp(String base, PyCore.Type type, Span span) {
            return new NoFor.Var(fresh(base, type), type, span);
        }

        private static NoFor.Stmt assign(NoFor.Var v, NoFor.Expr e) {
            return new NoFor.Assign(List.of(new NoFor.VarTarget(v.name(), v.type(), v.span())), e, e.span());
        }

        private static NoFor.Expr prim(PrimOp op, PyCore.Type t, Span sp, NoFor.Expr... args) {
            return new NoFor.Prim(op, List.of(args), t, sp);
        }

        @Override
        protected List<NoFor.Stmt> onFor(NoListComp.For f) {
            Span sp = f.span();
            NoFor.Target target = target(f.target());
            List<NoFor.Stmt> body = f.body().flatMap(this::stmt);
            return switch (f.iter()) {
                case NoListComp.RangeIter(var start, var stop, var step, var isp) -> {
                    NoFor.Var i = temp("i", PyTypes.INT, isp);
                    NoFor.Var n = temp("stop", PyTypes.INT, isp);
                    List<NoFor.Stmt> pre = List.of(assign(i, expr(start)), assign(n, expr(stop)));
                    Option<Long> constant = constant(step).filter(c -> c != 0);
                    NoFor.Expr s;
                    if (constant.isDefined()) {
                        s = new NoFor.IntLit(constant.get(), step.span());
                    } else {
                        NoFor.Var sv = temp("step", PyTypes.INT, isp);
                        NoFor.Stmt zero = new NoFor.ExprStmt(prim(PrimOp.Raise, PyTypes.NONE, isp,
                                new NoFor.StrLit("ValueError: range() arg 3 must not be zero", isp)), isp);
                        pre = pre.append(assign(sv, expr(step)))
                                .append(new NoFor.If(prim(PrimOp.IntEq, PyTypes.BOOL, isp, sv, new NoFor.IntLit(0, isp)),
                                        List.of(zero), List.empty(), isp));
                        s = sv;
                    }
                    NoFor.Expr up = prim(PrimOp.IntLt, PyTypes.BOOL, isp, i, n);
                    NoFor.Expr down = prim(PrimOp.IntGt, PyTypes.BOOL, isp, i, n);
                    NoFor.Expr test = constant.isDefined() ? (constant.get() > 0 ? up : down)
                            : new NoFor.IfExp(prim(PrimOp.IntGt, PyTypes.BOOL, isp, s, new NoFor.IntLit(0, isp)), up, down, PyTypes.BOOL, isp);
                    List<NoFor.Stmt> each = List.of(new NoFor.Assign(List.of(target), i, sp),
                            assign(i, prim(PrimOp.IntAdd, PyTypes.INT, isp, i, s)));
                    yield pre.append(new NoFor.While(test, each.appendAll(body), sp));
                }
                case NoListComp.ListIter(var list, var elem, var isp) ->
                        indexLoop(expr(list), PyTypes.list(elem), PrimOp.ListLen, PrimOp.ListIndex, elem, target, body, sp, isp);
                case NoListComp.StrIter(var str, var isp) ->
                        indexLoop(expr(str), PyTypes.STR, PrimOp.StrLen, PrimOp.StrIndex, PyTypes.STR, target, body, sp, isp);
            };
        }

        private List<NoFor.Stmt> indexLoop(NoFor.Expr seq, PyCore.Type seqType, PrimOp len, PrimOp index, PyCore.Type elem,
                NoFor.Target target, List<NoFor.Stmt> body, Span sp, Span isp) {
            NoFor.Var l = temp("seq", seqType, isp);
            NoFor.Var k = temp("k", PyTypes.INT, isp);
            NoFor.Expr test = prim(PrimOp.IntLt, PyTypes.BOOL, isp, k, prim(len, PyTypes.INT, isp, l));
            List<NoFor.Stmt> each = List.of(new NoFor.Assign(List.of(target), prim(index, elem, isp, l, k), sp),
                    assign(k, prim(PrimOp.IntAdd, PyTypes.INT, isp, k, new NoFor.IntLit(1, isp))));
            return List.of(assign(l, seq), assign(k, new NoFor.IntLit(0, isp)), new NoFor.While(test, each.appendAll(body), sp));
        }

        private static Option<Long> constant(NoListComp.Expr e) {
            return switch (e) {
                case NoListComp.IntLit i -> Option.some(i.value());
                case NoListComp.Prim(var op, var args, var t, var sp) when op == PrimOp.IntNeg && args.size() == 1
                        && args.head() instanceof NoListComp.IntLit i -> Option.some(-i.value());
                default -> Option.none();
            };
        }
    }
}
