package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A student's pass compiled into its own jar, loaded with --plugin and swapped in by a course config. */
class PluginJarTest {
    static final String STUDENT_PASS = """
            package student;

            import nanopy.example.Arith;
            import nanopy.example.ArithRewriter;
            import nanopy.pass.Pass;
            import nanopy.pass.PassContext;

            public final class MyFoldConstants implements Pass<Arith.Program, Arith.Program> {
                @Override
                public String description() {
                    return "a student's constant folder: only folds additions";
                }

                @Override
                public Arith.Program apply(Arith.Program program, PassContext ctx) {
                    return new ArithRewriter() {
                        @Override
                        protected Arith.Expr onPrim(Arith.Prim node) {
                            Arith.Prim p = (Arith.Prim) super.onPrim(node);
                            if (p.op() == Arith.Op.Add && p.args().get(0) instanceof Arith.Int a && p.args().get(1) instanceof Arith.Int b) {
                                return new Arith.Int(a.value() + b.value(), p.span());
                            }
                            return p;
                        }
                    }.rewrite(program);
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aPassFromAnotherJarIsListedSwappedInAndRun() throws IOException {
        Path src = dir.resolve("src/student/MyFoldConstants.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, STUDENT_PASS);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "the student's pass compiles against nanopy's API");
        Path jar = dir.resolve("student.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("student/MyFoldConstants.class", "student/MyFoldConstants$1.class")) {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(classes.resolve(name)));
            }
            out.putNextEntry(new JarEntry("META-INF/services/nanopy.pass.Pass"));
            out.write("student.MyFoldConstants\n".getBytes(StandardCharsets.UTF_8));
        }
        Path course = dir.resolve("course.toml");
        Files.writeString(course, "base = \"builtin\"\n[swap]\nfold-constants = \"my-fold-constants\"\n");
        Path prog = dir.resolve("p.arith");
        Files.writeString(prog, "1 + 2 + 3");

        CliTest.Run list = CliTest.nanopy("--plugin=" + jar, "--list-passes");
        assertTrue(list.out().contains("my-fold-constants            Arith -> Arith                   a student's constant folder"), list.out());
        CliTest.Run pipeline = CliTest.nanopy("--plugin=" + jar, "--pipeline=" + course, "--target=example", "--print-pipeline");
        assertEquals("parse-arith,uniquify,my-fold-constants,remove-negation,remove-complex-operands,flatten-lets\n", pipeline.out());
        CliTest.Run run = CliTest.nanopy("--plugin=" + jar, "--pipeline=" + course, "--dump-after=my-fold-constants", prog.toString());
        assertEquals(";; IR after my-fold-constants (Arith)\n(Program (Int 6))\n", run.err());
        assertEquals("6\n", run.out());
        CliTest.Run missing = CliTest.nanopy("--plugin=" + dir.resolve("nope.jar"), prog.toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("nope.jar: no such plugin jar"), missing.err());
    }
}
