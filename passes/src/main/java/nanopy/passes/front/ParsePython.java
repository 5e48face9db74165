package nanopy.passes.front;

import nanopy.ir.Source;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.front.python.PythonParser;
import nanopy.py.PySyntax;

/**
 * Parses a source file as Python 3.12 into its abstract syntax tree (what {@code ast.parse} gives),
 * with the parser of {@link PythonParser}. A syntax error ends the run with a {@link
 * nanopy.ir.CompileError} at its position.
 */
public final class ParsePython implements Pass<Source.SourceFile, PySyntax.Module> {
    @Override
    public PySyntax.Module apply(Source.SourceFile program, PassContext ctx) {
        return PythonParser.parse(program.name(), program.text());
    }

    @Override
    public String description() {
        return "parse Python 3.12 source into its abstract syntax tree";
    }
}
