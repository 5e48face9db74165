package nanopy.mach;

import java.util.List;
import nanopy.ir.OpenTerminal;

/** A toy instruction set for the tests: its opcodes and register classes, registered as open-terminal values. */
public final class ToyIsa implements OpenTerminal.Values {
    /** The toy machine's instructions. */
    public enum ToyOp implements MachCode.Opcode { Mov, Li, Add, Blt, Call }

    /** The toy machine's register classes. */
    public enum ToyClass implements MachCode.RegClass { Gpr, Fpr }

    @Override
    public List<Class<? extends Enum<?>>> enums() {
        return List.of(ToyOp.class, ToyClass.class);
    }
}
