package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigInteger;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.ExceptionClasses;
import nanopy.py.PyCore;
import nanopy.py.PySyntax;
import nanopy.py.PySyntaxToPyCore;

/**
 * Keeps the NanoPy stage-1 subset of a parsed Python module and rejects everything else with
 * {@code unsupported: <construct> is not in NanoPy yet} at the construct's position, every one of
 * them in one run (up to {@link PassContext#MAX_ERRORS}). Along the way annotations become
 * {@link PyCore.Type}s, {@code obj.method(args)} becomes {@link PyCore.MethodCall}, integer literals
 * become 64-bit, and the allowed imports ({@code from typing import ...}, {@code from dataclasses
 * import dataclass}) become {@code pass}. Also reports {@code break}/{@code continue} outside a loop
 * and {@code return} outside a function, which CPython's compiler rejects as well.
 */
public final class CheckSubset implements Pass<PySyntax.Module, PyCore.Module> {
    private static final BigInteger MIN_LONG_MAGNITUDE = BigInteger.valueOf(Long.MIN_VALUE).negate();

    @Override
    public PyCore.Module apply(PySyntax.Module program, PassContext ctx) {
        Translator t = new Translator(ctx);
        t.prescan(program);
        PyCore.Module out = t.translate(program);
        ctx.throwIfErrors();
        return out;
    }

    @Override
    public String description() {
        return "keep the NanoPy stage-1 subset of Python, reject everything else with its position";
    }

    static final class Translator extends PySyntaxToPyCore {
        private final PassContext ctx;
        private final TypeAnnotations types;
        private int loopDepth;
        private int functionDepth;
        /** The 'as' variables of the enclosing except clauses of the current function, innermost on top. */
        private java.util.ArrayDeque<String> handlerNames = new java.util.ArrayDeque<>();

        Translator(PassContext ctx) {
            this.ctx = ctx;
            this.types = new TypeAnnotations(ctx);
        }

        private void unsupported(Span span, String construct) {
            ctx.error(span, "unsupported: " + construct + " is not in NanoPy yet");
        }

        private List<PyCore.Stmt> rejected(Span span, String construct) {
            unsupported(span, construct);
            return List.empty();
        }

        private PyCore.Expr rejectedExpr(Span span, String construct) {
            unsupported(span, construct);
            return new PyCore.Constant(new PyCore.NoneConst(span), span);
        }

        private List<PyCore.Stmt> loopBody(List<PySyntax.Stmt> body) {
            loopDepth++;
            List<PyCore.Stmt> out = body.flatMap(this::stmt);
            loopDepth--;
            return out;
        }

        private List<PyCore.Param> params(PySyntax.Arguments args, Span where, boolean annotated) {
            if (!args.posonlyargs().isEmpty()) {
                unsupported(args.posonlyargs().head().span(), "positional-only parameter");
            }
            args.vararg().forEach(a -> unsupported(a.span(), "*args parameter"));
            args.kwarg().forEach(a -> unsupported(a.span(), "**kwargs parameter"));
            if (!args.kwonlyargs().isEmpty()) {
                unsupported(args.kwonlyargs().head().arg().span(), "keyword-only parameter");
            }
            if (!annotated && !args.defaults().isEmpty()) {
                unsupported(args.defaults().head().span(), "default parameter value of a lambda");
            }
            int firstDefault = args.args().size() - args.defaults().size();
            List<PyCore.Param> out = List.empty();
            for (int i = 0; i < args.args().size(); i++) {
                PySyntax.Arg a = args.args().get(i);
                Option<PyCore.Expr> dflt = annotated && i >= firstDefault
                        ? Option.some(defaultValue(args.defaults().get(i - firstDefault))) : Option.none();
                out = out.append(new PyCore.Param(a.arg(), annotated ? a.annotation().map(types::type) : Option.none(), dflt, a.span()));
            }
            return out;
        }

        /** A default parameter value: a constant, possibly negated (evaluated once, as Python does at def time). */
        private PyCore.Expr defaultValue(PySyntax.Expr e) {
            boolean constant = e instanceof PySyntax.Constant
                    || e instanceof PySyntax.UnaryOp(var op, PySyntax.Constant c, var sp) && op == PySyntax.UnaryOpKind.USub;
            if (!constant) {
                return rejectedExpr(e.span(), "a default parameter value other than a constant");
            }
            return expr(e);
        }

        /** Class names (they are types in annotations) and module-level type aliases, before translation. */
        void prescan(PySyntax.Module module) {
            for (PySyntax.Stmt st : module.body()) {
                if (st instanceof PySyntax.ClassDef c) {
                    types.declareClass(c.name());
                }
            }
        }

        /** {@code Name = list[...]} (or dict, set, tuple, Callable) at module level: a type alias. */
        private static Option<String> aliasName(PySyntax.Assign a) {
            if (a.targets().size() == 1 && a.targets().head() instanceof PySyntax.Name(var id, var c, var sp)
                    && a.value() instanceof PySyntax.Subscript(PySyntax.Name(var base, var c2, var sp2), var arg, var c3, var sp3)
                    && java.util.Set.of("list", "dict", "set", "tuple", "Callable").contains(base)) {
                return Option.some(id);
            }
            return Option.none();
        }

        @Override
        protected List<PyCore.Stmt> onAssign(PySyntax.Assign node) {
            Option<String> alias = functionDepth == 0 ? aliasName(node) : Option.none();
            if (alias.isDefined()) {
                types.declareAlias(alias.get(), types.type(node.value()));
                return List.of(new PyCore.Pass(node.span()));
            }
            return super.onAssign(node);
        }

        private <T> T inFunction(java.util.function.Supplier<T> body) {
            int savedLoops = loopDepth;
            java.util.ArrayDeque<String> savedHandlers = handlerNames;
            loopDepth = 0;
            handlerNames = new java.util.ArrayDeque<>();
            functionDepth++;
            T out = body.get();
            functionDepth--;
            loopDepth = savedLoops;
            handlerNames = savedHandlers;
            return out;
        }

        @Override
        protected List<PyCore.Stmt> onFunctionDef(PySyntax.FunctionDef node) {
            node.decoratorList().forEach(d -> unsupported(d.span(), "decorator"));
            node.typeParams().forEach(t -> unsupported(t.span(), "type parameter"));
            List<PyCore.Param> params = params(node.args(), node.span(), true);
            PyCore.Type returns = node.returns().map(types::type).getOrElse(() -> new PyCore.NoneType(node.span()));
            List<PyCore.Stmt> body = inFunction(() -> node.body().flatMap(this::stmt));
            return List.of(new PyCore.FunctionDef(node.name(), params, body, returns, node.span()));
        }

        @Override
        protected List<PyCore.Stmt> onAsyncFunctionDef(PySyntax.AsyncFunctionDef node) {
            return rejected(node.span(), "async function");
        }

        @Override
        protected List<PyCore.Stmt> onClassDef(PySyntax.ClassDef node) {
            if (functionDepth > 0 || loopDepth > 0) {
                return rejected(node.span(), "class defined inside a function or a loop");
            }
            return new Classes(this, ctx, types).classDef(node);
        }

        /** Translates one statement (for {@link Classes}). */
        List<PyCore.Stmt> statement(PySyntax.Stmt st) {
            return stmt(st);
        }

        /** Translates one expression (for {@link Classes}). */
        PyCore.Expr expression(PySyntax.Expr e) {
            return expr(e);
        }

        /** Translates a method's parameters (for {@link Classes}). */
        List<PyCore.Param> parameters(PySyntax.Arguments args) {
            return params(args, Span.NONE, true);
        }

        /** Translates a method body as a function body (for {@link Classes}). */
        List<PyCore.Stmt> functionBody(List<PySyntax.Stmt> body) {
            return inFunction(() -> body.flatMap(this::stmt));
        }

        @Override
        protected List<PyCore.Stmt> onReturn(PySyntax.Return node) {
            if (functionDepth == 0) {
                ctx.error(node.span(), "return outside a function");
            }
            return super.onReturn(node);
        }


        @Override
        protected List<PyCore.Stmt> onTypeAlias(PySyntax.TypeAlias node) {
            return rejected(node.span(), "type alias");
        }

        @Override
        protected List<PyCore.Stmt> onAugAssign(PySyntax.AugAssign node) {
            operator(node.op(), node.span());
            return super.onAugAssign(node);
        }

        @Override
        protected List<PyCore.Stmt> onAnnAssign(PySyntax.AnnAssign node) {
            return List.of(new PyCore.AnnAssign(expr(node.target()), types.type(node.annotation()),
                    node.value().map(this::expr), node.span()));
        }

        @Override
        protected List<PyCore.Stmt> onFor(PySyntax.For node) {
            if (!node.orelse().isEmpty()) {
                unsupported(node.orelse().head().span(), "for/else");
            }
            return List.of(new PyCore.For(expr(node.target()), expr(node.iter()), loopBody(node.body()), node.span()));
        }

        @Override
        protected List<PyCore.Stmt> onAsyncFor(PySyntax.AsyncFor node) {
            return rejected(node.span(), "async for");
        }

        @Override
        protected List<PyCore.Stmt> onWhile(PySyntax.While node) {
            if (!node.orelse().isEmpty()) {
                unsupported(node.orelse().head().span(), "while/else");
            }
            return List.of(new PyCore.While(expr(node.test()), loopBody(node.body()), node.span()));
        }

        @Override
        protected List<PyCore.Stmt> onWith(PySyntax.With node) {
            return rejected(node.span(), "with statement");
        }

        @Override
        protected List<PyCore.Stmt> onAsyncWith(PySyntax.AsyncWith node) {
            return rejected(node.span(), "async with");
        }

        @Override
        protected List<PyCore.Stmt> onMatch(PySyntax.Match node) {
            return rejected(node.span(), "match statement");
        }

        @Override
        protected List<PyCore.Stmt> onRaise(PySyntax.Raise node) {
            node.cause().forEach(c -> unsupported(c.span(), "raise ... from"));
            if (node.exc().isEmpty()) {
                if (handlerNames.isEmpty()) {
                    return rejected(node.span(), "a bare raise outside an except clause");
                }
                return List.of(new PyCore.Raise(new PyCore.Name(handlerNames.peek(), PySyntax.ExprContext.Load, node.span()), node.span()));
            }
            PySyntax.Expr exc = node.exc().get();
            if (exc instanceof PySyntax.Name(var id, var c, var sp) && ExceptionClasses.isKnown(id)) {
                return List.of(new PyCore.Raise(new PyCore.NewException(id, List.empty(), sp), node.span()));
            }
            return List.of(new PyCore.Raise(expr(exc), node.span()));
        }

        @Override
        protected List<PyCore.Stmt> onTry(PySyntax.Try node) {
            List<PyCore.Stmt> body = node.body().flatMap(this::stmt);
            List<PyCore.Handler> handlers = List.empty();
            for (PySyntax.ExceptHandler h : node.handlers()) {
                String name = h.name().getOrElse(() -> ctx.fresh("exc"));
                List<String> classes = h.type().map(this::exceptionClasses).getOrElse(List.empty());
                handlerNames.push(name);
                List<PyCore.Stmt> hbody = h.body().flatMap(this::stmt);
                handlerNames.pop();
                handlers = handlers.append(new PyCore.Handler(classes, name, hbody, h.span()));
            }
            return List.of(new PyCore.Try(body, handlers, node.orelse().flatMap(this::stmt), node.finalbody().flatMap(this::stmt),
                    node.span()));
        }

        /** The classes an except clause names: one built-in exception class or a tuple of them. */
        private List<String> exceptionClasses(PySyntax.Expr type) {
            List<PySyntax.Expr> names = type instanceof PySyntax.TupleExpr(var elts, var c, var sp) ? elts : List.of(type);
            List<String> out = List.empty();
            for (PySyntax.Expr n : names) {
                if (n instanceof PySyntax.Name(var id, var c, var sp) && ExceptionClasses.isKnown(id)) {
                    out = out.append(id);
                } else if (n instanceof PySyntax.Name(var id, var c, var sp)) {
                    ctx.error(sp, id + " is not a built-in exception class NanoPy knows (classes deriving from Exception are not in NanoPy)");
                } else {
                    unsupported(n.span(), "an except clause other than a class or a tuple of classes");
                }
            }
            return out;
        }

        @Override
        protected List<PyCore.Stmt> onTryStar(PySyntax.TryStar node) {
            return rejected(node.span(), "try/except*");
        }


        @Override
        protected List<PyCore.Stmt> onImport(PySyntax.Import node) {
            return rejected(node.span(), "import");
        }

        @Override
        protected List<PyCore.Stmt> onImportFrom(PySyntax.ImportFrom node) {
            String module = node.module().getOrElse("");
            boolean allowed = node.level() == 0 && (module.equals("typing")
                    || module.equals("dataclasses") && node.names().forAll(a -> a.name().equals("dataclass")));
            return allowed ? List.of(new PyCore.Pass(node.span())) : rejected(node.span(), "import");
        }

        @Override
        protected List<PyCore.Stmt> onBreak(PySyntax.Break node) {
            if (loopDepth == 0) {
                ctx.error(node.span(), "break outside a loop");
            }
            return super.onBreak(node);
        }

        @Override
        protected List<PyCore.Stmt> onContinue(PySyntax.Continue node) {
            if (loopDepth == 0) {
                ctx.error(node.span(), "continue outside a loop");
            }
            return super.onContinue(node);
        }

        @Override
        protected PyCore.Expr onBinOp(PySyntax.BinOp node) {
            operator(node.op(), node.span());
            return super.onBinOp(node);
        }

        private void operator(PySyntax.Operator op, Span span) {
            String symbol = switch (op) {
                case MatMult -> "@";
                case Add, Sub, Mult, Div, Mod, Pow, FloorDiv, LShift, RShift, BitOr, BitXor, BitAnd -> "";
            };
            if (!symbol.isEmpty()) {
                unsupported(span, "operator " + symbol);
            }
        }

        @Override
        protected PyCore.Expr onUnaryOp(PySyntax.UnaryOp node) {
            if (node.op() == PySyntax.UnaryOpKind.USub && node.operand() instanceof PySyntax.Constant(PySyntax.IntConst(var v, var s), var k, var cs)
                    && v.equals(MIN_LONG_MAGNITUDE)) {
                return new PyCore.Constant(new PyCore.IntConst(Long.MIN_VALUE, s), node.span());
            }
            return super.onUnaryOp(node);
        }

        @Override
        protected PyCore.Expr onNamedExpr(PySyntax.NamedExpr node) {
            return rejectedExpr(node.span(), "assignment expression (:=)");
        }

        @Override
        protected PyCore.Expr onLambda(PySyntax.Lambda node) {
            List<PyCore.Param> params = params(node.args(), node.span(), false);
            PyCore.Expr body = inFunction(() -> expr(node.body()));
            return new PyCore.Lambda(params, body, node.span());
        }

        /** {@code fn(arg)} of the builtin dict or set. */
        private static PyCore.Expr builtinCall(String fn, PyCore.Expr arg, Span s) {
            return new PyCore.Call(new PyCore.Name(fn, PySyntax.ExprContext.Load, s), List.of(arg), List.empty(), s);
        }

        @Override
        protected PyCore.Expr onDict(PySyntax.Dict node) {
            List<PyCore.Expr> pairs = List.empty();
            for (PySyntax.DictItem item : node.items()) {
                if (item instanceof PySyntax.KeyValue(var k, var v, var sp)) {
                    pairs = pairs.append(new PyCore.TupleExpr(List.of(expr(k), expr(v)), PySyntax.ExprContext.Load, sp));
                } else {
                    unsupported(item.span(), "** in a dict display");
                }
            }
            return builtinCall("dict", new PyCore.ListExpr(pairs, PySyntax.ExprContext.Load, node.span()), node.span());
        }

        /**
         * {@code {a, b, c}}: {@code set([a, b, c])}. CPython compiles a display of more than two
         * constants as an update of an empty set from a frozenset constant (which the compiler
         * builds from the items, then again from that frozenset's order), copying its table
         * (set_merge) rather than adding one by one; {@code set(list(set(xs))).union([])} (a merge
         * into an empty set, then nothing) builds the same table.
         */
        @Override
        protected PyCore.Expr onSetExpr(PySyntax.SetExpr node) {
            Span s = node.span();
            PyCore.Expr set = builtinCall("set", new PyCore.ListExpr(node.elts().map(this::expr), PySyntax.ExprContext.Load, s), s);
            if (node.elts().size() > 2 && node.elts().forAll(Translator::isConstant)) {
                // the constant is a frozenset remade from the first one's iteration order (merge_consts_recursive)
                PyCore.Expr constant = builtinCall("set", builtinCall("list", set, s), s);
                PyCore.Expr none = new PyCore.ListExpr(List.empty(), PySyntax.ExprContext.Load, s);
                return new PyCore.MethodCall(constant, "union", List.of(none), List.empty(), s);
            }
            return set;
        }

        /** A constant as CPython's AST optimizer folds it: a literal, operators on constants, a tuple of constants. */
        private static boolean isConstant(PySyntax.Expr e) {
            return switch (e) {
                case PySyntax.Constant c -> true;
                case PySyntax.UnaryOp(var op, var operand, var sp) -> isConstant(operand);
                case PySyntax.BinOp(var l, var op, var r, var sp) -> isConstant(l) && isConstant(r);
                case PySyntax.TupleExpr(var elts, var c, var sp) -> elts.forAll(Translator::isConstant);
                default -> false;
            };
        }

        @Override
        protected PyCore.Expr onSetComp(PySyntax.SetComp node) {
            return builtinCall("set", new PyCore.ListComp(expr(node.elt()), node.generators().map(this::onComprehension), node.span()),
                    node.span());
        }

        @Override
        protected PyCore.Expr onDictComp(PySyntax.DictComp node) {
            PyCore.Expr pair = new PyCore.TupleExpr(List.of(expr(node.key()), expr(node.value())), PySyntax.ExprContext.Load,
                    node.key().span().to(node.value().span()));
            return builtinCall("dict", new PyCore.ListComp(pair, node.generators().map(this::onComprehension), node.span()),
                    node.span());
        }

        @Override
        protected PyCore.Expr onGeneratorExp(PySyntax.GeneratorExp node) {
            return rejectedExpr(node.span(), "generator expression");
        }

        @Override
        protected PyCore.Expr onAwait(PySyntax.Await node) {
            return rejectedExpr(node.span(), "await");
        }

        @Override
        protected PyCore.Expr onYield(PySyntax.Yield node) {
            return rejectedExpr(node.span(), "generator (yield)");
        }

        @Override
        protected PyCore.Expr onYieldFrom(PySyntax.YieldFrom node) {
            return rejectedExpr(node.span(), "generator (yield from)");
        }

        @Override
        protected PyCore.Expr onFormattedValue(PySyntax.FormattedValue node) {
            if (node.conversion() == 'a') {
                unsupported(node.span(), "the !a conversion");
            }
            return super.onFormattedValue(node);
        }

        @Override
        protected PyCore.Expr onConstant(PySyntax.Constant node) {
            return new PyCore.Constant(const_(node.value()), node.span());
        }


        @Override
        protected PyCore.Expr onStarred(PySyntax.Starred node) {
            return rejectedExpr(node.span(), "starred expression");
        }

        @Override
        protected PyCore.Expr onCall(PySyntax.Call node) {
            if (node.func() instanceof PySyntax.Name(var id, var c, var sp) && ExceptionClasses.isKnown(id)) {
                node.keywords().forEach(k -> unsupported(k.span(), "a keyword argument of an exception class"));
                return new PyCore.NewException(id, node.args().map(this::expr), node.span());
            }
            if (node.func() instanceof PySyntax.Attribute a) {
                return new PyCore.MethodCall(expr(a.value()), a.attr(), node.args().map(this::expr),
                        node.keywords().map(this::onKeyword), node.span());
            }
            return super.onCall(node);
        }

        @Override
        protected PyCore.Expr onSlice(PySyntax.Slice node) {
            return super.onSlice(node);
        }

        @Override
        protected PyCore.Const onIntConst(PySyntax.IntConst node) {
            if (node.value().bitLength() > 63) {
                ctx.error(node.span(), "integer literal " + node.value() + " does not fit in a 64-bit int");
                return new PyCore.IntConst(0, node.span());
            }
            return new PyCore.IntConst(node.value().longValue(), node.span());
        }

        @Override
        protected PyCore.Const onComplexConst(PySyntax.ComplexConst node) {
            unsupported(node.span(), "complex number");
            return new PyCore.NoneConst(node.span());
        }

        @Override
        protected PyCore.Const onBytesConst(PySyntax.BytesConst node) {
            unsupported(node.span(), "bytes literal");
            return new PyCore.NoneConst(node.span());
        }

        @Override
        protected PyCore.Const onEllipsisConst(PySyntax.EllipsisConst node) {
            unsupported(node.span(), "Ellipsis (...)");
            return new PyCore.NoneConst(node.span());
        }

        @Override
        protected PyCore.Comprehension onComprehension(PySyntax.Comprehension node) {
            if (node.isAsync()) {
                unsupported(node.span(), "async comprehension");
            }
            return new PyCore.Comprehension(expr(node.target()), expr(node.iter()), node.ifs().map(this::expr), node.span());
        }

        @Override
        protected PyCore.Keyword onKeyword(PySyntax.Keyword node) {
            if (node.arg().isEmpty()) {
                unsupported(node.span(), "**kwargs argument");
            }
            return new PyCore.Keyword(node.arg().getOrElse(""), expr(node.value()), node.span());
        }
    }
}
