package nanopy.py.interp;

import io.vavr.control.Option;
import java.util.HashMap;
import java.util.Map;

/**
 * The variables of the module or of one function, at compile time of the middle-end interpreter:
 * each name's frame slot and the lexically enclosing scope (none for the module and for the
 * top-level Defs of closure-converted languages, whose free variables live in activation records).
 */
final class Scope {
    final String name;
    final Option<Scope> parent;
    final boolean isModule;
    final Map<String, Integer> slots = new HashMap<>();

    Scope(String name, Option<Scope> parent, boolean isModule) {
        this.name = name;
        this.parent = parent;
        this.isModule = isModule;
    }

    /** Gives {@code var} the next slot unless it has one. */
    void add(String var) {
        slots.putIfAbsent(var, slots.size());
    }

    /** Where a variable lives, seen from this scope: {@code hops} enclosing frames out, at {@code slot}. */
    record Place(Scope owner, int hops, int slot) {}

    /** Resolves {@code var}, or fails (a malformed program: every variable is declared). */
    Place resolve(String var) {
        int hops = 0;
        for (Option<Scope> s = Option.some(this); s.isDefined(); s = s.get().parent, hops++) {
            Integer slot = s.get().slots.get(var);
            if (slot != null) {
                return new Place(s.get(), hops, slot);
            }
        }
        throw new IllegalStateException("variable " + var + " is not declared in " + name + " or around it");
    }
}
