package nanopy.targets.regvm;

import io.vavr.collection.List;
import nanopy.mach.MachCode;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.Blocks;

/**
 * The register VM's instruction selection: each Blocks function becomes MachCode for instruction
 * set {@code regvm} ({@link RegVmIsa}), three-address code over virtual registers named after the
 * function's variables (temporaries are {@code %N}), after which the shared register passes
 * ({@code nanopy.passes.mach}) take over. The static type of every atom picks the register bank
 * and the typed opcode ({@code IntAdd} is {@code AddI64} on PrimBank registers); a branch on a
 * comparison becomes one fused compare-and-branch; primitives without a typed opcode become
 * {@code Apply} over boxed operands; numeric constants loaded in loops are loaded once per call
 * ({@link HoistConstants}). Parameters stay virtual registers: under the VM's windowed convention
 * allocate-registers puts them in the callee's low registers. The module's top-level code is the
 * first function, {@code <module>}.
 *
 * <p>Why from Blocks and not from Lir with a rule table (as {@code select-instructions{isa=...}}):
 * the VM's instructions are Python-level (typed list access on boxed Java lists, records and
 * closures as objects, {@code Print} with sep and end, {@code Apply} of PyTyped's primitives),
 * while Lir has already lowered those to raw words and {@code nanopy_rt_*} calls; see
 * docs/regvm.md.
 */
public final class SelectRegvmInstructions implements Pass<Blocks.Module, MachCode.Program> {
    @Override
    public String description() {
        return "select typed register-VM instructions over virtual registers (MachCode, isa regvm)";
    }

    @Override
    public MachCode.Program apply(Blocks.Module m, PassContext ctx) {
        nanopy.passes.lir.Stage2Constructs.rejectExceptions(m, ctx, "regvm");
        List<MachCode.Global> globals = m.globals().map(l -> new MachCode.Global(l.name(), Types.bank(l.type()), l.span()));
        List<MachCode.Function> fns = List.of(new FunctionSelector().function("<module>", List.empty(), m.body(), m.span()));
        for (Blocks.Def d : m.defs()) {
            fns = fns.append(new FunctionSelector().function(d.name(), d.params(), d.blocks(), d.span()));
        }
        return new MachCode.Program(RegVmIsa.MACHINE.name(), globals, fns, m.span());
    }
}
