package nanopy.targets.regvm;

import nanopy.regvm.RegImage;

/**
 * Load-time checks of one instruction's operands that the dispatch loop does not repeat: jump
 * targets inside the function, constants of the right kind, functions and globals that exist.
 */
final class Check {
    private Check() {}

    static void operands(Loaded img, RegImage.FunCode fc, int[] code, int pc) {
        int op = code[pc];
        switch (op) {
            case Ops.JMP -> target(fc, code, code[pc + 1], pc);
            case Ops.BR_TRUE -> target(fc, code, code[pc + 2], pc);
            case Ops.CONST_I64, Ops.CONST_F64 -> pool(fc, code[pc + 2], img.primPool.length, pc);
            case Ops.CONST_STR -> {
                pool(fc, code[pc + 2], img.refPool.length, pc);
                if (!(img.refPool[code[pc + 2]] instanceof String)) {
                    throw bad(fc, pc, "constant " + code[pc + 2] + " is not a string");
                }
            }
            case Ops.NEW_CLOSURE -> {
                if (code[pc + 2] < 0 || code[pc + 2] >= img.fns.length) {
                    throw bad(fc, pc, "no function " + code[pc + 2]);
                }
            }
            case Ops.LOAD_GLOBAL_P, Ops.STORE_GLOBAL_P -> pool(fc, code[pc + 2], img.primGlobals, pc);
            case Ops.LOAD_GLOBAL_R, Ops.STORE_GLOBAL_R -> pool(fc, code[pc + 2], img.refGlobals, pc);
            default -> {
                if (op >= Ops.BR_EQ_I64 && op < Ops.BR_TRUE) {
                    target(fc, code, code[pc + 3], pc);
                }
            }
        }
    }

    private static void target(RegImage.FunCode fc, int[] code, int t, int pc) {
        if (t < 0 || t >= code.length) {
            throw bad(fc, pc, "jump to " + t + " outside the function");
        }
    }

    private static void pool(RegImage.FunCode fc, int k, int size, int pc) {
        if (k < 0 || k >= size) {
            throw bad(fc, pc, "index " + k + " out of range");
        }
    }

    private static IllegalArgumentException bad(RegImage.FunCode fc, int pc, String what) {
        return new IllegalArgumentException("function " + fc.name() + ", offset " + pc + ": " + what);
    }
}
