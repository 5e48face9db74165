package nanopy.targets.mips;

import nanopy.mach.MachCode;

/** The MIPS target's register classes. In IR text: {@code MipsClass.Pair}. */
public enum MipsClass implements MachCode.RegClass {
    /**
     * A pair of general-purpose registers {@code lo:hi}: a 64-bit int (low word first, as O32
     * passes a 64-bit argument) or a reference (in the low register; the high one is unused).
     */
    Pair,
    /** A double-precision floating-point register ({@code $f0}, {@code $f2}, ...). */
    Fpr
}
