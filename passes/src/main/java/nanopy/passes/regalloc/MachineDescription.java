package nanopy.passes.regalloc;

import java.util.List;
import java.util.Optional;

/**
 * What the shared register allocator needs to know about a machine: its register classes (each
 * colored separately) and, per class, the calling convention. Liveness, interference and DSatur
 * coloring read only this, so the register VM, MIPS and x86-64 targets share them unchanged.
 *
 * @param name the machine's name, for dumps
 * @param classes the register classes, e.g. {@code prim} and {@code ref} for the register VM, or a
 *     single {@code gpr} class for MIPS
 * @param <C> the type of register classes (a target's enum)
 */
public record MachineDescription<C>(String name, List<RegisterClass<C>> classes) {
    /**
     * One register class: registers {@code 0..registers-1}, of which the top {@code reserved} are
     * kept for patch-instructions' scratch use and never allocated.
     *
     * @param name the class (the key a virtual register names)
     * @param registers how many registers the class has
     * @param reserved how many of the highest-numbered ones are scratch registers
     * @param callerSaved registers a call may overwrite: a value live across a call avoids them
     * @param arguments the registers that receive parameters 0, 1, ... of the class (the calling
     *     convention); parameters beyond the list are passed in frame slots
     */
    public record RegisterClass<C>(C name, int registers, int reserved, List<Integer> callerSaved, List<Integer> arguments) {
        /** How many registers the allocator may hand out: {@code registers - reserved}. */
        public int allocatable() {
            return registers - reserved;
        }
    }

    /** The class called {@code name}, if the machine has one. */
    public Optional<RegisterClass<C>> registerClass(C name) {
        return classes.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
