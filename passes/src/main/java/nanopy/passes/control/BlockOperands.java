package nanopy.passes.control;

import nanopy.py.Blocks;
import nanopy.py.Flat;

/**
 * Copies the straight-line parts of {@link Flat} into {@link Blocks}: atoms, targets, and every
 * expression other than IfExp and Begin (which explicate-control turns into control flow). The
 * two languages give these forms the same shape; only the Java types differ.
 */
final class BlockOperands {
    private BlockOperands() {}

    /** {@code a} in Blocks. */
    static Blocks.Atom atom(Flat.Atom a) {
        return switch (a) {
            case Flat.IntLit(var v, var sp) -> new Blocks.IntLit(v, sp);
            case Flat.FloatLit(var v, var sp) -> new Blocks.FloatLit(v, sp);
            case Flat.BoolLit(var v, var sp) -> new Blocks.BoolLit(v, sp);
            case Flat.StrLit(var v, var sp) -> new Blocks.StrLit(v, sp);
            case Flat.NoneLit(var sp) -> new Blocks.NoneLit(sp);
            case Flat.Var(var name, var type, var sp) -> new Blocks.Var(name, type, sp);
        };
    }

    /** {@code t} in Blocks (its operands are atoms, so it may be repeated in several branches). */
    static Blocks.Target target(Flat.Target t) {
        return switch (t) {
            case Flat.VarTarget(var name, var type, var sp) -> new Blocks.VarTarget(name, type, sp);
            case Flat.GlobalTarget(var name, var type, var sp) -> new Blocks.GlobalTarget(name, type, sp);
            case Flat.ItemTarget(var list, var index, var type, var sp) -> new Blocks.ItemTarget(atom(list), atom(index), type, sp);
            case Flat.RecordTarget(var env, var hops, var slot, var type, var sp) -> new Blocks.RecordTarget(atom(env), hops, slot, type, sp);
        };
    }

    /**
     * {@code e} in Blocks.
     *
     * @throws IllegalArgumentException for an IfExp or a Begin, which have no counterpart
     */
    static Blocks.Expr simple(Flat.Expr e) {
        return switch (e) {
            case Flat.Atom a -> atom(a);
            case Flat.GlobalVar(var name, var type, var sp) -> new Blocks.GlobalVar(name, type, sp);
            case Flat.Allocate(var kind, var size, var type, var sp) -> new Blocks.Allocate(kind, size, type, sp);
            case Flat.AllocateClosure(var code, var type, var sp) -> new Blocks.AllocateClosure(code, type, sp);
            case Flat.Prim(var op, var args, var type, var sp) -> new Blocks.Prim(op, args.map(BlockOperands::atom), type, sp);
            case Flat.Call(var fn, var args, var type, var sp) -> new Blocks.Call(atom(fn), args.map(BlockOperands::atom), type, sp);
            case Flat.Print(var args, var sep, var end, var sp) -> new Blocks.Print(args.map(BlockOperands::atom), atom(sep), atom(end), sp);
            case Flat.TupleGet(var tuple, var index, var type, var sp) -> new Blocks.TupleGet(atom(tuple), index, type, sp);
            case Flat.RecordGet(var env, var hops, var slot, var type, var sp) -> new Blocks.RecordGet(atom(env), hops, slot, type, sp);
            case Flat.IfExp x -> throw new IllegalArgumentException("explicate-control: an IfExp is control flow, not an operand: " + x.span());
            case Flat.Begin x -> throw new IllegalArgumentException("explicate-control: a Begin is control flow, not an operand: " + x.span());
        };
    }
}
