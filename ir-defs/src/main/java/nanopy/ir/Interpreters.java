package nanopy.ir;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the reference interpreter of a language (built-in or from another jar, by ServiceLoader). */
public final class Interpreters {
    private static final class Holder {
        static final Map<String, Interpreter> BY_LANGUAGE = new LinkedHashMap<>();

        static {
            for (Interpreter i : ServiceLoader.load(Interpreter.class)) {
                BY_LANGUAGE.putIfAbsent(i.language().name(), i);
            }
        }
    }

    private Interpreters() {}

    /** The interpreter for the language called {@code language}, if there is one. */
    public static Optional<Interpreter> forLanguage(String language) {
        return Optional.ofNullable(Holder.BY_LANGUAGE.get(language));
    }
}
