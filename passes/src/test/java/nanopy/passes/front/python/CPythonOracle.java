package nanopy.passes.front.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs CPython 3.11 ({@code /usr/bin/python3.11}) as the oracle for tests; one process per batch. */
final class CPythonOracle {
    static final Path PYTHON = Path.of("/usr/bin/python3.11");

    private CPythonOracle() {}

    static boolean available() {
        return Files.isExecutable(PYTHON);
    }

    /**
     * Runs a Python script with arguments and returns its standard output lines.
     *
     * @throws IllegalStateException when Python fails
     */
    static List<String> run(String script, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        command.addAll(args);
        Path out = Files.createTempFile("cpython", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("python3.11 failed: " + command.subList(0, 3));
            }
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** For each file, {@code ast.dump(ast.parse(bytes))}, or {@code !} and the exception class. */
    static Map<Path, String> dumps(List<Path> files) throws IOException, InterruptedException {
        String script = """
                import ast, sys
                for path in sys.argv[1:]:
                    try:
                        print(ast.dump(ast.parse(open(path, 'rb').read())))
                    except (SyntaxError, ValueError) as e:
                        print('!' + type(e).__name__)
                """;
        List<String> lines = run(script, files.stream().map(Path::toString).toList());
        Map<Path, String> result = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            result.put(files.get(i), lines.get(i));
        }
        return result;
    }
}
