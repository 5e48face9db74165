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
        return v instanceof String s ? s : repr(v);
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
            default -> a.equals(b);
        };
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
            default -> true;
        };
    }
}
