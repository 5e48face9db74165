package nanopy.passes.mach;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import nanopy.ir.OpenTerminal;
import nanopy.mach.MachCode;
import nanopy.mach.MachCode.RegClass;
import nanopy.mach.MachLive;
import nanopy.passes.mach.MachineDescription.Flag;
import nanopy.passes.regalloc.FlowGraph;
import nanopy.passes.regalloc.Liveness;

/**
 * A MachCode function as the shared analyses ({@code nanopy.passes.regalloc}) see it: a
 * {@link FlowGraph} whose vertices are its virtual registers and the machine registers it names
 * (a machine register's vertex is {@code $Class.Const:index}, which no virtual register's name can
 * be), each step's defs (destinations, and the registers its opcode clobbers) and uses, and the
 * move and call flags of the machine description.
 *
 * @param graph the flow graph
 * @param operands each vertex's operand, to turn analysis results back into IR
 */
record MachFlow(FlowGraph<RegClass> graph, Map<String, MachCode.Operand> operands) {
    /** The flow graph of blocks with these labels, bodies and tails. */
    static MachFlow of(MachineDescription md, List<MachCode.Operand> params, List<String> labels, List<List<MachCode.Instr>> bodies,
                       List<MachCode.Tail> tails) {
        Map<String, RegClass> classOf = new LinkedHashMap<>();
        Map<String, MachCode.Operand> operands = new LinkedHashMap<>();
        names(params, classOf, operands);
        ArrayList<FlowGraph.FlowBlock> blocks = new ArrayList<>();
        for (int b = 0; b < labels.size(); b++) {
            ArrayList<FlowGraph.Step> steps = new ArrayList<>();
            for (MachCode.Instr i : bodies.get(b)) {
                Set<String> defs = names(i.dsts(), classOf, operands);
                defs.addAll(names(List.ofAll(md.clobbers(i.op())).map(r -> (MachCode.Operand) r), classOf, operands));
                boolean move = md.has(i.op(), Flag.MOVE) && i.srcs().size() == 1 && i.dsts().size() == 1;
                steps.add(new FlowGraph.Step(defs, names(i.srcs(), classOf, operands), move, md.has(i.op(), Flag.CALL)));
            }
            MachCode.Tail t = tails.get(b);
            steps.add(new FlowGraph.Step(Set.of(), names(uses(t), classOf, operands), false, t instanceof MachCode.TailCall));
            blocks.add(new FlowGraph.FlowBlock(labels.get(b), steps, successors(t).toJavaList()));
        }
        return new MachFlow(new FlowGraph<>(blocks, classOf), operands);
    }

    /** The flow graph and the liveness uncover-live wrote on {@code f}'s blocks. */
    static Analysed live(MachineDescription md, List<MachCode.Operand> params, List<MachLive.Block> blocks) {
        MachFlow flow = of(md, params, blocks.map(MachLive.Block::label), blocks.map(MachLive.Block::body), blocks.map(MachLive.Block::tail));
        Map<String, Set<String>> in = new LinkedHashMap<>();
        Map<String, java.util.List<Set<String>>> after = new LinkedHashMap<>();
        for (MachLive.Block b : blocks) {
            in.put(b.label(), set(b.liveIn()));
            after.put(b.label(), b.liveAfter().map(MachFlow::set).toJavaList());
        }
        return new Analysed(flow, new Liveness(in, after));
    }

    /** A flow graph with its liveness. */
    record Analysed(MachFlow flow, Liveness liveness) {}

    private static Set<String> set(MachLive.Live l) {
        Set<String> out = new LinkedHashSet<>();
        l.regs().forEach(o -> out.add(name(o)));
        return out;
    }

    /** The vertex name of a register operand. */
    static String name(MachCode.Operand o) {
        return switch (o) {
            case MachCode.VReg v -> v.name();
            case MachCode.Reg r -> "$" + OpenTerminal.text(r.cls()) + ":" + r.index();
        };
    }

    static List<MachCode.Operand> uses(MachCode.Tail t) {
        return switch (t) {
            case MachCode.Jump j -> List.empty();
            case MachCode.Br br -> br.srcs();
            case MachCode.Ret r -> r.value().toList();
            case MachCode.TailCall tc -> tc.srcs();
        };
    }

    static List<String> successors(MachCode.Tail t) {
        return switch (t) {
            case MachCode.Jump j -> List.of(j.label());
            case MachCode.Br br -> List.of(br.then(), br.orelse());
            default -> List.empty();
        };
    }

    private static Set<String> names(List<MachCode.Operand> ops, Map<String, RegClass> classOf, Map<String, MachCode.Operand> operands) {
        Set<String> out = new LinkedHashSet<>();
        for (MachCode.Operand o : ops) {
            String n = name(o);
            RegClass c = switch (o) {
                case MachCode.VReg v -> v.cls();
                case MachCode.Reg r -> r.cls();
            };
            classOf.putIfAbsent(n, c);
            operands.putIfAbsent(n, o);
            out.add(n);
        }
        return out;
    }
}
