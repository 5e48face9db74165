package nanopy.targets.jvm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import nanopy.ir.ProgramIo;
import nanopy.jvm.JvmClasses;
import nanopy.py.interp.TargetRuntime;
import nanopy.targets.jvm.rt.JarMain;

/**
 * Writes a runnable jar for {@code nanopy build --target=jvm prog.py -o app.jar} (through {@link JvmRunner#write}; {@code java -jar app.jar} on JDK 25, no nanopy install needed): the
 * generated classes, the {@code Main-Class} {@link JarMain}, and the run-time classes they use,
 * copied from where this nanopy loads them: the run-time library module (PyTyped's primitives and
 * values, {@link TargetRuntime}), the IR module (spans, errors, {@link ProgramIo}, the PrimOp enum), Vavr (which that library's classes refer to), and this target's own
 * {@code nanopy/targets/jvm/rt} package.
 */
public final class JarWriter {
    private JarWriter() {}

    /**
     * Writes {@code jar} to {@code output}.
     *
     * @throws IOException when a file cannot be read or written
     */
    public static void write(JvmClasses.Jar jar, Path output) throws IOException {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JarMain.class.getName());
        mf.getMainAttributes().put(new Attributes.Name("Created-By"), "nanopy (emit-classfile)");
        Set<String> written = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(output), mf)) {
            for (Map.Entry<String, byte[]> c : JvmRunner.classBytes(jar).entrySet()) {
                put(out, c.getKey() + ".class", c.getValue(), written);
            }
            copy(TargetRuntime.class, "", out, written);
            copy(ProgramIo.class, "", out, written);
            copy(io.vavr.collection.List.class, "io/vavr/", out, written);
            copy(JarMain.class, "nanopy/targets/jvm/rt/", out, written);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes, Set<String> written) throws IOException {
        if (written.add(name)) {
            out.putNextEntry(new JarEntry(name));
            out.write(bytes);
            out.closeEntry();
        }
    }

    /** Copies the {@code .class} files under {@code prefix} of the jar or folder that {@code anchor} was loaded from. */
    private static void copy(Class<?> anchor, String prefix, JarOutputStream out, Set<String> written) throws IOException {
        Path from;
        try {
            from = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot find where " + anchor.getName() + " was loaded from", e);
        }
        if (Files.isDirectory(from)) {
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String name = from.relativize(p).toString().replace('\\', '/');
                    if (name.endsWith(".class") && name.startsWith(prefix)) {
                        put(out, name, Files.readAllBytes(p), written);
                    }
                }
            }
        } else {
            try (JarFile jf = new JarFile(from.toFile())) {
                for (JarEntry e : (Iterable<JarEntry>) jf.stream()::iterator) {
                    if (e.getName().endsWith(".class") && e.getName().startsWith(prefix)) {
                        try (InputStream in = jf.getInputStream(e)) {
                            put(out, e.getName(), in.readAllBytes(), written);
                        }
                    }
                }
            }
        }
    }

}
