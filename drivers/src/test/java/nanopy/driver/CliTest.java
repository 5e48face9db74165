package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nanopy command on the example language: every flag, exit statuses, error messages. */
class CliTest {
    record Run(int status, String out, String err) {}

    static final String PROGRAM = """
            let x = 6 in
            let y = x * 7 in
            y + (1 - 1)
            """;

    @TempDir
    Path dir;

    Path prog;

    @BeforeEach
    void writeProgram() throws IOException {
        prog = dir.resolve("prog.arith");
        Files.writeString(prog, PROGRAM);
    }

    /** Runs the {@code nanopy} command in this JVM ({@link Main#run}) with empty stdin. */
    static Run nanopy(String... args) {
        return nanopyWithInput("", args);
    }

    /** Runs the {@code nanopy} command in this JVM ({@link Main#run}) with {@code stdin} as its input. */
    static Run nanopyWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader(stdin)));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsAProgramOnItsDefaultTarget() {
        Run r = nanopy(prog.toString());
        assertEquals(new Run(0, "42\n", ""), r);
        assertEquals(r, nanopy("run", prog.toString()));
    }

    @Test
    void runsCodeGivenWithDashC() {
        assertEquals(new Run(0, "-4\n", ""), nanopy("--target=example", "-c", "let a = 2 in -a * a"));
    }

    @Test
    void dumpAfterAcceptsAListAndPrintsThoseIrsOnly() {
        Run r = nanopy("--dump-after=uniquify,flatten-lets", prog.toString());
        assertEquals(0, r.status());
        assertTrue(r.err().startsWith(";; IR after uniquify (Arith)\n(Program\n  (Let \"x.1\""), r.err());
        assertTrue(r.err().contains(";; IR after flatten-lets (ArithFlat)\n(Program\n  [(Assign \"x.1\" (Int 6))"), r.err());
        assertFalse(r.err().contains("after fold-constants"), r.err());
        assertEquals("42\n", r.out(), "the program's output alone on stdout; the dumps on stderr, as LLVM's -print-after");
    }

    @Test
    void dumpBeforeShowsTheInputOfAPass() {
        Run r = nanopy("--dump-before=fold-constants", prog.toString());
        assertTrue(r.err().contains(";; IR before fold-constants (Arith)\n"), r.err());
        assertTrue(r.err().contains("(Prim Sub [(Int 1) (Int 1)])"), r.err());
    }

    @Test
    void dumpAfterAllPrintsEveryPass() {
        Run r = nanopy("--dump-after-all", prog.toString());
        for (String p : List.of("parse-arith (Arith)", "uniquify (Arith)", "fold-constants (Arith)", "remove-negation (ArithNoNeg)", "remove-complex-operands (ArithAtomic)",
                "flatten-lets (ArithFlat)")) {
            assertTrue(r.err().contains(";; IR after " + p + "\n"), p + " in " + r.err());
        }
    }

    @Test
    void dumpChangedShowsUnifiedDiffsAndSaysNoChange() {
        Run r = nanopy("--dump-changed", prog.toString());
        assertTrue(r.err().contains(";; fold-constants (Arith -> Arith): changes\n--- before fold-constants (Arith)\n+++ after fold-constants (Arith)\n"),
                r.err());
        assertTrue(r.err().contains("-      (Prim Add [(Var \"y.1\") (Prim Sub [(Int 1) (Int 1)])]))))")
                || r.err().contains("(Prim Sub [(Int 1) (Int 1)])"), r.err());
        Run same = nanopy("--dump-changed", "--target=example", "-c", "7");
        assertTrue(same.err().contains(";; uniquify (Arith -> Arith): no change\n"), same.err());
        assertTrue(same.err().contains(";; fold-constants (Arith -> Arith): no change\n"), same.err());
    }

    @Test
    void dumpDirWritesNumberedFiles() throws IOException {
        Path out = dir.resolve("dumps");
        assertEquals(0, nanopy("--dump-dir=" + out, prog.toString()).status());
        try (var files = Files.list(out)) {
            assertEquals(List.of("01-parse-arith.Arith.ir", "02-uniquify.Arith.ir", "03-fold-constants.Arith.ir",
                    "04-remove-negation.ArithNoNeg.ir", "05-remove-complex-operands.ArithAtomic.ir", "06-flatten-lets.ArithFlat.ir"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.readString(out.resolve("02-uniquify.Arith.ir")).startsWith("(Program\n  (Let \"x.1\""));
    }

    @Test
    void stopAfterPrintsTheIrAndStartAfterContinuesFromIt() throws IOException {
        Run stop = nanopy("--stop-after=remove-complex-operands", prog.toString());
        assertEquals(0, stop.status());
        assertTrue(stop.out().startsWith("(Program"), stop.out());
        Path ir = dir.resolve("rco.ir");
        Files.writeString(ir, stop.out());
        assertEquals(new Run(0, "42\n", ""), nanopy("--start-after=remove-complex-operands", "--target=example", ir.toString()));
    }

    @Test
    void startAfterWithMalformedIrGivesPositionAndCaret() throws IOException {
        Path ir = dir.resolve("bad.ir");
        Files.writeString(ir, "(Program\n  (Prim Add [(Int 1) (Prim Sub [(Int 2) (Int 1)])]))\n");
        Run r = nanopy("--start-after=remove-complex-operands", "--target=example", ir.toString());
        assertEquals(1, r.status());
        assertEquals(ir + ":2:23: error: expected Atom but got Prim in field args of Prim\n"
                + " 2 |   (Prim Add [(Int 1) (Prim Sub [(Int 2) (Int 1)])]))\n"
                + "   |                       ^\n", r.err());
    }

    @Test
    void timePassesPrintsATable() {
        Run r = nanopy("--time-passes", prog.toString());
        assertEquals("42\n", r.out());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).matches("pass\\s+calls\\s+wall ms\\s+cpu ms\\s+allocated"), r.err());
        assertTrue(lines.get(1).matches("parse-arith\\s+1\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9]+ (B|KiB|MiB)"), r.err());
        assertTrue(lines.get(lines.size() - 1).matches("total\\s+6\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9]+ (B|KiB|MiB)"), r.err());
    }

    @Test
    void listsPassesAndTargets() {
        Run p = nanopy("--list-passes");
        assertTrue(p.out().contains("remove-complex-operands      ArithNoNeg -> ArithAtomic        bind complex operands"), p.out());
        Run t = nanopy("--list-targets");
        assertTrue(t.out().contains("example: the worked example"), t.out());
        assertTrue(t.out().contains("  parse-arith,uniquify,fold-constants,remove-negation,remove-complex-operands,flatten-lets"), t.out());
    }

    @Test
    void printPipelineParsesBack() {
        Run r = nanopy("--target=example", "--print-pipeline");
        assertEquals("parse-arith,uniquify,fold-constants,remove-negation,remove-complex-operands,flatten-lets\n", r.out());
        Run again = nanopy("--passes=" + r.out().strip(), "--print-pipeline");
        assertEquals(r, again);
    }

    @Test
    void adHocPipelineRunsTheLastLanguagesInterpreter() {
        assertEquals(new Run(0, "42\n", ""), nanopy("--passes=parse-arith,uniquify", prog.toString()));
    }

    @Test
    void unknownPassGetsPositionAndSuggestion() {
        Run r = nanopy("--passes=parse-arith,uniqify", prog.toString());
        assertEquals(new Run(2, "", "error: --passes:1:13: unknown pass 'uniqify' (did you mean uniquify?); nanopy --list-passes lists them\n"), r);
        Run d = nanopy("--dump-after=flaten-lets", prog.toString());
        assertEquals(new Run(2, "", "error: --dump-after: unknown pass 'flaten-lets' (did you mean flatten-lets?)\n"), d);
    }

    @Test
    void misfittingPassesAreRejectedWithBothLanguages() {
        Run r = nanopy("--passes=parse-arith,flatten-lets", prog.toString());
        assertEquals(2, r.status());
        assertEquals("error: --passes:1:13: pass 'flatten-lets' reads ArithAtomic but 'parse-arith' before it produces Arith\n", r.err());
    }

    @Test
    void programErrorsGetFileLineColumnAndCaret() throws IOException {
        Path bad = dir.resolve("bad.arith");
        Files.writeString(bad, "let x = 1 in\n  x + y + z\n");
        Run r = nanopy(bad.toString());
        assertEquals(1, r.status());
        assertEquals(bad + ":2:7: error: undefined variable 'y'\n 2 |   x + y + z\n   |       ^\n"
                + bad + ":2:11: error: undefined variable 'z'\n 2 |   x + y + z\n   |           ^\n", r.err());
        Files.writeString(bad, "let x = in x\n");
        assertEquals(bad + ":1:9: error: expected an integer, a variable, 'let', '-' or '(' but found 'in'\n 1 | let x = in x\n   |         ^^\n",
                nanopy(bad.toString()).err());
    }

    @Test
    void runtimeErrorsEndWithPythonsLastLine() throws IOException {
        Path big = dir.resolve("big.arith");
        Files.writeString(big, "let x = 9223372036854775807 in\nx + 1\n");
        Run r = nanopy(big.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().endsWith("OverflowError: integer overflow\n"), r.err());
        assertTrue(r.err().contains("line 2"), r.err());
    }

    @Test
    void verifyEachNamesThePassThatProducedIllFormedIr() {
        Run r = nanopy("--verify-each", "--passes=parse-arith,smuggle-node", prog.toString());
        assertEquals(70, r.status());
        assertTrue(r.err().startsWith("error: pass 'smuggle-node' produced ill-formed ArithAtomic: expected Atom but got Int in field args of Prim"),
                r.err());
    }

    @Test
    void aCrashingPassIsNamedWithoutAStackTrace() {
        Run r = nanopy("--passes=parse-arith,crashing-pass", prog.toString());
        assertEquals(70, r.status());
        assertTrue(r.err().startsWith("error: pass 'crashing-pass' failed with java.lang.IllegalStateException: forgot a case\n"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, nanopy("--no-such-flag", prog.toString()).status());
        assertEquals(2, nanopy().status());
        assertEquals(2, nanopy("run").status());
        assertEquals(1, nanopy(dir.resolve("missing.arith").toString()).status());
        assertEquals(2, nanopy("--target=exampel", prog.toString()).status());
        assertTrue(nanopy("--target=exampel", prog.toString()).err().contains("unknown target 'exampel' (did you mean example?)"));
    }

    @Test
    void buildWritesTheFinalIr() throws IOException {
        Path out = dir.resolve("prog.ir");
        assertEquals(0, nanopy("build", prog.toString(), "-o", out.toString()).status());
        assertTrue(Files.readString(out).startsWith("(Program\n  [(Assign"));
        assertEquals(0, nanopy("check", prog.toString()).status());
    }

    @Test
    void irDescribeAndDiff() {
        Run d = nanopy("ir", "describe", "ArithAtomic");
        assertEquals(0, d.status());
        assertTrue(d.out().contains("   + | Prim(Op op, Atom* args)"), d.out());
        Run diff = nanopy("ir", "diff", "ArithAtomic", "ArithFlat");
        assertTrue(diff.out().contains("  - Let(String name, Expr rhs, Expr body)"), diff.out());
        Run bad = nanopy("ir", "describe", "Arth");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("unknown language 'Arth' (did you mean Arith?)"), bad.err());
        assertTrue(nanopy("ir", "list").out().contains("ArithFlat        extends ArithAtomic"));
    }

    @Test
    void irParseChecksIrText() throws IOException {
        Path ir = dir.resolve("x.ir");
        Files.writeString(ir, "(Program (Let \"a\" (Int 1) (Var \"a\")))");
        assertEquals(new Run(0, "(Program (Let \"a\" (Int 1) (Var \"a\")))\n", ""), nanopy("ir", "parse", "Arith", ir.toString()));
    }

    @Test
    void irDumpPrintsCpythonsAstDump() throws IOException, InterruptedException {
        Path py = dir.resolve("t.py");
        Files.writeString(py, "x: list[int] = [1, 2]\nprint(f'{x!r:>10}', -3 ** 2)\n");
        Run r = nanopy("ir", "dump", "--python-ast", py.toString());
        assertEquals(0, r.status(), r.err());
        Path python = Path.of("/usr/bin/python3.11");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python), "CPython 3.11 is the oracle");
        Process p = new ProcessBuilder(python.toString(), "-c", "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1]).read())))",
                py.toString()).redirectErrorStream(true).start();
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals(expected, r.out());
        Files.writeString(py, "def f(:\n    pass\n");
        Run bad = nanopy("ir", "dump", "--python-ast", py.toString());
        assertEquals(1, bad.status());
        assertTrue(bad.err().startsWith(py + ":1:7: error: SyntaxError: invalid syntax\n"), bad.err());
    }

    @Test
    void helpListsTheOptions() {
        Run r = nanopy("--help");
        assertEquals(0, r.status());
        for (String flag : List.of("--passes", "--target", "--dump-before", "--dump-after", "--dump-after-all", "--dump-changed", "--dump-dir",
                "--stop-after", "--start-after", "--verify-each", "--time-passes", "--list-passes", "--list-targets", "--print-pipeline", "-c")) {
            assertTrue(r.out().contains(flag), flag + " in " + r.out());
        }
    }
}
