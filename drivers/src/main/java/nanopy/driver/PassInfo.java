package nanopy.driver;

import nanopy.ir.Language;
import nanopy.pass.Pass;
import org.immutables.value.Value;

/**
 * A registered pass: its registry name, class, input and output languages (read from the class's
 * {@code Pass<I, O>} type arguments) and one-line description.
 */
@Value.Immutable
@Value.Style(visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
public interface PassInfo {
    /** The kebab-case registry name, e.g. {@code flatten-lets}. */
    String name();

    /** The class, which has a public no-argument constructor. */
    Class<?> type();

    Language input();

    Language output();

    String description();

    /** The options the pass reads: name to value type ({@link nanopy.pass.Pass#options()}). */
    java.util.Map<String, Class<?>> options();

    /**
     * What is wrong with giving this pass option {@code key = value}, or empty when nothing is:
     * {@code pass 'inline' has no option 'thresold' (did you mean threshold?); its options: threshold}
     * or {@code option inline.threshold must be an integer, not "abc"}.
     */
    default java.util.Optional<String> optionProblem(String key, Object value) {
        Class<?> type = options().get(key);
        if (type == null) {
            return java.util.Optional.of("pass '" + name() + "' has no option '" + key + "'" + nanopy.ir.Suggest.didYouMean(key, options().keySet())
                    + (options().isEmpty() ? " (it takes none)" : "; its options: " + String.join(", ", new java.util.TreeSet<>(options().keySet()))));
        }
        boolean fits = type == Double.class ? value instanceof Number : type.isInstance(value);
        if (!fits) {
            String kind = type == Long.class ? "an integer" : type == Double.class ? "a number" : type == Boolean.class ? "true or false" : "a string";
            String shown = value instanceof String str ? "\"" + str + "\"" : String.valueOf(value);
            return java.util.Optional.of("option " + name() + "." + key + " must be " + kind + ", not " + shown);
        }
        return java.util.Optional.empty();
    }

    /** True for same-language passes (optimizations, analyses that annotate nothing). */
    default boolean sameLanguage() {
        return input() == output();
    }

    /** A fresh instance, for one run. */
    @SuppressWarnings("unchecked")
    default Pass<nanopy.ir.Node, nanopy.ir.Node> instantiate() {
        try {
            return (Pass<nanopy.ir.Node, nanopy.ir.Node>) type().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("pass class " + type().getName() + " needs a public no-argument constructor", e);
        }
    }

    /** A builder. */
    static ImmutablePassInfo.Builder builder() {
        return ImmutablePassInfo.builder();
    }
}
