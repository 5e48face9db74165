package nanopy.targets.jvm;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import nanopy.py.Closed;

/**
 * How a NanoPy value is held in a JVM local, field, parameter or operand: ints as {@code long},
 * floats as {@code double}, bools as {@code boolean} (an int on the operand stack), everything
 * else (str, None, lists, tuples, closures, activation records) as an {@code Object} reference.
 * Only lists, tuples and activation records hold boxed values ({@link #box}, {@link #unbox}).
 */
enum Kind {
    LONG('J', ConstantDescs.CD_long, ConstantDescs.CD_Long),
    DOUBLE('D', ConstantDescs.CD_double, ConstantDescs.CD_Double),
    BOOL('Z', ConstantDescs.CD_boolean, ConstantDescs.CD_Boolean),
    REF('A', ConstantDescs.CD_Object, ConstantDescs.CD_Object);

    /** One letter for call-interface names: J, D, Z, or A (a reference). */
    final char letter;
    /** The JVM type. */
    final ClassDesc desc;
    /** The box class ({@code Object} for references). */
    final ClassDesc boxed;

    Kind(char letter, ClassDesc desc, ClassDesc boxed) {
        this.letter = letter;
        this.desc = desc;
        this.boxed = boxed;
    }

    /** The kind of a value of NanoPy type {@code t}. */
    static Kind of(Closed.Type t) {
        return switch (t) {
            case Closed.IntType i -> LONG;
            case Closed.FloatType f -> DOUBLE;
            case Closed.BoolType b -> BOOL;
            default -> REF;
        };
    }

    /** The kind's {@link TypeKind} (for loads, stores and returns). */
    TypeKind typeKind() {
        return switch (this) {
            case LONG -> TypeKind.LONG;
            case DOUBLE -> TypeKind.DOUBLE;
            case BOOL -> TypeKind.INT;
            case REF -> TypeKind.REFERENCE;
        };
    }

    /** Local slots a value of this kind takes (2 for long and double). */
    int slots() {
        return this == LONG || this == DOUBLE ? 2 : 1;
    }

    /** Boxes the value on top of the stack ({@code Long.valueOf} ...); references stay as they are. */
    void box(CodeBuilder cb) {
        if (this != REF) {
            cb.invokestatic(boxed, "valueOf", MethodTypeDesc.of(boxed, desc));
        }
    }

    /** Unboxes the {@code Object} on top of the stack to this kind (a cast and {@code longValue} ...). */
    void unbox(CodeBuilder cb) {
        switch (this) {
            case LONG -> {
                cb.checkcast(boxed);
                cb.invokevirtual(boxed, "longValue", MethodTypeDesc.of(desc));
            }
            case DOUBLE -> {
                cb.checkcast(boxed);
                cb.invokevirtual(boxed, "doubleValue", MethodTypeDesc.of(desc));
            }
            case BOOL -> {
                cb.checkcast(boxed);
                cb.invokevirtual(boxed, "booleanValue", MethodTypeDesc.of(desc));
            }
            case REF -> { }
        }
    }

    /** Pushes this kind's zero (0, 0.0, False, null). */
    void zero(CodeBuilder cb) {
        switch (this) {
            case LONG -> cb.lconst_0();
            case DOUBLE -> cb.dconst_0();
            case BOOL -> cb.iconst_0();
            case REF -> cb.aconst_null();
        }
    }

    /** Pops a value of this kind. */
    void pop(CodeBuilder cb) {
        if (slots() == 2) {
            cb.pop2();
        } else {
            cb.pop();
        }
    }
}
