package nanopy.ir;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.function.Function;

/** Helpers for generated rewriters that keep unchanged structure identical ({@code ==}). */
public final class Rewrites {
    private Rewrites() {}

    /** Maps {@code f} over {@code xs}; returns {@code xs} itself when every element came back identical. */
    public static <T> List<T> list(List<T> xs, Function<? super T, ? extends T> f) {
        boolean changed = false;
        java.util.ArrayList<T> out = new java.util.ArrayList<>(xs.size());
        for (T x : xs) {
            T y = f.apply(x);
            changed |= y != x;
            out.add(y);
        }
        return changed ? List.ofAll(out) : xs;
    }

    /** Maps {@code f} over {@code x}; returns {@code x} itself when its value came back identical. */
    public static <T> Option<T> option(Option<T> x, Function<? super T, ? extends T> f) {
        if (x.isEmpty()) {
            return x;
        }
        T y = f.apply(x.get());
        return y == x.get() ? x : Option.some(y);
    }
}
