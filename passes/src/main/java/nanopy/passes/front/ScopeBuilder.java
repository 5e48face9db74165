package nanopy.passes.front;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import nanopy.ir.Node;
import nanopy.pass.PassContext;
import nanopy.py.PyCore;
import nanopy.py.PyCoreWalker;
import nanopy.py.PySyntax;

/**
 * The first half of {@link ResolveNames}: builds the {@link Scope} of the module and of every
 * function, lambda and comprehension (keyed by node identity), recording parameters, bound names
 * ({@code Store} names, {@code def} names) and declarations. Reports duplicate parameters and names
 * declared both parameter and global/nonlocal, as CPython's symbol table does.
 */
final class ScopeBuilder extends PyCoreWalker {
    private final PassContext ctx;
    final Map<Node, Scope> scopes = new IdentityHashMap<>();
    final List<Scope> all = new ArrayList<>();
    private Scope current;

    ScopeBuilder(PassContext ctx, PyCore.Module module) {
        this.ctx = ctx;
        this.current = open(module, Scope.Kind.MODULE, Option.none(), "<module>");
    }

    /** The module's scope. */
    Scope module() {
        return all.get(0);
    }

    private Scope open(Node node, Scope.Kind kind, Option<Scope> parent, String name) {
        Scope s = new Scope(kind, parent, name);
        scopes.put(node, s);
        all.add(s);
        return s;
    }

    private void params(io.vavr.collection.List<PyCore.Param> params, String owner) {
        for (PyCore.Param p : params) {
            if (!current.params.add(p.name())) {
                ctx.error(p.span(), "duplicate parameter name " + p.name() + " in " + owner);
            }
        }
    }

    @Override
    protected void onFunctionDef(PyCore.FunctionDef node) {
        current.bound.add(node.name());
        Scope outer = current;
        current = open(node, Scope.Kind.FUNCTION, Option.some(outer), node.name());
        params(node.params(), node.name());
        node.body().forEach(this::stmt);
        current = outer;
    }

    @Override
    protected void onLambda(PyCore.Lambda node) {
        Scope outer = current;
        current = open(node, Scope.Kind.FUNCTION, Option.some(outer), "<lambda>");
        params(node.params(), "<lambda>");
        expr(node.body());
        current = outer;
    }

    @Override
    protected void onListComp(PyCore.ListComp node) {
        // The first iterable is evaluated in the enclosing scope, everything else in the comprehension's.
        expr(node.generators().head().iter());
        Scope outer = current;
        current = open(node, Scope.Kind.COMPREHENSION, Option.some(outer), outer.name);
        boolean first = true;
        for (PyCore.Comprehension g : node.generators()) {
            if (!first) {
                expr(g.iter());
            }
            first = false;
            expr(g.target());
            g.ifs().forEach(this::expr);
        }
        expr(node.elt());
        current = outer;
    }

    @Override
    protected void onName(PyCore.Name node) {
        if (node.ctx() == PySyntax.ExprContext.Store) {
            current.bound.add(node.id());
        }
    }

    @Override
    protected void onHandler(PyCore.Handler node) {
        current.bound.add(node.name());
        node.body().forEach(this::stmt);
    }

    @Override
    protected void onGlobal(PyCore.Global node) {
        if (current.kind == Scope.Kind.MODULE) {
            return;
        }
        for (String n : node.names()) {
            if (current.params.contains(n)) {
                ctx.error(node.span(), "name " + n + " is parameter and global");
            }
            current.globals.put(n, node.span());
            module().bound.add(n);
        }
    }

    @Override
    protected void onNonlocal(PyCore.Nonlocal node) {
        if (current.kind == Scope.Kind.MODULE) {
            ctx.error(node.span(), "nonlocal declaration not allowed at module level");
            return;
        }
        for (String n : node.names()) {
            if (current.params.contains(n)) {
                ctx.error(node.span(), "name " + n + " is parameter and nonlocal");
            }
            current.nonlocals.put(n, node.span());
        }
    }
}
