package nanopy.py.interp;

import java.util.ArrayList;
import java.util.Comparator;
import nanopy.ir.Span;
import nanopy.py.interp.Values.Key;
import nanopy.py.interp.Values.PyDict;
import nanopy.py.interp.Values.PyList;
import nanopy.py.interp.Values.PySet;
import nanopy.py.interp.Values.PyTuple;

/**
 * The stage-2 primitives on lists, tuples, dicts and sets, each with CPython's result and CPython's
 * exception and message: slices with a step, slice assignment, the list methods, sorting (stable, as
 * CPython's timsort; {@code reverse=True} keeps equal elements in their order), {@code min}/{@code max}
 * (the first of equal extremes), {@code sum}, {@code enumerate}, {@code zip}, and the dict and set
 * operations.
 */
final class Containers {
    private Containers() {}

    /** The indices {@code range(*slice(lo, hi, step).indices(size))}, as CPython's {@code PySlice_AdjustIndices}. */
    static int[] sliceIndices(Object lo, Object hi, Object step, int size, Span s) {
        long st = step instanceof Long l ? l : 1;
        if (st == 0) {
            throw Prims.error("ValueError", "slice step cannot be zero", s);
        }
        long start;
        long stop;
        if (st > 0) {
            start = lo instanceof Long l ? clamp(l, size, 0, size) : 0;
            stop = hi instanceof Long l ? clamp(l, size, 0, size) : size;
        } else {
            start = lo instanceof Long l ? clamp(l, size, -1, size - 1) : size - 1;
            stop = hi instanceof Long l ? clamp(l, size, -1, size - 1) : -1;
        }
        ArrayList<Integer> out = new ArrayList<>();
        for (long i = start; st > 0 ? i < stop : i > stop; i += st) {
            out.add((int) i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long clamp(long i, int size, long min, long max) {
        long k = i < 0 ? i + size : i;
        return Math.max(min, Math.min(max, k));
    }

    static PyList listSliceStep(PyList l, Object lo, Object hi, Object step, Span s) {
        ArrayList<Object> out = new ArrayList<>();
        for (int i : sliceIndices(lo, hi, step, l.items.size(), s)) {
            out.add(l.items.get(i));
        }
        return new PyList(out);
    }

    static String strSliceStep(String str, Object lo, Object hi, Object step, Span s) {
        int[] cps = str.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i : sliceIndices(lo, hi, step, cps.length, s)) {
            sb.appendCodePoint(cps[i]);
        }
        return sb.toString();
    }

    /** {@code l[lo:hi] = items}. */
    static void setSlice(PyList l, Object lo, Object hi, PyList items) {
        int a = Prims.bound(lo, l.items.size(), true);
        int b = Math.max(a, Prims.bound(hi, l.items.size(), false));
        ArrayList<Object> copy = new ArrayList<>(items.items);
        l.items.subList(a, b).clear();
        l.items.addAll(a, copy);
    }

    static void insert(PyList l, long i, Object x) {
        int n = l.items.size();
        long k = i < 0 ? Math.max(0, i + n) : Math.min(i, n);
        l.items.add((int) k, x);
    }

    static void remove(PyList l, Object x, Span s) {
        for (int i = 0; i < l.items.size(); i++) {
            if (Values.eq(l.items.get(i), x)) {
                l.items.remove(i);
                return;
            }
        }
        throw Prims.error("ValueError", "list.remove(x): x not in list", s);
    }

    static long indexOf(PyList l, Object x, Span s) {
        for (int i = 0; i < l.items.size(); i++) {
            if (Values.eq(l.items.get(i), x)) {
                return i;
            }
        }
        throw Prims.error("ValueError", Values.repr(x) + " is not in list", s);
    }

    static long count(PyList l, Object x) {
        return l.items.stream().filter(y -> Values.eq(y, x)).count();
    }

    static void delAt(PyList l, long i, Span s) {
        l.items.remove(Prims.index(i, l.items.size(), "list assignment", s));
    }

    private static final Comparator<Object> ORDER = Values::compare;

    /** Sorts stably; {@code reverse} as CPython: reversed order, equal elements keep theirs. */
    private static ArrayList<Object> sort(ArrayList<Object> items, Comparator<Object> order, boolean reverse) {
        ArrayList<Object> out = new ArrayList<>(items);
        out.sort(reverse ? order.reversed() : order);
        return out;
    }

    static PyList sorted(PyList l, boolean reverse) {
        return new PyList(sort(l.items, ORDER, reverse));
    }

    /** The items of {@code (key, item)} pairs, ordered by key. */
    static PyList sortedPairs(PyList pairs, boolean reverse) {
        ArrayList<Object> sorted = sort(pairs.items, (a, b) -> Values.compare(((PyTuple) a).items[0], ((PyTuple) b).items[0]), reverse);
        ArrayList<Object> out = new ArrayList<>();
        for (Object p : sorted) {
            out.add(((PyTuple) p).items[1]);
        }
        return new PyList(out);
    }

    static void sortInPlace(PyList l, boolean reverse) {
        ArrayList<Object> sorted = sort(l.items, ORDER, reverse);
        l.items.clear();
        l.items.addAll(sorted);
    }

    static void sortPairsInPlace(PyList l, PyList pairs, boolean reverse) {
        PyList sorted = sortedPairs(pairs, reverse);
        l.items.clear();
        l.items.addAll(sorted.items);
    }

    static Object extreme(PyList l, boolean min, Span s) {
        if (l.items.isEmpty()) {
            throw Prims.error("ValueError", (min ? "min" : "max") + "() arg is an empty sequence", s);
        }
        Object best = l.items.get(0);
        for (Object x : l.items) {
            int c = Values.compare(x, best);
            if (min ? c < 0 : c > 0) {
                best = x;
            }
        }
        return best;
    }

    static Object extremePairs(PyList pairs, boolean min, Span s) {
        if (pairs.items.isEmpty()) {
            throw Prims.error("ValueError", (min ? "min" : "max") + "() arg is an empty sequence", s);
        }
        PyTuple best = (PyTuple) pairs.items.get(0);
        for (Object x : pairs.items) {
            PyTuple p = (PyTuple) x;
            int c = Values.compare(p.items[0], best.items[0]);
            if (min ? c < 0 : c > 0) {
                best = p;
            }
        }
        return best.items[1];
    }

    static long sumInt(PyList l, Span s) {
        long total = 0;
        for (Object x : l.items) {
            total = Prims.add(total, (Long) x, s);
        }
        return total;
    }

    /** {@code sum} of floats (or ints promoted): added left to right, as CPython 3.11 does. */
    static double sumFloat(PyList l) {
        double total = 0.0;
        for (Object x : l.items) {
            total += ((Number) x).doubleValue();
        }
        return total;
    }

    static boolean any(PyList l) {
        return l.items.stream().anyMatch(Values::truthy);
    }

    static boolean all(PyList l) {
        return l.items.stream().allMatch(Values::truthy);
    }

    static PyList enumerate(PyList l, long start, Span s) {
        ArrayList<Object> out = new ArrayList<>();
        long i = start;
        for (Object x : l.items) {
            out.add(new PyTuple(new Object[] {i, x}));
            i = Prims.add(i, 1, s);
        }
        return new PyList(out);
    }

    static PyList zip(PyList... lists) {
        int n = Integer.MAX_VALUE;
        for (PyList l : lists) {
            n = Math.min(n, l.items.size());
        }
        ArrayList<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] t = new Object[lists.length];
            for (int j = 0; j < lists.length; j++) {
                t[j] = lists[j].items.get(i);
            }
            out.add(new PyTuple(t));
        }
        return new PyList(out);
    }

    static PyList strToList(String s) {
        ArrayList<Object> out = new ArrayList<>();
        s.codePoints().forEach(c -> out.add(Character.toString(c)));
        return new PyList(out);
    }

    // dict

    static PyDict dictOf(PyList pairs) {
        PyDict d = new PyDict();
        for (Object p : pairs.items) {
            Object[] kv = ((PyTuple) p).items;
            d.map.put(new Key(kv[0]), kv[1]);
        }
        return d;
    }

    private static nanopy.ir.PyRuntimeError keyError(Object k, Span s) {
        return Prims.error("KeyError", Values.repr(k), s);
    }

    static Object get(PyDict d, Object k, Span s) {
        Object v = d.map.get(new Key(k));
        if (v == null) {
            throw keyError(k, s);
        }
        return v;
    }

    static Object getOr(PyDict d, Object k, Object dflt) {
        Object v = d.map.get(new Key(k));
        return v == null ? dflt : v;
    }

    static void set(PyDict d, Object k, Object v) {
        d.map.put(new Key(k), v);
    }

    static void del(PyDict d, Object k, Span s) {
        if (d.map.remove(new Key(k)) == null) {
            throw keyError(k, s);
        }
    }

    static Object setDefault(PyDict d, Object k, Object dflt) {
        return d.map.computeIfAbsent(new Key(k), x -> dflt);
    }

    static Object pop(PyDict d, Object k, Span s) {
        Object v = d.map.remove(new Key(k));
        if (v == null) {
            throw keyError(k, s);
        }
        return v;
    }

    static Object popOr(PyDict d, Object k, Object dflt) {
        Object v = d.map.remove(new Key(k));
        return v == null ? dflt : v;
    }

    static PyList keys(PyDict d) {
        ArrayList<Object> out = new ArrayList<>();
        d.map.keySet().forEach(k -> out.add(k.value()));
        return new PyList(out);
    }

    static PyList values(PyDict d) {
        return new PyList(new ArrayList<>(d.map.values()));
    }

    static PyList items(PyDict d) {
        ArrayList<Object> out = new ArrayList<>();
        d.map.forEach((k, v) -> out.add(new PyTuple(new Object[] {k.value(), v})));
        return new PyList(out);
    }

    // set

    static PySet setOf(PyList l) {
        PySet s = new PySet();
        for (Object x : l.items) {
            s.set.add(new Key(x));
        }
        return s;
    }

    static void remove(PySet st, Object x, Span s) {
        if (!st.set.remove(new Key(x))) {
            throw Prims.error("KeyError", Values.repr(x), s);
        }
    }

    static PyList toList(PySet st) {
        ArrayList<Object> out = new ArrayList<>();
        st.set.forEach(k -> out.add(k.value()));
        return new PyList(out);
    }

    /** {@code a.union(b)}: b is a set or a list (CPython treats the two differently). */
    static PySet union(PySet a, Object b) {
        return wrap(b instanceof PySet y ? SetTable.union(a.set, y.set) : SetTable.union(a.set, keys(b)));
    }

    static PySet intersection(PySet a, Object b) {
        return wrap(b instanceof PySet y ? SetTable.intersection(a.set, y.set) : SetTable.intersection(a.set, keys(b)));
    }

    static PySet difference(PySet a, Object b) {
        return wrap(b instanceof PySet y ? SetTable.difference(a.set, y.set) : SetTable.difference(a.set, keys(b)));
    }

    private static java.util.List<Key> keys(Object list) {
        ArrayList<Key> out = new ArrayList<>();
        for (Object x : ((PyList) list).items) {
            out.add(new Key(x));
        }
        return out;
    }

    private static PySet wrap(SetTable t) {
        return new PySet(t);
    }
}
