package nanopy.passes.front.python;

import io.vavr.collection.List;
import nanopy.py.PySyntax;
import nanopy.py.PySyntax.Expr;
import nanopy.py.PySyntax.ExprContext;

/**
 * Assignment and deletion targets: finding the part of an expression that cannot be a target
 * (as CPython's {@code _PyPegen_get_invalid_target} does), naming it for messages such as
 * {@code cannot assign to function call}, and setting the Store/Del context on valid targets.
 */
final class Targets {
    private Targets() {}

    /** What the target is for, which decides which expressions are valid. */
    enum Use { STAR, DEL, FOR }

    /** The first sub-expression of {@code e} that cannot be a target, or null when {@code e} is valid. */
    static Expr invalid(Expr e, Use use) {
        return switch (e) {
            case PySyntax.Name n -> null;
            case PySyntax.Attribute a -> null;
            case PySyntax.Subscript s -> null;
            case PySyntax.Starred s -> use == Use.DEL ? e : invalid(s.value(), use);
            case PySyntax.TupleExpr t -> firstInvalid(t.elts(), use);
            case PySyntax.ListExpr l -> firstInvalid(l.elts(), use);
            case PySyntax.Compare c when use == Use.FOR && c.ops().head() == PySyntax.CmpOp.In -> invalid(c.left(), use);
            default -> e;
        };
    }

    private static Expr firstInvalid(List<Expr> elts, Use use) {
        for (Expr x : elts) {
            Expr bad = invalid(x, use);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /** CPython's name for an expression kind in messages ({@code _PyPegen_get_expr_name}). */
    static String describe(Expr e) {
        return switch (e) {
            case PySyntax.Attribute x -> "attribute";
            case PySyntax.Subscript x -> "subscript";
            case PySyntax.Starred x -> "starred";
            case PySyntax.Name x -> "name";
            case PySyntax.ListExpr x -> "list";
            case PySyntax.TupleExpr x -> "tuple";
            case PySyntax.Lambda x -> "lambda";
            case PySyntax.Call x -> "function call";
            case PySyntax.BoolOp x -> "expression";
            case PySyntax.BinOp x -> "expression";
            case PySyntax.UnaryOp x -> "expression";
            case PySyntax.GeneratorExp x -> "generator expression";
            case PySyntax.Yield x -> "yield expression";
            case PySyntax.YieldFrom x -> "yield expression";
            case PySyntax.Await x -> "await expression";
            case PySyntax.ListComp x -> "list comprehension";
            case PySyntax.SetComp x -> "set comprehension";
            case PySyntax.DictComp x -> "dict comprehension";
            case PySyntax.Dict x -> "dict literal";
            case PySyntax.SetExpr x -> "set display";
            case PySyntax.JoinedStr x -> "f-string expression";
            case PySyntax.FormattedValue x -> "f-string expression";
            case PySyntax.Compare x -> "comparison";
            case PySyntax.IfExp x -> "conditional expression";
            case PySyntax.NamedExpr x -> "named expression";
            case PySyntax.Slice x -> "slice";
            case PySyntax.Constant c -> switch (c.value()) {
                case PySyntax.NoneConst k -> "None";
                case PySyntax.BoolConst b -> b.value() ? "True" : "False";
                case PySyntax.EllipsisConst k -> "ellipsis";
                default -> "literal";
            };
        };
    }

    /** {@code e} with {@code ctx} set on it and on its target parts; {@code e} must be a valid target. */
    static Expr with(Expr e, ExprContext ctx) {
        return switch (e) {
            case PySyntax.Name n -> new PySyntax.Name(n.id(), ctx, n.span());
            case PySyntax.Attribute a -> new PySyntax.Attribute(a.value(), a.attr(), ctx, a.span());
            case PySyntax.Subscript s -> new PySyntax.Subscript(s.value(), s.slice(), ctx, s.span());
            case PySyntax.Starred s -> new PySyntax.Starred(with(s.value(), ctx), ctx, s.span());
            case PySyntax.TupleExpr t -> new PySyntax.TupleExpr(t.elts().map(x -> with(x, ctx)), ctx, t.span());
            case PySyntax.ListExpr l -> new PySyntax.ListExpr(l.elts().map(x -> with(x, ctx)), ctx, l.span());
            default -> e;
        };
    }
}
