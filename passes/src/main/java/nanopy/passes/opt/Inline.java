package nanopy.passes.opt;

import io.vavr.control.Option;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.NoLambda;
import nanopy.py.NoLambdaRewriter;
import nanopy.py.PyTyped;

/**
 * Inlines small non-recursive functions at their call sites (a same-language pass on
 * {@link NoLambda}): a call {@code f(a1, ..., an)} of a function {@link InlineCandidates} allows
 * becomes {@code (p1' = a1; ...; pn' = an; body'; result')}, a Begin in which the function's
 * parameters and locals have fresh names declared in the caller (the module's globals at top
 * level) and its returns assign {@code result'} (see {@link InlineBody}). The arguments are
 * evaluated once, left to right, before the body, as in the call; the callee's effects happen in
 * the same order. The {@code def} stays (it may be used as a value). Callees are inlined into a
 * function before it is itself inlined, so a chain of small functions collapses. Calls in the
 * module's top-level code are left alone: that code runs once, and the copies' variables would
 * become globals.
 *
 * <p>Why on NoLambda: every surface form is desugared by then, so the only calls left are
 * {@code Call} and bodies have only a few kinds of statements, while functions are still nested
 * {@code def}s with named variables (after closure conversion a call goes through a closure value
 * and variables through records, which hides which function a call reaches).
 *
 * <p>Option: {@code inline.threshold} (default {@value #DEFAULT_THRESHOLD}), the largest body, in
 * statement and expression nodes after its returns are replaced, that is inlined; 0 turns
 * inlining off. Inlining removes a Python call level, so a call chain at exactly the recursion
 * limit may no longer reach it (recursive functions are never inlined).
 */
public final class Inline implements Pass<NoLambda.Module, NoLambda.Module> {
    /** The size limit when the pipeline sets none. */
    public static final long DEFAULT_THRESHOLD = 20;

    @Override
    public NoLambda.Module apply(NoLambda.Module program, PassContext ctx) {
        return new Inliner(InlineCandidates.of(program), ctx.longOption("threshold", DEFAULT_THRESHOLD), ctx).rewrite(program);
    }

    @Override
    public String description() {
        return "small non-recursive functions are copied into their call sites (option inline.threshold)";
    }

    @Override
    public java.util.Map<String, Class<?>> options() {
        return java.util.Map.of("threshold", Long.class);
    }

    private static final class Inliner extends NoLambdaRewriter {
        private final Map<String, NoLambda.FunctionDef> candidates;
        private final long threshold;
        private final PassContext ctx;
        private final Map<String, Option<InlineBody>> bodies = new HashMap<>();
        /** The variables declared by copies made in each enclosing function (the module last). */
        private final Deque<ArrayList<PyTyped.Local>> scopes = new ArrayDeque<>();

        Inliner(Map<String, NoLambda.FunctionDef> candidates, long threshold, PassContext ctx) {
            this.candidates = candidates;
            this.threshold = threshold;
            this.ctx = ctx;
        }

        /** The body of candidate {@code f}, its own calls inlined, if it is small enough. */
        private Option<InlineBody> body(String f) {
            Option<InlineBody> known = bodies.get(f);
            if (known != null) {
                return known;
            }
            NoLambda.FunctionDef d = (NoLambda.FunctionDef) onFunctionDef(candidates.get(f));
            Option<InlineBody> b = InlineBody.of(d).filter(x -> x.size() <= threshold);
            bodies.put(f, b);
            return b;
        }

        @Override
        protected NoLambda.Expr onCall(NoLambda.Call call) {
            NoLambda.Expr e = super.onCall(call);
            if (e instanceof NoLambda.Call(NoLambda.Var(var name, var _, var _), var args, var _, var sp) && candidates.containsKey(name)
                    && scopes.size() > 1) {
                return body(name).map(b -> b.instantiate(args, sp, ctx, scopes.peek())).getOrElse(e);
            }
            return e;
        }

        @Override
        protected NoLambda.Stmt onFunctionDef(NoLambda.FunctionDef d) {
            scopes.push(new ArrayList<>());
            NoLambda.FunctionDef r = (NoLambda.FunctionDef) super.onFunctionDef(d);
            ArrayList<PyTyped.Local> added = scopes.pop();
            return added.isEmpty() ? r : new NoLambda.FunctionDef(r.name(), r.params(), r.locals().appendAll(added), r.result(), r.body(), r.span());
        }

        @Override
        protected NoLambda.Module onModule(NoLambda.Module m) {
            scopes.push(new ArrayList<>());
            NoLambda.Module r = super.onModule(m);
            ArrayList<PyTyped.Local> added = scopes.pop();
            return added.isEmpty() ? r : new NoLambda.Module(r.body(), r.globals().appendAll(added), r.span());
        }
    }
}
