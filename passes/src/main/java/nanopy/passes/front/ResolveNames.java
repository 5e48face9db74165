package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nanopy.ir.Node;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.PyCore;
import nanopy.py.PyCoreToPyResolved;
import nanopy.py.PyResolved;
import nanopy.py.PySyntax;

/**
 * Resolves every name by Python's LEGB rule (local, enclosing functions, module globals, builtins;
 * {@code global} and {@code nonlocal} declarations; comprehensions have their own scope) and gives
 * every variable a unique name: module globals keep their names, a local whose name is taken gets
 * {@code name.N}. References to builtins become {@link PyResolved.BuiltinName}; {@code global} and
 * {@code nonlocal} statements become {@code pass}; each function and lambda lists its locals and the
 * module its globals. A module that reads {@code __name__} without assigning it gets
 * {@code __name__ = "__main__"} first.
 *
 * <p>Options (project mode sets both, so that a module runs as {@code import main; main.main()}
 * runs it): {@code module-name}, the value of {@code __name__} (default {@code "__main__"}), and
 * {@code call}, a module-level function called without arguments after the module's last
 * statement (default: none), as if the module ended with {@code call()}; the call carries the span
 * of the function's last top-level {@code def}, so an arity error points there.
 *
 * <p>Errors: undefined names, {@code nonlocal} of a name no enclosing function binds, duplicate
 * parameters, a name that is both a parameter and global/nonlocal, {@code nonlocal} at module level,
 * Python builtins that NanoPy does not have.
 */
public final class ResolveNames implements Pass<PyCore.Module, PyResolved.Module> {
    private static final Map<String, PyResolved.Builtin> BUILTINS = Map.ofEntries(
            Map.entry("print", PyResolved.Builtin.Print), Map.entry("input", PyResolved.Builtin.Input),
            Map.entry("input_int", PyResolved.Builtin.InputInt), Map.entry("len", PyResolved.Builtin.Len),
            Map.entry("range", PyResolved.Builtin.Range), Map.entry("int", PyResolved.Builtin.IntFn),
            Map.entry("float", PyResolved.Builtin.FloatFn), Map.entry("str", PyResolved.Builtin.StrFn),
            Map.entry("bool", PyResolved.Builtin.BoolFn), Map.entry("abs", PyResolved.Builtin.Abs),
            Map.entry("min", PyResolved.Builtin.Min), Map.entry("max", PyResolved.Builtin.Max),
            Map.entry("ord", PyResolved.Builtin.Ord), Map.entry("chr", PyResolved.Builtin.Chr),
            Map.entry("sorted", PyResolved.Builtin.Sorted), Map.entry("sum", PyResolved.Builtin.Sum),
            Map.entry("enumerate", PyResolved.Builtin.Enumerate), Map.entry("zip", PyResolved.Builtin.Zip),
            Map.entry("list", PyResolved.Builtin.ListFn), Map.entry("dict", PyResolved.Builtin.DictFn),
            Map.entry("set", PyResolved.Builtin.SetFn), Map.entry("round", PyResolved.Builtin.Round),
            Map.entry("any", PyResolved.Builtin.Any), Map.entry("all", PyResolved.Builtin.All),
            Map.entry("repr", PyResolved.Builtin.Repr));
    private static final Set<String> OTHER_PYTHON_BUILTINS = Set.of("reversed",
            "tuple", "map", "filter", "open", "isinstance", "type", "divmod",
            "pow", "hex", "oct", "bin", "iter", "next", "id", "hash", "object", "super", "getattr", "setattr",
            "hasattr", "format", "exit", "quit", "frozenset", "bytes", "bytearray", "complex", "vars", "dir", "eval",
            "exec", "globals", "locals", "callable", "slice", "property", "staticmethod", "classmethod");
    private static final String MODULE_NAME = "__name__";

    @Override
    public PyResolved.Module apply(PyCore.Module input, PassContext ctx) {
        String entry = ctx.stringOption("call", "");
        PyCore.Module program = entry.isEmpty() ? input : withCall(input, entry);
        ScopeBuilder scopes = new ScopeBuilder(ctx, program);
        scopes.walk(program);
        checkNonlocals(scopes, ctx);
        assignUniqueNames(scopes, ctx);
        PyResolved.Module out = new Translator(ctx, scopes.scopes, ctx.stringOption("module-name", "__main__")).translate(program);
        ctx.throwIfErrors();
        return out;
    }

    @Override
    public String description() {
        return "resolve names (LEGB, global, nonlocal, builtins) and give every variable a unique name";
    }

    /** {@code module} followed by the statement {@code fn()}. */
    private static PyCore.Module withCall(PyCore.Module module, String fn) {
        Span at = module.body().filter(st -> st instanceof PyCore.FunctionDef f && f.name().equals(fn))
                .lastOption().map(PyCore.Stmt::span).getOrElse(Span.NONE);
        PyCore.Expr call = new PyCore.Call(new PyCore.Name(fn, PySyntax.ExprContext.Load, at), List.empty(), List.empty(), at);
        return new PyCore.Module(module.body().append(new PyCore.ExprStmt(call, at)), module.span());
    }

    private static void checkNonlocals(ScopeBuilder scopes, PassContext ctx) {
        for (Scope s : scopes.all) {
            s.nonlocals.forEach((name, span) -> {
                if (enclosingBinder(s.parent, name).isEmpty()) {
                    ctx.error(span, "nonlocal of a missing name: no binding for " + name + " in an enclosing function");
                }
            });
        }
    }

    /** The enclosing function scope that binds {@code name} for a {@code nonlocal} in a child of {@code from}. */
    private static Option<Scope> enclosingBinder(Option<Scope> from, String name) {
        for (Option<Scope> s = from; s.isDefined() && s.get().kind != Scope.Kind.MODULE; s = s.get().parent) {
            if (s.get().isLocal(name)) {
                return s;
            }
            if (s.get().globals.containsKey(name)) {
                return Option.none();
            }
        }
        return Option.none();
    }

    private static void assignUniqueNames(ScopeBuilder scopes, PassContext ctx) {
        Set<String> taken = new HashSet<>(scopes.module().bound);
        scopes.module().bound.forEach(n -> scopes.module().unique.put(n, n));
        for (Scope s : scopes.all) {
            if (s.kind == Scope.Kind.MODULE) {
                continue;
            }
            for (String n : s.params) {
                s.unique.put(n, taken.add(n) ? n : ctx.fresh(n));
            }
            for (String n : s.bound) {
                if (s.isLocal(n) && !s.unique.containsKey(n)) {
                    s.unique.put(n, taken.add(n) ? n : ctx.fresh(n));
                }
            }
        }
    }

    private static final class Translator extends PyCoreToPyResolved {
        private final PassContext ctx;
        private final Map<Node, Scope> scopes;
        private Scope current;
        private final String moduleName;
        private boolean readsModuleName;

        Translator(PassContext ctx, Map<Node, Scope> scopes, String moduleName) {
            this.ctx = ctx;
            this.scopes = scopes;
            this.moduleName = moduleName;
        }

        /** The unique name a reference to {@code id} in {@code scope} denotes, if any. */
        private Option<String> resolve(Scope scope, String id) {
            if (scope.kind == Scope.Kind.MODULE) {
                return Option.of(scope.unique.get(id));
            }
            if (scope.globals.containsKey(id)) {
                return resolve(root(scope), id);
            }
            if (scope.isLocal(id)) {
                return Option.of(scope.unique.get(id));
            }
            return resolve(scope.parent.get(), id);
        }

        private static boolean declaredNonlocal(Scope s, String id) {
            return s.nonlocals.containsKey(id) || s.kind == Scope.Kind.COMPREHENSION && declaredNonlocal(s.parent.get(), id);
        }

        private static Scope root(Scope s) {
            return s.parent.map(Translator::root).getOrElse(s);
        }

        /** The locals a function-like scope's frame holds: its own and its comprehensions' variables. */
        private List<String> frameLocals(Scope owner) {
            List<String> out = List.empty();
            for (Scope s : scopes.values()) {
                if (s.kind == Scope.Kind.COMPREHENSION && s.frameOwner() == owner || s == owner) {
                    out = out.appendAll(List.ofAll(s.bound).filter(s::isLocal).filter(n -> !s.params.contains(n)).map(s.unique::get));
                }
            }
            return out.sorted().distinct();
        }

        private <T> T in(Node node, java.util.function.Supplier<T> body) {
            Scope outer = current;
            current = scopes.get(node);
            T out = body.get();
            current = outer;
            return out;
        }

        private List<PyResolved.Param> params(List<PyCore.Param> params) {
            return params.map(p -> new PyResolved.Param(current.unique.getOrDefault(p.name(), p.name()), p.annotation(),
                    p.defaultValue().map(this::expr), p.span()));
        }

        @Override
        protected PyResolved.Module onModule(PyCore.Module node) {
            current = scopes.get(node);
            List<PyResolved.Stmt> body = node.body().flatMap(this::stmt);
            List<String> globals = List.ofAll(current.bound);
            if (readsModuleName && !current.bound.contains(MODULE_NAME)) {
                Span none = Span.NONE;
                body = body.prepend(new PyResolved.Assign(
                        List.of(new PyResolved.Name(MODULE_NAME, PySyntax.ExprContext.Store, none)),
                        new PyResolved.Constant(new PyCore.StrConst(moduleName, none), none), none));
                globals = globals.prepend(MODULE_NAME);
            }
            globals = globals.appendAll(frameLocals(current).removeAll(globals));
            return new PyResolved.Module(body, globals, node.span());
        }

        @Override
        protected List<PyResolved.Stmt> onFunctionDef(PyCore.FunctionDef node) {
            String name = resolve(current, node.name()).getOrElse(node.name());
            return List.of(in(node, () -> new PyResolved.FunctionDef(name, params(node.params()), node.body().flatMap(this::stmt),
                    node.returns(), frameLocals(current), node.span())));
        }

        @Override
        protected PyResolved.Expr onLambda(PyCore.Lambda node) {
            return in(node, () -> new PyResolved.Lambda(params(node.params()), expr(node.body()), frameLocals(current), node.span()));
        }

        @Override
        protected PyResolved.Expr onListComp(PyCore.ListComp node) {
            PyResolved.Expr firstIter = expr(node.generators().head().iter());
            return in(node, () -> {
                List<PyResolved.Comprehension> gens = List.empty();
                boolean first = true;
                for (PyCore.Comprehension g : node.generators()) {
                    PyResolved.Expr iter = first ? firstIter : expr(g.iter());
                    first = false;
                    gens = gens.append(new PyResolved.Comprehension(expr(g.target()), iter, g.ifs().map(this::expr), g.span()));
                }
                return new PyResolved.ListComp(expr(node.elt()), gens, node.span());
            });
        }

        @Override
        protected PyResolved.Expr onName(PyCore.Name node) {
            Option<String> found = resolve(current, node.id());
            if (found.isDefined()) {
                return new PyResolved.Name(found.get(), node.ctx(), node.span());
            }
            if (node.id().equals(MODULE_NAME) && node.ctx() == PySyntax.ExprContext.Load) {
                readsModuleName = true;
                return new PyResolved.Name(MODULE_NAME, node.ctx(), node.span());
            }
            PyResolved.Builtin b = BUILTINS.get(node.id());
            if (b != null && node.ctx() == PySyntax.ExprContext.Load) {
                return new PyResolved.BuiltinName(b, node.span());
            }
            if (declaredNonlocal(current, node.id())) {
                // Already reported as a nonlocal of a missing name; one mistake, one diagnostic.
                return new PyResolved.Name(node.id(), node.ctx(), node.span());
            }
            if (OTHER_PYTHON_BUILTINS.contains(node.id())) {
                ctx.error(node.span(), "unsupported: builtin " + node.id() + " is not in NanoPy yet");
            } else {
                ctx.error(node.span(), "undefined name " + node.id());
            }
            return new PyResolved.Name(node.id(), node.ctx(), node.span());
        }

        @Override
        protected PyResolved.Handler onHandler(PyCore.Handler node) {
            return new PyResolved.Handler(node.classes(), resolve(current, node.name()).getOrElse(node.name()),
                    node.body().flatMap(this::stmt), node.span());
        }

        @Override
        protected List<PyResolved.Stmt> onGlobal(PyCore.Global node) {
            return List.of(new PyResolved.Pass(node.span()));
        }

        @Override
        protected List<PyResolved.Stmt> onNonlocal(PyCore.Nonlocal node) {
            return List.of(new PyResolved.Pass(node.span()));
        }
    }
}
