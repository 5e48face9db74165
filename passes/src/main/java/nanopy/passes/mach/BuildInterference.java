package nanopy.passes.mach;

import io.vavr.collection.List;
import nanopy.mach.MachCode.RegClass;
import nanopy.mach.MachInterference;
import nanopy.mach.MachLive;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.regalloc.InterferenceGraph;

/**
 * Builds each function's interference graph from uncover-live's annotations with the shared
 * {@link InterferenceGraph}, for the program's instruction set, and records its edges and move
 * edges on the function (machine registers are vertices too, so a value live across an argument
 * move avoids that argument register).
 */
public final class BuildInterference implements Pass<MachLive.Program, MachInterference.Program> {
    @Override
    public String description() {
        return "build each function's interference graph, with move edges";
    }

    @Override
    public MachInterference.Program apply(MachLive.Program program, PassContext ctx) {
        MachineDescription md = Isa.named(program.isa()).machine();
        return new MachInterference.Program(program.isa(), program.globals(), program.functions().map(f -> function(md, f)), program.span());
    }

    private static MachInterference.Function function(MachineDescription md, MachLive.Function f) {
        MachFlow.Analysed a = MachFlow.live(md, f.params(), f.blocks());
        InterferenceGraph<RegClass> g = InterferenceGraph.build(a.flow().graph(), a.liveness(), md.allocator());
        var ops = a.flow().operands();
        List<MachInterference.Edge> edges = List.ofAll(g.edgeList()).map(e -> new MachInterference.Edge(ops.get(e.get(0)), ops.get(e.get(1)), f.span()));
        List<MachInterference.Edge> moves = List.ofAll(g.moveList()).map(e -> new MachInterference.Edge(ops.get(e.get(0)), ops.get(e.get(1)), f.span()));
        return new MachInterference.Function(f.name(), f.params(), f.blocks(), edges, moves, f.span());
    }
}
