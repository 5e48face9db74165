package nanopy.py.interp;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nanopy.ir.Node;

/**
 * Reads the fields of any generated IR record by name, so that one interpreter serves every
 * language of the middle end: a production means the same thing in every language that has it
 * (a {@code Prim} is a {@code Prim}, whatever the Java type of its operands).
 */
final class Fields {
    private static final Map<Class<?>, Map<String, MethodHandle>> ACCESSORS = new ConcurrentHashMap<>();

    private Fields() {}

    /** The production name of a node: its record's simple name. */
    static String kind(Node n) {
        return n.getClass().getSimpleName();
    }

    private static Map<String, MethodHandle> accessors(Class<?> c) {
        return ACCESSORS.computeIfAbsent(c, k -> {
            Map<String, MethodHandle> m = new HashMap<>();
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            for (RecordComponent rc : k.getRecordComponents()) {
                try {
                    m.put(rc.getName(), lookup.unreflect(rc.getAccessor()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read field " + rc.getName() + " of " + k.getName(), e);
                }
            }
            return m;
        });
    }

    /** Field {@code name} of {@code n}. */
    static Object get(Node n, String name) {
        MethodHandle h = accessors(n.getClass()).get(name);
        if (h == null) {
            throw new IllegalStateException(kind(n) + " has no field " + name);
        }
        try {
            return h.invoke(n);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Whether {@code n} has a field called {@code name}. */
    static boolean has(Node n, String name) {
        return accessors(n.getClass()).containsKey(name);
    }

    static Node node(Node n, String name) {
        return (Node) get(n, name);
    }

    @SuppressWarnings("unchecked")
    static List<Node> nodes(Node n, String name) {
        return (List<Node>) get(n, name);
    }

    @SuppressWarnings("unchecked")
    static Option<Node> option(Node n, String name) {
        return (Option<Node>) get(n, name);
    }

    @SuppressWarnings("unchecked")
    static List<String> strs(Node n, String name) {
        return (List<String>) get(n, name);
    }

    @SuppressWarnings("unchecked")
    static Option<String> optionalStr(Node n, String name) {
        return (Option<String>) get(n, name);
    }

    static String str(Node n, String name) {
        return (String) get(n, name);
    }

    static int integer(Node n, String name) {
        return (Integer) get(n, name);
    }
}
