package nanopy.driver.course;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import nanopy.driver.PassInfo;
import nanopy.ir.FreshNames;

/**
 * The Java sources an assignment gives the student for one removed pass: a stub that extends the
 * generated translator base of the pass's two languages ({@code AllocToFlat} for flatten) and
 * implements {@code Pass}, so that javac refuses it until the student writes every production the
 * base leaves abstract; and a focused test that runs the assignment's programs through it.
 */
final class Stubs {
    /** The package of the student's classes. */
    static final String PACKAGE = "student";

    private Stubs() {}

    /** {@code flatten} becomes {@code StudentFlatten}; its registry name is then {@code student-flatten}. */
    static String className(String pass) {
        StringBuilder sb = new StringBuilder("Student");
        for (String w : pass.split("-")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }

    /** The generated translator base from the pass's input to its output language, if there is one. */
    static Optional<Class<?>> base(PassInfo pass) {
        Class<?> in = pass.input().entryType();
        Class<?> out = pass.output().entryType();
        String name = in.getPackageName() + "." + pass.input().name() + "To" + pass.output().name();
        if (pass.sameLanguage()) {
            name = in.getPackageName() + "." + pass.input().name() + "Rewriter";
        }
        try {
            return Optional.of(Class.forName(name, false, out.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The abstract methods of {@code base} as a reader would write them ({@code List<Flat.Stmt> onAssign(Alloc.Assign node)}). */
    static List<String> abstractMethods(Class<?> base) {
        TreeSet<String> out = new TreeSet<>();
        for (Method m : base.getDeclaredMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                List<String> params = new ArrayList<>();
                for (Parameter p : m.getParameters()) {
                    params.add(simple(p.getParameterizedType().getTypeName()) + " " + (p.isNamePresent() ? p.getName() : "node"));
                }
                out.add(simple(m.getGenericReturnType().getTypeName()) + " " + m.getName() + "(" + String.join(", ", params) + ")");
            }
        }
        return List.copyOf(out);
    }

    /** {@code io.vavr.collection.List<nanopy.py.Flat$Stmt>} becomes {@code List<Flat.Stmt>}. */
    static String simple(String typeName) {
        return typeName.replaceAll("\\b[a-z][\\w]*\\.", "").replace('$', '.');
    }

    /** The stub's source. */
    static String stub(PassInfo pass, String className) {
        String in = pass.input().name();
        String out = pass.output().name();
        String pkg = pass.input().entryType().getPackageName();
        String outPkg = pass.output().entryType().getPackageName();
        String inEntry = in + "." + pass.input().entryType().getSimpleName();
        String outEntry = out + "." + pass.output().entryType().getSimpleName();
        Optional<Class<?>> base = base(pass);
        StringBuilder sb = new StringBuilder("package " + PACKAGE + ";\n\n");
        List<String> imports = new ArrayList<>(List.of("nanopy.pass.Pass", "nanopy.pass.PassContext", pkg + "." + in, outPkg + "." + out));
        base.ifPresent(b -> imports.add(b.getName()));
        imports.stream().distinct().sorted(Comparator.naturalOrder()).forEach(i -> sb.append("import ").append(i).append(";\n"));
        sb.append("\n/**\n * Your ").append(pass.name()).append(" (").append(in).append(" -> ").append(out).append("): ")
                .append(pass.description()).append(".\n *\n");
        if (base.isPresent()) {
            List<String> abs = abstractMethods(base.get());
            sb.append(" * <p>This class extends the generated translator {@code ").append(base.get().getSimpleName())
                    .append("}: it rebuilds every\n * production the two languages share and leaves abstract each one that ")
                    .append(out).append(" changes, so\n * javac refuses this class until you write them (it names one at a time).");
            if (abs.isEmpty()) {
                sb.append(" The base has\n * no abstract method: override the hooks whose output must change.\n");
            } else {
                sb.append(" They are:\n * <ul>\n");
                abs.forEach(a -> sb.append(" * <li>{@code ").append(a).append("}\n"));
                sb.append(" * </ul>\n");
            }
        }
        sb.append(" * {@code nanopy ir diff ").append(in).append(' ').append(out).append("} shows what changes between the two languages.\n */\n");
        sb.append("public final class ").append(className);
        base.ifPresent(b -> sb.append(" extends ").append(b.getSimpleName()));
        sb.append(" implements Pass<").append(inEntry).append(", ").append(outEntry).append("> {\n");
        sb.append("    @Override\n    public String description() {\n        return \"my ").append(pass.name()).append("\";\n    }\n\n");
        sb.append("    @Override\n    public ").append(outEntry).append(" apply(").append(inEntry).append(" program, PassContext ctx) {\n");
        if (base.isPresent() && hasTranslateWithNames(base.get(), pass.input().entryType())) {
            sb.append("        return translate(program, ctx);\n");
        } else if (base.isPresent() && !pass.sameLanguage()) {
            sb.append("        return translate(program);\n");
        } else if (base.isPresent()) {
            sb.append("        return rewrite(program);\n");
        } else {
            sb.append("        throw new UnsupportedOperationException(\"").append(className).append(" is not written yet\");\n");
        }
        sb.append("    }\n}\n");
        return sb.toString();
    }

    private static boolean hasTranslateWithNames(Class<?> base, Class<?> entry) {
        try {
            base.getMethod("translate", entry, FreshNames.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The focused test of the student's pass {@code studentPass}: every program of the assignment, right after it. */
    static String test(String className, String studentPass) {
        return """
                package %1$s;

                import java.nio.file.Path;
                import java.util.stream.Stream;
                import nanopy.driver.course.Grader;
                import org.junit.jupiter.api.Assertions;
                import org.junit.jupiter.api.DynamicTest;
                import org.junit.jupiter.api.TestFactory;

                /**
                 * Every program of programs/ through course.toml: its output right after %3$s must be
                 * what CPython prints (a program an earlier pass broke fails here too, naming that pass).
                 */
                class %2$sTest {
                    @TestFactory
                    Stream<DynamicTest> everyProgramIsRightAfterThisPass() {
                        return Grader.problemsAt(Path.of(""), "%3$s").entrySet().stream()
                                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> e.getValue().ifPresent(Assertions::fail)));
                    }
                }
                """.formatted(PACKAGE, className, studentPass);
    }
}
