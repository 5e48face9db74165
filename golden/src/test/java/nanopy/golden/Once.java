package nanopy.golden;

import java.util.function.Supplier;

/** A value computed on first use, once, even when several threads ask at the same time. */
final class Once<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;

    /** @param compute how to compute the value */
    Once(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = compute.get();
        }
        return value;
    }
}
