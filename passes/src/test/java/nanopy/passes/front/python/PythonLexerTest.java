package nanopy.passes.front.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import nanopy.ir.CompileError;
import org.junit.jupiter.api.Test;

/** The tokenizer on its own: layout tokens, tabs, literals, f-string parts. */
class PythonLexerTest {
    private static String kinds(String source) {
        return PythonLexer.tokenize("t.py", source).stream()
                .map(t -> t.kind() == TokenKind.OP || t.kind() == TokenKind.NAME ? t.text() : t.kind().name())
                .collect(Collectors.joining(" "));
    }

    @Test
    void indentationMakesIndentAndDedentTokens() {
        assertEquals("if x : NEWLINE INDENT y NEWLINE if z : NEWLINE INDENT w NEWLINE DEDENT DEDENT v NEWLINE ENDMARKER",
                kinds("if x:\n  y\n\n  # c\n  if z:\n    w\nv"));
    }

    @Test
    void bracketsAndBackslashesJoinLines() {
        assertEquals("x = ( NUMBER , NUMBER ) + NUMBER NEWLINE ENDMARKER", kinds("x = (1,\n  2) \\\n + 3\n"));
    }

    @Test
    void tabsCountToTheNextMultipleOfEightButMustBeConsistent() {
        assertEquals("if x : NEWLINE INDENT a NEWLINE b NEWLINE DEDENT ENDMARKER", kinds("if x:\n\ta\n\tb\n"));
        CompileError e = assertThrows(CompileError.class, () -> PythonLexer.tokenize("t.py", "if x:\n\ta\n        b\n"));
        assertEquals("TabError: inconsistent use of tabs and spaces in indentation", e.diagnostics().get(0).message());
    }

    @Test
    void numbersAndStringsAreSingleTokens() {
        assertEquals("NUMBER NUMBER NUMBER NUMBER STRING STRING NEWLINE ENDMARKER",
                kinds("0x_1f 1_0.5e-3 .5j 0o7 rb'\\x' f'{a!r:>{w}}'"));
    }

    @Test
    void fStringFieldsCarryTheirTokens() {
        List<Token> tokens = PythonLexer.tokenize("t.py", "f'a{x + 1=!r:>{w}}b'");
        StringLiteral s = tokens.get(0).string();
        assertTrue(s.isFString());
        FStringPart.Field f = (FStringPart.Field) s.parts().get(1);
        assertEquals("x + 1=", f.debugText());
        assertEquals('r', f.conversion());
        assertEquals(3, f.tokens().size());
        assertEquals(2, f.spec().size());
    }
}
