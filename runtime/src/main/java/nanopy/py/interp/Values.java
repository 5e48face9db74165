package nanopy.py.interp;

import java.util.ArrayList;

/**
 * The run-time values of the PyTyped interpreter and how Python shows them. Python ints are
 * {@link Long}, floats {@link Double}, bools {@link Boolean}, strings {@link String}; lists, tuples,
 * None, closures and cells are the nested classes here. {@link #str} and {@link #repr} follow
 * CPython's {@code str()} and {@code repr()}.
 */
final class Values {
    private Values() {}

    /** Python's {@code None}. */
    enum None { NONE }

    /** A mutable Python list. */
    static final class PyList {
        final ArrayList<Object> items;

        PyList(ArrayList<Object> items) {
            this.items = items;
        }
    }

    /** An immutable Python tuple (compared by identity with {@code is}). */
    static final class PyTuple {
        final Object[] items;

        PyTuple(Object[] items) {
            this.items = items;
        }
    }

    /**
     * A Python dict: insertion-ordered, keys compared with Python's {@code ==} and hashed consistently
     * with it ({@link Key}).
     */
    static final class PyDict {
        final java.util.LinkedHashMap<Key, Object> map = new java.util.LinkedHashMap<>();
    }

    /** A Python set (iterated and shown in CPython's order: {@link SetTable}). */
    static final class PySet {
        final SetTable set;

        PySet() {
            this(new SetTable());
        }

        PySet(SetTable set) {
            this.set = set;
        }
    }

    /** An instance of a program's class: its class name and its fields by index. */
    static final class PyObject {
        final String cls;
        final Object[] fields;

        PyObject(String cls, int size) {
            this.cls = cls;
            this.fields = new Object[size];
        }
    }

    /** A hashable value as a dict key or set element: equal as Python's {@code ==}, with a matching hash. */
    record Key(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && eq(value, k.value);
        }

        @Override
        public int hashCode() {
            return hash(value);
        }
    }

    /** A hash consistent with {@link #eq} (1 == 1.0 == True hash alike, tuples by their elements). */
    static int hash(Object v) {
        return switch (v) {
            case Long l -> Long.hashCode(l);
            case Boolean b -> b ? 1 : 0;
            case Double d -> d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 0x1p63 ? Long.hashCode((long) d.doubleValue()) : d.hashCode();
            case PyTuple t -> {
                int h = 17;
                for (Object x : t.items) {
                    h = h * 31 + hash(x);
                }
                yield h;
            }
            case PyObject o -> System.identityHashCode(o);
            default -> v.hashCode();
        };
    }

    /** A captured variable: the box a closure shares with the frame that owns the variable. */
    static final class Cell {
        Object value;

        Cell(Object value) {
            this.value = value;
        }
    }

    /** A function value: its code and the cells of its free variables. */
    record Closure(Code code, Cell[] free) {}

    /** Python's {@code str(v)}. */
    static String str(Object v) {
        return v instanceof String s ? s : v instanceof nanopy.ir.PyRuntimeError e ? Exceptions.str(e) : repr(v);
    }

    /** Python's {@code repr(v)}. */
    static String repr(Object v) {
        StringBuilder sb = new StringBuilder();
        repr(v, sb);
        return sb.toString();
    }

    private static void repr(Object v, StringBuilder sb) {
        switch (v) {
            case Long l -> sb.append(l.longValue());
            case Double d -> sb.append(FloatRepr.repr(d));
            case Boolean b -> sb.append(b ? "True" : "False");
            case String s -> StrRepr.repr(s, sb);
            case None n -> sb.append("None");
            case PyList l -> {
                sb.append('[');
                for (int i = 0; i < l.items.size(); i++) {
                    sb.append(i == 0 ? "" : ", ");
                    repr(l.items.get(i), sb);
                }
                sb.append(']');
            }
            case PyTuple t -> {
                sb.append('(');
                for (int i = 0; i < t.items.length; i++) {
                    sb.append(i == 0 ? "" : ", ");
                    repr(t.items[i], sb);
                }
                sb.append(t.items.length == 1 ? ",)" : ")");
            }
            case Closure c -> sb.append("<function ").append(c.code().name()).append('>');
            case PyDict d -> {
                sb.append('{');
                boolean first = true;
                for (var e : d.map.entrySet()) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    repr(e.getKey().value(), sb);
                    sb.append(": ");
                    repr(e.getValue(), sb);
                }
                sb.append('}');
            }
            case PySet st -> {
                if (st.set.isEmpty()) {
                    sb.append("set()");
                    break;
                }
                sb.append('{');
                boolean first = true;
                for (Key k : st.set) {
                    sb.append(first ? "" : ", ");
                    first = false;
                    repr(k.value(), sb);
                }
                sb.append('}');
            }
            case PyObject o -> sb.append("<__main__.").append(o.cls).append(" object>");
            case nanopy.ir.PyRuntimeError e -> sb.append(Exceptions.repr(e));
            default -> throw new IllegalStateException("not a NanoPy value: " + v.getClass());
        }
    }

    /** Python's {@code ==} on values of the same static type (ints and floats compare numerically). */
    static boolean eq(Object a, Object b) {
        if (a == b) {
            return true;
        }
        return switch (a) {
            case Long x when b instanceof Long y -> x.longValue() == y.longValue();
            case Number x when b instanceof Number y -> x.doubleValue() == y.doubleValue();
            case PyList x when b instanceof PyList y -> {
                if (x.items.size() != y.items.size()) {
                    yield false;
                }
                for (int i = 0; i < x.items.size(); i++) {
                    if (!eq(x.items.get(i), y.items.get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            case PyTuple x when b instanceof PyTuple y -> {
                if (x.items.length != y.items.length) {
                    yield false;
                }
                for (int i = 0; i < x.items.length; i++) {
                    if (!eq(x.items[i], y.items[i])) {
                        yield false;
                    }
                }
                yield true;
            }
            case PyDict x when b instanceof PyDict y -> {
                if (x.map.size() != y.map.size()) {
                    yield false;
                }
                for (var e : x.map.entrySet()) {
                    Object other = y.map.get(e.getKey());
                    if (other == null || !eq(e.getValue(), other)) {
                        yield false;
                    }
                }
                yield true;
            }
            case PySet x when b instanceof PySet y -> x.set.sameElements(y.set);
            case PyObject x -> false;
            default -> a.equals(b);
        };
    }

    /**
     * Python's ordering of two values of the same static type: numbers, strs (by code point), bools,
     * and tuples and lists lexicographically. Returns negative, 0 or positive.
     */
    static int compare(Object a, Object b) {
        return switch (a) {
            case Long x when b instanceof Long y -> Long.compare(x, y);
            case Number x when b instanceof Number y -> PyNumbers.compareNumbers(x, y);
            case String x -> PyStrings.compare(x, (String) b);
            case Boolean x -> Boolean.compare(x, (Boolean) b);
            case PyTuple x -> sequence(x.items, ((PyTuple) b).items);
            case PyList x -> sequence(x.items.toArray(), ((PyList) b).items.toArray());
            default -> throw new IllegalStateException("not orderable: " + a.getClass());
        };
    }

    private static int sequence(Object[] x, Object[] y) {
        int n = Math.min(x.length, y.length);
        for (int i = 0; i < n; i++) {
            if (!eq(x[i], y[i])) {
                return compare(x[i], y[i]);
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** Python's {@code bool(v)}. */
    static boolean truthy(Object v) {
        return switch (v) {
            case Boolean b -> b;
            case Long l -> l != 0;
            case Double d -> d != 0.0;
            case String s -> !s.isEmpty();
            case PyList l -> !l.items.isEmpty();
            case PyTuple t -> t.items.length != 0;
            case None n -> false;
            case PyDict d -> !d.map.isEmpty();
            case PySet st -> !st.set.isEmpty();
            default -> true;
        };
    }
}
