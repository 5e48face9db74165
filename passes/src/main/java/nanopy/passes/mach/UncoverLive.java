package nanopy.passes.mach;

import io.vavr.collection.List;
import java.util.Comparator;
import java.util.Set;
import nanopy.ir.Span;
import nanopy.mach.MachCode;
import nanopy.mach.MachLive;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.regalloc.Liveness;

/**
 * Liveness for every register target: annotates each block with its live-in registers and the
 * registers live after each instruction and after its tail, computed by {@link Liveness} (backward
 * dataflow to a fixpoint, so loops are right) over the function's {@link MachFlow} for its
 * instruction set. Virtual registers and the machine registers the calling convention names are
 * both tracked; each set is sorted by name.
 */
public final class UncoverLive implements Pass<MachCode.Program, MachLive.Program> {
    @Override
    public String description() {
        return "annotate each instruction with the registers live after it (dataflow to a fixpoint)";
    }

    @Override
    public MachLive.Program apply(MachCode.Program program, PassContext ctx) {
        MachineDescription md = Isa.named(program.isa()).machine();
        return new MachLive.Program(program.isa(), program.globals(), program.functions().map(f -> function(md, f)), program.span());
    }

    private static MachLive.Function function(MachineDescription md, MachCode.Function f) {
        MachFlow flow = MachFlow.of(md, f.params(), f.blocks().map(MachCode.Block::label), f.blocks().map(MachCode.Block::body),
                f.blocks().map(MachCode.Block::tail));
        Liveness live = Liveness.analyze(flow.graph());
        List<MachLive.Block> blocks = f.blocks().map(b -> new MachLive.Block(b.label(), b.body(), b.tail(),
                live(flow, live.liveIn().get(b.label()), b.span()),
                List.ofAll(live.liveAfter().get(b.label())).map(s -> live(flow, s, b.span())), b.span()));
        return new MachLive.Function(f.name(), f.params(), blocks, f.span());
    }

    private static MachLive.Live live(MachFlow flow, Set<String> regs, Span sp) {
        return new MachLive.Live(List.ofAll(regs).sorted(Comparator.naturalOrder()).map(flow.operands()::get), sp);
    }
}
