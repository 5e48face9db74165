package nanopy.driver.course;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.lang.reflect.AccessFlag;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes nanopy's jars, without the code of the removed passes, as a Maven repository folder
 * ({@code nanopy-repo/dev/nanopy/nanopy-M/V/nanopy-M-V.jar} and its pom) that a student project
 * reads as a tail of its local repository ({@code -Dmaven.repo.local.tail}, Maven 3.9): nothing of
 * nanopy is installed into {@code ~/.m2}.
 *
 * <p>What is removed: each removed pass's class with its nested classes, and every class of the
 * pass's package that is not public and that no kept class reaches (the pass's private helpers,
 * such as explicate-control's {@code Explicator}). Reachability follows every class name in a
 * class's constant pool, across all modules. Public classes stay: they are API a student may use.
 */
final class ReferenceRepo {
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(?:/[\\w$]+)+");
    static final String SERVICES = "META-INF/services/nanopy.pass.Pass";

    /** One class file: the class names its constant pool mentions, whether it is public. */
    private record ClassFacts(Set<String> mentions, boolean isPublic) {}

    private ReferenceRepo() {}

    /**
     * Writes the repository.
     *
     * @param home the running nanopy
     * @param removedClasses the removed passes' class names ({@code nanopy.passes.flatten.Flatten})
     * @param repo the repository folder to write
     * @return the internal names of the classes left out, sorted
     */
    static Set<String> write(NanopyHome home, Set<String> removedClasses, Path repo) throws IOException {
        Map<String, Map<String, byte[]>> contents = new LinkedHashMap<>();
        for (Map.Entry<String, Path> m : home.modules().entrySet()) {
            contents.put(m.getKey(), read(m.getValue()));
        }
        Set<String> left = leftOut(contents, removedClasses);
        String v = home.version();
        Path group = repo.resolve("dev/nanopy");
        Path parent = group.resolve("nanopy-parent").resolve(v);
        Files.createDirectories(parent);
        Files.copy(home.root().resolve("pom.xml"), parent.resolve("nanopy-parent-" + v + ".pom"));
        for (Map.Entry<String, Map<String, byte[]>> m : contents.entrySet()) {
            String artifact = "nanopy-" + m.getKey();
            Path dir = group.resolve(artifact).resolve(v);
            Files.createDirectories(dir);
            Files.copy(home.pom(m.getKey()), dir.resolve(artifact + "-" + v + ".pom"));
            writeJar(m.getValue(), left, removedClasses, dir.resolve(artifact + "-" + v + ".jar"));
        }
        return new TreeSet<>(left);
    }

    /** The entries of a jar or a folder of classes, by path inside it. */
    private static Map<String, byte[]> read(Path entry) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.put(entry.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
        } else {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (JarEntry e : jar.stream().filter(e -> !e.isDirectory()).toList()) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return out;
    }

    /** The classes to leave out (internal names). */
    static Set<String> leftOut(Map<String, Map<String, byte[]>> contents, Set<String> removedClasses) {
        Map<String, ClassFacts> facts = new HashMap<>();
        contents.values().forEach(files -> files.forEach((name, bytes) -> {
            if (name.endsWith(".class") && !name.equals("module-info.class") && !name.startsWith("META-INF/")) {
                facts.put(name.substring(0, name.length() - ".class".length()), facts(bytes));
            }
        }));
        Set<String> forced = new HashSet<>();
        Set<String> packages = new HashSet<>();
        for (String c : removedClasses) {
            String internal = c.replace('.', '/');
            packages.add(internal.substring(0, internal.lastIndexOf('/')));
            for (String k : facts.keySet()) {
                if (k.equals(internal) || k.startsWith(internal + "$")) {
                    forced.add(k);
                }
            }
        }
        Set<String> candidates = new HashSet<>(forced);
        for (Map.Entry<String, ClassFacts> e : facts.entrySet()) {
            String k = e.getKey();
            String top = k.contains("$") ? k.substring(0, k.indexOf('$')) : k;
            ClassFacts topFacts = facts.get(top);
            if (packages.contains(k.substring(0, k.lastIndexOf('/'))) && topFacts != null && !topFacts.isPublic()) {
                candidates.add(k);
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> work = new ArrayDeque<>();
        for (String k : facts.keySet()) {
            if (!candidates.contains(k)) {
                work.add(k);
            }
        }
        while (!work.isEmpty()) {
            String k = work.pop();
            if (!reached.add(k)) {
                continue;
            }
            for (String m : facts.get(k).mentions()) {
                if (candidates.contains(m) && !forced.contains(m) && !reached.contains(m)) {
                    work.push(m);
                }
            }
        }
        Set<String> out = new HashSet<>(candidates);
        out.removeAll(reached);
        return out;
    }

    private static ClassFacts facts(byte[] bytes) {
        ClassModel model = ClassFile.of().parse(bytes);
        Set<String> mentions = new HashSet<>();
        for (PoolEntry e : model.constantPool()) {
            if (e instanceof Utf8Entry u) {
                Matcher m = CLASS_NAME.matcher(u.stringValue());
                while (m.find()) {
                    mentions.add(m.group());
                }
            }
        }
        return new ClassFacts(mentions, model.flags().has(AccessFlag.PUBLIC));
    }

    private static void writeJar(Map<String, byte[]> files, Set<String> leftOut, Set<String> removedClasses, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                String name = f.getKey();
                byte[] bytes = f.getValue();
                if (name.endsWith(".class") && leftOut.contains(name.substring(0, name.length() - ".class".length()))) {
                    continue;
                }
                if (name.equals(SERVICES)) {
                    bytes = withoutLines(new String(bytes, StandardCharsets.UTF_8), removedClasses).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new JarEntry(name));
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    /** A services listing without the lines naming {@code classes}. */
    static String withoutLines(String listing, Set<String> classes) {
        StringBuilder sb = new StringBuilder();
        for (String line : listing.split("\n", -1)) {
            String name = (line.indexOf('#') < 0 ? line : line.substring(0, line.indexOf('#'))).strip();
            if (!classes.contains(name)) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString().stripTrailing() + "\n";
    }
}
