package nanopy.passes.mach;

import io.vavr.collection.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.ir.Span;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode;
import nanopy.mach.MachCode.RegClass;
import nanopy.mach.MachInterference;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.regalloc.Dsatur;
import nanopy.passes.regalloc.InterferenceGraph;

/**
 * Register allocation for every register target: colors each function's interference graph with
 * {@link Dsatur} (saturation order, move biasing) within the allocatable registers of each class
 * of the program's machine description. Machine registers named by the code keep their numbers;
 * under a windowed convention parameters are precolored to the argument registers. A virtual
 * register that gets no register gets a frame slot. Each function lists where each virtual register
 * went ({@code homes}) and, per register class, how many frame slots it uses.
 */
public final class AllocateRegisters implements Pass<MachInterference.Program, MachAllocated.Program> {
    @Override
    public String description() {
        return "assign registers by DSatur coloring with move biasing; spill to frame slots";
    }

    @Override
    public MachAllocated.Program apply(MachInterference.Program program, PassContext ctx) {
        MachineDescription md = Isa.named(program.isa()).machine();
        return new MachAllocated.Program(program.isa(), program.globals(), program.functions().map(f -> function(md, f)), program.span());
    }

    private static MachAllocated.Function function(MachineDescription md, MachInterference.Function f) {
        MachFlow.Analysed a = MachFlow.live(md, f.params(), f.blocks());
        InterferenceGraph<RegClass> g = InterferenceGraph.fromEdges(a.flow().graph(), a.liveness(), md.allocator(),
                f.interference().map(e -> java.util.List.of(MachFlow.name(e.a()), MachFlow.name(e.b()))).toJavaList(),
                f.moves().map(e -> java.util.List.of(MachFlow.name(e.a()), MachFlow.name(e.b()))).toJavaList());
        Map<String, Integer> pre = new LinkedHashMap<>();
        Map<RegClass, Integer> next = new HashMap<>();
        for (MachCode.Operand p : f.params()) {
            if (p instanceof MachCode.VReg v) {
                int k = next.merge(v.cls(), 1, Integer::sum) - 1;
                pre.put(v.name(), md.file(v.cls()).arguments().get(k));
            }
        }
        a.flow().operands().forEach((n, o) -> {
            if (o instanceof MachCode.Reg r) {
                pre.put(n, r.index());
            }
        });
        Map<String, Dsatur.Location<RegClass>> homes = Dsatur.color(g, pre, md.allocator());
        Map<RegClass, Integer> slots = new LinkedHashMap<>();
        md.files().forEach(file -> slots.put(file.cls(), 0));
        homes.values().stream().filter(Dsatur.Location::spilled).forEach(l -> slots.merge(l.registerClass(), l.index() + 1, Math::max));
        Rename r = new Rename(homes);
        List<MachAllocated.Block> blocks = f.blocks().map(b -> new MachAllocated.Block(b.label(), b.body().map(r::instr), r.tail(b.tail()), b.span()));
        List<MachAllocated.Home> hs = List.ofAll(homes.entrySet())
                .filter(e -> a.flow().operands().get(e.getKey()) instanceof MachCode.VReg)
                .map(e -> new MachAllocated.Home(e.getKey(), r.location(e.getKey(), f.span()), f.span()));
        List<MachAllocated.Frame> frame = List.ofAll(slots.entrySet()).map(e -> new MachAllocated.Frame(e.getKey(), e.getValue(), f.span()));
        return new MachAllocated.Function(f.name(), f.params().map(r::operand), blocks, hs, frame, f.span());
    }

    /** Replaces virtual registers by their homes. */
    private record Rename(Map<String, Dsatur.Location<RegClass>> homes) {
        MachAllocated.Operand location(String vreg, Span sp) {
            Dsatur.Location<RegClass> l = homes.get(vreg);
            return l.spilled() ? new MachAllocated.Slot(l.registerClass(), l.index(), sp) : new MachAllocated.Reg(l.registerClass(), l.index(), sp);
        }

        MachAllocated.Operand operand(MachCode.Operand o) {
            return switch (o) {
                case MachCode.VReg v -> location(v.name(), v.span());
                case MachCode.Reg g -> new MachAllocated.Reg(g.cls(), g.index(), g.span());
            };
        }

        List<MachAllocated.Operand> operands(List<MachCode.Operand> os) {
            return os.map(this::operand);
        }

        MachAllocated.Instr instr(MachCode.Instr i) {
            return new MachAllocated.Instr(i.op(), operands(i.dsts()), operands(i.srcs()), i.imms(), i.span());
        }

        MachAllocated.Tail tail(MachCode.Tail t) {
            return switch (t) {
                case MachCode.Jump j -> new MachAllocated.Jump(j.label(), j.span());
                case MachCode.Br b -> new MachAllocated.Br(b.op(), operands(b.srcs()), b.imms(), b.then(), b.orelse(), b.span());
                case MachCode.Ret r -> new MachAllocated.Ret(r.value().map(this::operand), r.span());
                case MachCode.TailCall c -> new MachAllocated.TailCall(operands(c.srcs()), c.span());
            };
        }
    }
}
