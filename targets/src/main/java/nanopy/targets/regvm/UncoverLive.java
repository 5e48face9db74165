package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.Set;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.regalloc.FlowGraph;
import nanopy.passes.regalloc.Liveness;
import nanopy.regvm.RegCode;
import nanopy.regvm.RegLive;

/**
 * Liveness: annotates every block with its live-in set and the live-after set of each instruction
 * and of its tail, computed by {@link Liveness} (backward dataflow to a fixpoint, so loops are
 * right). Register names in each set are sorted.
 */
public final class UncoverLive implements Pass<RegCode.Program, RegLive.Program> {
    @Override
    public String description() {
        return "annotate each instruction with the virtual registers live after it (dataflow to a fixpoint)";
    }

    @Override
    public RegLive.Program apply(RegCode.Program program, PassContext ctx) {
        return new RegLive.Program(program.globals(), program.functions().map(UncoverLive::function), program.span());
    }

    private static RegLive.Function function(RegCode.Function f) {
        FlowGraph<String> g = RegFlow.of(f.params(), f.blocks().map(RegCode.Block::label), f.blocks().map(RegCode.Block::body), f.blocks().map(RegCode.Block::tail));
        Liveness live = Liveness.analyze(g);
        List<RegLive.Block> blocks = f.blocks().map(b -> new RegLive.Block(b.label(), b.body(), b.tail(),
                live(live.liveIn().get(b.label()), b.span()),
                List.ofAll(live.liveAfter().get(b.label())).map(s -> live(s, b.span())), b.span()));
        return new RegLive.Function(f.name(), f.params(), blocks, f.span());
    }

    private static RegLive.Live live(Set<String> regs, Span sp) {
        return new RegLive.Live(List.ofAll(regs).sorted(), sp);
    }
}
