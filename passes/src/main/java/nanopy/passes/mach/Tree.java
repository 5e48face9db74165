package nanopy.passes.mach;

import java.util.List;
import nanopy.ir.Span;
import nanopy.lir.Lir;

/**
 * Lir as instruction selection sees it: an expression tree whose leaves are variables and
 * constants. Selection builds it from a block's statements, putting a temporary's definition in
 * place of its one use when the use is in the very next statement (so {@code t = x < y; branch t}
 * is one tree, {@code Branch(Lt(x, y))}), and covers it with {@link RuleTable} patterns.
 *
 * @param kind what the node is
 * @param key its fixed part: the variable's or global's name, the constant, the {@link Lir.MachOp},
 *     the routine's name, the field index (an {@code Integer}); none for {@code NULL} and the statements
 * @param kids its operands, in Lir's order
 * @param ty the Lir type of its value ({@code Void} for statements)
 * @param span where it came from
 */
public record Tree(Kind kind, Object key, List<Tree> kids, Lir.Ty ty, Span span) {
    /** Node kinds: Lir's atoms, expressions and the statements and tail that take operands. */
    public enum Kind {
        /** A variable ({@code key}: its name). */
        VAR,
        /** An integer constant ({@code key}: a {@code Long}). */
        INT,
        /** A float constant ({@code key}: a {@code Double}). */
        FLOAT,
        /** A str constant ({@code key}: its text). */
        STR,
        /** None. */
        NULL,
        /** A function's code address ({@code key}: its name). */
        FUN,
        /** A machine operation ({@code key}: the {@link Lir.MachOp}). */
        MACH,
        /** A run-time routine call ({@code key}: its name). */
        RT,
        /** A call of a function value: kids are the code, then the arguments. */
        CALL,
        /** Word {@code key} of a record or closure (kid: the object). */
        FIELD,
        /** A module variable's value ({@code key}: its name). */
        GLOBAL,
        /** Statement: store kid 1 into word {@code key} of kid 0. */
        SET_FIELD,
        /** Statement: store the kid in module variable {@code key}. */
        SET_GLOBAL,
        /** Tail: branch on the kid (an I64, 0 or 1). */
        BRANCH
    }

    /** The tree of atom {@code a}. */
    public static Tree of(Lir.Atom a) {
        return switch (a) {
            case Lir.Int i -> new Tree(Kind.INT, i.value(), List.of(), Lir.Ty.I64, i.span());
            case Lir.Float f -> new Tree(Kind.FLOAT, f.value(), List.of(), Lir.Ty.F64, f.span());
            case Lir.Str s -> new Tree(Kind.STR, s.value(), List.of(), Lir.Ty.Ptr, s.span());
            case Lir.Null n -> new Tree(Kind.NULL, "", List.of(), Lir.Ty.Ptr, n.span());
            case Lir.FunRef r -> new Tree(Kind.FUN, r.name(), List.of(), Lir.Ty.Ptr, r.span());
            case Lir.Var v -> new Tree(Kind.VAR, v.name(), List.of(), v.ty(), v.span());
        };
    }

    /** The number of nodes (how much a pattern covering it covers). */
    public int size() {
        return 1 + kids.stream().mapToInt(Tree::size).sum();
    }
}
