package nanopy.passes.closures;

import io.vavr.control.Option;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.py.NoLambda;
import nanopy.py.NoLambdaWalker;
import nanopy.py.PyTyped;

/**
 * Free-variable analysis for closure conversion: which function owns each variable, and which
 * variables a nested function uses (so they must live in their owner's activation record, at
 * which slot). Names are unique after resolve-names, so a name identifies its variable.
 */
final class Captures {
    /** The module or one function: its variables and the slots of its captured ones (from 1). */
    static final class Fun {
        final String name;
        final Option<Fun> parent;
        final LinkedHashMap<String, Integer> captured = new LinkedHashMap<>();

        Fun(String name, Option<Fun> parent) {
            this.name = name;
            this.parent = parent;
        }

        boolean isModule() {
            return parent.isEmpty();
        }

        boolean hasRecord() {
            return !captured.isEmpty();
        }
    }

    final Fun module = new Fun("<module>", Option.none());
    final Map<NoLambda.FunctionDef, Fun> byDef = new IdentityHashMap<>();
    private final Map<String, Fun> owner = new HashMap<>();

    Captures(NoLambda.Module program) {
        program.globals().forEach(l -> owner.put(l.name(), module));
        Deque<Fun> stack = new ArrayDeque<>();
        stack.push(module);
        new NoLambdaWalker() {
            @Override
            protected void onFunctionDef(NoLambda.FunctionDef d) {
                Fun f = new Fun(d.name(), Option.some(stack.peek()));
                byDef.put(d, f);
                d.params().forEach(l -> owner.put(l.name(), f));
                d.locals().forEach(l -> owner.put(l.name(), f));
                use(stack.peek(), d.name());
                stack.push(f);
                super.onFunctionDef(d);
                stack.pop();
            }

            @Override
            protected void onVar(NoLambda.Var v) {
                use(stack.peek(), v.name());
            }

            @Override
            protected void onVarTarget(NoLambda.VarTarget v) {
                use(stack.peek(), v.name());
            }
        }.walk(program);
    }

    private void use(Fun from, String var) {
        Fun g = owner(var);
        if (g != from && !g.isModule()) {
            g.captured.putIfAbsent(var, g.captured.size() + 1);
        }
    }

    /** The function that owns {@code var} (the module for globals). */
    Fun owner(String var) {
        Fun g = owner.get(var);
        if (g == null) {
            throw new IllegalStateException("variable " + var + " is declared nowhere");
        }
        return g;
    }

    /** Whether a local is one the function keeps in its frame. */
    static boolean plain(Fun f, PyTyped.Local l) {
        return !f.captured.containsKey(l.name());
    }
}
