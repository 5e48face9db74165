package nanopy.py;

import io.vavr.collection.List;
import nanopy.ir.Span;

/**
 * Static types of NanoPy ({@link PyCore.Type}, shared by PyCore, PyResolved and PyTyped): canonical
 * instances without source positions (so that types compare with {@code equals}), their names as
 * Python writes them, and the type of any {@link PyTyped.Expr}.
 */
public final class PyTypes {
    /** {@code int}. */
    public static final PyCore.Type INT = new PyCore.IntType(Span.NONE);
    /** {@code float}. */
    public static final PyCore.Type FLOAT = new PyCore.FloatType(Span.NONE);
    /** {@code bool}. */
    public static final PyCore.Type BOOL = new PyCore.BoolType(Span.NONE);
    /** {@code str}. */
    public static final PyCore.Type STR = new PyCore.StrType(Span.NONE);
    /** {@code None}. */
    public static final PyCore.Type NONE = new PyCore.NoneType(Span.NONE);
    /** An exception instance (of any built-in exception class). */
    public static final PyCore.Type EXCEPTION = new PyCore.ExceptionType(Span.NONE);

    private PyTypes() {}

    /** {@code list[elem]}. */
    public static PyCore.Type list(PyCore.Type elem) {
        return new PyCore.ListType(elem, Span.NONE);
    }

    /** {@code tuple[elems...]}. */
    public static PyCore.Type tuple(List<PyCore.Type> elems) {
        return new PyCore.TupleType(elems, Span.NONE);
    }

    /** {@code Callable[[params...], result]}. */
    public static PyCore.Type fun(List<PyCore.Type> params, PyCore.Type result) {
        return new PyCore.FunType(params, result, Span.NONE);
    }

    /** {@code dict[key, value]}. */
    public static PyCore.Type dict(PyCore.Type key, PyCore.Type value) {
        return new PyCore.DictType(key, value, Span.NONE);
    }

    /** {@code set[elem]}. */
    public static PyCore.Type set(PyCore.Type elem) {
        return new PyCore.SetType(elem, Span.NONE);
    }

    /** An instance of the program's class {@code name}. */
    public static PyCore.Type cls(String name) {
        return new PyCore.ClassType(name, Span.NONE);
    }

    /** The same type without source positions, so that equal types are {@code equals}. */
    public static PyCore.Type norm(PyCore.Type t) {
        return switch (t) {
            case PyCore.IntType x -> INT;
            case PyCore.FloatType x -> FLOAT;
            case PyCore.BoolType x -> BOOL;
            case PyCore.StrType x -> STR;
            case PyCore.NoneType x -> NONE;
            case PyCore.ListType(var e, var s) -> list(norm(e));
            case PyCore.TupleType(var es, var s) -> tuple(es.map(PyTypes::norm));
            case PyCore.FunType(var ps, var r, var s) -> fun(ps.map(PyTypes::norm), norm(r));
            case PyCore.DictType(var k, var v, var s) -> dict(norm(k), norm(v));
            case PyCore.SetType(var e, var s) -> set(norm(e));
            case PyCore.ClassType(var n, var s) -> cls(n);
            case PyCore.ExceptionType x -> EXCEPTION;
        };
    }

    /** The type as Python spells it: {@code list[tuple[int, str]]}, {@code Callable[[int], bool]}. */
    public static String show(PyCore.Type t) {
        return switch (t) {
            case PyCore.IntType x -> "int";
            case PyCore.FloatType x -> "float";
            case PyCore.BoolType x -> "bool";
            case PyCore.StrType x -> "str";
            case PyCore.NoneType x -> "None";
            case PyCore.ListType(var e, var s) -> "list[" + show(e) + "]";
            case PyCore.TupleType(var es, var s) -> "tuple[" + es.map(PyTypes::show).mkString(", ") + "]";
            case PyCore.FunType(var ps, var r, var s) -> "Callable[[" + ps.map(PyTypes::show).mkString(", ") + "], " + show(r) + "]";
            case PyCore.DictType(var k, var v, var s) -> "dict[" + show(k) + ", " + show(v) + "]";
            case PyCore.SetType(var e, var s) -> "set[" + show(e) + "]";
            case PyCore.ClassType(var n, var s) -> n;
            case PyCore.ExceptionType x -> "Exception";
        };
    }

    /** The static type of a typed expression (read from the node, never recomputed). */
    public static PyCore.Type typeOf(PyTyped.Expr e) {
        return switch (e) {
            case PyTyped.IntLit x -> INT;
            case PyTyped.FloatLit x -> FLOAT;
            case PyTyped.BoolLit x -> BOOL;
            case PyTyped.StrLit x -> STR;
            case PyTyped.NoneLit x -> NONE;
            case PyTyped.Var x -> x.type();
            case PyTyped.Prim x -> x.type();
            case PyTyped.Compare x -> BOOL;
            case PyTyped.And x -> BOOL;
            case PyTyped.Or x -> BOOL;
            case PyTyped.IfExp x -> x.type();
            case PyTyped.ListLit x -> x.type();
            case PyTyped.TupleLit x -> x.type();
            case PyTyped.TupleGet x -> x.type();
            case PyTyped.ListComp x -> x.type();
            case PyTyped.Lambda x -> x.type();
            case PyTyped.Call x -> x.type();
            case PyTyped.Print x -> NONE;
        };
    }
}
