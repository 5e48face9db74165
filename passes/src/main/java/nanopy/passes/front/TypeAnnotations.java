package nanopy.passes.front;

import io.vavr.collection.List;
import nanopy.ir.Span;
import nanopy.pass.PassContext;
import nanopy.py.PyCore;
import nanopy.py.PySyntax;

/**
 * Reads a type annotation written as a Python expression into a {@link PyCore.Type}: {@code int},
 * {@code float}, {@code bool}, {@code str}, {@code None}, {@code list[T]}, {@code tuple[T1, ...]},
 * {@code Callable[[T1, ...], R]}, {@code dict[K, V]}, {@code set[T]}, the program's classes (also quoted,
 * {@code "Date"}) and module-level aliases ({@code Matrix = list[list[float]]}). Anything else is
 * reported and read as {@code None} so that checking can go on.
 */
final class TypeAnnotations {
    private final PassContext ctx;
    private final java.util.Set<String> classes = new java.util.HashSet<>();
    private final java.util.Map<String, PyCore.Type> aliases = new java.util.HashMap<>();

    /** Makes {@code name}, a class of the program, a type. */
    void declareClass(String name) {
        classes.add(name);
    }

    /** Makes {@code name} stand for {@code type} ({@code Matrix = list[list[float]]}). */
    void declareAlias(String name, PyCore.Type type) {
        aliases.put(name, type);
    }

    /** True when {@code name} is a class of the program. */
    boolean isClass(String name) {
        return classes.contains(name);
    }

    TypeAnnotations(PassContext ctx) {
        this.ctx = ctx;
    }

    /** The type an annotation denotes; reports and returns {@code None} for an unsupported one. */
    PyCore.Type type(PySyntax.Expr annotation) {
        Span s = annotation.span();
        return switch (annotation) {
            case PySyntax.Name(var id, var c, var sp) -> named(id, s);
            case PySyntax.Constant(PySyntax.NoneConst n, var k, var sp) -> new PyCore.NoneType(s);
            case PySyntax.Constant(PySyntax.StrConst(var name, var sp1), var k, var sp) when classes.contains(name) -> new PyCore.ClassType(name, s);
            case PySyntax.Subscript(PySyntax.Name(var id, var c, var sp1), var arg, var c2, var sp2) -> generic(id, arg, s);
            default -> bad(s, "this annotation is not a NanoPy type");
        };
    }

    private PyCore.Type named(String id, Span s) {
        if (classes.contains(id)) {
            return new PyCore.ClassType(id, s);
        }
        if (aliases.containsKey(id)) {
            return aliases.get(id);
        }
        return switch (id) {
            case "int" -> new PyCore.IntType(s);
            case "float" -> new PyCore.FloatType(s);
            case "bool" -> new PyCore.BoolType(s);
            case "str" -> new PyCore.StrType(s);
            case "None" -> new PyCore.NoneType(s);
            case "list", "tuple", "Callable", "dict", "set" -> bad(s, id + " needs type arguments, e.g. " + example(id));
            case "Dict", "Set", "List", "Tuple", "Optional", "Union", "Any" -> unsupported(s, "type " + id);
            default -> bad(s, "unknown type " + id);
        };
    }

    private static String example(String id) {
        return switch (id) {
            case "list" -> "list[int]";
            case "tuple" -> "tuple[int, str]";
            case "dict" -> "dict[str, int]";
            case "set" -> "set[int]";
            default -> "Callable[[int], int]";
        };
    }

    private PyCore.Type generic(String id, PySyntax.Expr arg, Span s) {
        List<PySyntax.Expr> args = arg instanceof PySyntax.TupleExpr t ? t.elts() : List.of(arg);
        return switch (id) {
            case "list" -> args.size() == 1 ? new PyCore.ListType(type(args.head()), s) : bad(s, "list takes one type argument");
            case "set" -> args.size() == 1 ? new PyCore.SetType(type(args.head()), s) : bad(s, "set takes one type argument");
            case "dict" -> args.size() == 2 ? new PyCore.DictType(type(args.head()), type(args.get(1)), s)
                    : bad(s, "dict takes two type arguments, e.g. dict[str, int]");
            case "tuple" -> {
                if (args.exists(a -> a instanceof PySyntax.Constant(PySyntax.EllipsisConst e, var k, var sp))) {
                    yield unsupported(s, "variable-length tuple type");
                }
                yield new PyCore.TupleType(args.map(this::type), s);
            }
            case "Callable" -> {
                if (args.size() == 2 && args.head() instanceof PySyntax.ListExpr params) {
                    yield new PyCore.FunType(params.elts().map(this::type), type(args.get(1)), s);
                }
                yield bad(s, "Callable is written Callable[[T1, T2], R]");
            }
            default -> unsupported(s, "type " + id);
        };
    }

    private PyCore.Type unsupported(Span s, String what) {
        ctx.error(s, "unsupported: " + what + " is not in NanoPy yet");
        return new PyCore.NoneType(s);
    }

    private PyCore.Type bad(Span s, String message) {
        ctx.error(s, message);
        return new PyCore.NoneType(s);
    }
}
