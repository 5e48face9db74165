package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.regvm.RegCode;
import nanopy.regvm.RegCode.Bank;
import nanopy.regvm.RegCode.Opcode;

/**
 * Instruction selection: each Blocks function becomes RegCode, three-address code over virtual
 * registers named after the function's variables (temporaries are {@code %N}). The static type of
 * every atom picks the register bank and the typed opcode ({@code IntAdd} is {@code AddI64} on
 * PrimBank registers); a branch on a comparison becomes one fused compare-and-branch; primitives
 * without a typed opcode become {@code Apply} over boxed operands. The module's top-level code is
 * the first function, {@code <module>}.
 */
public final class SelectInstructions implements Pass<Blocks.Module, RegCode.Program> {
    @Override
    public String description() {
        return "select typed register-VM instructions over virtual registers";
    }

    @Override
    public RegCode.Program apply(Blocks.Module m, PassContext ctx) {
        List<RegCode.Global> globals = m.globals().map(l -> new RegCode.Global(l.name(), Types.bank(l.type()), l.span()));
        List<RegCode.Function> fns = List.of(new FunctionSelector().function("<module>", List.empty(), m.body(), m.span()));
        for (Blocks.Def d : m.defs()) {
            fns = fns.append(new FunctionSelector().function(d.name(), d.params(), d.blocks(), d.span()));
        }
        return new RegCode.Program(globals, fns, m.span());
    }
}
