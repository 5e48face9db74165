package nanopy.passes.opt;

import io.vavr.collection.List;
import java.util.HashMap;
import java.util.Map;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.Closed;
import nanopy.py.Flat;
import nanopy.py.FlatRewriter;
import nanopy.py.FlatWalker;

/**
 * Constant propagation over the flat language, the pass that docs/tutorial.md builds: a local
 * variable assigned exactly once in its function (or in the module's body), by a statement at the
 * top level of that body, to a literal of the variable's own type, is replaced by the literal in
 * every statement after that one. No data-flow analysis is needed for that to be sound: any
 * statement after the assignment runs after it, and nothing else assigns the variable. (A use
 * in a statement before it keeps the variable.) The assignment stays: removing dead
 * assignments is another pass's work. Parameters are never replaced.
 *
 * <p>Input and output: a {@link Flat} program. After closure conversion a captured variable lives
 * in a record and a module variable is a global, so a {@code Var} is always a plain local.
 */
public final class PropagateConstants implements Pass<Flat.Module, Flat.Module> {
    @Override
    public String description() {
        return "a local assigned once, at the top of its body, to a literal is replaced by the literal after that";
    }

    @Override
    public Flat.Module apply(Flat.Module program, PassContext ctx) {
        List<Flat.Def> defs = program.defs().map(d -> {
            List<Flat.Stmt> body = propagate(d.body(), d.params().map(Closed.Local::name));
            return body == d.body() ? d : new Flat.Def(d.name(), d.params(), d.locals(), d.result(), body, d.span());
        });
        List<Flat.Stmt> body = propagate(program.body(), List.empty());
        if (body == program.body() && defs.corresponds(program.defs(), (a, b) -> a == b)) {
            return program;
        }
        return new Flat.Module(program.globals(), defs, program.locals(), body, program.span());
    }

    /** One function's (or the module's) statements with the constants propagated; the same list when nothing changed. */
    private static List<Flat.Stmt> propagate(List<Flat.Stmt> body, List<String> params) {
        Map<String, Integer> assignments = assignments(body);
        Map<String, Flat.Atom> known = new HashMap<>();
        FlatRewriter replace = new FlatRewriter() {
            @Override
            protected Flat.Atom onVar(Flat.Var v) {
                return known.getOrDefault(v.name(), v);
            }
        };
        List<Flat.Stmt> out = List.empty();
        boolean changed = false;
        for (Flat.Stmt s : body) {
            Flat.Stmt t = known.isEmpty() ? s : replace.stmt(s);
            changed |= t != s;
            out = out.append(t);
            if (t instanceof Flat.Assign(Flat.VarTarget(var name, var type, _), var value, _)
                    && assignments.get(name) == 1 && !params.contains(name) && literalOf(value, type)) {
                known.put(name, (Flat.Atom) value);
            }
        }
        return changed ? out : body;
    }

    /** How many assignments each local has anywhere in {@code body} (in nested statements too). */
    private static Map<String, Integer> assignments(List<Flat.Stmt> body) {
        Map<String, Integer> count = new HashMap<>();
        FlatWalker walker = new FlatWalker() {
            @Override
            protected void onAssign(Flat.Assign a) {
                if (a.target() instanceof Flat.VarTarget v) {
                    count.merge(v.name(), 1, Integer::sum);
                }
                super.onAssign(a);
            }
        };
        body.forEach(walker::stmt);
        return count;
    }

    /** Whether {@code e} is a literal whose type is {@code type} (an int literal for a float variable is not: it prints otherwise). */
    private static boolean literalOf(Flat.Expr e, Closed.Type type) {
        return switch (e) {
            case Flat.IntLit x -> type instanceof Closed.IntType;
            case Flat.FloatLit x -> type instanceof Closed.FloatType;
            case Flat.BoolLit x -> type instanceof Closed.BoolType;
            case Flat.StrLit x -> type instanceof Closed.StrType;
            default -> false;
        };
    }
}
