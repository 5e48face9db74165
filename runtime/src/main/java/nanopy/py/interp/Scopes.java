package nanopy.py.interp;

import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nanopy.ir.Node;
import nanopy.py.PyTyped;
import nanopy.py.PyTypedWalker;

/**
 * Where each variable of a PyTyped program lives at run time: module globals in the global frame,
 * a function's parameters and locals in slots of its frame, and a variable that a nested function
 * uses in a {@link Values.Cell} of its owner's frame, passed down through every function in between
 * as a free variable (flat closures, as in Essentials of Compilation's closure conversion).
 */
final class Scopes {
    /** The variables of the module, a function or a lambda. */
    static final class Info {
        final String name;
        final Option<Info> parent;
        final Map<String, Integer> slots = new HashMap<>();
        final Set<String> cells = new HashSet<>();
        final List<String> free = new ArrayList<>();

        Info(String name, Option<Info> parent) {
            this.name = name;
            this.parent = parent;
        }

        boolean isModule() {
            return parent.isEmpty();
        }

        void add(String var) {
            slots.putIfAbsent(var, slots.size());
        }
    }

    final Info module = new Info("<module>", Option.none());
    final Map<Node, Info> byNode = new IdentityHashMap<>();
    final Map<String, Info> owner = new HashMap<>();

    Scopes(PyTyped.Module program) {
        program.globals().forEach(l -> own(module, l.name()));
        new PyTypedWalker() {
            private Info current = module;

            private void enter(Node node, String name, io.vavr.collection.List<PyTyped.Local> params,
                    io.vavr.collection.List<PyTyped.Local> locals, Runnable body) {
                Info info = new Info(name, Option.some(current));
                byNode.put(node, info);
                params.forEach(l -> own(info, l.name()));
                locals.forEach(l -> own(info, l.name()));
                Info outer = current;
                current = info;
                body.run();
                current = outer;
            }

            @Override
            protected void onFunctionDef(PyTyped.FunctionDef f) {
                use(current, f.name());
                enter(f, f.name(), f.params(), f.locals(), () -> f.body().forEach(this::stmt));
            }

            @Override
            protected void onLambda(PyTyped.Lambda l) {
                enter(l, "<lambda>", l.params(), l.locals(), () -> expr(l.body()));
            }

            @Override
            protected void onVar(PyTyped.Var v) {
                use(current, v.name());
            }

            @Override
            protected void onVarTarget(PyTyped.VarTarget v) {
                use(current, v.name());
            }
        }.walk(program);
    }

    private void own(Info info, String var) {
        info.add(var);
        owner.putIfAbsent(var, info);
    }

    private void use(Info from, String var) {
        Info g = owner.get(var);
        if (g == null || g.isModule() || g == from) {
            return;
        }
        g.cells.add(var);
        for (Info x = from; x != g; x = x.parent.get()) {
            if (!x.free.contains(var)) {
                x.free.add(var);
            }
        }
    }
}
