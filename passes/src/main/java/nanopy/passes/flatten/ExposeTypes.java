package nanopy.passes.flatten;

import nanopy.passes.closures.ClosedTypes;
import nanopy.py.Alloc;
import nanopy.py.Closed;

/** The static type of an expression of {@link Alloc} (read from the node, never recomputed). */
public final class ExposeTypes {
    private ExposeTypes() {}

    /** The type of {@code e}. */
    public static Closed.Type typeOf(Alloc.Expr e) {
        return switch (e) {
            case Alloc.IntLit x -> ClosedTypes.INT;
            case Alloc.FloatLit x -> ClosedTypes.FLOAT;
            case Alloc.BoolLit x -> ClosedTypes.BOOL;
            case Alloc.StrLit x -> ClosedTypes.STR;
            case Alloc.NoneLit x -> ClosedTypes.NONE;
            case Alloc.Print x -> ClosedTypes.NONE;
            case Alloc.Var x -> x.type();
            case Alloc.GlobalVar x -> x.type();
            case Alloc.Prim x -> x.type();
            case Alloc.IfExp x -> x.type();
            case Alloc.TupleGet x -> x.type();
            case Alloc.Call x -> x.type();
            case Alloc.RecordGet x -> x.type();
            case Alloc.Allocate x -> x.type();
            case Alloc.AllocateClosure x -> x.type();
            case Alloc.Begin x -> typeOf(x.result());
        };
    }
}
