package nanopy.py;

import java.util.Map;

/**
 * The built-in exception classes NanoPy programs may raise and catch, with CPython's hierarchy
 * (the <a href="https://docs.python.org/3/library/exceptions.html#exception-hierarchy">exception
 * hierarchy</a> of the Python library reference, cut to the classes NanoPy's run time raises and
 * their bases). The front end checks names against it; every target matches handlers with
 * {@link #isSubclass}.
 */
public final class ExceptionClasses {
    /** Each class and its base class ({@code BaseException} has none). */
    private static final Map<String, String> BASE = Map.ofEntries(
            Map.entry("BaseException", ""),
            Map.entry("KeyboardInterrupt", "BaseException"),
            Map.entry("Exception", "BaseException"),
            Map.entry("ArithmeticError", "Exception"),
            Map.entry("ZeroDivisionError", "ArithmeticError"),
            Map.entry("OverflowError", "ArithmeticError"),
            Map.entry("LookupError", "Exception"),
            Map.entry("IndexError", "LookupError"),
            Map.entry("KeyError", "LookupError"),
            Map.entry("ValueError", "Exception"),
            Map.entry("TypeError", "Exception"),
            Map.entry("AssertionError", "Exception"),
            Map.entry("AttributeError", "Exception"),
            Map.entry("EOFError", "Exception"),
            Map.entry("MemoryError", "Exception"),
            Map.entry("NameError", "Exception"),
            Map.entry("UnboundLocalError", "NameError"),
            Map.entry("RuntimeError", "Exception"),
            Map.entry("NotImplementedError", "RuntimeError"),
            Map.entry("RecursionError", "RuntimeError"));

    private ExceptionClasses() {}

    /** Whether {@code name} is a built-in exception class NanoPy knows. */
    public static boolean isKnown(String name) {
        return BASE.containsKey(name);
    }

    /**
     * Whether class {@code cls} is {@code base} or derives from it ({@code isSubclass("KeyError",
     * "LookupError")}). An unknown {@code cls} (none should occur) derives from {@code Exception}.
     */
    public static boolean isSubclass(String cls, String base) {
        String c = BASE.containsKey(cls) ? cls : "Exception";
        while (!c.isEmpty()) {
            if (c.equals(base)) {
                return true;
            }
            c = BASE.get(c);
        }
        return false;
    }
}
