package nanopy.driver.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One test program with what it must do. Its files sit side by side: {@code name.EXT} (the program),
 * {@code name.in} (stdin, optional), {@code name.golden} (CPython's stdout) and {@code name.err}
 * (CPython's last stderr line, for programs that fail at run time).
 *
 * <p>A program must be rejected at compile time when its first line is a {@code # error: ...}
 * header (its second line may be {@code # line: N}, the line the diagnostic must point at) or when it
 * has no {@code .golden} file (the convention of the corpus's {@code eoc/if_typecheck_error/}).
 *
 * @param suite the suite (the name of the folder the program was found under, e.g. {@code example})
 * @param name the path inside the suite without extension, with {@code /} separators (e.g. {@code var/add})
 * @param file the program file
 * @param text the program's text
 * @param stdin the contents of {@code name.in}, or "" when there is none
 * @param expected what it must do
 */
public record GoldenProgram(String suite, String name, Path file, String text, String stdin, Expectation expected) {
    /** {@code suite/name}, how reports and test names refer to the program. */
    public String id() {
        return suite + "/" + name;
    }

    /** The file extension without the dot ({@code arith}, {@code py}). */
    public String extension() {
        String f = file.getFileName().toString();
        return f.substring(f.lastIndexOf('.') + 1);
    }

    /** {@code suite/name.EXT}: the file name diagnostics and tracebacks show (the same on every machine). */
    public String displayName() {
        return id() + "." + extension();
    }

    /**
     * Reads a program and the files next to it.
     *
     * @param suite the suite name
     * @param name the program's name inside the suite
     * @param file the program file
     * @throws IOException when a file exists but cannot be read
     */
    public static GoldenProgram read(String suite, String name, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String stdin = readIfPresent(sibling(file, ".in")).orElse("");
        Optional<String> runs = Outcomes.builtin().runs(suite + "/" + name);
        Optional<String> golden = runs.isPresent() ? runs : readIfPresent(sibling(file, ".golden"))
                .map(g -> Outcomes.builtin().stdout(suite + "/" + name).orElse(g));
        Optional<String> err = readIfPresent(sibling(file, ".err"));
        Optional<String> what = runs.isPresent() ? Optional.empty() : header(text, 0, "# error:");
        Expectation expected;
        if (what.isPresent() || golden.isEmpty()) {
            Optional<Integer> line = Outcomes.builtin().errorLine(suite + "/" + name)
                    .or(() -> header(text, 1, "# line:").flatMap(GoldenProgram::parseLine));
            expected = new Expectation.Rejected(line, what.orElse(""));
        } else if (err.isPresent()) {
            expected = new Expectation.FailsAtRunTime(golden.get(), err.get().strip());
        } else {
            Optional<String> accepted = Outcomes.builtin().acceptedError(suite + "/" + name);
            expected = accepted.<Expectation>map(a -> new Expectation.RunsOrFails(golden.get(), a))
                    .orElseGet(() -> new Expectation.Runs(golden.get()));
        }
        return new GoldenProgram(suite, name, file, text, stdin, expected);
    }

    /** {@code dir/name.EXT} becomes {@code dir/name.SUFFIX}. */
    static Path sibling(Path file, String suffix) {
        String f = file.getFileName().toString();
        return file.resolveSibling(f.substring(0, f.lastIndexOf('.')) + suffix);
    }

    private static Optional<String> readIfPresent(Path p) throws IOException {
        return Files.isRegularFile(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /** The rest of line {@code index} (0-based) when it starts with {@code prefix}. */
    private static Optional<String> header(String text, int index, String prefix) {
        String[] lines = text.split("\n", index + 2);
        if (lines.length <= index || !lines[index].startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(lines[index].substring(prefix.length()).strip());
    }

    private static Optional<Integer> parseLine(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
