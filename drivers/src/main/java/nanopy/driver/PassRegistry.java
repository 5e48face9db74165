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
    /** Every pass's name in registration order. */
    private final List<String> names = new ArrayList<>();
    /** The passes whose class has been loaded. */
    private final Map<String, PassInfo> byName = new LinkedHashMap<>();
    /** The passes known only by the class name their jar lists: loaded on first use ({@link #get}). */
    private final Map<String, String> unloaded = new LinkedHashMap<>();
    private final ClassLoader loader;
    /** Where the passes came from, for {@link CompileCache} keys: "builtin" and each plugin jar's digest. */
    private String identity = "builtin";

    private PassRegistry(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * The passes visible from {@code loader}: the class names listed in every
     * {@value #SERVICES} it sees, as {@link ServiceLoader} reads them. A pass's class is loaded, and
     * its languages read from its type, only when the pass is first asked for: a run of one pipeline
     * loads that pipeline's passes, not every pass of every target (start-up time,
     * docs/performance.md).
     *
     * @throws IllegalStateException when two classes have the same registry name, or a listing cannot
     *     be read; later, from {@link #get}, when a listed class cannot be loaded or its type does not
     *     name two generated languages (a bug in that pass's jar)
     */
    public static PassRegistry load(ClassLoader loader) {
        PassRegistry r = new PassRegistry(loader);
        try {
            java.util.Enumeration<java.net.URL> listings = loader.getResources(SERVICES);
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (listings.hasMoreElements()) {
                java.net.URL url = listings.nextElement();
                try (java.io.InputStream in = url.openStream()) {
                    for (String c : classNames(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))) {
                        if (seen.add(c)) {
                            r.list(registryName(simpleName(c)), c);
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the pass listings " + SERVICES + ": " + e.getMessage(), e);
        }
        return r;
    }

    /** The class names of a {@value #SERVICES} listing (comments and blank lines dropped). */
    private static List<String> classNames(String listing) {
        List<String> out = new ArrayList<>();
        for (String line : listing.split("\n")) {
            int hash = line.indexOf('#');
            String name = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** {@code a.b.Outer$Inner} is {@code Inner}, as {@link Class#getSimpleName} says of a member class. */
    private static String simpleName(String className) {
        String s = className.substring(className.lastIndexOf('.') + 1);
        return s.substring(s.lastIndexOf('$') + 1);
    }

    private void list(String name, String className) {
        String prev = unloaded.putIfAbsent(name, className);
        if (prev != null && !prev.equals(className)) {
            throw new IllegalStateException("two passes are named " + name + ": " + prev + " and " + className);
        }
        names.add(name);
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
        StringBuilder identity = new StringBuilder("builtin");
        for (java.nio.file.Path p : jars) {
            try {
                identity.append(",jar:").append(java.util.HexFormat.of().formatHex(CompileCache.sha256().digest(java.nio.file.Files.readAllBytes(p))));
            } catch (java.io.IOException e) {
                throw new ConfigError(p + ": not a readable jar (" + e.getMessage() + ")");
            }
        }
        java.net.URLClassLoader plugins = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), PassRegistry.class.getClassLoader());
        PassRegistry r = load(PassRegistry.class.getClassLoader());
        r.identity = identity.toString();
        for (Map.Entry<String, java.nio.file.Path> e : classes.entrySet()) {
            String where = e.getValue() + ": class " + e.getKey() + " (listed in " + SERVICES + ")";
            Class<?> c;
            try {
                c = Class.forName(e.getKey(), false, plugins);
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
            try (java.io.InputStream in = jf.getInputStream(entry)) {
                return classNames(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException e) {
            throw new ConfigError(jar + ": not a readable jar (" + e.getMessage() + ")");
        }
    }

    /** What identifies these passes: {@code builtin}, then {@code ,jar:} and the SHA-256 of each plugin jar. */
    public String identity() {
        return identity;
    }

    /** The built-in passes, listed once per process (the daemon serves many commands). */
    private static final class Builtin {
        static final PassRegistry REGISTRY = load(PassRegistry.class.getClassLoader());
    }

    /** The passes of nanopy's own class path (one shared registry: it only grows by loading listed classes). */
    public static PassRegistry builtin() {
        return Builtin.REGISTRY;
    }

    /** {@code FlattenCalls} becomes {@code flatten-calls}; {@code UncoverLive} becomes {@code uncover-live}. */
    public static String registryName(Class<?> c) {
        return registryName(c.getSimpleName());
    }

    /** {@link #registryName(Class)} of a class's simple name. */
    static String registryName(String s) {
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
        String listed = unloaded.get(info.name());
        if (listed != null && !listed.equals(type.getName())) {
            throw new IllegalStateException("two passes are named " + info.name() + ": " + listed + " and " + type.getName());
        }
        PassInfo prev = byName.putIfAbsent(info.name(), info);
        if (prev != null && prev.type() != type) {
            throw new IllegalStateException("two passes are named " + info.name() + ": " + prev.type().getName() + " and " + type.getName());
        }
        if (prev == null && listed == null) {
            names.add(info.name());
        }
        unloaded.remove(info.name());
    }

    /** Loads the listed class of pass {@code name} and registers it. */
    private void resolve(String name) {
        String className = unloaded.get(name);
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("pass class " + className + " (listed in " + SERVICES + ") cannot be loaded: " + e, e);
        }
        if (!Pass.class.isAssignableFrom(c)) {
            throw new IllegalStateException("class " + className + " (listed in " + SERVICES + ") does not implement " + Pass.class.getName());
        }
        add(c);
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
    public synchronized Optional<PassInfo> get(String name) {
        if (unloaded.containsKey(name)) {
            resolve(name);
        }
        return Optional.ofNullable(byName.get(name));
    }

    /** {@code " (did you mean X?)"} for an unknown name, or {@code ""}. */
    public String suggest(String name) {
        return Suggest.didYouMean(name, names);
    }

    /** All passes, in registration order (this loads every listed class). */
    public synchronized Collection<PassInfo> all() {
        for (String n : List.copyOf(unloaded.keySet())) {
            resolve(n);
        }
        List<PassInfo> out = new ArrayList<>();
        for (String n : names) {
            out.add(byName.get(n));
        }
        return out;
    }

    /** All passes sorted by name. */
    public List<PassInfo> sorted() {
        List<PassInfo> out = new ArrayList<>(all());
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }
}
