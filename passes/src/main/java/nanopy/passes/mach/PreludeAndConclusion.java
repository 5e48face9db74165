package nanopy.passes.mach;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode.RegClass;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * The prelude and conclusion of every function (Essentials of Compilation, "prelude and
 * conclusion"): each callee-saved register the function writes is stored in a new frame slot of
 * its class on entry and loaded back before each return, so callers find it unchanged. The
 * function's frame grows by those slots. Stack adjustment and the return itself are the emitter's,
 * which knows the frame's size from {@code frame}. A machine with no callee-saved registers (the
 * register VM) is left unchanged.
 */
public final class PreludeAndConclusion implements Pass<MachAllocated.Program, MachAllocated.Program> {
    @Override
    public String description() {
        return "save the callee-saved registers a function writes on entry, restore them before it returns";
    }

    @Override
    public MachAllocated.Program apply(MachAllocated.Program program, PassContext ctx) {
        MachineDescription md = Isa.named(program.isa()).machine();
        return new MachAllocated.Program(program.isa(), program.globals(), program.functions().map(f -> function(md, f)), program.span());
    }

    private static MachAllocated.Function function(MachineDescription md, MachAllocated.Function f) {
        Map<MachAllocated.Reg, MachAllocated.Slot> saves = new LinkedHashMap<>();
        Map<RegClass, Integer> slots = new LinkedHashMap<>();
        f.frame().forEach(fr -> slots.put(fr.cls(), fr.slots()));
        for (MachAllocated.Block b : f.blocks()) {
            for (MachAllocated.Instr i : b.body()) {
                for (MachAllocated.Operand d : i.dsts()) {
                    if (d instanceof MachAllocated.Reg r && md.file(r.cls()).calleeSaved().contains(r.index())) {
                        MachAllocated.Reg key = new MachAllocated.Reg(r.cls(), r.index(), f.span());
                        if (!saves.containsKey(key)) {
                            int slot = slots.merge(r.cls(), 1, Integer::sum) - 1;
                            saves.put(key, new MachAllocated.Slot(r.cls(), slot, f.span()));
                        }
                    }
                }
            }
        }
        if (saves.isEmpty() || f.blocks().isEmpty()) {
            return f;
        }
        ArrayList<MachAllocated.Instr> prelude = new ArrayList<>();
        ArrayList<MachAllocated.Instr> conclusion = new ArrayList<>();
        saves.forEach((r, s) -> {
            MachineDescription.RegisterFile file = md.file(r.cls());
            prelude.add(new MachAllocated.Instr(file.store(), List.of(s), List.of(r), List.empty(), f.span()));
            conclusion.add(new MachAllocated.Instr(file.load(), List.of(r), List.of(s), List.empty(), f.span()));
        });
        List<MachAllocated.Block> blocks = f.blocks().zipWithIndex().map(t -> {
            MachAllocated.Block b = t._1();
            List<MachAllocated.Instr> body = b.body();
            if (t._2() == 0) {
                body = List.ofAll(prelude).appendAll(body);
            }
            if (b.tail() instanceof MachAllocated.Ret || b.tail() instanceof MachAllocated.TailCall) {
                body = body.appendAll(conclusion);
            }
            return new MachAllocated.Block(b.label(), body, b.tail(), b.span());
        });
        List<MachAllocated.Frame> frame = List.ofAll(slots.entrySet()).map(e -> new MachAllocated.Frame(e.getKey(), e.getValue(), f.span()));
        return new MachAllocated.Function(f.name(), f.params(), blocks, f.homes(), frame, f.span());
    }
}
