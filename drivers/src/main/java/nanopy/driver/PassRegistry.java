package nanopy.driver;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import nanopy.ir.Language;
import nanopy.ir.Languages;
import nanopy.ir.Suggest;
import nanopy.pass.Pass;

/**
 * Every pass nanopy knows: the built-in ones and those of other jars on the class path, all found
 * with {@link ServiceLoader} (each jar lists its passes in {@code META-INF/services/nanopy.pass.Pass}).
 */
public final class PassRegistry {
    private final Map<String, PassInfo> byName = new LinkedHashMap<>();

    private PassRegistry() {}

    /**
     * Loads the passes visible from {@code loader}.
     *
     * @throws IllegalStateException when two passes have the same name or a pass's type does not
     *     name two generated languages (a bug in that pass's jar)
     */
    @SuppressWarnings("rawtypes")
    public static PassRegistry load(ClassLoader loader) {
        PassRegistry r = new PassRegistry();
        for (ServiceLoader.Provider<Pass> p : ServiceLoader.load(Pass.class, loader).stream().toList()) {
            r.add(p.type());
        }
        return r;
    }

    /** Where a jar lists its passes. */
    static final String SERVICES = "META-INF/services/" + Pass.class.getName();

    /**
     * The passes of nanopy's class path plus those of {@code jars} (a student's or a course's). Each
     * jar's {@value #SERVICES} is read here (not through {@link ServiceLoader}) so that every problem
     * names the jar and the class.
     *
     * @throws ConfigError in one line naming the jar (and the class) when a jar does not exist, is not
     *     a jar, lists no passes, or lists a class that is missing, cannot be loaded, is not a pass, or
     *     cannot be constructed
     */
    public static PassRegistry withPlugins(List<java.nio.file.Path> jars) throws ConfigError {
        if (jars.isEmpty()) {
            return builtin();
        }
        List<java.net.URL> urls = new ArrayList<>();
        Map<String, java.nio.file.Path> classes = new LinkedHashMap<>();
        for (java.nio.file.Path p : jars) {
            if (!java.nio.file.Files.isRegularFile(p)) {
                throw new ConfigError(p + ": no such plugin jar");
            }
            try {
                urls.add(p.toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new ConfigError(p + ": " + e.getMessage());
            }
            for (String c : listedClasses(p)) {
                classes.putIfAbsent(c, p);
            }
        }
        java.net.URLClassLoader loader = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), PassRegistry.class.getClassLoader());
        PassRegistry r = builtin();
        for (Map.Entry<String, java.nio.file.Path> e : classes.entrySet()) {
            String where = e.getValue() + ": class " + e.getKey() + " (listed in " + SERVICES + ")";
            Class<?> c;
            try {
                c = Class.forName(e.getKey(), false, loader);
            } catch (ClassNotFoundException x) {
                throw new ConfigError(where + " is not in the jar or on nanopy's class path");
            } catch (LinkageError x) {
                throw new ConfigError(where + " cannot be loaded: " + x);
            }
            if (!Pass.class.isAssignableFrom(c)) {
                throw new ConfigError(where + " does not implement " + Pass.class.getName());
            }
            try {
                r.add(c);
            } catch (IllegalStateException x) {
                throw new ConfigError(e.getValue() + ": " + x.getMessage());
            } catch (RuntimeException | LinkageError x) {
                throw new ConfigError(where + " failed while loading: " + x);
            }
        }
        return r;
    }

    /** The class names a plugin jar lists in {@value #SERVICES} (comments and blank lines dropped). */
    private static List<String> listedClasses(java.nio.file.Path jar) throws ConfigError {
        try (java.util.jar.JarFile jf = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.JarEntry entry = jf.getJarEntry(SERVICES);
            if (entry == null) {
                throw new ConfigError(jar + ": not a nanopy plugin: the jar has no " + SERVICES + " listing its passes");
            }
            List<String> names = new ArrayList<>();
            try (java.io.BufferedReader br = new java.io.BufferedReader(
                    new java.io.InputStreamReader(jf.getInputStream(entry), java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = br.readLine()) != null;) {
                    int hash = line.indexOf('#');
                    String name = (hash < 0 ? line : line.substring(0, hash)).strip();
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
            }
            return names;
        } catch (java.io.IOException e) {
            throw new ConfigError(jar + ": not a readable jar (" + e.getMessage() + ")");
        }
    }

    /** The passes of nanopy's own class path. */
    public static PassRegistry builtin() {
        return load(PassRegistry.class.getClassLoader());
    }

    /** {@code FlattenCalls} becomes {@code flatten-calls}; {@code UncoverLive} becomes {@code uncover-live}. */
    public static String registryName(Class<?> c) {
        String s = c.getSimpleName();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isUpperCase(ch)) {
                boolean boundary = i > 0 && (Character.isLowerCase(s.charAt(i - 1)) || Character.isDigit(s.charAt(i - 1))
                        || (i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1)) && Character.isUpperCase(s.charAt(i - 1))));
                if (boundary) {
                    sb.append('-');
                }
                sb.append(Character.toLowerCase(ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private void add(Class<?> type) {
        Language[] langs = languagesOf(type);
        Pass<?, ?> instance;
        try {
            instance = (Pass<?, ?>) type.getDeclaredConstructor().newInstance();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("pass class " + type.getName() + ": its constructor threw " + e.getCause(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("pass class " + type.getName() + " needs a public no-argument constructor", e);
        }
        PassInfo info = PassInfo.builder().name(registryName(type)).type(type).input(langs[0]).output(langs[1])
                .description(instance.description()).options(instance.options()).build();
        PassInfo prev = byName.putIfAbsent(info.name(), info);
        if (prev != null && prev.type() != type) {
            throw new IllegalStateException("two passes are named " + info.name() + ": " + prev.type().getName() + " and " + type.getName());
        }
    }

    private static Language[] languagesOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType pt && pt.getRawType() == Pass.class) {
                    Type[] args = pt.getActualTypeArguments();
                    return new Language[] {language(type, args[0]), language(type, args[1])};
                }
            }
        }
        throw new IllegalStateException("pass " + type.getName() + " must implement Pass<In.Program, Out.Program> directly");
    }

    private static Language language(Class<?> pass, Type t) {
        if (t instanceof Class<?> c) {
            Optional<Language> l = Languages.byEntryType(c);
            if (l.isPresent()) {
                return l.get();
            }
        }
        throw new IllegalStateException("pass " + pass.getName() + ": " + t.getTypeName() + " is not the entry type of an IR language");
    }

    /** The pass called {@code name}. */
    public Optional<PassInfo> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** {@code " (did you mean X?)"} for an unknown name, or {@code ""}. */
    public String suggest(String name) {
        return Suggest.didYouMean(name, byName.keySet());
    }

    /** All passes, in registration order. */
    public Collection<PassInfo> all() {
        return byName.values();
    }

    /** All passes sorted by name. */
    public List<PassInfo> sorted() {
        List<PassInfo> out = new ArrayList<>(byName.values());
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }
}
