package nanopy.passes.closures;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.closures.Captures.Fun;
import nanopy.py.Closed;
import nanopy.py.NoLambda;
import nanopy.py.NoLambdaToClosed;

/**
 * Closure conversion with activation links (static links), the technique of Appel's "Modern
 * Compiler Implementation" ch. 6 and of Essentials of Compilation ch. 8 with linked instead of flat
 * closures. A variable captured by a nested function lives in its owner's heap-allocated
 * activation record (built on entry: slot 0 the static link, then the captured variables); a
 * nested function becomes a top-level {@code Def} whose first parameter is the static link; a
 * {@code def} statement makes a closure (code, current record); a free variable is read and
 * written by walking the static links ({@code RecordGet}/{@code RecordTarget}). Module variables
 * become {@code GlobalVar}s; variables no nested function uses stay plain locals. See Closed.ir.
 */
public final class ConvertClosures implements Pass<NoLambda.Module, Closed.Module> {
    @Override
    public Closed.Module apply(NoLambda.Module program, PassContext ctx) {
        return new Translator(new Captures(program), ctx).translate(program);
    }

    @Override
    public String description() {
        return "nested functions become top-level Defs; captured variables live in activation records with static links";
    }

    private static final class Translator extends NoLambdaToClosed {
        private final Captures captures;
        private final PassContext ctx;
        private final java.util.List<Closed.Def> defs = new ArrayList<>();
        private final Map<Fun, String> links = new HashMap<>();
        private final Map<Fun, String> envs = new HashMap<>();
        private Fun current;

        Translator(Captures captures, PassContext ctx) {
            this.captures = captures;
            this.ctx = ctx;
            this.current = captures.module;
        }

        private static Closed.Type record() {
            return new Closed.RecordType(Span.NONE);
        }

        /** The record a closure made in {@code f} captures: f's own, else f's static link. */
        private Closed.Expr currentRecord(Fun f, Span sp) {
            if (f.isModule()) {
                return new Closed.NoneLit(sp);
            }
            return new Closed.Var(f.hasRecord() ? envs.get(f) : links.get(f), record(), sp);
        }

        /** Record-owning functions strictly between {@code from} and {@code owner}. */
        private static int hops(Fun from, Fun owner) {
            int n = 0;
            for (Fun f = from.parent.get(); f != owner; f = f.parent.get()) {
                n += f.hasRecord() ? 1 : 0;
            }
            return n;
        }

        @Override
        protected Closed.Expr onVar(NoLambda.Var v) {
            Fun g = captures.owner(v.name());
            Closed.Type t = type(v.type());
            if (g.isModule()) {
                return new Closed.GlobalVar(v.name(), t, v.span());
            }
            if (!g.captured.containsKey(v.name())) {
                return new Closed.Var(v.name(), t, v.span());
            }
            int slot = g.captured.get(v.name());
            if (g == current) {
                return new Closed.RecordGet(new Closed.Var(envs.get(g), record(), v.span()), 0, slot, t, v.span());
            }
            return new Closed.RecordGet(new Closed.Var(links.get(current), record(), v.span()), hops(current, g), slot, t, v.span());
        }

        private Closed.Target store(String name, Closed.Type t, Span sp) {
            Fun g = captures.owner(name);
            if (g.isModule()) {
                return new Closed.GlobalTarget(name, t, sp);
            }
            if (!g.captured.containsKey(name)) {
                return new Closed.VarTarget(name, t, sp);
            }
            int slot = g.captured.get(name);
            if (g == current) {
                return new Closed.RecordTarget(new Closed.Var(envs.get(g), record(), sp), 0, slot, t, sp);
            }
            return new Closed.RecordTarget(new Closed.Var(links.get(current), record(), sp), hops(current, g), slot, t, sp);
        }

        @Override
        protected Closed.Target onVarTarget(NoLambda.VarTarget v) {
            return store(v.name(), type(v.type()), v.span());
        }

        @Override
        protected List<Closed.Stmt> onFunctionDef(NoLambda.FunctionDef d) {
            Fun f = captures.byDef.get(d);
            Fun outer = current;
            String link = ctx.fresh("link");
            links.put(f, link);
            List<Closed.Local> locals = d.locals().filter(l -> Captures.plain(f, l)).map(this::local);
            List<Closed.Stmt> entry = List.empty();
            if (f.hasRecord()) {
                String env = ctx.fresh("env");
                envs.put(f, env);
                locals = locals.append(new Closed.Local(env, record(), d.span()));
                java.util.Set<String> params = d.params().map(l -> l.name()).toJavaSet();
                List<Closed.Expr> slots = List.ofAll(f.captured.keySet()).map(n -> params.contains(n)
                        ? new Closed.Var(n, type(d.params().find(p -> p.name().equals(n)).get().type()), d.span())
                        : new Closed.NoneLit(d.span()));
                entry = List.of(new Closed.Assign(List.of(new Closed.VarTarget(env, record(), d.span())),
                        new Closed.MakeRecord(new Closed.Var(link, record(), d.span()), slots, d.span()), d.span()));
            }
            current = f;
            List<Closed.Stmt> body = entry.appendAll(d.body().flatMap(this::stmt));
            current = outer;
            List<Closed.Local> params = d.params().map(this::local).prepend(new Closed.Local(link, record(), d.span()));
            defs.add(new Closed.Def(d.name(), params, locals, type(d.result()), body, d.span()));
            Closed.Type ft = new Closed.FunType(d.params().map(l -> type(l.type())), type(d.result()), Span.NONE);
            return List.of(new Closed.Assign(List.of(store(d.name(), ft, d.span())),
                    new Closed.MakeClosure(d.name(), currentRecord(outer, d.span()), ft, d.span()), d.span()));
        }

        @Override
        protected Closed.Module onModule(NoLambda.Module m) {
            List<Closed.Stmt> body = m.body().flatMap(this::stmt);
            return new Closed.Module(m.globals().map(this::local), List.ofAll(defs), List.empty(), body, m.span());
        }
    }
}
