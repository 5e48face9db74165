package nanopy.ir;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A language's own format for IR dumps ({@code --dump-before}, {@code --dump-after},
 * {@code --dump-changed}), used instead of {@link IrText}'s S-expressions, e.g. a disassembly
 * listing for bytecode. Implementations are found with {@link ServiceLoader} (file
 * {@code META-INF/services/nanopy.ir.DumpFormat}); a language without one is dumped as IR text.
 * Files written by {@code --dump-dir} stay IR text, so that {@code --start-after} can read them.
 */
public interface DumpFormat {
    /** The name of the language this format prints. */
    String language();

    /**
     * Formats a program for a human reader; the same program always gives the same text.
     *
     * @param program the entry node of a program of {@link #language()}
     * @return the text, without a final newline
     */
    String format(Node program);

    /** The dump format registered for the language called {@code language}, if there is one. */
    static Optional<DumpFormat> forLanguage(String language) {
        return Optional.ofNullable(Registry.BY_LANGUAGE.get(language));
    }

    /** The formats on the class path, by language; the first one found for a language wins. */
    final class Registry {
        private static final Map<String, DumpFormat> BY_LANGUAGE = new LinkedHashMap<>();

        static {
            for (DumpFormat f : ServiceLoader.load(DumpFormat.class)) {
                BY_LANGUAGE.putIfAbsent(f.language(), f);
            }
        }

        private Registry() {}
    }
}
