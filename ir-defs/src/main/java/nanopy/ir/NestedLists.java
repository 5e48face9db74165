package nanopy.ir;

import io.vavr.collection.List;
import java.util.ArrayDeque;
import java.util.ArrayList;

/**
 * A stack of lists under construction, for generated translators: the temporaries of each open
 * scope (function, lambda, module), and the statements a pass emits in front of the statement
 * being translated. {@link #enter()} opens a list, {@link #add} appends to the innermost one,
 * {@link #exit()} closes it and returns its elements in order.
 *
 * @param <T> the element type (a {@code Local} production, a {@code Stmt})
 */
public final class NestedLists<T> {
    private final ArrayDeque<ArrayList<T>> open = new ArrayDeque<>();
    private final String what;

    /** @param what what the lists hold, for the error when {@link #add} finds none open */
    public NestedLists(String what) {
        this.what = what;
    }

    /** Opens a new innermost list. */
    public void enter() {
        open.push(new ArrayList<>());
    }

    /**
     * Appends {@code x} to the innermost open list.
     *
     * @throws IllegalStateException when no list is open (a pass made a {@code what} outside any place for it)
     */
    public void add(T x) {
        ArrayList<T> top = open.peek();
        if (top == null) {
            throw new IllegalStateException("a " + what + " outside any place that can hold it: " + x);
        }
        top.add(x);
    }

    /** Closes the innermost list and returns its elements in the order they were added. */
    public List<T> exit() {
        return List.ofAll(open.pop());
    }
}
