package nanopy.passes.desugar;

import io.vavr.collection.List;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import nanopy.ir.Span;
import nanopy.pass.PassContext;
import nanopy.py.PyCore;
import nanopy.py.PyTyped;

/**
 * The temporaries a desugaring pass introduces, per scope: a pass calls {@link #enter()} when it
 * starts translating a function (or the module), {@link #fresh} for each temporary, and appends
 * {@link #exit()} to that scope's locals (or globals).
 */
public final class Temps {
    private final Deque<ArrayList<PyTyped.Local>> scopes = new ArrayDeque<>();
    private final PassContext ctx;

    /** @param ctx the run's fresh-name supply */
    public Temps(PassContext ctx) {
        this.ctx = ctx;
    }

    /** Starts a scope. */
    public void enter() {
        scopes.push(new ArrayList<>());
    }

    /** Ends the innermost scope and returns its temporaries, in order of creation. */
    public List<PyTyped.Local> exit() {
        return List.ofAll(scopes.pop());
    }

    /** A fresh temporary {@code base.N} of {@code type}, declared in the innermost scope. */
    public String fresh(String base, PyCore.Type type) {
        String name = ctx.fresh(base);
        scopes.peek().add(new PyTyped.Local(name, type, Span.NONE));
        return name;
    }
}
