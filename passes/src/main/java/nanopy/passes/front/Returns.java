package nanopy.passes.front;

import io.vavr.collection.List;
import nanopy.py.PyCore;
import nanopy.py.PyResolved;

/**
 * Whether control can reach the end of a function body: it cannot when some statement of the body
 * never completes normally: a {@code return} or {@code raise}, an {@code if} whose branches both never
 * complete, a {@code try} whose {@code finally} never completes or whose body (or {@code else}) and
 * handlers all never complete, or a {@code while True:} loop without a {@code break} of its own.
 */
final class Returns {
    private Returns() {}

    /** True when executing {@code body} can complete normally (fall off its end). */
    static boolean canFallOff(List<PyResolved.Stmt> body) {
        return !body.exists(Returns::neverCompletes);
    }

    private static boolean neverCompletes(PyResolved.Stmt s) {
        return switch (s) {
            case PyResolved.Return r -> true;
            case PyResolved.Raise r -> true;
            case PyResolved.If i -> !canFallOff(i.body()) && !canFallOff(i.orelse());
            case PyResolved.Try t -> !canFallOff(t.finalbody())
                    || (!canFallOff(t.body()) || !canFallOff(t.orelse())) && t.handlers().forAll(h -> !canFallOff(h.body()));
            case PyResolved.While w -> w.test() instanceof PyResolved.Constant(PyCore.BoolConst(var v, var s1), var s2) && v
                    && !breaks(w.body());
            default -> false;
        };
    }

    private static boolean breaks(List<PyResolved.Stmt> body) {
        return body.exists(s -> switch (s) {
            case PyResolved.Break b -> true;
            case PyResolved.If i -> breaks(i.body()) || breaks(i.orelse());
            case PyResolved.Try t -> breaks(t.body()) || breaks(t.orelse()) || breaks(t.finalbody())
                    || t.handlers().exists(h -> breaks(h.body()));
            default -> false;
        });
    }
}
