package nanopy.py.interp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import nanopy.py.interp.Values.Key;
import nanopy.py.interp.Values.PyTuple;

/**
 * The elements of a Python set, laid out as CPython 3.11's set object lays them out
 * ({@code Objects/setobject.c}): open addressing over a power-of-two table (8 slots at first),
 * nine linear probes and then perturbation ({@code i = 5i + 1 + perturb}, {@code perturb >>= 5}),
 * removed elements left as dummies (a later add takes the last dummy its probe passed), a resize
 * to 4 times the size when 3/5 of the slots are taken, and CPython's own hashes ({@code hash()} of
 * ints, bools, floats and tuples of them). Iteration goes in slot order, so such a set iterates and
 * prints in CPython's order, and union, intersection and difference build their results the way
 * CPython does ({@code set_merge}, {@code set_intersection}, {@code set_difference}).
 *
 * <p>CPython randomizes the hash of a str per process (PYTHONHASHSEED), so the order of a set of
 * strs (or of tuples holding one) differs between two CPython runs; such a set keeps insertion
 * order here (decided by its first element: a set's elements all have one static type).
 */
final class SetTable implements Iterable<Key> {
    private static final int LINEAR_PROBES = 9;
    private static final int PERTURB_SHIFT = 5;
    private static final int MIN_SIZE = 8;
    private static final long MODULUS = (1L << 61) - 1;
    private static final Key DUMMY = new Key(Values.None.NONE);

    private Key[] keys = new Key[MIN_SIZE];
    private long[] hashes = new long[MIN_SIZE];
    private int mask = MIN_SIZE - 1;
    private int fill;
    private int used;
    /** Insertion order, for elements whose CPython hash is randomized; null in table mode. */
    private LinkedHashSet<Key> ordered;

    int size() {
        return ordered != null ? ordered.size() : used;
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Adds {@code k} unless an equal element is there; true if it was added. */
    boolean add(Key k) {
        if (ordered == null && used == 0 && fill == 0 && !hashable(k.value())) {
            ordered = new LinkedHashSet<>();
        }
        if (ordered != null) {
            return ordered.add(k);
        }
        return addEntry(k, hash(k.value()));
    }

    boolean contains(Key k) {
        if (ordered != null) {
            return ordered.contains(k);
        }
        return hashable(k.value()) && find(k, hash(k.value())) >= 0;
    }

    /** Removes {@code k} if it is there; true if it was. */
    boolean remove(Key k) {
        if (ordered != null) {
            return ordered.remove(k);
        }
        if (!hashable(k.value())) {
            return false;
        }
        int i = find(k, hash(k.value()));
        if (i < 0) {
            return false;
        }
        keys[i] = DUMMY;
        hashes[i] = -1;
        used--;
        return true;
    }

    @Override
    public Iterator<Key> iterator() {
        if (ordered != null) {
            return ordered.iterator();
        }
        ArrayList<Key> out = new ArrayList<>(used);
        for (Key k : keys) {
            if (k != null && k != DUMMY) {
                out.add(k);
            }
        }
        return out.iterator();
    }

    /** Same elements (Python's {@code ==} on sets). */
    boolean sameElements(SetTable o) {
        if (size() != o.size()) {
            return false;
        }
        for (Key k : this) {
            if (!o.contains(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@code set(a)}: a's table copied (set_merge into an empty set). */
    static SetTable copy(SetTable a) {
        SetTable out = new SetTable();
        out.merge(a);
        return out;
    }

    /** {@code a.union(b)}: a copy of a, then b merged in (set_union; nothing more when b is a itself). */
    static SetTable union(SetTable a, SetTable b) {
        SetTable out = copy(a);
        if (b != a) {
            out.merge(b);
        }
        return out;
    }

    /** {@code a.union(items)} of a list: a copy of a, then each item added in order. */
    static SetTable union(SetTable a, Iterable<Key> items) {
        SetTable out = copy(a);
        items.forEach(out::add);
        return out;
    }

    /** {@code a.intersection(items)} of a list: the items a holds, added in the list's order. */
    static SetTable intersection(SetTable a, Iterable<Key> items) {
        SetTable out = new SetTable();
        for (Key k : items) {
            if (a.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** {@code a.difference(items)} of a list: a copy of a without the items. */
    static SetTable difference(SetTable a, Iterable<Key> items) {
        SetTable out = copy(a);
        items.forEach(out::remove);
        return out;
    }

    /** {@code a & b}: the elements of the smaller (b on a tie) that the other holds, in its order (set_intersection). */
    static SetTable intersection(SetTable a, SetTable b) {
        if (a == b) {
            return copy(a);
        }
        SetTable big = a;
        SetTable small = b;
        if (b.size() > a.size()) {
            big = b;
            small = a;
        }
        SetTable out = new SetTable();
        for (Key k : small) {
            if (big.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** {@code a - b} (set_difference: a copy of a without b's elements when a is over 4 times larger). */
    static SetTable difference(SetTable a, SetTable b) {
        SetTable out = new SetTable();
        if ((a.size() >> 2) > b.size()) {
            out.merge(a);
            for (Key k : b) {
                out.remove(k);
            }
            return out;
        }
        for (Key k : a) {
            if (!b.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** set_merge: adds every element of {@code other}, copying its table when this one is empty. */
    private void merge(SetTable other) {
        if (other == this || other.isEmpty()) {
            return;
        }
        if (ordered != null || other.ordered != null || isEmpty() && fill == 0 && !hashable(other.iterator().next().value())) {
            for (Key k : other) {
                add(k);
            }
            return;
        }
        if ((long) (fill + other.used) * 5 >= (long) mask * 3) {
            resize((used + other.used) * 2);
        }
        if (fill == 0 && mask == other.mask && other.fill == other.used) {
            for (int i = 0; i <= other.mask; i++) {
                keys[i] = other.keys[i];
                hashes[i] = other.hashes[i];
            }
            fill = other.fill;
            used = other.used;
            return;
        }
        if (fill == 0) {
            fill = other.used;
            used = other.used;
            for (int i = 0; i <= other.mask; i++) {
                Key k = other.keys[i];
                if (k != null && k != DUMMY) {
                    insertClean(keys, hashes, mask, k, other.hashes[i]);
                }
            }
            return;
        }
        for (int i = 0; i <= other.mask; i++) {
            Key k = other.keys[i];
            if (k != null && k != DUMMY) {
                addEntry(k, other.hashes[i]);
            }
        }
    }

    private int find(Key k, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        while (true) {
            int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
            int j = i;
            while (true) {
                Key e = keys[j];
                if (e == null) {
                    return -1;
                }
                if (e != DUMMY && hashes[j] == hash && Values.eq(e.value(), k.value())) {
                    return j;
                }
                if (probes-- == 0) {
                    break;
                }
                j++;
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** set_add_entry. */
    private boolean addEntry(Key k, long hash) {
        int m = mask;
        int i = (int) (hash & m);
        int freeslot = -1;
        long perturb = hash;
        while (true) {
            int probes = i + LINEAR_PROBES <= m ? LINEAR_PROBES : 0;
            int j = i;
            while (true) {
                Key e = keys[j];
                if (e == null) {
                    if (freeslot >= 0) {
                        used++;
                        keys[freeslot] = k;
                        hashes[freeslot] = hash;
                        return true;
                    }
                    fill++;
                    used++;
                    keys[j] = k;
                    hashes[j] = hash;
                    if ((long) fill * 5 >= (long) m * 3) {
                        resize(used > 50000 ? used * 2 : used * 4);
                    }
                    return true;
                }
                if (e == DUMMY) {
                    freeslot = j;
                } else if (hashes[j] == hash && Values.eq(e.value(), k.value())) {
                    return false;
                }
                if (probes-- == 0) {
                    break;
                }
                j++;
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & m);
        }
    }

    /** set_table_resize: a table of the smallest power of two above {@code minUsed}, the elements re-inserted in slot order. */
    private void resize(int minUsed) {
        int size = MIN_SIZE;
        while (size <= minUsed) {
            size <<= 1;
        }
        if (size == MIN_SIZE && mask == MIN_SIZE - 1 && fill == used) {
            return;   // CPython keeps its small table when there is nothing to clean
        }
        Key[] oldKeys = keys;
        long[] oldHashes = hashes;
        keys = new Key[size];
        hashes = new long[size];
        mask = size - 1;
        fill = used;
        for (int i = 0; i < oldKeys.length; i++) {
            Key k = oldKeys[i];
            if (k != null && k != DUMMY) {
                insertClean(keys, hashes, mask, k, oldHashes[i]);
            }
        }
    }

    /** set_insert_clean: into the first free slot of the probe sequence (the table has no dummies and not the key). */
    private static void insertClean(Key[] keys, long[] hashes, int mask, Key k, long hash) {
        int i = (int) (hash & mask);
        long perturb = hash;
        while (true) {
            if (keys[i] == null) {
                keys[i] = k;
                hashes[i] = hash;
                return;
            }
            if (i + LINEAR_PROBES <= mask) {
                for (int j = 1; j <= LINEAR_PROBES; j++) {
                    if (keys[i + j] == null) {
                        keys[i + j] = k;
                        hashes[i + j] = hash;
                        return;
                    }
                }
            }
            perturb >>>= PERTURB_SHIFT;
            i = (int) ((i * 5L + 1 + perturb) & mask);
        }
    }

    /** Whether CPython's hash of {@code v} is the same in every run (not a str, nor a tuple holding one). */
    static boolean hashable(Object v) {
        return switch (v) {
            case Long l -> true;
            case Boolean b -> true;
            case Double d -> true;
            case PyTuple t -> {
                for (Object x : t.items) {
                    if (!hashable(x)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> false;
        };
    }

    /** CPython's {@code hash(v)} (Python/pyhash.c, Objects/longobject.c, Objects/tupleobject.c). */
    static long hash(Object v) {
        return switch (v) {
            case Long l -> hashInt(l);
            case Boolean b -> b ? 1 : 0;
            case Double d -> hashFloat(d);
            case PyTuple t -> hashTuple(t);
            default -> throw new IllegalArgumentException("no stable CPython hash for " + v.getClass().getSimpleName());
        };
    }

    private static long hashInt(long v) {
        long magnitude = v < 0 ? -v : v;   // Long.MIN_VALUE stays 2^63 read as unsigned
        long x = Long.remainderUnsigned(magnitude, MODULUS);
        if (v < 0) {
            x = -x;
        }
        return x == -1 ? -2 : x;
    }

    private static long hashFloat(double v) {
        if (Double.isNaN(v)) {
            return 0;   // CPython hashes a NaN by its address; no order can match
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? 314159 : -314159;
        }
        // frexp: |v| = m * 2^e with 0.5 <= m < 1 (a subnormal is scaled into the normal range first)
        int e = 0;
        double m = 0;
        if (v != 0) {
            boolean subnormal = Math.getExponent(v) < Double.MIN_EXPONENT;
            double a = subnormal ? Math.abs(v) * 0x1p64 : Math.abs(v);
            int ea = Math.getExponent(a) + 1;
            m = Math.scalb(a, -ea);
            e = subnormal ? ea - 64 : ea;
        }
        long sign = v < 0 ? -1 : 1;
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & MODULUS) | x >>> (61 - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (Long.compareUnsigned(x, MODULUS) >= 0) {
                x -= MODULUS;
            }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & MODULUS) | x >>> (61 - e);
        x = x * sign;
        return x == -1 ? -2 : x;
    }

    private static long hashTuple(PyTuple t) {
        final long prime1 = 0x9E3779B185EBCA87L;
        final long prime2 = 0xC2B2AE3D27D4EB4FL;
        final long prime5 = 0x27D4EB2F165667C5L;
        long acc = prime5;
        for (Object x : t.items) {
            acc += hash(x) * prime2;
            acc = Long.rotateLeft(acc, 31);
            acc *= prime1;
        }
        acc += t.items.length ^ (prime5 ^ 3527539L);
        return acc == -1 ? 1546275796 : acc;
    }
}
