package nanopy.targets.jvm;

import java.util.HashMap;
import java.util.Map;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.jvm.JvmClasses;
import nanopy.py.interp.TargetRuntime;
import nanopy.targets.CompiledTarget;
import nanopy.targets.jvm.rt.ProgramThread;

/**
 * Runs emitted class files in this JVM ({@code run = "jvm"}): defines them in a fresh class loader
 * (so the JVM verifies them, and each run has its own static state), then runs the program's
 * module code on a thread with a large stack ({@link ProgramThread}); HotSpot interprets and
 * JIT-compiles it like any Java code.
 */
public final class JvmRunner extends CompiledTarget<JvmClasses.Jar> {
    /** For ServiceLoader. */
    public JvmRunner() {
        super("jvm", JvmClasses.Jar.class);
    }

    /** {@code nanopy build --target=jvm prog.py -o app.jar} writes a runnable jar. */
    @Override
    public boolean writesArtifacts() {
        return true;
    }

    @Override
    public boolean writes(Node program) {
        return accepts(program);
    }

    /** Writes {@code program} as a runnable jar ({@link JarWriter}). */
    @Override
    public void write(Node program, java.nio.file.Path output) throws java.io.IOException {
        JarWriter.write((JvmClasses.Jar) program, output);
    }

    /**
     * @throws nanopy.ir.PyRuntimeError when the program fails at run time
     * @throws IllegalStateException when the JVM rejects the classes (a bug in emit-classfile)
     */
    @Override
    protected void execute(JvmClasses.Jar jar, ProgramIo io) {
        try {
            Class<?> main = new Loader(jar, JvmRunner.class.getClassLoader()).loadClass(jar.main().replace('/', '.'));
            ProgramThread.run(main, new TargetRuntime(io));
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("pass 'emit-classfile' wrote classes the JVM rejects: " + e, e);
        }
    }

    /** The bytes of each class of {@code jar}, by internal name. */
    static Map<String, byte[]> classBytes(JvmClasses.Jar jar) {
        Map<String, byte[]> out = new HashMap<>();
        for (JvmClasses.ClassBytes c : jar.classes()) {
            byte[] b = new byte[c.bytes().size()];
            int i = 0;
            for (int x : c.bytes()) {
                b[i++] = (byte) x;
            }
            out.put(c.name(), b);
        }
        return out;
    }

    /** Defines the generated classes; everything else comes from the parent (nanopy's run-time library). */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(JvmClasses.Jar jar, ClassLoader parent) {
            super("nanopy-jvm", parent);
            this.classes = classBytes(jar);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = classes.get(name.replace('.', '/'));
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }
    }
}
