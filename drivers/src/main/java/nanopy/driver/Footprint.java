package nanopy.driver;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An estimate of the heap bytes an IR tree holds, for bounding {@link CompileCache} in bytes. It
 * walks records (their components), arrays, strings, collections and maps, each object counted
 * once, with the sizes of a 64-bit JVM with compressed pointers: a 12-byte header rounded to 8, 4
 * bytes a reference, the element size of an array. Objects of other classes count as one header
 * and are not entered. An estimate, not a measurement: close enough to keep a cache's memory in
 * bounds.
 */
final class Footprint {
    private static final int HEADER = 16;
    private static final int REF = 4;
    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private Footprint() {}

    /** The estimated bytes reachable from {@code root}. */
    static long estimate(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(root);
        long total = 0;
        while (!todo.isEmpty()) {
            Object o = todo.pop();
            if (!seen.add(o)) {
                continue;
            }
            Class<?> c = o.getClass();
            if (o instanceof String s) {
                total += HEADER + 8 + align(16 + s.length());
            } else if (c.isArray()) {
                Class<?> e = c.getComponentType();
                int n = Array.getLength(o);
                total += align(HEADER + (long) n * (e.isPrimitive() ? primitiveSize(e) : REF));
                if (!e.isPrimitive()) {
                    for (Object x : (Object[]) o) {
                        push(todo, x);
                    }
                }
            } else if (c.isRecord()) {
                RecordComponent[] rc = COMPONENTS.computeIfAbsent(c, Class::getRecordComponents);
                total += align(HEADER + (long) rc.length * 8);
                for (RecordComponent r : rc) {
                    if (!r.getType().isPrimitive()) {
                        push(todo, component(r, o));
                    }
                }
            } else if (o instanceof Map<?, ?> m) {
                total += HEADER + (long) m.size() * (HEADER + 4 * REF);
                m.forEach((k, v) -> {
                    push(todo, k);
                    push(todo, v);
                });
            } else if (o instanceof Iterable<?> it) {
                total += HEADER;
                for (Object x : it) {
                    total += HEADER;   // a cons cell or an array slot with its share of the header
                    push(todo, x);
                }
            } else {
                total += HEADER;
            }
        }
        return total;
    }

    private static void push(ArrayDeque<Object> todo, Object o) {
        if (o != null) {
            todo.push(o);
        }
    }

    private static Object component(RecordComponent r, Object o) {
        try {
            return r.getAccessor().invoke(o);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;   // a record of a package nanopy cannot read: counted without its fields
        }
    }

    private static long align(long n) {
        return (n + 7) & ~7L;
    }

    private static int primitiveSize(Class<?> c) {
        return c == long.class || c == double.class ? 8 : c == int.class || c == float.class ? 4 : c == short.class || c == char.class ? 2 : 1;
    }
}
