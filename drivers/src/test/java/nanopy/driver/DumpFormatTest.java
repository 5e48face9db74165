package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nanopy.driver.CliTest.Run;
import nanopy.ir.IrError;
import nanopy.ir.IrText;
import nanopy.stackvm.StackCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A language with its own {@link nanopy.ir.DumpFormat} (stack code, listed like {@code dis}) is
 * dumped in that format; dump files stay IR text so that {@code --start-after} can read them.
 */
class DumpFormatTest {
    /** x = 6; print(x * 7), closure-converted, as IR text with the spans of two source lines. */
    static final String CLOSED = """
            (Module [(Local "x" (IntType))] [] []
              [(Assign@1:1-1:6 [(GlobalTarget "x" (IntType))] (IntLit 6))
               (ExprStmt@2:1-2:13 (Print [(Prim IntMul [(GlobalVar "x" (IntType)) (IntLit 7)] (IntType))]
                 (StrLit " ") (StrLit "\\n")))])
            """;

    @TempDir
    Path dir;

    @Test
    void stackCodeDumpsAsADisassemblyListing() throws IOException {
        Path prog = dir.resolve("prog.closed");
        Files.writeString(prog, CLOSED);
        Run r = CliTest.nanopy("--passes=emit-stack-code,peephole", "--dump-after=emit-stack-code", prog.toString());
        assertEquals(new Run(0, "42\n", """
                ;; IR after emit-stack-code (StackCode)
                  1           0 LOAD_CONST               0 (6)
                              2 STORE_GLOBAL             0 (x)

                  2           4 LOAD_GLOBAL              0 (x)
                              6 LOAD_CONST               1 (7)
                              8 BINARY_OP_MULTIPLY_INT     2 (*)
                             10 LOAD_CONST               2 (' ')
                             12 LOAD_CONST               3 ('\\n')
                             14 CALL_PRINT               1
                             16 POP_TOP
                             18 LOAD_CONST               4 (None)
                             20 RETURN_VALUE
                """), r);
    }

    @Test
    void dumpFilesStayIrText() throws IOException, IrError {
        Path prog = dir.resolve("prog.closed");
        Files.writeString(prog, CLOSED);
        Path dumps = dir.resolve("dumps");
        Run r = CliTest.nanopy("--passes=emit-stack-code,peephole", "--dump-dir=" + dumps, prog.toString());
        assertEquals(new Run(0, "42\n", ""), r);
        try (Stream<Path> files = Files.list(dumps)) {
            Path last = files.sorted().reduce((a, b) -> b).orElseThrow();
            assertTrue(last.getFileName().toString().contains("peephole"), last.toString());
            String text = Files.readString(last);
            assertTrue(text.startsWith("(Program"), text);
            assertEquals(StackCode.Program.class, IrText.parse(StackCode.LANGUAGE, text).getClass());
        }
    }
}
