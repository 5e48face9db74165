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
