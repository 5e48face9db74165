package nanopy.targets.regvm;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nanopy.ir.OpenTerminal;
import nanopy.lir.Lir;
import nanopy.passes.mach.Isa;
import nanopy.passes.mach.MachineDescription;
import nanopy.passes.mach.MachineDescription.Convention;
import nanopy.passes.mach.MachineDescription.Flag;
import nanopy.passes.mach.MachineDescription.OpInfo;
import nanopy.passes.mach.MachineDescription.RegisterFile;
import nanopy.passes.mach.RuleTable;

/**
 * The register VM as an instruction set of the shared back end ({@code isa = "regvm"}): two
 * register files ({@link RegVmBank}) of {@value #REGISTERS} registers each, the top
 * {@value #SCRATCH} kept as patch-instructions' scratch registers. The calling convention is
 * windowed: every call gets a fresh frame, the arguments copied into the callee's low registers of
 * their bank (the static link is RefBank register 0), so no register is caller- or callee-saved and
 * there are no stack arguments (a frame slot is as good as a register to the VM's {@code Call}).
 * Spilled values live in frame slots past register 255 ({@code SpillLoadP} ... {@code SpillStoreR}).
 *
 * <p>Selection is regvm's own ({@code select-regvm-instructions}, from Blocks), so the rule table is
 * empty; the shared {@code MachInterpreter} does not run this instruction set's code (its opcodes
 * mean what the {@link Vm} does): emit-regvm's bytecode is run by the VM.
 */
public final class RegVmIsa implements Isa, OpenTerminal.Values {
    /** Registers per bank that instructions can name. */
    public static final int REGISTERS = 256;
    /** Scratch registers per bank, the highest-numbered ones. */
    public static final int SCRATCH = 3;

    private static RegisterFile file(RegVmBank bank, String prefix, RegVmOp move, RegVmOp load, RegVmOp store) {
        List<String> names = IntStream.range(0, REGISTERS).mapToObj(i -> prefix + i).toList();
        List<Integer> arguments = IntStream.range(0, REGISTERS - SCRATCH).boxed().toList();
        return new RegisterFile(bank, names, SCRATCH, List.of(), List.of(), arguments, 0, move, load, store);
    }

    /**
     * The machine. {@code Call} copies its operands wherever they are (registers or frame slots),
     * and so does {@code Print}: both are {@link Flag#VARIADIC}. A windowed machine never passes
     * stack arguments, so the convention's argOut and argIn are never selected; {@code Call} stands
     * in for them.
     */
    public static final MachineDescription MACHINE = new MachineDescription("regvm",
            List.of(file(RegVmBank.PrimBank, "p", RegVmOp.MovP, RegVmOp.SpillLoadP, RegVmOp.SpillStoreP),
                    file(RegVmBank.RefBank, "r", RegVmOp.MovR, RegVmOp.SpillLoadR, RegVmOp.SpillStoreR)),
            Map.of(Lir.Ty.I64, RegVmBank.PrimBank, Lir.Ty.F64, RegVmBank.PrimBank, Lir.Ty.Ptr, RegVmBank.RefBank),
            Map.of(RegVmOp.MovP, OpInfo.of(Flag.MOVE), RegVmOp.MovR, OpInfo.of(Flag.MOVE),
                    RegVmOp.Call, OpInfo.of(Flag.CALL, Flag.VARIADIC), RegVmOp.Print, OpInfo.of(Flag.VARIADIC)),
            new Convention(true, RegVmOp.Call, RegVmOp.Apply, RegVmOp.Call, RegVmOp.Call));

    /** For ServiceLoader. */
    public RegVmIsa() {}

    @Override
    public String name() {
        return "regvm";
    }

    @Override
    public MachineDescription machine() {
        return MACHINE;
    }

    @Override
    public RuleTable rules() {
        return RuleTable.empty();
    }

    @Override
    public List<Class<? extends Enum<?>>> enums() {
        return List.of(RegVmOp.class, RegVmBank.class);
    }
}
