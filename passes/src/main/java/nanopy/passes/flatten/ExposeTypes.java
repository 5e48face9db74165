package nanopy.passes.flatten;

import nanopy.passes.closures.ClosedTemps.Types;
import nanopy.py.Alloc;
import nanopy.py.Closed;

/** The static type of an expression of {@link Alloc} (read from the node, never recomputed). */
public final class ExposeTypes {
    private ExposeTypes() {}

    /** The type of {@code e}. */
    public static Closed.Type typeOf(Alloc.Expr e) {
        return switch (e) {
            case Alloc.IntLit x -> Types.INT;
            case Alloc.FloatLit x -> Types.FLOAT;
            case Alloc.BoolLit x -> Types.BOOL;
            case Alloc.StrLit x -> Types.STR;
            case Alloc.NoneLit x -> Types.NONE;
            case Alloc.Print x -> Types.NONE;
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
