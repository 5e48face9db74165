package nanopy.passes.front.python;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.function.Consumer;
import nanopy.py.PySyntax;
import nanopy.py.PySyntax.Expr;
import nanopy.py.PySyntax.Stmt;

/**
 * Prints a module exactly as CPython 3.11's {@code ast.dump(ast.parse(source))} does (no indent,
 * no attributes): ASDL class and field names, optional fields omitted when None, lists always
 * shown, constants as Python reprs. nanopy's deviations from the ASDL are mapped back: Dict items
 * become {@code keys} (None for {@code **}) and {@code values}, keyword-only parameters become
 * {@code kwonlyargs} and {@code kw_defaults} (None when there is no default), ExprStmt/ListExpr/
 * TupleExpr/SetExpr print as Expr/List/Tuple/Set. In 3.11's shape type parameters (3.12) are
 * printed only when present, so that 3.11-compatible code prints as 3.11 does; TypeAlias always
 * prints in 3.12's shape.
 */
public final class AstDump {
    private final StringBuilder b = new StringBuilder();
    private final boolean python312;

    private AstDump(boolean python312) {
        this.python312 = python312;
    }

    /** CPython 3.11's {@code ast.dump} of a module (type parameters only when there are some). */
    public static String dump(PySyntax.Module module) {
        return dump(module, false);
    }

    /** CPython 3.12's {@code ast.dump} of a module: as 3.11's, plus {@code type_params} on every def and class. */
    public static String dump312(PySyntax.Module module) {
        return dump(module, true);
    }

    private static String dump(PySyntax.Module module, boolean python312) {
        AstDump d = new AstDump(python312);
        d.open("Module");
        d.list("body", module.body(), d::stmt);
        d.field("type_ignores");
        d.b.append("[]");
        d.close();
        return d.b.toString();
    }

    private void open(String name) {
        b.append(name).append('(');
    }

    private void close() {
        b.append(')');
    }

    private void field(String name) {
        if (b.charAt(b.length() - 1) != '(') {
            b.append(", ");
        }
        b.append(name).append('=');
    }

    private void str(String name, String value) {
        field(name);
        b.append(PyRepr.str(value));
    }

    private void optStr(String name, Option<String> value) {
        if (value.isDefined()) {
            str(name, value.get());
        }
    }

    private void num(String name, long value) {
        field(name);
        b.append(value);
    }

    private void expr(String name, Expr e) {
        field(name);
        expr(e);
    }

    private void optExpr(String name, Option<Expr> e) {
        if (e.isDefined()) {
            expr(name, e.get());
        }
    }

    private <T> void list(String name, List<T> items, Consumer<T> each) {
        field(name);
        b.append('[');
        boolean first = true;
        for (T item : items) {
            if (!first) {
                b.append(", ");
            }
            first = false;
            each.accept(item);
        }
        b.append(']');
    }

    private void exprs(String name, List<Expr> items) {
        list(name, items, this::expr);
    }

    private void strs(String name, List<String> items) {
        list(name, items, s -> b.append(PyRepr.str(s)));
    }

    private void tag(String name) {
        b.append(name).append("()");
    }

    private void tag(String field, Enum<?> value) {
        field(field);
        tag(value.name());
    }

    private void stmt(Stmt s) {
        switch (s) {
            case PySyntax.FunctionDef f -> function("FunctionDef", f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams());
            case PySyntax.AsyncFunctionDef f -> function("AsyncFunctionDef", f.name(), f.args(), f.body(), f.decoratorList(), f.returns(), f.typeParams());
            case PySyntax.ClassDef c -> {
                open("ClassDef");
                str("name", c.name());
                exprs("bases", c.bases());
                list("keywords", c.keywords(), this::keyword);
                list("body", c.body(), this::stmt);
                exprs("decorator_list", c.decoratorList());
                typeParams(c.typeParams());
                close();
            }
            case PySyntax.Return r -> {
                open("Return");
                optExpr("value", r.value());
                close();
            }
            case PySyntax.Delete d -> {
                open("Delete");
                exprs("targets", d.targets());
                close();
            }
            case PySyntax.Assign a -> {
                open("Assign");
                exprs("targets", a.targets());
                expr("value", a.value());
                close();
            }
            case PySyntax.TypeAlias t -> {
                open("TypeAlias");
                expr("name", t.name());
                list("type_params", t.typeParams(), this::typeParam);
                expr("value", t.value());
                close();
            }
            case PySyntax.AugAssign a -> {
                open("AugAssign");
                expr("target", a.target());
                tag("op", a.op());
                expr("value", a.value());
                close();
            }
            case PySyntax.AnnAssign a -> {
                open("AnnAssign");
                expr("target", a.target());
                expr("annotation", a.annotation());
                optExpr("value", a.value());
                num("simple", a.simple() ? 1 : 0);
                close();
            }
            case PySyntax.For f -> loop("For", f.target(), f.iter(), f.body(), f.orelse());
            case PySyntax.AsyncFor f -> loop("AsyncFor", f.target(), f.iter(), f.body(), f.orelse());
            case PySyntax.While w -> {
                open("While");
                expr("test", w.test());
                list("body", w.body(), this::stmt);
                list("orelse", w.orelse(), this::stmt);
                close();
            }
            case PySyntax.If i -> {
                open("If");
                expr("test", i.test());
                list("body", i.body(), this::stmt);
                list("orelse", i.orelse(), this::stmt);
                close();
            }
            case PySyntax.With w -> with("With", w.items(), w.body());
            case PySyntax.AsyncWith w -> with("AsyncWith", w.items(), w.body());
            case PySyntax.Match m -> {
                open("Match");
                expr("subject", m.subject());
                list("cases", m.cases(), this::matchCase);
                close();
            }
            case PySyntax.Raise r -> {
                open("Raise");
                optExpr("exc", r.exc());
                optExpr("cause", r.cause());
                close();
            }
            case PySyntax.Try t -> tryStmt("Try", t.body(), t.handlers(), t.orelse(), t.finalbody());
            case PySyntax.TryStar t -> tryStmt("TryStar", t.body(), t.handlers(), t.orelse(), t.finalbody());
            case PySyntax.Assert a -> {
                open("Assert");
                expr("test", a.test());
                optExpr("msg", a.msg());
                close();
            }
            case PySyntax.Import i -> {
                open("Import");
                list("names", i.names(), this::alias);
                close();
            }
            case PySyntax.ImportFrom i -> {
                open("ImportFrom");
                optStr("module", i.module());
                list("names", i.names(), this::alias);
                num("level", i.level());
                close();
            }
            case PySyntax.Global g -> {
                open("Global");
                strs("names", g.names());
                close();
            }
            case PySyntax.Nonlocal g -> {
                open("Nonlocal");
                strs("names", g.names());
                close();
            }
            case PySyntax.ExprStmt e -> {
                open("Expr");
                expr("value", e.value());
                close();
            }
            case PySyntax.Pass p -> tag("Pass");
            case PySyntax.Break p -> tag("Break");
            case PySyntax.Continue p -> tag("Continue");
        }
    }

    private void function(String kind, String name, PySyntax.Arguments args, List<Stmt> body, List<Expr> decorators,
            Option<Expr> returns, List<PySyntax.TypeParam> typeParams) {
        open(kind);
        str("name", name);
        field("args");
        arguments(args);
        list("body", body, this::stmt);
        exprs("decorator_list", decorators);
        optExpr("returns", returns);
        typeParams(typeParams);
        close();
    }

    private void typeParams(List<PySyntax.TypeParam> params) {
        if (python312 || !params.isEmpty()) {
            list("type_params", params, this::typeParam);
        }
    }

    private void typeParam(PySyntax.TypeParam p) {
        switch (p) {
            case PySyntax.TypeVar t -> {
                open("TypeVar");
                str("name", t.name());
                optExpr("bound", t.bound());
                close();
            }
            case PySyntax.ParamSpec t -> {
                open("ParamSpec");
                str("name", t.name());
                close();
            }
            case PySyntax.TypeVarTuple t -> {
                open("TypeVarTuple");
                str("name", t.name());
                close();
            }
        }
    }

    private void loop(String kind, Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse) {
        open(kind);
        expr("target", target);
        expr("iter", iter);
        list("body", body, this::stmt);
        list("orelse", orelse, this::stmt);
        close();
    }

    private void with(String kind, List<PySyntax.WithItem> items, List<Stmt> body) {
        open(kind);
        list("items", items, i -> {
            open("withitem");
            expr("context_expr", i.contextExpr());
            optExpr("optional_vars", i.optionalVars());
            close();
        });
        list("body", body, this::stmt);
        close();
    }

    private void tryStmt(String kind, List<Stmt> body, List<PySyntax.ExceptHandler> handlers, List<Stmt> orelse, List<Stmt> finalbody) {
        open(kind);
        list("body", body, this::stmt);
        list("handlers", handlers, h -> {
            open("ExceptHandler");
            optExpr("type", h.type());
            optStr("name", h.name());
            list("body", h.body(), this::stmt);
            close();
        });
        list("orelse", orelse, this::stmt);
        list("finalbody", finalbody, this::stmt);
        close();
    }

    private void alias(PySyntax.Alias a) {
        open("alias");
        str("name", a.name());
        optStr("asname", a.asname());
        close();
    }

    private void keyword(PySyntax.Keyword k) {
        open("keyword");
        optStr("arg", k.arg());
        expr("value", k.value());
        close();
    }

    private void arg(PySyntax.Arg a) {
        open("arg");
        str("arg", a.arg());
        optExpr("annotation", a.annotation());
        close();
    }

    private void arguments(PySyntax.Arguments a) {
        open("arguments");
        list("posonlyargs", a.posonlyargs(), this::arg);
        list("args", a.args(), this::arg);
        if (a.vararg().isDefined()) {
            field("vararg");
            arg(a.vararg().get());
        }
        list("kwonlyargs", a.kwonlyargs(), k -> arg(k.arg()));
        list("kw_defaults", a.kwonlyargs(), k -> {
            if (k.defaultValue().isDefined()) {
                expr(k.defaultValue().get());
            } else {
                b.append("None");
            }
        });
        if (a.kwarg().isDefined()) {
            field("kwarg");
            arg(a.kwarg().get());
        }
        exprs("defaults", a.defaults());
        close();
    }

    private void comprehension(PySyntax.Comprehension c) {
        open("comprehension");
        expr("target", c.target());
        expr("iter", c.iter());
        exprs("ifs", c.ifs());
        num("is_async", c.isAsync() ? 1 : 0);
        close();
    }

    private void matchCase(PySyntax.MatchCase c) {
        open("match_case");
        field("pattern");
        pattern(c.pattern());
        optExpr("guard", c.guard());
        list("body", c.body(), this::stmt);
        close();
    }

    private void pattern(PySyntax.Pattern p) {
        switch (p) {
            case PySyntax.MatchValue v -> {
                open("MatchValue");
                expr("value", v.value());
                close();
            }
            case PySyntax.MatchSingleton v -> {
                open("MatchSingleton");
                field("value");
                constant(v.value());
                close();
            }
            case PySyntax.MatchSequence v -> {
                open("MatchSequence");
                list("patterns", v.patterns(), this::pattern);
                close();
            }
            case PySyntax.MatchMapping v -> {
                open("MatchMapping");
                exprs("keys", v.keys());
                list("patterns", v.patterns(), this::pattern);
                optStr("rest", v.rest());
                close();
            }
            case PySyntax.MatchClass v -> {
                open("MatchClass");
                expr("cls", v.cls());
                list("patterns", v.patterns(), this::pattern);
                strs("kwd_attrs", v.kwdAttrs());
                list("kwd_patterns", v.kwdPatterns(), this::pattern);
                close();
            }
            case PySyntax.MatchStar v -> {
                open("MatchStar");
                optStr("name", v.name());
                close();
            }
            case PySyntax.MatchAs v -> {
                open("MatchAs");
                if (v.pattern().isDefined()) {
                    field("pattern");
                    pattern(v.pattern().get());
                }
                optStr("name", v.name());
                close();
            }
            case PySyntax.MatchOr v -> {
                open("MatchOr");
                list("patterns", v.patterns(), this::pattern);
                close();
            }
        }
    }

    private void constant(PySyntax.Const c) {
        b.append(switch (c) {
            case PySyntax.IntConst i -> i.value().toString();
            case PySyntax.FloatConst f -> PyRepr.floating(f.value());
            case PySyntax.ComplexConst x -> PyRepr.imaginary(x.imag());
            case PySyntax.StrConst s -> PyRepr.str(s.value());
            case PySyntax.BytesConst s -> PyRepr.bytes(s.value());
            case PySyntax.BoolConst x -> x.value() ? "True" : "False";
            case PySyntax.NoneConst x -> "None";
            case PySyntax.EllipsisConst x -> "Ellipsis";
        });
    }

    private void comprehensionNode(String kind, Expr elt, List<PySyntax.Comprehension> generators) {
        open(kind);
        expr("elt", elt);
        list("generators", generators, this::comprehension);
        close();
    }

    private void expr(Expr e) {
        switch (e) {
            case PySyntax.BoolOp x -> {
                open("BoolOp");
                tag("op", x.op());
                exprs("values", x.values());
                close();
            }
            case PySyntax.NamedExpr x -> {
                open("NamedExpr");
                expr("target", x.target());
                expr("value", x.value());
                close();
            }
            case PySyntax.BinOp x -> {
                open("BinOp");
                expr("left", x.left());
                tag("op", x.op());
                expr("right", x.right());
                close();
            }
            case PySyntax.UnaryOp x -> {
                open("UnaryOp");
                tag("op", x.op());
                expr("operand", x.operand());
                close();
            }
            case PySyntax.Lambda x -> {
                open("Lambda");
                field("args");
                arguments(x.args());
                expr("body", x.body());
                close();
            }
            case PySyntax.IfExp x -> {
                open("IfExp");
                expr("test", x.test());
                expr("body", x.body());
                expr("orelse", x.orelse());
                close();
            }
            case PySyntax.Dict x -> {
                open("Dict");
                list("keys", x.items(), i -> {
                    switch (i) {
                        case PySyntax.KeyValue kv -> expr(kv.key());
                        case PySyntax.DictSplat ds -> b.append("None");
                    }
                });
                list("values", x.items(), i -> expr(switch (i) {
                    case PySyntax.KeyValue kv -> kv.value();
                    case PySyntax.DictSplat ds -> ds.value();
                }));
                close();
            }
            case PySyntax.SetExpr x -> {
                open("Set");
                exprs("elts", x.elts());
                close();
            }
            case PySyntax.ListComp x -> comprehensionNode("ListComp", x.elt(), x.generators());
            case PySyntax.SetComp x -> comprehensionNode("SetComp", x.elt(), x.generators());
            case PySyntax.GeneratorExp x -> comprehensionNode("GeneratorExp", x.elt(), x.generators());
            case PySyntax.DictComp x -> {
                open("DictComp");
                expr("key", x.key());
                expr("value", x.value());
                list("generators", x.generators(), this::comprehension);
                close();
            }
            case PySyntax.Await x -> {
                open("Await");
                expr("value", x.value());
                close();
            }
            case PySyntax.Yield x -> {
                open("Yield");
                optExpr("value", x.value());
                close();
            }
            case PySyntax.YieldFrom x -> {
                open("YieldFrom");
                expr("value", x.value());
                close();
            }
            case PySyntax.Compare x -> {
                open("Compare");
                expr("left", x.left());
                list("ops", x.ops(), op -> tag(op.name()));
                exprs("comparators", x.comparators());
                close();
            }
            case PySyntax.Call x -> {
                open("Call");
                expr("func", x.func());
                exprs("args", x.args());
                list("keywords", x.keywords(), this::keyword);
                close();
            }
            case PySyntax.FormattedValue x -> {
                open("FormattedValue");
                expr("value", x.value());
                num("conversion", x.conversion());
                optExpr("format_spec", x.formatSpec());
                close();
            }
            case PySyntax.JoinedStr x -> {
                open("JoinedStr");
                exprs("values", x.values());
                close();
            }
            case PySyntax.Constant x -> {
                open("Constant");
                field("value");
                constant(x.value());
                optStr("kind", x.kind());
                close();
            }
            case PySyntax.Attribute x -> {
                open("Attribute");
                expr("value", x.value());
                str("attr", x.attr());
                tag("ctx", x.ctx());
                close();
            }
            case PySyntax.Subscript x -> {
                open("Subscript");
                expr("value", x.value());
                expr("slice", x.slice());
                tag("ctx", x.ctx());
                close();
            }
            case PySyntax.Starred x -> {
                open("Starred");
                expr("value", x.value());
                tag("ctx", x.ctx());
                close();
            }
            case PySyntax.Name x -> {
                open("Name");
                str("id", x.id());
                tag("ctx", x.ctx());
                close();
            }
            case PySyntax.ListExpr x -> {
                open("List");
                exprs("elts", x.elts());
                tag("ctx", x.ctx());
                close();
            }
            case PySyntax.TupleExpr x -> {
                open("Tuple");
                exprs("elts", x.elts());
                tag("ctx", x.ctx());
                close();
            }
            case PySyntax.Slice x -> {
                open("Slice");
                optExpr("lower", x.lower());
                optExpr("upper", x.upper());
                optExpr("step", x.step());
                close();
            }
        }
    }
}
