package nanopy.driver.course;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the running nanopy came from: its source checkout (for the golden programs and the modules'
 * poms) and, per module, the jar or classes folder on the class path.
 *
 * @param root the checkout's root folder (holding {@code pom.xml}, {@code passes/}, {@code golden/})
 * @param version the project version from the root pom ({@code 0.1.0-SNAPSHOT})
 * @param modules per module folder name ({@code passes}), its class-path entry (a jar or a folder of
 *     classes), in dependency order
 */
public record NanopyHome(Path root, String version, Map<String, Path> modules) {
    /** The modules a student project needs at compile and run time, in dependency order. */
    public static final List<String> MODULES = List.of("ir-defs", "runtime", "passes", "targets", "drivers");

    private static final Pattern JAR = Pattern.compile("nanopy-(ir-defs|runtime|passes|targets|drivers)(-[0-9].*)?\\.jar");

    /**
     * Finds the checkout this nanopy was built from and its modules on the class path.
     *
     * @throws IllegalStateException in one sentence when nanopy does not run from a built checkout
     */
    public static NanopyHome find() {
        Path here;
        try {
            here = Path.of(NanopyHome.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where nanopy's classes are: " + e.getMessage());
        }
        // drivers/target/classes or drivers/target/nanopy-drivers.jar
        Path root = here.getParent().getParent().getParent();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("passes"))) {
            throw new IllegalStateException("nanopy does not run from a built checkout (its classes are in " + here
                    + "); assignments are made from a checkout of nanopy");
        }
        Map<String, Path> modules = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath().normalize();
            moduleOf(root, p).ifPresent(m -> modules.putIfAbsent(m, p));
        }
        Map<String, Path> ordered = new LinkedHashMap<>();
        for (String m : MODULES) {
            Path p = modules.get(m);
            if (p == null) {
                throw new IllegalStateException("module " + m + " of nanopy is not on the class path (" + System.getProperty("java.class.path") + ")");
            }
            ordered.put(m, p);
        }
        return new NanopyHome(root, version(root.resolve("pom.xml")), ordered);
    }

    /** The module a class-path entry holds: a {@code nanopy-M-VERSION.jar}, or {@code ROOT/M/target/classes}. */
    static Optional<String> moduleOf(Path root, Path entry) {
        Matcher m = JAR.matcher(entry.getFileName().toString());
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        for (String module : MODULES) {
            if (entry.equals(root.resolve(module).resolve("target/classes").normalize())) {
                return Optional.of(module);
            }
        }
        return Optional.empty();
    }

    private static String version(Path pom) {
        try {
            Matcher m = Pattern.compile("<artifactId>nanopy-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(pom));
            if (!m.find()) {
                throw new IllegalStateException(pom + " names no version of nanopy-parent");
            }
            return m.group(1).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e.getMessage());
        }
    }

    /** The module's pom in the checkout. */
    public Path pom(String module) {
        return root.resolve(module).resolve("pom.xml");
    }
}
