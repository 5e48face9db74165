package nanopy.ir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nanopy.ir.gen.GeneratedLanguages;

/** The registry of every IR language built into nanopy, by name and by entry type. */
public final class Languages {
    private static final class Holder {
        static final Map<String, Language> BY_NAME = new LinkedHashMap<>();
        static final Map<Class<?>, Language> BY_ENTRY = new LinkedHashMap<>();

        static {
            for (Language l : GeneratedLanguages.all()) {
                BY_NAME.put(l.name(), l);
                BY_ENTRY.put(l.entryType(), l);
            }
        }
    }

    private Languages() {}

    /** All languages, each after its parent. */
    public static List<Language> all() {
        return List.copyOf(Holder.BY_NAME.values());
    }

    /** The language called {@code name}. */
    public static Optional<Language> byName(String name) {
        return Optional.ofNullable(Holder.BY_NAME.get(name));
    }

    /** The language whose entry record type is {@code entry}. */
    public static Optional<Language> byEntryType(Class<?> entry) {
        return Optional.ofNullable(Holder.BY_ENTRY.get(entry));
    }

    /** The language of a program (its entry node). */
    public static Optional<Language> of(Node program) {
        return byEntryType(program.getClass());
    }
}
