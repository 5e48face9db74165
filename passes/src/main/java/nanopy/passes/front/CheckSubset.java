package nanopy.passes.front;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigInteger;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
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
        PyCore.Module out = new Translator(ctx).translate(program);
        ctx.throwIfErrors();
        return out;
    }

    @Override
    public String description() {
        return "keep the NanoPy stage-1 subset of Python, reject everything else with its position";
    }

    private static final class Translator extends PySyntaxToPyCore {
        private final PassContext ctx;
        private final TypeAnnotations types;
        private int loopDepth;
        private int functionDepth;

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
            if (!args.defaults().isEmpty()) {
                unsupported(args.defaults().head().span(), "default parameter value");
            }
            return args.args().map(a -> new PyCore.Param(a.arg(),
                    annotated ? a.annotation().map(types::type) : Option.none(), a.span()));
        }

        private <T> T inFunction(java.util.function.Supplier<T> body) {
            int savedLoops = loopDepth;
            loopDepth = 0;
            functionDepth++;
            T out = body.get();
            functionDepth--;
            loopDepth = savedLoops;
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
            return rejected(node.span(), "class");
        }

        @Override
        protected List<PyCore.Stmt> onReturn(PySyntax.Return node) {
            if (functionDepth == 0) {
                ctx.error(node.span(), "return outside a function");
            }
            return super.onReturn(node);
        }

        @Override
        protected List<PyCore.Stmt> onDelete(PySyntax.Delete node) {
            return rejected(node.span(), "del statement");
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
            return rejected(node.span(), "raise");
        }

        @Override
        protected List<PyCore.Stmt> onTry(PySyntax.Try node) {
            return rejected(node.span(), node.handlers().isEmpty() ? "try/finally" : "try/except");
        }

        @Override
        protected List<PyCore.Stmt> onTryStar(PySyntax.TryStar node) {
            return rejected(node.span(), "try/except*");
        }

        @Override
        protected List<PyCore.Stmt> onAssert(PySyntax.Assert node) {
            return rejected(node.span(), "assert");
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
                case LShift -> "<<";
                case RShift -> ">>";
                case BitOr -> "|";
                case BitXor -> "^";
                case BitAnd -> "&";
                case Add, Sub, Mult, Div, Mod, Pow, FloorDiv -> "";
            };
            if (!symbol.isEmpty()) {
                unsupported(span, "operator " + symbol);
            }
        }

        @Override
        protected PyCore.Expr onUnaryOp(PySyntax.UnaryOp node) {
            if (node.op() == PySyntax.UnaryOpKind.Invert) {
                return rejectedExpr(node.span(), "operator ~");
            }
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

        @Override
        protected PyCore.Expr onDict(PySyntax.Dict node) {
            return rejectedExpr(node.span(), "dict literal");
        }

        @Override
        protected PyCore.Expr onSetExpr(PySyntax.SetExpr node) {
            return rejectedExpr(node.span(), "set literal");
        }

        @Override
        protected PyCore.Expr onSetComp(PySyntax.SetComp node) {
            return rejectedExpr(node.span(), "set comprehension");
        }

        @Override
        protected PyCore.Expr onDictComp(PySyntax.DictComp node) {
            return rejectedExpr(node.span(), "dict comprehension");
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
            return rejectedExpr(node.span(), "f-string");
        }

        @Override
        protected PyCore.Expr onJoinedStr(PySyntax.JoinedStr node) {
            return rejectedExpr(node.span(), "f-string");
        }

        @Override
        protected PyCore.Expr onConstant(PySyntax.Constant node) {
            return new PyCore.Constant(const_(node.value()), node.span());
        }

        @Override
        protected PyCore.Expr onAttribute(PySyntax.Attribute node) {
            return rejectedExpr(node.span(), "attribute access");
        }

        @Override
        protected PyCore.Expr onStarred(PySyntax.Starred node) {
            return rejectedExpr(node.span(), "starred expression");
        }

        @Override
        protected PyCore.Expr onCall(PySyntax.Call node) {
            if (node.func() instanceof PySyntax.Attribute a) {
                node.keywords().forEach(k -> unsupported(k.span(), "keyword argument in a method call"));
                return new PyCore.MethodCall(expr(a.value()), a.attr(), node.args().map(this::expr), node.span());
            }
            return super.onCall(node);
        }

        @Override
        protected PyCore.Expr onSlice(PySyntax.Slice node) {
            node.step().forEach(s -> unsupported(s.span(), "slice with a step"));
            return new PyCore.Slice(node.lower().map(this::expr), node.upper().map(this::expr), Option.none(), node.span());
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
