package nanopy.targets.regvm;

/**
 * The VM's opcode numbers: {@link RegVmOp}'s ordinals for instructions (as {@code int} constants, so
 * the dispatch loop can switch on them; a test checks they agree), then the numbers of the
 * terminators: jump, returns, tail call and the compare-and-branch forms.
 */
final class Ops {
    private Ops() {}

    static final int MOV_P = 0;
    static final int MOV_R = 1;
    static final int CONST_I64 = 2;
    static final int CONST_F64 = 3;
    static final int CONST_STR = 4;
    static final int CONST_NONE = 5;
    static final int LOAD_GLOBAL_P = 6;
    static final int STORE_GLOBAL_P = 7;
    static final int LOAD_GLOBAL_R = 8;
    static final int STORE_GLOBAL_R = 9;
    static final int SPILL_LOAD_P = 10;
    static final int SPILL_STORE_P = 11;
    static final int SPILL_LOAD_R = 12;
    static final int SPILL_STORE_R = 13;
    static final int ADD_I64 = 14;
    static final int SUB_I64 = 15;
    static final int MUL_I64 = 16;
    static final int FLOOR_DIV_I64 = 17;
    static final int MOD_I64 = 18;
    static final int NEG_I64 = 19;
    static final int I64_TO_F64 = 20;
    static final int ADD_F64 = 21;
    static final int SUB_F64 = 22;
    static final int MUL_F64 = 23;
    static final int DIV_F64 = 24;
    static final int NEG_F64 = 25;
    static final int EQ_I64 = 26;
    static final int NE_I64 = 27;
    static final int LT_I64 = 28;
    static final int LE_I64 = 29;
    static final int GT_I64 = 30;
    static final int GE_I64 = 31;
    static final int EQ_F64 = 32;
    static final int NE_F64 = 33;
    static final int LT_F64 = 34;
    static final int LE_F64 = 35;
    static final int GT_F64 = 36;
    static final int GE_F64 = 37;
    static final int EQ_BOOL = 38;
    static final int NE_BOOL = 39;
    static final int NOT_BOOL = 40;
    static final int EQ_STR = 41;
    static final int NE_STR = 42;
    static final int IS = 43;
    static final int IS_NOT = 44;
    static final int CONCAT_STR = 45;
    static final int LEN_STR = 46;
    static final int INDEX_STR = 47;
    static final int LEN_LIST = 48;
    static final int LEN_TUPLE = 49;
    static final int BOX_I64 = 50;
    static final int BOX_F64 = 51;
    static final int BOX_BOOL = 52;
    static final int UNBOX_I64 = 53;
    static final int UNBOX_F64 = 54;
    static final int UNBOX_BOOL = 55;
    static final int STR_I64 = 56;
    static final int STR_F64 = 57;
    static final int STR_BOOL = 58;
    static final int STR_REF = 59;
    static final int LIST_GET_I64 = 60;
    static final int LIST_GET_F64 = 61;
    static final int LIST_GET_BOOL = 62;
    static final int LIST_GET_REF = 63;
    static final int LIST_SET_I64 = 64;
    static final int LIST_SET_F64 = 65;
    static final int LIST_SET_BOOL = 66;
    static final int LIST_SET_REF = 67;
    static final int APPEND_I64 = 68;
    static final int APPEND_F64 = 69;
    static final int APPEND_BOOL = 70;
    static final int APPEND_REF = 71;
    static final int TUPLE_GET_REF = 72;
    static final int RECORD_GET_REF = 73;
    static final int RECORD_SET_REF = 74;
    static final int NEW_LIST = 75;
    static final int NEW_TUPLE = 76;
    static final int NEW_RECORD = 77;
    static final int NEW_CLOSURE = 78;
    static final int INIT_REF = 79;
    static final int APPLY = 80;
    static final int PRINT = 81;
    static final int CALL = 82;
    static final int ADD_I64_IMM = 83;
    static final int SUB_I64_IMM = 84;
    static final int MUL_I64_IMM = 85;
    static final int EQ_I64_IMM = 86;
    static final int NE_I64_IMM = 87;
    static final int LT_I64_IMM = 88;
    static final int LE_I64_IMM = 89;
    static final int GT_I64_IMM = 90;
    static final int GE_I64_IMM = 91;
    static final int POW_F64 = 93;
    static final int F64_TO_I64 = 94;
    static final int JMP = 95;
    static final int RET_P = 96;
    static final int RET_R = 97;
    static final int RET_NONE = 98;
    static final int TAIL_CALL = 99;
    static final int BR_EQ_I64 = 100;
    static final int BR_NE_I64 = 101;
    static final int BR_LT_I64 = 102;
    static final int BR_LE_I64 = 103;
    static final int BR_GT_I64 = 104;
    static final int BR_GE_I64 = 105;
    static final int BR_EQ_F64 = 106;
    static final int BR_NE_F64 = 107;
    static final int BR_LT_F64 = 108;
    static final int BR_LE_F64 = 109;
    static final int BR_GT_F64 = 110;
    static final int BR_GE_F64 = 111;
    static final int BR_EQ_I64_IMM = 112;
    static final int BR_NE_I64_IMM = 113;
    static final int BR_LT_I64_IMM = 114;
    static final int BR_LE_I64_IMM = 115;
    static final int BR_GT_I64_IMM = 116;
    static final int BR_GE_I64_IMM = 117;
    static final int BR_TRUE = 118;
    static final int COUNT = 119;

    /** The compare-and-branch opcode for a Br with opcode {@code op} (a comparison or BrTrue). */
    static int branch(RegVmOp op) {
        return switch (op) {
            case EqI64 -> BR_EQ_I64;
            case NeI64 -> BR_NE_I64;
            case LtI64 -> BR_LT_I64;
            case LeI64 -> BR_LE_I64;
            case GtI64 -> BR_GT_I64;
            case GeI64 -> BR_GE_I64;
            case EqF64 -> BR_EQ_F64;
            case NeF64 -> BR_NE_F64;
            case LtF64 -> BR_LT_F64;
            case LeF64 -> BR_LE_F64;
            case GtF64 -> BR_GT_F64;
            case GeF64 -> BR_GE_F64;
            case EqI64Imm -> BR_EQ_I64_IMM;
            case NeI64Imm -> BR_NE_I64_IMM;
            case LtI64Imm -> BR_LT_I64_IMM;
            case LeI64Imm -> BR_LE_I64_IMM;
            case GtI64Imm -> BR_GT_I64_IMM;
            case GeI64Imm -> BR_GE_I64_IMM;
            case BrTrue -> BR_TRUE;
            default -> throw new IllegalArgumentException(op + " is not a branch");
        };
    }

    /**
     * The length in ints of the instruction at {@code pc} (its opcode and operands), or -1 when the
     * opcode is unknown or the instruction runs past the end of {@code code}.
     */
    static int length(int[] code, int pc) {
        int op = code[pc];
        int n = switch (op) {
            case RET_NONE -> 0;
            case MOV_P, MOV_R, CONST_I64, CONST_F64, CONST_STR, LOAD_GLOBAL_P, STORE_GLOBAL_P, LOAD_GLOBAL_R,
                 STORE_GLOBAL_R, SPILL_LOAD_P, SPILL_STORE_P, SPILL_LOAD_R, SPILL_STORE_R, NEG_I64, I64_TO_F64,
                 NEG_F64, F64_TO_I64, NOT_BOOL, LEN_STR, LEN_LIST, LEN_TUPLE, BOX_I64, BOX_F64, BOX_BOOL, UNBOX_I64,
                 UNBOX_F64, UNBOX_BOOL, STR_I64, STR_F64, STR_BOOL, STR_REF, APPEND_I64, APPEND_F64,
                 APPEND_BOOL, APPEND_REF, NEW_LIST, NEW_TUPLE, NEW_RECORD, NEW_CLOSURE, BR_TRUE -> 2;
            case CONST_NONE, JMP, RET_P, RET_R -> 1;
            case RECORD_GET_REF, RECORD_SET_REF -> 4;
            case PRINT, TAIL_CALL -> pc + 1 < code.length && code[pc + 1] >= 0 ? 1 + code[pc + 1] : -100;
            case CALL -> pc + 2 < code.length && code[pc + 2] >= 0 ? 2 + code[pc + 2] : -100;
            case APPLY -> pc + 3 < code.length && code[pc + 3] >= 0 ? 3 + code[pc + 3] : -100;
            default -> op >= 0 && op < COUNT && op != 92 ? 3 : -100;
        };
        return n < 0 || pc + 1 + n > code.length ? -1 : 1 + n;
    }
}
