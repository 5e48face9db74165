package nanopy.targets.regvm;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nanopy.passes.regalloc.FlowGraph;
import nanopy.passes.regalloc.Liveness;
import nanopy.regvm.RegCode;
import nanopy.regvm.RegLive;

/** A function's flow graph and its liveness, read back from uncover-live's annotations. */
record LiveFlow(FlowGraph<String> graph, Liveness liveness) {
    static LiveFlow of(io.vavr.collection.List<RegCode.Operand> params, io.vavr.collection.List<RegLive.Block> blocks) {
        FlowGraph<String> g = RegFlow.of(params, blocks.map(RegLive.Block::label), blocks.map(RegLive.Block::body), blocks.map(RegLive.Block::tail));
        Map<String, Set<String>> in = new HashMap<>();
        Map<String, List<Set<String>>> after = new HashMap<>();
        for (RegLive.Block b : blocks) {
            in.put(b.label(), new LinkedHashSet<>(b.liveIn().regs().toJavaList()));
            after.put(b.label(), b.liveAfter().map(l -> (Set<String>) new LinkedHashSet<>(l.regs().toJavaList())).toJavaList());
        }
        return new LiveFlow(g, new Liveness(in, after));
    }
}
