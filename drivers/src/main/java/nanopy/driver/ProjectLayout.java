package nanopy.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nanopy.passes.front.python.PythonParser;
import nanopy.passes.front.python.SourceDecoding;
import nanopy.py.PySyntax;

/**
 * Project mode ({@code nanopy run DIR}, {@code build DIR}, {@code check DIR}; LANGUAGE.md, "Programs
 * and {@code main}"): a project is a directory holding exactly one {@code main.py}, anywhere below
 * it, whose module has exactly one top-level {@code def main()}. The program runs as {@code python3
 * -c 'import main; main.main()'} would in main.py's folder: the module's top level with
 * {@code __name__ == "main"}, then {@code main()}; {@link #configure} asks {@code resolve-names}
 * for exactly that.
 *
 * @param main the project's {@code main.py}, as a path below the directory the user named
 * @param source its text
 */
public record ProjectLayout(Path main, String source) {
    /** The pass that binds {@code __name__} and appends the call of {@code main()}. */
    static final String RESOLVE_NAMES = "resolve-names";

    /** A project that breaks a rule; the message is LANGUAGE.md's, without the {@code error: } prefix. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Finds and checks the project in {@code dir}.
     *
     * @param dir a directory, named as the user named it (messages show paths below it that way)
     * @return the layout: main.py and its text
     * @throws Invalid {@code no main.py found under DIR}, {@code found N main.py files: P1, P2},
     *     {@code no main() function in P}, {@code found N main() functions in P (lines a, b)}, or an
     *     unreadable directory or file
     * @throws nanopy.ir.CompileError when main.py has a syntax error (at its position)
     */
    public static ProjectLayout of(Path dir) throws Invalid {
        List<Path> mains = mainFiles(dir);
        if (mains.isEmpty()) {
            throw new Invalid("no main.py found under " + dir);
        }
        if (mains.size() > 1) {
            throw new Invalid("found " + mains.size() + " main.py files: "
                    + mains.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        Path main = mains.get(0);
        String source;
        try {
            source = SourceDecoding.decode(Files.readAllBytes(main));
        } catch (IOException | RuntimeException e) {
            throw new Invalid(main + ": cannot read (" + e.getMessage() + ")");
        }
        PySyntax.Module module = PythonParser.parse(main.toString(), source);
        List<Integer> lines = module.body().filter(ProjectLayout::definesMain).map(s -> s.span().line()).asJava();
        if (lines.isEmpty()) {
            throw new Invalid("no main() function in " + main);
        }
        if (lines.size() > 1) {
            throw new Invalid("found " + lines.size() + " main() functions in " + main + " (lines "
                    + lines.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return new ProjectLayout(main, source);
    }

    /** True for a top-level {@code def main} (or {@code async def main}, which check-subset then rejects). */
    private static boolean definesMain(PySyntax.Stmt s) {
        return switch (s) {
            case PySyntax.FunctionDef f -> f.name().equals("main");
            case PySyntax.AsyncFunctionDef f -> f.name().equals("main");
            default -> false;
        };
    }

    /** Every regular file named {@code main.py} below {@code dir} (symbolic links to directories are not followed), sorted. */
    private static List<Path> mainFiles(Path dir) throws Invalid {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("main.py"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new Invalid("cannot read " + dir + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The pipeline that runs this project: {@code p} with {@code resolve-names} told to set
     * {@code __name__} to {@code "main"} and to call {@code main()} after the module's top level.
     */
    public Pipeline configure(Pipeline p) {
        return p.withOption(RESOLVE_NAMES, "module-name", "main").withOption(RESOLVE_NAMES, "call", "main");
    }
}
