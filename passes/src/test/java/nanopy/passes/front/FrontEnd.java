package nanopy.passes.front;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Map;
import nanopy.ir.ProgramIo;
import nanopy.ir.Source;
import nanopy.pass.PassContext;
import nanopy.py.PyTyped;
import nanopy.py.interp.PyTypedInterpreter;

/** Test helper: runs the front end (parse, check-subset, resolve-names, check-types) and the interpreter. */
final class FrontEnd {
    private FrontEnd() {}

    /** The typed program, or a {@link nanopy.ir.CompileError}. */
    static PyTyped.Module compile(String name, String source) {
        PassContext ctx = new PassContext(name, source, Map.of());
        var syntax = new ParsePython().apply(new Source.SourceFile(name, source), ctx);
        var core = new CheckSubset().apply(syntax, ctx);
        var resolved = new ResolveNames().apply(core, ctx);
        return new CheckTypes().apply(resolved, ctx);
    }

    /** What the program prints on stdout with {@code stdin} as input; a runtime error propagates. */
    static String run(String source, String stdin, StringBuilder out) {
        PyTyped.Module m = compile("test.py", source);
        new PyTypedInterpreter().run(m, new ProgramIo(new BufferedReader(new StringReader(stdin)), out));
        return out.toString();
    }

    /** What the program prints on stdout. */
    static String run(String source) {
        return run(source, "", new StringBuilder());
    }
}
