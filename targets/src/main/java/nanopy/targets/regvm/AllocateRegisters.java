package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.regalloc.Dsatur;
import nanopy.passes.regalloc.InterferenceGraph;
import nanopy.regvm.RegAllocated;
import nanopy.regvm.RegCode;
import nanopy.regvm.RegCode.Bank;
import nanopy.regvm.RegInterference;

/**
 * Register allocation: colors each function's interference graph with {@link Dsatur} (saturation
 * order, move biasing; parameters precolored to their argument registers), then replaces every
 * virtual register by its register or, past the 253 allocatable registers of its bank, its spill
 * slot. Each function lists where each virtual register went ({@code homes}) and its frame size
 * per bank: the highest register used plus one, or all 256 registers plus the spill slots.
 */
public final class AllocateRegisters implements Pass<RegInterference.Program, RegAllocated.Program> {
    @Override
    public String description() {
        return "assign registers by DSatur coloring with move biasing; spill past 253 per bank";
    }

    @Override
    public RegAllocated.Program apply(RegInterference.Program program, PassContext ctx) {
        return new RegAllocated.Program(program.globals(), program.functions().map(AllocateRegisters::function), program.span());
    }

    private static RegAllocated.Function function(RegInterference.Function f) {
        LiveFlow lf = LiveFlow.of(f.params(), f.blocks());
        InterferenceGraph<String> g = InterferenceGraph.fromEdges(lf.graph(), lf.liveness(), RegVmMachine.MACHINE,
                f.interference().map(e -> java.util.List.of(e.a(), e.b())).toJavaList(),
                f.moves().map(e -> java.util.List.of(e.a(), e.b())).toJavaList());
        Map<String, Integer> pre = new LinkedHashMap<>();
        int[] next = new int[2];
        for (RegCode.Operand p : f.params()) {
            RegCode.VReg v = (RegCode.VReg) p;
            pre.put(v.name(), next[v.bank().ordinal()]++);
        }
        Map<String, Dsatur.Location<String>> homes = Dsatur.color(g, pre, RegVmMachine.MACHINE);
        int[] regs = new int[2];
        int[] slots = new int[2];
        for (var e : homes.entrySet()) {
            int b = e.getValue().registerClass().equals("prim") ? 0 : 1;
            if (e.getValue().spilled()) {
                slots[b] = Math.max(slots[b], e.getValue().index() + 1);
            } else {
                regs[b] = Math.max(regs[b], e.getValue().index() + 1);
            }
        }
        Rename r = new Rename(homes);
        List<RegAllocated.Block> blocks = f.blocks().map(b -> new RegAllocated.Block(b.label(), b.body().map(r::instr), r.tail(b.tail()), b.span()));
        List<RegAllocated.Home> hs = List.ofAll(homes.entrySet()).map(e -> new RegAllocated.Home(e.getKey(), r.location(e.getKey(), f.span()), f.span()));
        return new RegAllocated.Function(f.name(), f.params().map(r::operand), blocks, hs,
                frame(regs[0], slots[0]), frame(regs[1], slots[1]), f.span());
    }

    private static int frame(int regs, int slots) {
        return slots == 0 ? regs : RegVmMachine.REGISTERS + slots;
    }

    /** Replaces virtual registers by their homes. */
    private record Rename(Map<String, Dsatur.Location<String>> homes) {
        RegAllocated.Operand location(String vreg, Span sp) {
            Dsatur.Location<String> l = homes.get(vreg);
            Bank bank = l.registerClass().equals("prim") ? Bank.PrimBank : Bank.RefBank;
            return l.spilled() ? new RegAllocated.Slot(bank, l.index(), sp) : new RegAllocated.Reg(bank, l.index(), sp);
        }

        RegAllocated.Operand operand(RegCode.Operand o) {
            RegCode.VReg v = (RegCode.VReg) o;
            return location(v.name(), v.span());
        }

        List<RegAllocated.Operand> operands(List<RegCode.Operand> os) {
            return os.map(this::operand);
        }

        RegAllocated.Instr instr(RegCode.Instr i) {
            return new RegAllocated.Instr(i.op(), operands(i.dsts()), operands(i.srcs()), i.imms(), i.span());
        }

        RegAllocated.Tail tail(RegCode.Tail t) {
            return switch (t) {
                case RegCode.Jump j -> new RegAllocated.Jump(j.label(), j.span());
                case RegCode.Br b -> new RegAllocated.Br(b.op(), operands(b.srcs()), b.imms(), b.then(), b.orelse(), b.span());
                case RegCode.Ret r -> new RegAllocated.Ret(r.value().map(this::operand), r.span());
                case RegCode.TailCall c -> new RegAllocated.TailCall(operands(c.srcs()), c.span());
            };
        }
    }

}
