package nanopy.targets.jvm.rt;

/**
 * The base class of the closure classes that emit-classfile generates, one per NanoPy function:
 * a closure is (code, activation record); the code is the subclass (its {@code call} method runs
 * the function's static method with {@link #env} as the static link), the record is {@link #env}.
 */
public abstract class Closure {
    /** The activation record the function was made in (an {@code Object[]}), or None; set once, by Init. */
    public Object env;

    /** For the generated subclasses. */
    protected Closure() {}
}
