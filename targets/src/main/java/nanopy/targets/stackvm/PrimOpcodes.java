package nanopy.targets.stackvm;

import nanopy.py.PyTyped.PrimOp;
import nanopy.stackvm.StackCode.Opcode;

/**
 * Which instruction runs each typed primitive of PyTyped, how many operands it pops, and how a
 * listing shows it: operators get CPython's own opcodes ({@code BINARY_OP}, {@code COMPARE_OP},
 * {@code CONTAINS_OP}, ...), with the typed variants of CPython 3.12's specializing interpreter
 * for the common ones; builtins and methods are {@code CALL_INTRINSIC}.
 */
final class PrimOpcodes {
    private static final PrimOp[] PRIMITIVES = PrimOp.values();

    private PrimOpcodes() {}

    /** The instruction for {@code op}; its argument is {@code op}'s ordinal unless {@link #argument} says otherwise. */
    static Opcode opcode(PrimOp op) {
        return switch (op) {
            case IntAdd -> Opcode.BINARY_OP_ADD_INT;
            case IntSub -> Opcode.BINARY_OP_SUBTRACT_INT;
            case IntMul -> Opcode.BINARY_OP_MULTIPLY_INT;
            case FloatAdd -> Opcode.BINARY_OP_ADD_FLOAT;
            case FloatSub -> Opcode.BINARY_OP_SUBTRACT_FLOAT;
            case FloatMul -> Opcode.BINARY_OP_MULTIPLY_FLOAT;
            case StrConcat -> Opcode.BINARY_OP_ADD_UNICODE;
            case IntFloorDiv, IntMod, IntPow, IntTrueDiv, FloatDiv, FloatFloorDiv, FloatMod, FloatPow, StrRepeat,
                    ListConcat, ListRepeat -> Opcode.BINARY_OP;
            case IntEq, IntNe, IntLt, IntLe, IntGt, IntGe -> Opcode.COMPARE_OP_INT;
            case FloatEq, FloatNe, FloatLt, FloatLe, FloatGt, FloatGe -> Opcode.COMPARE_OP_FLOAT;
            case StrEq, StrNe, StrLt, StrLe, StrGt, StrGe -> Opcode.COMPARE_OP_STR;
            case BoolEq, BoolNe, ValueEq, ValueNe -> Opcode.COMPARE_OP;
            case Is, IsNot -> Opcode.IS_OP;
            case StrIn, StrNotIn, ListIn, ListNotIn -> Opcode.CONTAINS_OP;
            case ListIndex -> Opcode.BINARY_SUBSCR_LIST_INT;
            case StrIndex -> Opcode.BINARY_SUBSCR_STR_INT;
            case StrSlice, ListSlice -> Opcode.BINARY_SLICE;
            case Not -> Opcode.UNARY_NOT;
            case IntNeg, FloatNeg -> Opcode.UNARY_NEGATIVE;
            case IntAbs, IntMin, IntMax, IntToFloat, FloatAbs, FloatMin, FloatMax, FloatToInt, Truthy, StrLen, StrJoin,
                    StrSplit, StrSplitSep, StrStrip, StrToInt, StrToFloat, Ord, Chr, ToStr, ListLen, ListAppend, ListPop,
                    ListPopAt, ListExtend, TupleLen, Input, InputInt, Raise -> Opcode.CALL_INTRINSIC;
            case IntAnd, IntOr, IntXor, IntLShift, IntRShift -> Opcode.BINARY_OP;
            case ValueLt, ValueLe, ValueGt, ValueGe -> Opcode.COMPARE_OP;
            case DictIn, DictNotIn, SetIn, SetNotIn -> Opcode.CONTAINS_OP;
            // The stage-2 methods and builtins run in the shared runtime, like CPython's method calls.
            default -> Opcode.CALL_INTRINSIC;
        };
    }

    /** The instruction's argument for {@code op}: CPython's 0/1 for {@code IS_OP}, 0 where none, else the ordinal. */
    static int argument(PrimOp op) {
        return switch (opcode(op)) {
            case IS_OP -> op == PrimOp.IsNot ? 1 : 0;
            case BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_STR_INT, UNARY_NOT -> 0;
            default -> op.ordinal();
        };
    }

    /** How many operands {@code op} pops ({@code input} always takes its prompt, '' when absent). */
    static int arity(PrimOp op) {
        return switch (op) {
            case InputInt -> 0;
            case IntNeg, IntAbs, IntToFloat, FloatNeg, FloatAbs, FloatToInt, Not, Truthy, StrLen, StrSplit, StrStrip,
                    StrToInt, StrToFloat, Ord, Chr, ToStr, ListLen, ListPop, TupleLen, Input, Raise -> 1;
            case IntInvert, StrLower, StrUpper, StrIsDigit, StrIsAlpha, StrIsSpace, StrToList, ListReverse, SumInt, SumFloat,
                    MinOf, MaxOf, MinPairs, MaxPairs, RoundToInt, AnyOf, AllOf, Repr, DictOf, DictLen, DictKeys, DictValues,
                    DictItems, SetOf, SetLen, SetToList -> 1;
            case StrSlice, ListSlice, StrReplace, ListInsert, ListSortPairs, Zip3, DictGetOr, DictSet, DictSetDefault, DictPopOr,
                    ObjSet -> 3;
            case StrSliceStep, ListSliceStep, ListSetSlice -> 4;
            default -> 2;
        };
    }

    /** The primitive an instruction's argument names (for opcodes whose argument is an ordinal). */
    static PrimOp primitive(int ordinal) {
        return PRIMITIVES[ordinal];
    }

    /** How a listing shows {@code op}: the Python operator where it is one, else the primitive's name. */
    static String symbol(PrimOp op) {
        return switch (op) {
            case IntAdd, FloatAdd, StrConcat, ListConcat -> "+";
            case IntSub, FloatSub, IntNeg, FloatNeg -> "-";
            case IntMul, FloatMul, StrRepeat, ListRepeat -> "*";
            case IntFloorDiv, FloatFloorDiv -> "//";
            case IntTrueDiv, FloatDiv -> "/";
            case IntMod, FloatMod -> "%";
            case IntPow, FloatPow -> "**";
            case IntEq, FloatEq, StrEq, BoolEq, ValueEq -> "==";
            case IntNe, FloatNe, StrNe, BoolNe, ValueNe -> "!=";
            case IntLt, FloatLt, StrLt -> "<";
            case IntLe, FloatLe, StrLe -> "<=";
            case IntGt, FloatGt, StrGt -> ">";
            case IntGe, FloatGe, StrGe -> ">=";
            case StrIn, ListIn, DictIn, SetIn -> "in";
            case StrNotIn, ListNotIn, DictNotIn, SetNotIn -> "not in";
            case IntAnd -> "&";
            case IntOr -> "|";
            case IntXor -> "^";
            case IntLShift -> "<<";
            case IntRShift -> ">>";
            case ValueLt -> "<";
            case ValueLe -> "<=";
            case ValueGt -> ">";
            case ValueGe -> ">=";
            default -> op.name();
        };
    }
}
