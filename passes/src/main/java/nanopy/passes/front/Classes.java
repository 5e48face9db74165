package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import nanopy.ir.Span;
import nanopy.pass.PassContext;
import nanopy.py.PyCore;
import nanopy.py.PySyntax;
import nanopy.py.PySyntax.ExprContext;

/**
 * The class part of {@link CheckSubset}: a class (no bases, decorated by nothing or by
 * {@code @dataclass}) becomes a {@link PyCore.ClassDecl} listing its fields and plain module-level
 * functions: each method {@code m(self, ...)} is {@code 'Class.m'(self: Class, ...)}, and
 * {@code __init__} becomes the constructor {@code 'Class'(...) -> Class}, which starts with
 * {@code self = NewObject} and returns {@code self}. A dataclass gets CPython's generated
 * {@code __init__} (fields in order, with their defaults), {@code __repr__}
 * ({@code Road(a='x', km=7)}) and {@code __eq__} (fields compared in order) unless it defines them.
 * The fields of a plain class are the {@code self.x: T} annotations of its {@code __init__}.
 */
final class Classes {
    private final CheckSubset.Translator t;
    private final PassContext ctx;
    private final TypeAnnotations types;

    Classes(CheckSubset.Translator t, PassContext ctx, TypeAnnotations types) {
        this.t = t;
        this.ctx = ctx;
        this.types = types;
    }

    private void unsupported(Span span, String construct) {
        ctx.error(span, "unsupported: " + construct + " is not in NanoPy yet");
    }

    List<PyCore.Stmt> classDef(PySyntax.ClassDef node) {
        String name = node.name();
        Span s = node.span();
        node.bases().forEach(b -> unsupported(b.span(), "inheritance"));
        node.keywords().forEach(k -> unsupported(k.span(), "class keyword argument"));
        node.typeParams().forEach(p -> unsupported(p.span(), "type parameter"));
        boolean dataclass = false;
        for (PySyntax.Expr d : node.decoratorList()) {
            if (d instanceof PySyntax.Name(var id, var c, var sp) && id.equals("dataclass")) {
                dataclass = true;
            } else {
                unsupported(d.span(), "decorator other than @dataclass");
            }
        }
        List<PyCore.Param> fields = List.empty();
        List<PySyntax.FunctionDef> methods = List.empty();
        boolean isData = dataclass;
        for (PySyntax.Stmt st : node.body()) {
            switch (st) {
                case PySyntax.FunctionDef f -> methods = methods.append(f);
                case PySyntax.AnnAssign(PySyntax.Name(var id, var c, var sp), var ann, var value, var simple, var sp2) when isData ->
                        fields = fields.append(new PyCore.Param(id, Option.some(types.type(ann)),
                                value.map(v -> defaultValue(v)), st.span()));
                case PySyntax.Pass p -> { }
                case PySyntax.ExprStmt(PySyntax.Constant(PySyntax.StrConst c, var k, var sp), var sp2) -> { }
                default -> unsupported(st.span(), "class-level statement other than a method" + (dataclass ? " or a field" : ""));
            }
        }
        Option<PySyntax.FunctionDef> init = methods.find(m -> m.name().equals("__init__"));
        if (!dataclass) {
            fields = init.map(i -> initFields(i)).getOrElse(List.empty());
        } else if (init.isDefined()) {
            unsupported(init.get().span(), "__init__ in a dataclass");
        }
        List<PyCore.Stmt> out = List.of(new PyCore.ClassDecl(name, fields, s));
        PyCore.Type self = new PyCore.ClassType(name, s);
        for (PySyntax.FunctionDef m : methods) {
            out = out.appendAll(method(name, self, m));
        }
        if (dataclass) {
            out = out.append(dataclassInit(name, self, fields, s));
            if (methods.find(m -> m.name().equals("__repr__")).isEmpty()) {
                out = out.append(dataclassRepr(name, self, fields, s));
            }
            if (methods.find(m -> m.name().equals("__eq__")).isEmpty()) {
                out = out.append(dataclassEq(name, self, fields, s));
            }
        } else if (init.isEmpty()) {
            out = out.append(constructor(name, self, List.empty(), List.empty(), s));
        }
        return out;
    }

    private PyCore.Expr defaultValue(PySyntax.Expr e) {
        boolean constant = e instanceof PySyntax.Constant
                || e instanceof PySyntax.UnaryOp(var op, PySyntax.Constant c, var sp) && op == PySyntax.UnaryOpKind.USub;
        if (!constant) {
            unsupported(e.span(), "a field default other than a constant");
        }
        return t.expression(e);
    }

    /** The {@code self.x: T} annotations anywhere in {@code __init__}'s body, in order. */
    private List<PyCore.Param> initFields(PySyntax.FunctionDef init) {
        String self = init.args().args().headOption().map(PySyntax.Arg::arg).getOrElse("self");
        java.util.LinkedHashMap<String, PyCore.Param> found = new java.util.LinkedHashMap<>();
        new nanopy.py.PySyntaxWalker() {
            @Override
            protected void onAnnAssign(PySyntax.AnnAssign a) {
                if (a.target() instanceof PySyntax.Attribute(PySyntax.Name(var id, var c, var sp), var attr, var c2, var sp2)
                        && id.equals(self) && !found.containsKey(attr)) {
                    found.put(attr, new PyCore.Param(attr, Option.some(types.type(a.annotation())), Option.none(), a.span()));
                }
            }
        }.walk(new PySyntax.Module(init.body(), init.span()));
        return List.ofAll(found.values());
    }

    private List<PyCore.Stmt> method(String cls, PyCore.Type self, PySyntax.FunctionDef m) {
        m.decoratorList().forEach(d -> unsupported(d.span(), "decorator on a method"));
        List<PyCore.Param> params = t.parameters(m.args());
        if (params.isEmpty()) {
            ctx.error(m.span(), "method " + m.name() + " of " + cls + " needs a self parameter");
            return List.empty();
        }
        PyCore.Param selfParam = params.head();
        List<PyCore.Stmt> body = t.functionBody(m.body());
        if (m.name().equals("__init__")) {
            if (m.returns().isDefined() && !(m.returns().get() instanceof PySyntax.Constant(PySyntax.NoneConst n, var k, var sp))) {
                ctx.error(m.returns().get().span(), "__init__ must return None");
            }
            return List.of(constructor(cls, self, params.tail(), body, m.span(), selfParam.name()));
        }
        PyCore.Type returns = m.returns().map(types::type).getOrElse(() -> new PyCore.NoneType(m.span()));
        PyCore.Param typedSelf = new PyCore.Param(selfParam.name(), Option.some(self), Option.none(), selfParam.span());
        return List.of(new PyCore.FunctionDef(cls + "." + m.name(), params.tail().prepend(typedSelf), body, returns, m.span()));
    }

    private PyCore.FunctionDef constructor(String cls, PyCore.Type self, List<PyCore.Param> params, List<PyCore.Stmt> body, Span s) {
        return constructor(cls, self, params, body, s, "self");
    }

    /** {@code def Class(params) -> Class: self = new Class; body; return self} (a bare return returns self). */
    private PyCore.FunctionDef constructor(String cls, PyCore.Type self, List<PyCore.Param> params, List<PyCore.Stmt> body,
                                          Span s, String selfName) {
        PyCore.Expr selfLoad = new PyCore.Name(selfName, ExprContext.Load, s);
        PyCore.Stmt make = new PyCore.Assign(List.of(new PyCore.Name(selfName, ExprContext.Store, s)), new PyCore.NewObject(cls, s), s);
        List<PyCore.Stmt> returning = new ReturnSelf(selfLoad).stmts(body);
        return new PyCore.FunctionDef(cls, params, returning.prepend(make).append(new PyCore.Return(Option.some(selfLoad), s)), self, s);
    }

    /** Rewrites {@code return} in a constructor body (not in nested functions) to {@code return self}. */
    private static final class ReturnSelf {
        private final PyCore.Expr self;

        ReturnSelf(PyCore.Expr self) {
            this.self = self;
        }

        List<PyCore.Stmt> stmts(List<PyCore.Stmt> body) {
            return body.map(this::stmt);
        }

        private PyCore.Stmt stmt(PyCore.Stmt st) {
            return switch (st) {
                case PyCore.Return r -> new PyCore.Return(Option.some(self), r.span());
                case PyCore.If(var test, var body, var orelse, var sp) -> new PyCore.If(test, stmts(body), stmts(orelse), sp);
                case PyCore.While(var test, var body, var sp) -> new PyCore.While(test, stmts(body), sp);
                case PyCore.For(var target, var iter, var body, var sp) -> new PyCore.For(target, iter, stmts(body), sp);
                default -> st;
            };
        }
    }

    private static PyCore.Expr name(String id, Span s) {
        return new PyCore.Name(id, ExprContext.Load, s);
    }

    private static PyCore.Expr attr(String obj, String field, Span s) {
        return new PyCore.Attribute(name(obj, s), field, ExprContext.Load, s);
    }

    private static PyCore.Expr str(String text, Span s) {
        return new PyCore.Constant(new PyCore.StrConst(text, s), s);
    }

    private PyCore.FunctionDef dataclassInit(String cls, PyCore.Type self, List<PyCore.Param> fields, Span s) {
        boolean seenDefault = false;
        for (PyCore.Param f : fields) {
            if (f.defaultValue().isDefined()) {
                seenDefault = true;
            } else if (seenDefault) {
                ctx.error(f.span(), "non-default argument '" + f.name() + "' follows default argument");
            }
        }
        List<PyCore.Stmt> body = fields.map(f -> new PyCore.Assign(
                List.of(new PyCore.Attribute(name("self", s), f.name(), ExprContext.Store, f.span())), name(f.name(), s), f.span()));
        return constructor(cls, self, fields, body, s);
    }

    private PyCore.FunctionDef dataclassRepr(String cls, PyCore.Type self, List<PyCore.Param> fields, Span s) {
        PyCore.Expr out = str(cls + "(", s);
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i).name();
            out = concat(out, str((i == 0 ? "" : ", ") + f + "=", s), s);
            out = concat(out, new PyCore.Call(name("repr", s), List.of(attr("self", f, s)), List.empty(), s), s);
        }
        out = concat(out, str(")", s), s);
        PyCore.Param selfParam = new PyCore.Param("self", Option.some(self), Option.none(), s);
        return new PyCore.FunctionDef(cls + ".__repr__", List.of(selfParam), List.of(new PyCore.Return(Option.some(out), s)),
                new PyCore.StrType(s), s);
    }

    private static PyCore.Expr concat(PyCore.Expr a, PyCore.Expr b, Span s) {
        return new PyCore.BinOp(a, PySyntax.Operator.Add, b, s);
    }

    private PyCore.FunctionDef dataclassEq(String cls, PyCore.Type self, List<PyCore.Param> fields, Span s) {
        PyCore.Expr test = new PyCore.Compare(
                new PyCore.TupleExpr(fields.map(f -> attr("self", f.name(), s)), ExprContext.Load, s),
                List.of(PySyntax.CmpOp.Eq),
                List.of(new PyCore.TupleExpr(fields.map(f -> attr("other", f.name(), s)), ExprContext.Load, s)), s);
        List<PyCore.Param> params = List.of(new PyCore.Param("self", Option.some(self), Option.none(), s),
                new PyCore.Param("other", Option.some(self), Option.none(), s));
        return new PyCore.FunctionDef(cls + ".__eq__", params, List.of(new PyCore.Return(Option.some(test), s)), new PyCore.BoolType(s), s);
    }
}
