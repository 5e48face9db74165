package nanopy.targets.regvm;

import nanopy.mach.MachCode;

/**
 * The register VM's two register files, the register classes of its machine IR
 * ({@code RegVmBank.PrimBank}): every frame has 256 registers of each plus its spill slots.
 */
public enum RegVmBank implements MachCode.RegClass {
    /** 64-bit cells: ints, floats as IEEE 754 bits, bools as 0/1, unboxed. */
    PrimBank,
    /** Object references: str, list, tuple, None, closures, activation records, boxed values. */
    RefBank
}
