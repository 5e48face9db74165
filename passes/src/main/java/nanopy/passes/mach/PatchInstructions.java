package nanopy.passes.mach;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import nanopy.ir.Span;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode.RegClass;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.mach.MachineDescription.Flag;

/**
 * Makes allocated code encodable on every register target: an operand in a frame slot is loaded
 * into a scratch register of its class before the instruction (the register file's {@code load})
 * and a destination slot is written through a scratch register and stored after it
 * ({@code store}); instructions flagged {@link Flag#VARIADIC} keep slot operands. Copies from a
 * register to itself are deleted (Essentials of Compilation, patch-instructions).
 *
 * @throws IllegalStateException (a bug in selection or the machine description) when an
 *     instruction needs more scratch registers of a class than the class has
 */
public final class PatchInstructions implements Pass<MachAllocated.Program, MachAllocated.Program> {
    @Override
    public String description() {
        return "load and store spilled operands through scratch registers; drop self-moves";
    }

    @Override
    public MachAllocated.Program apply(MachAllocated.Program program, PassContext ctx) {
        MachineDescription md = Isa.named(program.isa()).machine();
        return new MachAllocated.Program(program.isa(), program.globals(), program.functions().map(f -> function(md, f)), program.span());
    }

    private static MachAllocated.Function function(MachineDescription md, MachAllocated.Function f) {
        List<MachAllocated.Block> blocks = f.blocks().map(b -> block(md, b));
        return new MachAllocated.Function(f.name(), f.params(), blocks, f.homes(), f.frame(), f.span());
    }

    private static MachAllocated.Block block(MachineDescription md, MachAllocated.Block b) {
        ArrayList<MachAllocated.Instr> out = new ArrayList<>();
        for (MachAllocated.Instr i : b.body()) {
            instr(md, i, out);
        }
        MachAllocated.Tail t = switch (b.tail()) {
            case MachAllocated.Br br -> new MachAllocated.Br(br.op(), loads(md, br.srcs(), out, br.span()), br.imms(), br.then(), br.orelse(), br.span());
            case MachAllocated.Ret r -> new MachAllocated.Ret(r.value().map(v -> loads(md, List.of(v), out, r.span()).head()), r.span());
            default -> b.tail();
        };
        return new MachAllocated.Block(b.label(), List.ofAll(out), t, b.span());
    }

    private static void instr(MachineDescription md, MachAllocated.Instr i, ArrayList<MachAllocated.Instr> out) {
        if (md.has(i.op(), Flag.MOVE) && i.dsts().size() == 1 && i.srcs().size() == 1 && sameRegister(i.dsts().head(), i.srcs().head())) {
            return;
        }
        boolean variadic = md.has(i.op(), Flag.VARIADIC);
        List<MachAllocated.Operand> srcs = variadic ? i.srcs() : loads(md, i.srcs(), out, i.span());
        if (i.dsts().nonEmpty() && i.dsts().head() instanceof MachAllocated.Slot s && !variadic) {
            MachineDescription.RegisterFile file = md.file(s.cls());
            MachAllocated.Reg scratch = new MachAllocated.Reg(s.cls(), file.scratchRegister(0), i.span());
            out.add(new MachAllocated.Instr(i.op(), List.of(scratch), srcs, i.imms(), i.span()));
            out.add(new MachAllocated.Instr(file.store(), List.of(s), List.of(scratch), List.empty(), i.span()));
            return;
        }
        out.add(new MachAllocated.Instr(i.op(), i.dsts(), srcs, i.imms(), i.span()));
    }

    /** Whether two operands are the same machine register (operands carry spans, so records of one register may differ). */
    private static boolean sameRegister(MachAllocated.Operand a, MachAllocated.Operand b) {
        return a instanceof MachAllocated.Reg x && b instanceof MachAllocated.Reg y && x.cls() == y.cls() && x.index() == y.index();
    }

    /** The operands with each slot replaced by a scratch register loaded just before. */
    private static List<MachAllocated.Operand> loads(MachineDescription md, List<MachAllocated.Operand> ops, ArrayList<MachAllocated.Instr> out, Span sp) {
        Map<RegClass, Integer> used = new HashMap<>();
        return ops.map(o -> {
            if (o instanceof MachAllocated.Slot s) {
                MachineDescription.RegisterFile file = md.file(s.cls());
                int k = used.merge(s.cls(), 1, Integer::sum) - 1;
                if (k >= file.scratch()) {
                    throw new IllegalStateException(md.name() + ": an instruction at " + sp + " reads more spilled " + s.cls() + " operands than the "
                            + file.scratch() + " scratch registers of the class");
                }
                MachAllocated.Reg scratch = new MachAllocated.Reg(s.cls(), file.scratchRegister(k), sp);
                out.add(new MachAllocated.Instr(file.load(), List.of(scratch), List.of(s), List.empty(), sp));
                return scratch;
            }
            return o;
        });
    }
}
