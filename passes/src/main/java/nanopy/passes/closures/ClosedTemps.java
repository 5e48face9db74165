package nanopy.passes.closures;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.pass.PassContext;
import nanopy.py.Closed;

/**
 * The temporaries a pass after closure conversion introduces in the Def (or module body) it is
 * translating: {@link #reset()} before a Def, {@link #fresh} per temporary, {@link #taken()} to
 * append to the Def's locals.
 */
public final class ClosedTemps {
    private final PassContext ctx;
    private ArrayList<Closed.Local> locals = new ArrayList<>();

    /** @param ctx the run's fresh-name supply */
    public ClosedTemps(PassContext ctx) {
        this.ctx = ctx;
    }

    /** Starts a new Def. */
    public void reset() {
        locals = new ArrayList<>();
    }

    /** A fresh temporary {@code base.N} of {@code type}. */
    public String fresh(String base, Closed.Type type) {
        String name = ctx.fresh(base);
        locals.add(new Closed.Local(name, type, Span.NONE));
        return name;
    }

    /** The temporaries made since {@link #reset()}. */
    public List<Closed.Local> taken() {
        return List.ofAll(locals);
    }

    /** The static types the passes after closure conversion need to name. */
    public static final class Types {
        private Types() {}

        public static final Closed.Type INT = new Closed.IntType(Span.NONE);
        public static final Closed.Type BOOL = new Closed.BoolType(Span.NONE);
        public static final Closed.Type STR = new Closed.StrType(Span.NONE);
        public static final Closed.Type FLOAT = new Closed.FloatType(Span.NONE);
        public static final Closed.Type NONE = new Closed.NoneType(Span.NONE);
        public static final Closed.Type RECORD = new Closed.RecordType(Span.NONE);
    }
}
