package nanopy.passes.front;

import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import nanopy.ir.Node;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.PyCore;
import nanopy.py.PyTyped;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.PyTypedRewriter;
import nanopy.py.PyTypes;

/**
 * Makes every read of a variable that may have no value yet fail as CPython fails, on every
 * target: {@code UnboundLocalError} for a local, {@code NameError} for a global or a free
 * variable, with CPython's messages. Without it a back end with typed registers would read a
 * stale 0 or {@code None} where CPython stops.
 *
 * <p><b>Algorithm.</b> A forward definite-assignment analysis (the must-analysis of Java's
 * "definite assignment" rules, JLS chapter 16) per scope, over the structured statements: an
 * {@code if} meets its branches, a loop's body may run zero times, code after {@code return},
 * {@code break} and {@code continue} is unreachable (everything is assigned there), and the exit
 * of {@code while True} is the meet of its {@code break}s. A nested function or lambda runs only
 * when something calls it, which can happen no earlier than the first <em>call point</em> of the
 * enclosing scope after its definition (a statement that calls a function, a {@code return}, or
 * the scope's end; for a definition inside a loop, any call point of that loop); so its body
 * starts with the variables definitely assigned at all those call points (plus its parameters).
 * Variables assigned where the function is defined count too, since nothing is ever unassigned.
 * This keeps the usual shape (functions first, then globals, then {@code main()}), recursive
 * calls and closures made in loops free of checks.
 *
 * <p><b>Output.</b> For each variable {@code x} with at least one unsafe read, a boolean
 * {@code x.bound.N} in the same scope as {@code x}, set False at the scope's entry and True
 * after every assignment to {@code x} (also from nested functions through {@code nonlocal} or
 * {@code global}). An unsafe read becomes {@code IfExp(flag, x, Prim(Raise, "Class: message"))};
 * an augmented assignment to such a variable is preceded by the same test. Programs without
 * unsafe reads come back unchanged (the same instance).
 */
public final class GuardUnboundReads implements Pass<PyTyped.Module, PyTyped.Module> {
    @Override
    public PyTyped.Module apply(PyTyped.Module program, PassContext ctx) {
        Analysis analysis = new Analysis();
        analysis.module(program);
        if (analysis.unsafe.isEmpty()) {
            return program;
        }
        LinkedHashMap<String, String> flags = new LinkedHashMap<>();
        for (Unsafe u : analysis.unsafe.values()) {
            flags.computeIfAbsent(u.variable(), v -> ctx.fresh(user(v) + ".bound"));
        }
        return new Guard(analysis, flags).rewrite(program);
    }

    @Override
    public String description() {
        return "reads of possibly unassigned variables raise UnboundLocalError/NameError as in CPython (definite assignment)";
    }

    /** The source name of a unique name ({@code x.2} -> {@code x}). */
    static String user(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** A read that may happen before {@code variable} is assigned, and what CPython says then. */
    record Unsafe(String variable, String error) {}

    /** A scope: the module, a function or a lambda, with the variables it owns. */
    private record Scope(Scope parent, Node node, java.util.Set<String> own) {
        boolean isModule() {
            return parent == null;
        }

        Scope owner(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.own.contains(name)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * Definitely assigned names: a set, or everything ({@link #TOP}, in unreachable code).
     * Meets and joins treat TOP as the identity and the absorbing element respectively.
     */
    private record Da(Set<String> names) {
        static final Da TOP = new Da(null);

        boolean has(String n) {
            return names == null || names.contains(n);
        }

        Da plus(Iterable<String> ns) {
            return names == null ? this : new Da(names.addAll(ns));
        }

        Da meet(Da o) {
            if (names == null) {
                return o;
            }
            return o.names == null ? this : new Da(names.intersect(o.names));
        }
    }

    /**
     * A nested function or lambda, what is definitely assigned where it is defined, and the index
     * of the first call point that may run it.
     */
    private static final class Nested {
        final Node node;
        final Da atDefinition;
        int firstCallPoint;

        Nested(Node node, Da atDefinition, int firstCallPoint) {
            this.node = node;
            this.atDefinition = atDefinition;
            this.firstCallPoint = firstCallPoint;
        }
    }

    /** The definite-assignment analysis; its results are keyed by node identity. */
    private static final class Analysis {
        final IdentityHashMap<Node, Unsafe> unsafe = new IdentityHashMap<>();
        /** The scope each function, lambda and the module owns, by node. */
        final IdentityHashMap<Node, Scope> scopes = new IdentityHashMap<>();

        /** The per-scope state of the walk. */
        private final class Walk {
            final Scope scope;
            final ArrayList<Da> callPoints = new ArrayList<>();
            final ArrayList<Nested> nested = new ArrayList<>();
            final ArrayList<Da> breaks = new ArrayList<>();

            Walk(Scope scope) {
                this.scope = scope;
            }

            Da stmts(List<PyTyped.Stmt> body, Da da) {
                for (PyTyped.Stmt s : body) {
                    da = stmt(s, da);
                }
                return da;
            }

            /** Call expressions met so far in this scope's own code (not in nested lambdas). */
            int calls;

            /** Records a call point at {@code da} when a call was met since {@code before}. */
            void callPointSince(int before, Da da) {
                if (calls != before) {
                    callPoints.add(da);
                }
            }

            Da stmt(PyTyped.Stmt s, Da da) {
                int before = calls;
                return switch (s) {
                    case PyTyped.FunctionDef d -> {
                        Da after = da.plus(List.of(d.name()));
                        nested.add(new Nested(d, after, callPoints.size()));
                        yield after;
                    }
                    case PyTyped.Return r -> {
                        expr(r.value(), da);
                        callPoints.add(da);
                        yield Da.TOP;
                    }
                    case PyTyped.Assign a -> {
                        expr(a.value(), da);
                        a.targets().forEach(t -> targetReads(t, da));
                        callPointSince(before, da);
                        yield da.plus(a.targets().flatMap(Analysis::assigned));
                    }
                    case PyTyped.AugAssign a -> {
                        if (a.target() instanceof PyTyped.VarTarget v) {
                            read(a, v.name(), da);
                        }
                        targetReads(a.target(), da);
                        expr(a.value(), da);
                        callPointSince(before, da);
                        yield da.plus(assigned(a.target()));
                    }
                    case PyTyped.If i -> {
                        expr(i.test(), da);
                        callPointSince(before, da);
                        yield stmts(i.body(), da).meet(stmts(i.orelse(), da));
                    }
                    case PyTyped.While w -> {
                        expr(w.test(), da);
                        callPointSince(before, da);
                        Da exit = w.test() instanceof PyTyped.BoolLit(var b, var sp) && b ? Da.TOP : da;
                        yield loop(w.body(), da, exit);
                    }
                    case PyTyped.For f -> {
                        iter(f.iter(), da);
                        callPointSince(before, da);
                        loop(f.body(), da.plus(assigned(f.target())), da);
                        yield da;
                    }
                    case PyTyped.ExprStmt e -> {
                        expr(e.value(), da);
                        callPointSince(before, da);
                        yield da;
                    }
                    case PyTyped.Pass p -> da;
                    case PyTyped.Break b -> {
                        breaks.add(da);
                        yield Da.TOP;
                    }
                    case PyTyped.Continue c -> Da.TOP;
                    case PyTyped.Raise r -> {
                        expr(r.exc(), da);
                        yield Da.TOP;
                    }
                    case PyTyped.Try t -> tryStatement(t, da);
                };
            }

            /**
             * A try: an exception may come anywhere in the body, so a handler (and the finally
             * body) starts with only what was assigned before the try; afterwards, what the body
             * and else, and every handler, assign, plus what finally assigns.
             */
            Da tryStatement(PyTyped.Try t, Da da) {
                Da out = stmts(t.orelse(), stmts(t.body(), da));
                for (PyTyped.ExceptClause h : t.handlers()) {
                    out = out.meet(stmts(h.body(), da.plus(assigned(h.target()))));
                }
                if (t.finalbody().isEmpty()) {
                    return out;
                }
                Da fin = stmts(t.finalbody(), da);
                return fin.names() == null ? Da.TOP : out.plus(fin.names());
            }

            /** A loop body; returns the exit state, {@code exit} met with every break of this loop. */
            Da loop(List<PyTyped.Stmt> body, Da entry, Da exit) {
                int firstCallPoint = callPoints.size();
                int firstNested = nested.size();
                ArrayList<Da> outer = new ArrayList<>(breaks);
                breaks.clear();
                stmts(body, entry);
                for (Da b : breaks) {
                    exit = exit.meet(b);
                }
                breaks.clear();
                breaks.addAll(outer);
                // A definition inside the loop may run at any call point of a later iteration.
                for (int i = firstNested; i < nested.size(); i++) {
                    Nested n = nested.get(i);
                    n.firstCallPoint = Math.min(n.firstCallPoint, firstCallPoint);
                }
                return exit;
            }

            void read(Node at, String name, Da da) {
                if (da.has(name)) {
                    return;
                }
                Scope owner = scope.owner(name);
                if (owner == null) {
                    return;
                }
                String u = user(name);
                String error;
                if (owner.isModule()) {
                    error = "NameError: name '" + u + "' is not defined";
                } else if (owner == scope) {
                    error = "UnboundLocalError: cannot access local variable '" + u + "' where it is not associated with a value";
                } else {
                    error = "NameError: cannot access free variable '" + u
                            + "' where it is not associated with a value in enclosing scope";
                }
                unsafe.put(at, new Unsafe(name, error));
            }

            void targetReads(PyTyped.Target t, Da da) {
                switch (t) {
                    case PyTyped.VarTarget v -> { }
                    case PyTyped.ItemTarget i -> {
                        expr(i.list(), da);
                        expr(i.index(), da);
                    }
                    case PyTyped.UnpackTarget u -> u.elts().forEach(e -> targetReads(e, da));
                }
            }

            void iter(PyTyped.Iter it, Da da) {
                switch (it) {
                    case PyTyped.RangeIter r -> {
                        expr(r.start(), da);
                        expr(r.stop(), da);
                        expr(r.step(), da);
                    }
                    case PyTyped.ListIter l -> expr(l.list(), da);
                    case PyTyped.StrIter s -> expr(s.str(), da);
                }
            }

            void exprs(List<PyTyped.Expr> es, Da da) {
                es.forEach(e -> expr(e, da));
            }

            void expr(PyTyped.Expr e, Da da) {
                switch (e) {
                    case PyTyped.IntLit x -> { }
                    case PyTyped.FloatLit x -> { }
                    case PyTyped.BoolLit x -> { }
                    case PyTyped.StrLit x -> { }
                    case PyTyped.NoneLit x -> { }
                    case PyTyped.Var v -> read(v, v.name(), da);
                    case PyTyped.Prim p -> exprs(p.args(), da);
                    case PyTyped.Compare c -> {
                        expr(c.left(), da);
                        c.rest().forEach(r -> expr(r.right(), da));
                    }
                    case PyTyped.And a -> {
                        expr(a.left(), da);
                        expr(a.right(), da);
                    }
                    case PyTyped.Or o -> {
                        expr(o.left(), da);
                        expr(o.right(), da);
                    }
                    case PyTyped.IfExp i -> {
                        expr(i.test(), da);
                        expr(i.body(), da);
                        expr(i.orelse(), da);
                    }
                    case PyTyped.ListLit l -> exprs(l.elts(), da);
                    case PyTyped.TupleLit t -> exprs(t.elts(), da);
                    case PyTyped.TupleGet t -> expr(t.tuple(), da);
                    case PyTyped.ListComp c -> {
                        // Comprehension variables are assigned before anything reads them.
                        Da inner = da;
                        for (PyTyped.Gen g : c.generators()) {
                            iter(g.iter(), inner);
                            inner = inner.plus(assigned(g.target()));
                            exprs(g.ifs(), inner);
                        }
                        expr(c.elt(), inner);
                    }
                    case PyTyped.Lambda l -> nested.add(new Nested(l, da, callPoints.size()));
                    case PyTyped.Call c -> {
                        calls++;
                        expr(c.fn(), da);
                        exprs(c.args(), da);
                    }
                    case PyTyped.Print p -> {
                        exprs(p.args(), da);
                        expr(p.sep(), da);
                        expr(p.end(), da);
                    }
                }
            }

            /** Analyses this scope's body, then each nested scope with what is safe when it runs. */
            void finish(Da end) {
                if (end.names() != null) {
                    callPoints.add(end);
                }
                for (Nested n : nested) {
                    Da meet = Da.TOP;
                    for (int i = n.firstCallPoint; i < callPoints.size(); i++) {
                        meet = meet.meet(callPoints.get(i));
                    }
                    // Nothing is ever unassigned: what was assigned at the definition stays so.
                    Da safe = meet.names() == null || n.atDefinition.names() == null ? Da.TOP
                            : new Da(meet.names().addAll(n.atDefinition.names()));
                    switch (n.node) {
                        case PyTyped.FunctionDef d -> function(d, d.params(), d.locals(),
                                w -> w.stmts(d.body(), w.entry(d.params(), safe)));
                        case PyTyped.Lambda l -> function(l, l.params(), l.locals(), w -> {
                            Da da = w.entry(l.params(), safe);
                            w.expr(l.body(), da);
                            return da;
                        });
                        default -> throw new IllegalStateException("not a scope: " + n.node);
                    }
                }
            }

            Da entry(List<PyTyped.Local> params, Da safe) {
                return safe.plus(params.map(PyTyped.Local::name));
            }

            void function(Node node, List<PyTyped.Local> params, List<PyTyped.Local> locals,
                    java.util.function.Function<Walk, Da> body) {
                java.util.Set<String> own = new java.util.HashSet<>();
                params.forEach(p -> own.add(p.name()));
                locals.forEach(p -> own.add(p.name()));
                Scope s = new Scope(scope, node, own);
                scopes.put(node, s);
                Walk w = new Walk(s);
                w.finish(body.apply(w));
            }
        }

        void module(PyTyped.Module m) {
            java.util.Set<String> own = new java.util.HashSet<>();
            m.globals().forEach(g -> own.add(g.name()));
            Scope s = new Scope(null, m, own);
            scopes.put(m, s);
            Walk w = new Walk(s);
            w.finish(w.stmts(m.body(), new Da(HashSet.empty())));
        }

        /** The variables a target assigns. */
        static List<String> assigned(PyTyped.Target t) {
            return switch (t) {
                case PyTyped.VarTarget v -> List.of(v.name());
                case PyTyped.ItemTarget i -> List.empty();
                case PyTyped.UnpackTarget u -> u.elts().flatMap(Analysis::assigned);
            };
        }
    }

    /** Inserts the flags, their updates and the checks the analysis asked for. */
    private static final class Guard extends PyTypedRewriter {
        private final Analysis analysis;
        /** Variable -> its flag. */
        private final Map<String, String> flags;

        Guard(Analysis analysis, java.util.Map<String, String> flags) {
            this.analysis = analysis;
            this.flags = HashMap.ofAll(flags);
        }

        private PyTyped.Var flag(String variable, Span sp) {
            return new PyTyped.Var(flags.get(variable).get(), PyTypes.BOOL, sp);
        }

        private static PyTyped.Expr raise(String error, PyCore.Type type, Span sp) {
            return new PyTyped.Prim(PrimOp.Raise, List.of(new PyTyped.StrLit(error, sp)), type, sp);
        }

        private PyTyped.Stmt setFlag(String variable, boolean value, Span sp) {
            return new PyTyped.Assign(List.of(new PyTyped.VarTarget(flags.get(variable).get(), PyTypes.BOOL, sp)),
                    new PyTyped.BoolLit(value, sp), sp);
        }

        /** {@code flag = False} for each flagged variable {@code scope} owns, and their declarations. */
        private List<PyTyped.Stmt> initFlags(Node scope, Span sp) {
            java.util.Set<String> own = analysis.scopes.get(scope).own();
            return List.ofAll(flags.keySet().filter(own::contains).toSortedSet()).map(v -> setFlag(v, false, sp));
        }

        private List<PyTyped.Local> flagLocals(Node scope, Span sp) {
            java.util.Set<String> own = analysis.scopes.get(scope).own();
            return List.ofAll(flags.keySet().filter(own::contains).toSortedSet())
                    .map(v -> new PyTyped.Local(flags.get(v).get(), PyTypes.BOOL, sp));
        }

        private List<PyTyped.Stmt> setFlags(List<String> assigned, Span sp) {
            return assigned.filter(flags::containsKey).map(v -> setFlag(v, true, sp));
        }

        private List<PyTyped.Stmt> body(List<PyTyped.Stmt> ss) {
            return ss.flatMap(s -> {
                PyTyped.Stmt out = stmt(s);
                List<PyTyped.Stmt> before = List.empty();
                Unsafe u = analysis.unsafe.get(s);
                if (u != null) {
                    PyTyped.Expr notBound = new PyTyped.Prim(PrimOp.Not, List.of(flag(u.variable(), s.span())), PyTypes.BOOL, s.span());
                    before = List.of(new PyTyped.If(notBound,
                            List.of(new PyTyped.ExprStmt(raise(u.error(), PyTypes.NONE, s.span()), s.span())), List.empty(), s.span()));
                }
                List<String> assigned = switch (s) {
                    case PyTyped.Assign a -> a.targets().flatMap(Analysis::assigned);
                    case PyTyped.AugAssign a -> Analysis.assigned(a.target());
                    case PyTyped.FunctionDef d -> List.of(d.name());
                    default -> List.empty();
                };
                return before.append(out).appendAll(setFlags(assigned, s.span()));
            });
        }

        @Override
        protected PyTyped.Module onModule(PyTyped.Module m) {
            List<PyTyped.Stmt> body = initFlags(m, m.span()).appendAll(body(m.body()));
            return new PyTyped.Module(body, m.globals().appendAll(flagLocals(m, m.span())), m.span());
        }

        @Override
        protected PyTyped.Stmt onFunctionDef(PyTyped.FunctionDef d) {
            List<PyTyped.Stmt> body = initFlags(d, d.span()).appendAll(body(d.body()));
            return new PyTyped.FunctionDef(d.name(), d.params(), d.locals().appendAll(flagLocals(d, d.span())), d.result(), body, d.span());
        }

        @Override
        protected PyTyped.Stmt onIf(PyTyped.If s) {
            return new PyTyped.If(expr(s.test()), body(s.body()), body(s.orelse()), s.span());
        }

        @Override
        protected PyTyped.Stmt onWhile(PyTyped.While s) {
            return new PyTyped.While(expr(s.test()), body(s.body()), s.span());
        }

        @Override
        protected PyTyped.Stmt onFor(PyTyped.For s) {
            List<PyTyped.Stmt> body = setFlags(Analysis.assigned(s.target()), s.span()).appendAll(body(s.body()));
            return new PyTyped.For(target(s.target()), iter(s.iter()), body, s.span());
        }

        @Override
        protected PyTyped.Expr onVar(PyTyped.Var v) {
            Unsafe u = analysis.unsafe.get(v);
            if (u == null) {
                return v;
            }
            return new PyTyped.IfExp(flag(u.variable(), v.span()), v, raise(u.error(), v.type(), v.span()), v.type(), v.span());
        }
    }
}
