package nanopy.ir;

/**
 * A supply of names no source identifier can be ({@code base.N}), shared by the passes of one run
 * so that temporaries never collide. Generated translators declare their temporaries with it.
 */
@FunctionalInterface
public interface FreshNames {
    /** A supply for translators run without one: asking it for a name is a bug in the pass. */
    FreshNames NONE = base -> {
        throw new IllegalStateException("this translator made a temporary '" + base
                + "' but was run without a fresh-name supply; call translate(program, ctx)");
    };

    /** A new name {@code base.N}, never returned before in this run. */
    String fresh(String base);
}
