package nanopy.passes.front;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import nanopy.ir.CompileError;
import nanopy.ir.Diagnostic;
import nanopy.ir.ProgramIo;
import nanopy.ir.Source;
import nanopy.pass.PassContext;
import nanopy.py.PyResolved;
import nanopy.py.PyTyped;
import nanopy.py.interp.PyTypedInterpreter;

/** Test helper: runs the front end (parse, check-subset, resolve-names, check-types) and the interpreter. */
final class FrontEnd {
    private FrontEnd() {}

    /** The program after resolve-names, with pass options ({@code resolve-names.call} ...), or a {@link CompileError}. */
    static PyResolved.Module resolve(String name, String source, Map<String, Object> options) {
        return resolve(new PassContext(name, source, options), source);
    }

    private static PyResolved.Module resolve(PassContext ctx, String source) {
        ctx.enterPass("parse-python");
        var syntax = new ParsePython().apply(new Source.SourceFile(ctx.fileName(), source), ctx);
        ctx.enterPass("check-subset");
        var core = new CheckSubset().apply(syntax, ctx);
        ctx.enterPass("resolve-names");
        return new ResolveNames().apply(core, ctx);
    }

    /** The typed program, or a {@link CompileError}. */
    static PyTyped.Module compile(String name, String source) {
        return compile(name, source, Map.of());
    }

    /** The typed program compiled with pass options, or a {@link CompileError}. */
    static PyTyped.Module compile(String name, String source, Map<String, Object> options) {
        PassContext ctx = new PassContext(name, source, options);
        var resolved = resolve(ctx, source);
        ctx.enterPass("check-types");
        return new CheckTypes().apply(resolved, ctx);
    }

    /** The diagnostics of a program that must be rejected, as {@code line:col: message}. */
    static List<String> diagnostics(String source) {
        try {
            compile("test.py", source);
        } catch (CompileError e) {
            return e.diagnostics().stream().map(FrontEnd::show).toList();
        }
        throw new AssertionError("compiled without a diagnostic:\n" + source);
    }

    static String show(Diagnostic d) {
        return d.span().line() + ":" + d.span().col() + ": " + d.message();
    }

    /** What the program prints on stdout with {@code stdin} as input; a runtime error propagates. */
    static String run(String source, String stdin, StringBuilder out) {
        execute(compile("test.py", source), stdin, out);
        return out.toString();
    }

    /** Runs a typed program with {@code stdin} as input, printing to {@code out}; a runtime error propagates. */
    static void execute(PyTyped.Module m, String stdin, Appendable out) {
        new PyTypedInterpreter().run(m, new ProgramIo(new BufferedReader(new StringReader(stdin)), out));
    }

    /** What the program prints on stdout. */
    static String run(String source) {
        return run(source, "", new StringBuilder());
    }
}
