package nanopy.targets.regvm;

import java.util.List;
import java.util.stream.IntStream;
import nanopy.passes.regalloc.MachineDescription;
import nanopy.regvm.RegCode.Bank;

/**
 * The register VM as the shared allocator sees it: two classes, {@code prim} and {@code ref}, of
 * 256 registers each, the top {@value #SCRATCH} kept as patch-instructions' scratch registers.
 * Every call gets a fresh register window, so no register is caller-saved; parameters arrive in
 * registers 0, 1, ... of their class (the static link is {@code ref} register 0).
 */
final class RegVmMachine {
    /** Registers per bank that instructions can name. */
    static final int REGISTERS = 256;
    /** Scratch registers per bank, the highest-numbered ones. */
    static final int SCRATCH = 3;

    static final MachineDescription<String> MACHINE = new MachineDescription<>("regvm", List.of(
            registerClass("prim"), registerClass("ref")));

    private RegVmMachine() {}

    private static MachineDescription.RegisterClass<String> registerClass(String name) {
        List<Integer> args = IntStream.range(0, REGISTERS - SCRATCH).boxed().toList();
        return new MachineDescription.RegisterClass<>(name, REGISTERS, SCRATCH, List.of(), args);
    }

    static String className(Bank bank) {
        return bank == Bank.PrimBank ? "prim" : "ref";
    }

    /** The first scratch register. */
    static int scratch(int k) {
        return REGISTERS - SCRATCH + k;
    }
}
