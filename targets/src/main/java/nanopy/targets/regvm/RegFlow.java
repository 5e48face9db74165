package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nanopy.passes.regalloc.FlowGraph;
import nanopy.regvm.RegCode;
import nanopy.regvm.RegCode.Opcode;

/** Reads RegCode blocks as a {@link FlowGraph}: defs and uses of each instruction and tail, and the successors. */
final class RegFlow {
    private RegFlow() {}

    /** The flow graph of a function with these parameters and blocks (each a label, body and tail). */
    static FlowGraph<String> of(List<RegCode.Operand> params, List<String> labels, List<List<RegCode.Instr>> bodies, List<RegCode.Tail> tails) {
        Map<String, String> classOf = new LinkedHashMap<>();
        params.forEach(p -> note(p, classOf));
        ArrayList<FlowGraph.FlowBlock> blocks = new ArrayList<>();
        for (int b = 0; b < labels.size(); b++) {
            ArrayList<FlowGraph.Step> steps = new ArrayList<>();
            for (RegCode.Instr i : bodies.get(b)) {
                boolean move = (i.op() == Opcode.MovP || i.op() == Opcode.MovR) && i.srcs().head() instanceof RegCode.VReg;
                steps.add(new FlowGraph.Step(names(i.dsts(), classOf), names(i.srcs(), classOf), move, i.op() == Opcode.Call));
            }
            RegCode.Tail t = tails.get(b);
            steps.add(new FlowGraph.Step(Set.of(), names(uses(t), classOf), false, t instanceof RegCode.TailCall));
            blocks.add(new FlowGraph.FlowBlock(labels.get(b), steps, successors(t).toJavaList()));
        }
        return new FlowGraph<>(blocks, classOf);
    }

    static List<RegCode.Operand> uses(RegCode.Tail t) {
        return switch (t) {
            case RegCode.Jump j -> List.empty();
            case RegCode.Br br -> br.srcs();
            case RegCode.Ret r -> r.value().toList();
            case RegCode.TailCall tc -> tc.srcs();
        };
    }

    static List<String> successors(RegCode.Tail t) {
        return switch (t) {
            case RegCode.Jump j -> List.of(j.label());
            case RegCode.Br br -> List.of(br.then(), br.orelse());
            default -> List.empty();
        };
    }

    private static void note(RegCode.Operand o, Map<String, String> classOf) {
        if (o instanceof RegCode.VReg v) {
            classOf.putIfAbsent(v.name(), RegVmMachine.className(v.bank()));
        }
    }

    private static Set<String> names(List<RegCode.Operand> ops, Map<String, String> classOf) {
        Set<String> out = new LinkedHashSet<>();
        for (RegCode.Operand o : ops) {
            note(o, classOf);
            if (o instanceof RegCode.VReg v) {
                out.add(v.name());
            }
        }
        return out;
    }
}
