package nanopy.targets.jvm;

import java.lang.classfile.CodeBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.py.Closed;

/**
 * JVM local-variable slots of one method: the parameters first, in order (the static link in slot
 * 0), then the function's plain locals; a long or double takes two slots. Every NanoPy local gets
 * its own slot: HotSpot's register allocator works on the compiled code, so sharing slots between
 * locals whose lifetimes do not overlap would only shrink interpreter frames.
 */
final class Slots {
    private final Map<String, Integer> slot = new LinkedHashMap<>();
    private final Map<String, Kind> kind = new LinkedHashMap<>();
    private final Map<String, Boolean> param = new LinkedHashMap<>();
    private int next;

    Slots(Iterable<Closed.Local> params, Iterable<Closed.Local> locals) {
        params.forEach(p -> add(p, true));
        locals.forEach(l -> add(l, false));
    }

    private void add(Closed.Local l, boolean isParam) {
        if (slot.containsKey(l.name())) {
            throw new IllegalStateException("local " + l.name() + " is declared twice");
        }
        Kind k = Kind.of(l.type());
        slot.put(l.name(), next);
        kind.put(l.name(), k);
        param.put(l.name(), isParam);
        next += k.slots();
    }

    /** The slot of local {@code name}. */
    int slot(String name) {
        Integer s = slot.get(name);
        if (s == null) {
            throw new IllegalStateException("no local " + name + " in this function");
        }
        return s;
    }

    /** The kind of local {@code name}. */
    Kind kind(String name) {
        slot(name);
        return kind.get(name);
    }

    /** Whether {@code name} is a parameter. */
    boolean isParam(String name) {
        return param.getOrDefault(name, false);
    }

    /** Stores each non-parameter local's zero, so that every local is assigned on every path (as the verifier wants). */
    void zeroLocals(CodeBuilder cb) {
        for (var e : slot.entrySet()) {
            if (!param.get(e.getKey())) {
                Kind k = kind.get(e.getKey());
                k.zero(cb);
                cb.storeLocal(k.typeKind(), e.getValue());
            }
        }
    }

    /** A new int slot no NanoPy local has (the call depth a handler restores). */
    int extraInt() {
        int s = next;
        next += 1;
        return s;
    }

    /** The slots used (the method's max_locals before the code's own). */
    int size() {
        return next;
    }

    /** Each local's slot, in order, for listings. */
    Map<String, Integer> all() {
        return slot;
    }
}
