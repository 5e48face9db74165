package nanopy.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** The values of each open terminal, found once with {@link ServiceLoader} ({@link OpenTerminal.Values}). */
final class OpenTerminalValues {
    private static final Map<Class<?>, List<Object>> CACHE = new ConcurrentHashMap<>();

    private OpenTerminalValues() {}

    static List<Object> of(Class<?> type) {
        return CACHE.computeIfAbsent(type, t -> {
            List<Object> out = new ArrayList<>();
            for (OpenTerminal.Values v : ServiceLoader.load(OpenTerminal.Values.class, OpenTerminal.class.getClassLoader())) {
                for (Class<? extends Enum<?>> e : v.enums()) {
                    if (t.isAssignableFrom(e)) {
                        out.addAll(List.of(e.getEnumConstants()));
                    }
                }
            }
            return List.copyOf(out);
        });
    }
}
