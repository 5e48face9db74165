package nanopy.pass;

import nanopy.ir.Node;

/**
 * One compiler pass: a pure function from a program of one IR language to a program of the next.
 * The languages are the type arguments (each a generated entry record, e.g.
 * {@code Pass<Arith.Program, ArithAtomic.Program>}); the pipeline reads them by reflection to check
 * that passes fit together. The registry name is the class's simple name in kebab case
 * ({@code FlattenCalls} becomes {@code flatten-calls}).
 *
 * <p>A pass never prints, times or verifies itself: the pipeline does that around every pass. A
 * pass instance is made for one run, so per-run state (fresh-name counters) may live in fields.
 * Problems in the user's program are reported with {@link PassContext#error} (several per run) and
 * end the run with {@link nanopy.ir.CompileError}.
 *
 * @param <I> the input language's entry type
 * @param <O> the output language's entry type
 */
public interface Pass<I extends Node, O extends Node> {
    /**
     * Transforms a program.
     *
     * @param program a well-formed program of the input language
     * @param ctx the run's source file, options, diagnostics and fresh names
     * @return a program of the output language
     * @throws nanopy.ir.CompileError when the user's program is wrong
     */
    O apply(I program, PassContext ctx);

    /** One line saying what this pass does, for {@code --list-passes}. */
    String description();

    /**
     * The options this pass reads through {@link PassContext#longOption} and its siblings: option name
     * to value type ({@code Long.class}, {@code Double.class}, {@code Boolean.class} or
     * {@code String.class}). A pipeline (config or {@code --passes}) that gives this pass any other
     * option, or a value of another type, is rejected with a message naming the pass and option.
     */
    default java.util.Map<String, Class<?>> options() {
        return java.util.Map.of();
    }
}
