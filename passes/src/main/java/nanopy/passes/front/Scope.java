package nanopy.passes.front;

import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nanopy.ir.Span;

/**
 * One Python scope during name resolution: the module, a function, a lambda or a comprehension.
 * Holds the names bound in it (parameters first, then assignment targets in source order), its
 * {@code global} and {@code nonlocal} declarations, and the unique name given to each local.
 * Comprehension scopes have no declarations; their variables live in the enclosing function's frame.
 */
final class Scope {
    /** What kind of code a scope belongs to. */
    enum Kind { MODULE, FUNCTION, COMPREHENSION }

    final Kind kind;
    final Option<Scope> parent;
    /** The function's name, for messages ({@code <lambda>} for lambdas, {@code <module>}). */
    final String name;
    final Set<String> params = new LinkedHashSet<>();
    final Set<String> bound = new LinkedHashSet<>();
    final Map<String, Span> globals = new LinkedHashMap<>();
    final Map<String, Span> nonlocals = new LinkedHashMap<>();
    final Map<String, String> unique = new LinkedHashMap<>();

    Scope(Kind kind, Option<Scope> parent, String name) {
        this.kind = kind;
        this.parent = parent;
        this.name = name;
    }

    /** True when {@code id} is a variable of this scope (not declared global or nonlocal here). */
    boolean isLocal(String id) {
        return (params.contains(id) || bound.contains(id)) && !globals.containsKey(id) && !nonlocals.containsKey(id);
    }

    /** The nearest enclosing function or module scope (the one whose frame holds this scope's variables). */
    Scope frameOwner() {
        return kind == Kind.COMPREHENSION ? parent.get().frameOwner() : this;
    }
}
