package nanopy.passes.mach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nanopy.lir.Lir;
import nanopy.mach.MachCode;
import nanopy.mach.MachCode.Opcode;
import nanopy.mach.MachCode.RegClass;

/**
 * A register machine as the shared back end sees it: its register files (one per register class),
 * the calling convention, which Lir type lives in which class, and what the shared passes must
 * know about each opcode (whether it is a copy, a call, variadic, which machine registers it
 * overwrites). Made once per target, e.g. {@code RegVmIsa.MACHINE}; validated when built.
 *
 * @param name the target's name, as {@code MachCode.Program.isa} writes it
 * @param files the register files, one per class
 * @param classOf the class holding values of each Lir type ({@code I64}, {@code F64}, {@code Ptr})
 * @param opcodes the opcodes with flags or clobbers; an opcode not listed has none
 * @param convention the opcodes selection uses for calls and stack arguments
 */
public record MachineDescription(String name, List<RegisterFile> files, Map<Lir.Ty, RegClass> classOf,
                                 Map<Opcode, OpInfo> opcodes, Convention convention) {
    /**
     * One register class: registers {@code 0..names.size()-1}, the highest {@code scratch} of them
     * kept for patch-instructions (never allocated).
     *
     * @param cls the class (a value of the target's register-class enum)
     * @param names each register's name, for dumps and emitters ({@code $t0}, {@code rax}, {@code r7})
     * @param scratch how many of the highest-numbered registers are scratch registers
     * @param callerSaved registers a call may overwrite: a value live across a call avoids them
     * @param calleeSaved registers a function must give back unchanged: prelude-and-conclusion saves
     *     the ones it writes in frame slots and restores them before returning
     * @param arguments the registers receiving arguments 0, 1, ... of this class; arguments beyond
     *     the list go on the stack ({@link Convention#argOut}). Under a windowed convention (each
     *     call gets fresh registers, as the register VM's) they are where parameters arrive.
     * @param result the register holding a returned value of this class
     * @param move the register-to-register copy ({@code dst <- src})
     * @param load loads a frame slot into a register ({@code dst <- slot})
     * @param store stores a register into a frame slot ({@code slot <- src})
     */
    public record RegisterFile(RegClass cls, List<String> names, int scratch, List<Integer> callerSaved, List<Integer> calleeSaved,
                               List<Integer> arguments, int result, Opcode move, Opcode load, Opcode store) {
        /** How many registers the allocator may hand out. */
        public int allocatable() {
            return names.size() - scratch;
        }

        /** Scratch register {@code k} (0 is the lowest-numbered). */
        public int scratchRegister(int k) {
            return allocatable() + k;
        }
    }

    /** What the shared passes must know about an opcode. */
    public enum Flag {
        /** A register-to-register copy: its def and use get a move edge (the allocator tries one register). */
        MOVE,
        /** A call: values live across it avoid the caller-saved registers. */
        CALL,
        /** Its operands may be frame slots (the machine reads them wherever they are): patch-instructions leaves them. */
        VARIADIC
    }

    /**
     * An opcode's flags, and the machine registers it overwrites besides its destinations (as
     * {@link MachCode.Reg}s; x86's division overwrites {@code rdx}, for example).
     */
    public record OpInfo(Set<Flag> flags, List<MachCode.Reg> clobbers) {
        /** Flags only. */
        public static OpInfo of(Flag... flags) {
            return new OpInfo(Set.of(flags), List.of());
        }
    }

    /**
     * How calls are made.
     *
     * @param windowed true when every call gets a fresh set of registers (the register VM): the
     *     callee's parameters are precolored to the argument registers and nothing is caller-saved;
     *     false for a real machine, where selection moves arguments into the argument registers
     * @param call calls a function value: srcs {@code [code, argument registers...]}, dsts the
     *     result register (none for a void call); flagged {@link Flag#CALL}
     * @param callRt calls run-time routine {@code StrImm name} (docs/runtime-abi.md) with the same
     *     operands
     * @param argOut writes outgoing stack argument {@code IntImm k} (srcs: the value), before a call
     * @param argIn reads incoming stack argument {@code IntImm k} (dsts: the register), in a callee
     */
    public record Convention(boolean windowed, Opcode call, Opcode callRt, Opcode argOut, Opcode argIn) {}

    /** Where an argument goes: a register, or stack argument {@code k}. */
    public sealed interface ArgLocation {}

    /** In machine register {@code index} of class {@code cls}. */
    public record InRegister(RegClass cls, int index) implements ArgLocation {}

    /** In outgoing (for the callee: incoming) stack argument {@code k}. */
    public record OnStack(int k) implements ArgLocation {}

    /** The machine, checked: every class of {@code classOf} has a file, results and scratch registers are not callee-saved. */
    public MachineDescription {
        for (RegClass c : classOf.values()) {
            if (files.stream().noneMatch(f -> f.cls() == c)) {
                throw new IllegalArgumentException(name + ": no register file for class " + c);
            }
        }
        for (RegisterFile f : files) {
            if (f.calleeSaved().contains(f.result())) {
                throw new IllegalArgumentException(name + ": result register " + f.names().get(f.result()) + " is callee-saved");
            }
            for (int k = 0; k < f.scratch(); k++) {
                int r = f.scratchRegister(k);
                if (f.calleeSaved().contains(r) || f.arguments().contains(r) || f.result() == r) {
                    throw new IllegalArgumentException(name + ": scratch register " + f.names().get(r) + " has another role");
                }
            }
        }
        classOf = Map.copyOf(classOf);
        opcodes = Map.copyOf(opcodes);
    }

    /** The file of class {@code cls}. */
    public RegisterFile file(RegClass cls) {
        return files.stream().filter(f -> f.cls() == cls).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no register class " + cls));
    }

    /** The class values of Lir type {@code ty} live in. */
    public RegClass classOf(Lir.Ty ty) {
        RegClass c = classOf.get(ty);
        if (c == null) {
            throw new IllegalArgumentException(name + " has no register class for " + ty);
        }
        return c;
    }

    /** Whether {@code op} has {@code flag}. */
    public boolean has(Opcode op, Flag flag) {
        OpInfo i = opcodes.get(op);
        return i != null && i.flags().contains(flag);
    }

    /** The registers {@code op} overwrites besides its destinations. */
    public List<MachCode.Reg> clobbers(Opcode op) {
        OpInfo i = opcodes.get(op);
        return i == null ? List.of() : i.clobbers();
    }

    /**
     * Where arguments of these classes go, in order: the next argument register of the class while
     * there is one, else the next stack argument. The caller places them so, the callee finds them so.
     */
    public List<ArgLocation> arguments(List<RegClass> classes) {
        Map<RegClass, Integer> used = new LinkedHashMap<>();
        int stack = 0;
        List<ArgLocation> out = new ArrayList<>();
        for (RegClass c : classes) {
            int k = used.merge(c, 1, Integer::sum) - 1;
            List<Integer> regs = file(c).arguments();
            if (k < regs.size()) {
                out.add(new InRegister(c, regs.get(k)));
            } else {
                out.add(new OnStack(stack++));
            }
        }
        return out;
    }

    /** The shared allocator's view: per class, its size, scratch registers, caller-saved and argument registers. */
    public nanopy.passes.regalloc.MachineDescription<RegClass> allocator() {
        return new nanopy.passes.regalloc.MachineDescription<>(name, files.stream()
                .map(f -> new nanopy.passes.regalloc.MachineDescription.RegisterClass<>(f.cls(), f.names().size(), f.scratch(),
                        convention.windowed() ? List.of() : f.callerSaved(), f.arguments()))
                .toList());
    }

    /** The name of register {@code index} of class {@code cls}. */
    public String registerName(RegClass cls, int index) {
        return file(cls).names().get(index);
    }
}
