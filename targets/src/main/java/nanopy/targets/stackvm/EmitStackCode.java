package nanopy.targets.stackvm;

import io.vavr.collection.List;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.Closed;
import nanopy.stackvm.StackCode;

/**
 * Compiles a closure-converted program to CPython-style stack code: one code object for the
 * module's top-level code ({@code <module>}, first) and one per top-level {@code Def}, each with
 * its own constants, global names and fast locals. See {@code StackCode.ir} for the instructions.
 */
public final class EmitStackCode implements Pass<Closed.Module, StackCode.Program> {
    /** For ServiceLoader. */
    public EmitStackCode() {}

    /** The name of the module's code object, as in CPython. */
    public static final String MODULE = "<module>";

    @Override
    public StackCode.Program apply(Closed.Module program, PassContext ctx) {
        StackCode.Code main = code(MODULE, List.empty(), program.locals(), program.body(), program.span());
        List<StackCode.Code> defs = program.defs().map(d -> code(d.name(), d.params(), d.locals(), d.body(), d.span()));
        return new StackCode.Program(defs.prepend(main), program.span());
    }

    private static StackCode.Code code(String name, List<Closed.Local> params, List<Closed.Local> locals,
            List<Closed.Stmt> body, Span span) {
        Assembler asm = new Assembler(name, params.map(Closed.Local::name), locals.map(Closed.Local::name), span);
        new CodeEmitter(asm).body(body, end(span, body));
        return asm.finish();
    }

    /** Where the implicit {@code return None} is: the last statement's line, as CPython reports it. */
    private static Span end(Span span, List<Closed.Stmt> body) {
        return body.isEmpty() ? span : body.last().span();
    }

    @Override
    public String description() {
        return "compile closure-converted code to CPython-style stack bytecode, one code object per function";
    }
}
