package nanopy.passes.mach;

import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import nanopy.lir.Lir;

/**
 * A tree pattern over {@link Tree}s, the left side of a selection rule. Leaves are {@link #reg()}
 * (any subtree: selection computes it into a register, which becomes the instruction's next
 * source operand) and {@link #imm} (an integer constant the instruction takes as an immediate);
 * inner patterns match one Lir operation. Each matched node's fixed part that an instruction needs
 * (a constant, a field index, a global's or function's name) becomes its next immediate, in
 * left-to-right order: {@code IntImm}, {@code FloatImm}, {@code StrImm} or {@code SymImm}.
 */
public sealed interface Pattern {
    /** Any operand, in a register of its type's class. */
    record Reg() implements Pattern {}

    /** An integer constant satisfying {@code fits} (the instruction's immediate field). */
    record Imm(LongPredicate fits) implements Pattern {}

    /** A node of {@code kind} whose key equals {@code key} (when present) and whose kids match {@code kids}. */
    record Node(Tree.Kind kind, Optional<Object> key, Optional<Lir.Ty> ty, List<Pattern> kids) implements Pattern {}

    /** Any operand in a register. */
    static Pattern reg() {
        return new Reg();
    }

    /** An integer constant that fits in a signed field of {@code bits} bits. */
    static Pattern imm(int bits) {
        long max = (1L << (bits - 1)) - 1;
        return new Imm(v -> v >= -max - 1 && v <= max);
    }

    /** Machine operation {@code op} over {@code args}. */
    static Pattern mach(Lir.MachOp op, Pattern... args) {
        return new Node(Tree.Kind.MACH, Optional.of(op), Optional.empty(), List.of(args));
    }

    /** A call of run-time routine {@code routine} with {@code args}. */
    static Pattern rt(String routine, Pattern... args) {
        return new Node(Tree.Kind.RT, Optional.of(routine), Optional.empty(), List.of(args));
    }

    /** Any word of a record or closure of type {@code ty} (the index is an immediate). */
    static Pattern field(Lir.Ty ty, Pattern object) {
        return new Node(Tree.Kind.FIELD, Optional.empty(), Optional.of(ty), List.of(object));
    }

    /** Statement: store {@code value} into a word of {@code object} (the index is an immediate). */
    static Pattern setField(Pattern object, Pattern value) {
        return new Node(Tree.Kind.SET_FIELD, Optional.empty(), Optional.empty(), List.of(object, value));
    }

    /** A module variable of type {@code ty} (its name is an immediate). */
    static Pattern global(Lir.Ty ty) {
        return new Node(Tree.Kind.GLOBAL, Optional.empty(), Optional.of(ty), List.of());
    }

    /** Statement: store {@code value} into a module variable (its name is an immediate). */
    static Pattern setGlobal(Pattern value) {
        return new Node(Tree.Kind.SET_GLOBAL, Optional.empty(), Optional.empty(), List.of(value));
    }

    /** A constant of kind {@code kind} ({@code INT}, {@code FLOAT}, {@code STR}, {@code NULL}, {@code FUN}); its value is an immediate. */
    static Pattern constant(Tree.Kind kind) {
        return new Node(kind, Optional.empty(), Optional.empty(), List.of());
    }

    /** Tail: a branch on {@code test}. */
    static Pattern branch(Pattern test) {
        return new Node(Tree.Kind.BRANCH, Optional.empty(), Optional.empty(), List.of(test));
    }
}
