package nanopy.targets.regvm;

import io.vavr.collection.List;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.regalloc.InterferenceGraph;
import nanopy.regvm.RegInterference;
import nanopy.regvm.RegLive;

/**
 * Builds each function's interference graph from uncover-live's annotations with the shared
 * {@link InterferenceGraph} (for the register VM's machine description) and records its edges and
 * move edges on the function.
 */
public final class BuildInterference implements Pass<RegLive.Program, RegInterference.Program> {
    @Override
    public String description() {
        return "build each function's interference graph, with move edges";
    }

    @Override
    public RegInterference.Program apply(RegLive.Program program, PassContext ctx) {
        return new RegInterference.Program(program.globals(), program.functions().map(BuildInterference::function), program.span());
    }

    private static RegInterference.Function function(RegLive.Function f) {
        LiveFlow lf = LiveFlow.of(f.params(), f.blocks());
        InterferenceGraph<String> g = InterferenceGraph.build(lf.graph(), lf.liveness(), RegVmMachine.MACHINE);
        List<RegInterference.Edge> edges = List.ofAll(g.edgeList()).map(e -> new RegInterference.Edge(e.get(0), e.get(1), f.span()));
        List<RegInterference.Edge> moves = List.ofAll(g.moveList()).map(e -> new RegInterference.Edge(e.get(0), e.get(1), f.span()));
        return new RegInterference.Function(f.name(), f.params(), f.blocks(), edges, moves, f.span());
    }
}
