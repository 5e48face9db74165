package nanopy.passes.front;

import io.vavr.collection.List;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import nanopy.ir.Span;
import nanopy.pass.PassContext;
import nanopy.py.PyCore.Type;
import nanopy.py.PyTyped;
import nanopy.py.PyTypes;

/**
 * The state of one {@link CheckTypes} run: the type of every variable (by unique name), the
 * expressions already reported as wrong (so that one mistake gives one diagnostic, not a cascade),
 * and helpers for messages (source text of a span, a variable's name as the user wrote it).
 */
final class Typing {
    final PassContext ctx;
    final Map<String, Type> vars = new HashMap<>();
    private final Set<String> poisonedVars = new HashSet<>();
    private final Set<PyTyped.Expr> failed = Collections.newSetFromMap(new IdentityHashMap<>());
    private final String[] lines;

    /** The fields of each class of the program, in order (stage 2). */
    final Map<String, List<nanopy.py.PyResolved.Param>> classes = new HashMap<>();
    /** The parameters (names, defaults) of each function defined with def, by unique name. */
    final Map<String, List<nanopy.py.PyResolved.Param>> signatures = new HashMap<>();
    private final java.util.ArrayDeque<java.util.List<PyTyped.Local>> temps = new java.util.ArrayDeque<>();

    /** Opens the temporaries of a function, lambda or the module (see {@link #fresh}). */
    void openTemps() {
        temps.push(new java.util.ArrayList<>());
    }

    /** Closes the innermost temporaries scope and returns its temporaries. */
    List<PyTyped.Local> closeTemps() {
        return List.ofAll(temps.pop());
    }

    /** A fresh variable of type {@code t}, declared in the innermost function, lambda or the module. */
    String fresh(String base, Type t) {
        String name = ctx.fresh(base);
        declare(name, t, false);
        temps.peek().add(new PyTyped.Local(name, t, Span.NONE));
        return name;
    }

    /** The index of field {@code name} of class {@code cls}, or -1. */
    int fieldIndex(String cls, String name) {
        List<nanopy.py.PyResolved.Param> fs = classes.get(cls);
        return fs == null ? -1 : fs.indexWhere(f -> f.name().equals(name));
    }

    /** True when {@code t} is or contains an instance of a class (which only user code can print). */
    static boolean hasClass(Type t) {
        return switch (t) {
            case nanopy.py.PyCore.ClassType c -> true;
            case nanopy.py.PyCore.ListType(var e, var s) -> hasClass(e);
            case nanopy.py.PyCore.SetType(var e, var s) -> hasClass(e);
            case nanopy.py.PyCore.DictType(var k, var v, var s) -> hasClass(k) || hasClass(v);
            case nanopy.py.PyCore.TupleType(var es, var s) -> es.exists(Typing::hasClass);
            default -> false;
        };
    }

    Typing(PassContext ctx) {
        this.ctx = ctx;
        this.lines = ctx.source().split("\n", -1);
    }

    /** Reports a type error and returns a stand-in expression of {@code type} that is never reported again. */
    PyTyped.Expr fail(Span span, String message, Type type) {
        ctx.error(span, message);
        return failed(span, type);
    }

    /** A stand-in expression for an error already reported. */
    PyTyped.Expr failed(Span span, Type type) {
        PyTyped.Expr e = new PyTyped.Var("<error>", type, span);
        failed.add(e);
        return e;
    }

    /** True unless {@code e} stands for a reported error. */
    boolean ok(PyTyped.Expr e) {
        return !failed.contains(e);
    }

    /** True when all of {@code es} are fine. */
    boolean ok(List<PyTyped.Expr> es) {
        return es.forAll(this::ok);
    }

    /** Declares a variable's type (first assignment, annotation, parameter). */
    void declare(String name, Type type, boolean poisoned) {
        vars.put(name, type);
        if (poisoned) {
            poisonedVars.add(name);
        }
    }

    boolean poisoned(String name) {
        return poisonedVars.contains(name);
    }

    /** The name as the user wrote it ({@code x.2} was {@code x}). */
    static String userName(String unique) {
        int dot = unique.indexOf('.');
        return dot < 0 ? unique : unique.substring(0, dot);
    }

    /** The source text of a one-line span, or empty. */
    String text(Span s) {
        if (!s.isKnown() || s.line() != s.endLine() || s.line() > lines.length) {
            return "";
        }
        String line = lines[s.line() - 1];
        return s.endCol() - 1 <= line.length() && s.col() >= 1 ? line.substring(s.col() - 1, s.endCol() - 1) : "";
    }

    static String show(Type t) {
        return PyTypes.show(t);
    }

    /** {@code an int}, {@code a str}, ... for messages. */
    static String article(Type t) {
        String s = show(t);
        return ("aeiou".indexOf(s.charAt(0)) >= 0 ? "an " : "a ") + s;
    }

    static boolean numeric(Type t) {
        return t.equals(PyTypes.INT) || t.equals(PyTypes.FLOAT);
    }
}
