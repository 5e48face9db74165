package nanopy.passes.control;

import io.vavr.collection.List;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.closures.ClosedTypes;
import nanopy.py.Blocks;
import nanopy.py.Flat;

/**
 * Makes control flow explicit (Essentials of Compilation, ch. 5 "Booleans and Conditionals",
 * explicate control): the body of every function and of the module becomes labeled basic blocks,
 * each a list of straight-line statements ending in one terminator: Goto, Branch, Return, or
 * TailCall (a {@code return f(args)}). {@code if}, {@code while}, {@code break},
 * {@code continue}, conditional expressions (and so {@code and}/{@code or}, which are
 * conditional expressions by now) and Begins become branches and jumps; a test such as
 * {@code a < b and not c} branches on each comparison instead of computing a bool first.
 *
 * <p>Input: a {@link Flat} program. Output: a {@link Blocks} program whose functions start at
 * block {@code start}, with no unreachable block and no block other than the entry that is only a
 * Goto (see {@link TidyBlocks}). Temporaries ({@code ret.N} for a returned value that is not an
 * atom or call, {@code test.N} for a tested call or field) are added to the function's locals.
 */
public final class ExplicateControl implements Pass<Flat.Module, Blocks.Module> {
    @Override
    public Blocks.Module apply(Flat.Module program, PassContext ctx) {
        List<Blocks.Def> defs = program.defs().map(d -> {
            Explicator e = new Explicator(ctx, d.result());
            List<Blocks.Block> blocks = blocks(e, d.body(), d.span());
            return new Blocks.Def(d.name(), d.params(), d.locals().appendAll(e.temporaries()), d.result(), blocks, d.span());
        });
        Explicator e = new Explicator(ctx, ClosedTypes.NONE);
        List<Blocks.Block> body = blocks(e, program.body(), program.span());
        return new Blocks.Module(program.globals(), defs, program.locals().appendAll(e.temporaries()), body, program.span());
    }

    private static List<Blocks.Block> blocks(Explicator e, List<Flat.Stmt> body, Span span) {
        Explicator.Code entry = e.body(body, span);
        return TidyBlocks.tidy(entry, e.blocks());
    }

    @Override
    public String description() {
        return "if, while, and/or and conditional expressions become labeled basic blocks with goto, branch, return and tail-call terminators";
    }
}
