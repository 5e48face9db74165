package nanopy.passes.mach;

import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * A register target's instruction set, as the shared back end needs it: a {@link MachineDescription}
 * and the {@link RuleTable} instruction selection munches with. That is the whole extension point:
 * a new register target supplies one class implementing this (plus its opcode and register-class
 * enums, an emitter and a runner), lists it in {@code META-INF/services/nanopy.passes.mach.Isa},
 * and the shared passes ({@code select-instructions{isa=NAME}}, {@code uncover-live},
 * {@code build-interference}, {@code allocate-registers}, {@code patch-instructions},
 * {@code prelude-and-conclusion}) work for it. See docs/architecture.md, "Adding a register target".
 */
public interface Isa {
    /** The name pipelines and {@code MachCode.Program.isa} use ({@code regvm}, {@code mips}). */
    String name();

    /** Registers, calling convention, opcode flags. */
    MachineDescription machine();

    /**
     * The patterns instruction selection covers Lir with; an ISA that does not select from Lir (the
     * register VM, selected from Blocks) has an empty table.
     */
    RuleTable rules();

    /**
     * The instruction set called {@code name}, among the {@code Isa} services.
     *
     * @throws IllegalArgumentException naming the known ones when there is none
     */
    static Isa named(String name) {
        ServiceLoader<Isa> all = ServiceLoader.load(Isa.class, Isa.class.getClassLoader());
        for (Isa i : all) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        String known = all.stream().map(p -> p.get().name()).sorted().collect(Collectors.joining(", "));
        throw new IllegalArgumentException("no instruction set named '" + name + "' (known: " + known + ")");
    }
}
