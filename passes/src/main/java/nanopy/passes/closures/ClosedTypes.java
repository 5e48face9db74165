package nanopy.passes.closures;

import nanopy.ir.Span;
import nanopy.py.Closed;

/** The static types the passes after closure conversion need to name. */
public final class ClosedTypes {
    private ClosedTypes() {}

    public static final Closed.Type INT = new Closed.IntType(Span.NONE);
    public static final Closed.Type BOOL = new Closed.BoolType(Span.NONE);
    public static final Closed.Type STR = new Closed.StrType(Span.NONE);
    public static final Closed.Type FLOAT = new Closed.FloatType(Span.NONE);
    public static final Closed.Type NONE = new Closed.NoneType(Span.NONE);
    public static final Closed.Type RECORD = new Closed.RecordType(Span.NONE);
    public static final Closed.Type EXCEPTION = new Closed.ExceptionType(Span.NONE);
}
