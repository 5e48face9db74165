package nanopy.py.interp;

/** Python's {@code repr} of a float, for the interpreters' printing: see {@link nanopy.py.FloatFormat}. */
final class FloatRepr {
    private FloatRepr() {}

    static String repr(double d) {
        return nanopy.py.FloatFormat.repr(d);
    }
}
