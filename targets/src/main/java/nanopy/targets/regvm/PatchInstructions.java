package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.regvm.RegAllocated;
import nanopy.regvm.RegCode.Bank;
import nanopy.regvm.RegCode.Opcode;

/**
 * Makes allocated code encodable: an operand in a spill slot is loaded into a scratch register
 * before the instruction ({@code SpillLoadP/R}) or stored from one after it ({@code SpillStoreP/R});
 * only the variadic instructions (Call, TailCall, Print) keep slot operands, which the VM copies
 * like registers. Moves from a register to itself are deleted (Essentials of Compilation,
 * patch-instructions).
 */
public final class PatchInstructions implements Pass<RegAllocated.Program, RegAllocated.Program> {
    @Override
    public String description() {
        return "load and store spilled operands through scratch registers; drop self-moves";
    }

    @Override
    public RegAllocated.Program apply(RegAllocated.Program program, PassContext ctx) {
        return new RegAllocated.Program(program.globals(), program.functions().map(PatchInstructions::function), program.span());
    }

    private static RegAllocated.Function function(RegAllocated.Function f) {
        List<RegAllocated.Block> blocks = f.blocks().map(PatchInstructions::block);
        return new RegAllocated.Function(f.name(), f.params(), blocks, f.homes(), f.primFrame(), f.refFrame(), f.span());
    }

    private static RegAllocated.Block block(RegAllocated.Block b) {
        ArrayList<RegAllocated.Instr> out = new ArrayList<>();
        for (RegAllocated.Instr i : b.body()) {
            instr(i, out);
        }
        RegAllocated.Tail t = switch (b.tail()) {
            case RegAllocated.Br br -> new RegAllocated.Br(br.op(), loads(br.srcs(), out, br.span()), br.imms(), br.then(), br.orelse(), br.span());
            case RegAllocated.Ret r -> new RegAllocated.Ret(r.value().map(v -> loads(List.of(v), out, r.span()).head()), r.span());
            default -> b.tail();
        };
        return new RegAllocated.Block(b.label(), List.ofAll(out), t, b.span());
    }

    private static boolean variadic(Opcode op) {
        return op == Opcode.Call || op == Opcode.Print;
    }

    private static void instr(RegAllocated.Instr i, ArrayList<RegAllocated.Instr> out) {
        if ((i.op() == Opcode.MovP || i.op() == Opcode.MovR) && i.dsts().head().equals(i.srcs().head())) {
            return;
        }
        List<RegAllocated.Operand> srcs = variadic(i.op()) ? i.srcs() : loads(i.srcs(), out, i.span());
        if (i.dsts().nonEmpty() && i.dsts().head() instanceof RegAllocated.Slot s && !variadic(i.op())) {
            RegAllocated.Reg scratch = new RegAllocated.Reg(s.bank(), RegVmMachine.scratch(0), i.span());
            out.add(new RegAllocated.Instr(i.op(), List.of(scratch), srcs, i.imms(), i.span()));
            Opcode store = s.bank() == Bank.PrimBank ? Opcode.SpillStoreP : Opcode.SpillStoreR;
            out.add(new RegAllocated.Instr(store, List.of(s), List.of(scratch), List.empty(), i.span()));
            return;
        }
        out.add(new RegAllocated.Instr(i.op(), i.dsts(), srcs, i.imms(), i.span()));
    }

    /** The operands with each slot replaced by a scratch register loaded just before. */
    private static List<RegAllocated.Operand> loads(List<RegAllocated.Operand> ops, ArrayList<RegAllocated.Instr> out, Span sp) {
        int[] used = new int[2];
        return ops.map(o -> {
            if (o instanceof RegAllocated.Slot s) {
                RegAllocated.Reg scratch = new RegAllocated.Reg(s.bank(), RegVmMachine.scratch(used[s.bank().ordinal()]++), sp);
                Opcode load = s.bank() == Bank.PrimBank ? Opcode.SpillLoadP : Opcode.SpillLoadR;
                out.add(new RegAllocated.Instr(load, List.of(scratch), List.of(s), List.empty(), sp));
                return scratch;
            }
            return o;
        });
    }
}
