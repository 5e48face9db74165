package nanopy.targets.stackvm;

import nanopy.stackvm.StackCode.Opcode;

/** Facts about opcodes shared by the listing, the peephole optimizer and the VM. */
final class Opcodes {
    private Opcodes() {}

    /** False for the opcodes that take no argument (their argument is 0 and is not listed). */
    static boolean hasArgument(Opcode op) {
        return switch (op) {
            case NOP, POP_TOP, LOAD_LINK, BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_STR_INT, STORE_SUBSCR_LIST_INT,
                    UNARY_NOT, MAKE_FUNCTION, RETURN_VALUE, POP_BLOCK -> false;
            default -> true;
        };
    }

    /** True for the four jumps and SETUP_FINALLY (their argument is a relative distance in instructions). */
    static boolean isJump(Opcode op) {
        return isConditionalJump(op) || op == Opcode.JUMP_FORWARD || op == Opcode.JUMP_BACKWARD || op == Opcode.SETUP_FINALLY;
    }

    /** True for {@code POP_JUMP_IF_FALSE} and {@code POP_JUMP_IF_TRUE}. */
    static boolean isConditionalJump(Opcode op) {
        return op == Opcode.POP_JUMP_IF_FALSE || op == Opcode.POP_JUMP_IF_TRUE;
    }

    /** True when control never falls through to the next instruction. */
    static boolean endsFlow(Opcode op) {
        return op == Opcode.RETURN_VALUE || op == Opcode.RETURN_CONST || op == Opcode.JUMP_FORWARD
                || op == Opcode.JUMP_BACKWARD || op == Opcode.RAISE_VARARGS;
    }

    /** The index of the instruction a jump at {@code index} with argument {@code arg} goes to. */
    static int jumpTarget(Opcode op, int index, int arg) {
        return op == Opcode.JUMP_BACKWARD ? index + 1 - arg : index + 1 + arg;
    }

    /**
     * How much an instruction changes the depth of the operand stack (for jumps: when taken or not,
     * alike; at a SETUP_FINALLY's handler the exception is one more).
     */
    static int stackEffect(Opcode op, int arg) {
        return switch (op) {
            case NOP, SWAP, LOAD_LINK, LOAD_SLOT, BINARY_SUBSCR_TUPLE_INT, UNARY_NOT, UNARY_NEGATIVE, RETURN_CONST,
                    JUMP_FORWARD, JUMP_BACKWARD, SETUP_FINALLY, POP_BLOCK -> 0;
            case COPY, LOAD_CONST, LOAD_FAST, LOAD_GLOBAL -> 1;
            case POP_TOP, STORE_FAST, STORE_GLOBAL, BINARY_OP, BINARY_OP_ADD_INT, BINARY_OP_SUBTRACT_INT,
                    BINARY_OP_MULTIPLY_INT, BINARY_OP_ADD_FLOAT, BINARY_OP_SUBTRACT_FLOAT, BINARY_OP_MULTIPLY_FLOAT,
                    BINARY_OP_ADD_UNICODE, COMPARE_OP, COMPARE_OP_INT, COMPARE_OP_FLOAT, COMPARE_OP_STR, IS_OP,
                    CONTAINS_OP, BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_STR_INT, LIST_APPEND, MAKE_FUNCTION,
                    RETURN_VALUE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, RAISE_VARARGS -> -1;
            case STORE_SLOT, BINARY_SLICE -> -2;
            case STORE_SUBSCR_LIST_INT -> -3;
            case BUILD_RECORD, CALL -> -arg;
            case BUILD_LIST, BUILD_TUPLE -> 1 - arg;
            case UNPACK_SEQUENCE -> arg - 1;
            case CALL_PRINT -> -arg - 1;
            case CALL_INTRINSIC -> 1 - PrimOpcodes.arity(PrimOpcodes.primitive(arg));
        };
    }
}
