package nanopy.passes.front.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nanopy.ir.CompileError;

/**
 * Compares this parser with CPython on many files: {@code tools/compare-stdlib-ast} writes, for
 * each file, a line with its path and a line with {@code ast.dump(ast.parse(source))} (or
 * {@code !<exception>} when CPython rejects the file); this reads that listing, parses and dumps
 * each file itself, prints the first differences of a few failing files, and finally
 * {@code N/M files identical}. A file CPython rejects counts as identical when this parser
 * rejects it too.
 */
public final class AstComparison {
    private static final int SHOWN = 5;

    private AstComparison() {}

    /**
     * Runs the comparison.
     *
     * @param args the listing file written by the script
     * @throws IOException when the listing or a source file cannot be read
     */
    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        int total = 0;
        int same = 0;
        int shown = 0;
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String file = lines.get(i);
            String expected = lines.get(i + 1);
            total++;
            String actual;
            try {
                actual = AstDump.dump(PythonParser.parse(file, SourceDecoding.decode(Files.readAllBytes(Path.of(file)))));
            } catch (CompileError e) {
                actual = "!" + e.diagnostics().get(0).header();
            }
            boolean ok = expected.startsWith("!") ? actual.startsWith("!") : expected.equals(actual);
            if (ok) {
                same++;
            } else if (shown++ < SHOWN) {
                System.out.println("DIFF " + file);
                System.out.println(firstDifference(expected, actual));
            }
        }
        System.out.println(same + "/" + total + " files identical");
    }

    /** The context around the first character where the two dumps differ. */
    static String firstDifference(String expected, String actual) {
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 150);
        return "  cpython: ..." + expected.substring(from, Math.min(expected.length(), i + 150)) + "\n  nanopy:  ..."
                + actual.substring(Math.min(from, actual.length()), Math.min(actual.length(), i + 150));
    }
}
