package nanopy.passes.front.python;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.math.BigInteger;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.py.PySyntax;
import nanopy.py.PySyntax.Expr;
import nanopy.py.PySyntax.ExprContext;

/**
 * Expressions, after the expression rules of CPython 3.12's {@code Grammar/python.gram}: one
 * method per precedence level down to {@code bitwise_or}, precedence climbing for the binary
 * operators, then unary operators, power, await, primaries and atoms; also strings and f-strings,
 * calls, slices, comprehensions, lambda and function parameters, and assignment targets.
 */
class ExpressionParser extends ParserBase {
    ExpressionParser(SourceText src, java.util.List<Token> toks) {
        super(src, toks);
    }

    // ------------------------------------------------------------------ expression levels

    /** {@code star_expressions}: one star_expression, or a tuple of them. */
    final Expr starExpressions() {
        int start = peek().start();
        Expr first = starExpression();
        if (!at(",")) {
            return first;
        }
        ArrayList<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(",")) {
            if (!startsExpression()) {
                break;
            }
            elts.add(starExpression());
        }
        return new PySyntax.TupleExpr(List.ofAll(elts), ExprContext.Load, span(start));
    }

    /** {@code star_expression}: {@code '*' bitwise_or | expression}. */
    final Expr starExpression() {
        if (at("*")) {
            int start = next().start();
            Expr value = bitwiseOr();
            return new PySyntax.Starred(value, ExprContext.Load, span(start));
        }
        return expression();
    }

    /** {@code star_named_expression}: {@code '*' bitwise_or | named_expression}. */
    final Expr starNamedExpression() {
        if (at("*")) {
            int start = next().start();
            Expr value = bitwiseOr();
            return new PySyntax.Starred(value, ExprContext.Load, span(start));
        }
        return namedExpression();
    }

    /** {@code named_expression}: {@code NAME ':=' expression | expression !':='}. */
    final Expr namedExpression() {
        if (atName() && peek(1).is(":=")) {
            Token name = next();
            next();
            Expr value = expression();
            return new PySyntax.NamedExpr(new PySyntax.Name(name.text(), ExprContext.Store, src.span(name.start(), name.end())),
                    value, span(name.start()));
        }
        Expr e = expression();
        if (at(":=")) {
            throw error(e.span(), "cannot use assignment expressions with " + Targets.describe(e));
        }
        return e;
    }

    /** {@code expression}: a conditional expression, a lambda, or a disjunction. */
    final Expr expression() {
        enter();
        try {
            if (at("lambda")) {
                return lambda();
            }
            int start = peek().start();
            Expr body = disjunction();
            if (!at("if")) {
                return body;
            }
            next();
            Expr test = disjunction();
            if (!at("else")) {
                throw error(start, prevEnd(), "expected 'else' after 'if' expression");
            }
            next();
            Expr orelse = expression();
            return new PySyntax.IfExp(test, body, orelse, span(start));
        } finally {
            leave();
        }
    }

    final Expr disjunction() {
        return boolOp("or", PySyntax.BoolOpKind.Or);
    }

    private Expr boolOp(String word, PySyntax.BoolOpKind kind) {
        int start = peek().start();
        Expr first = kind == PySyntax.BoolOpKind.Or ? boolOp("and", PySyntax.BoolOpKind.And) : inversion();
        if (!at(word)) {
            return first;
        }
        ArrayList<Expr> values = new ArrayList<>();
        values.add(first);
        while (accept(word)) {
            values.add(kind == PySyntax.BoolOpKind.Or ? boolOp("and", PySyntax.BoolOpKind.And) : inversion());
        }
        return new PySyntax.BoolOp(kind, List.ofAll(values), span(start));
    }

    private Expr inversion() {
        if (at("not")) {
            enter();
            int start = next().start();
            Expr operand = inversion();
            leave();
            return new PySyntax.UnaryOp(PySyntax.UnaryOpKind.Not, operand, span(start));
        }
        return comparison();
    }

    private Expr comparison() {
        int start = peek().start();
        Expr left = bitwiseOr();
        PySyntax.CmpOp op = compareOp();
        if (op == null) {
            return left;
        }
        ArrayList<PySyntax.CmpOp> ops = new ArrayList<>();
        ArrayList<Expr> rights = new ArrayList<>();
        while (op != null) {
            ops.add(op);
            rights.add(bitwiseOr());
            op = compareOp();
        }
        return new PySyntax.Compare(left, List.ofAll(ops), List.ofAll(rights), span(start));
    }

    /** Consumes a comparison operator, or returns null. */
    private PySyntax.CmpOp compareOp() {
        Token t = peek();
        if (t.kind() != TokenKind.OP && t.kind() != TokenKind.NAME) {
            return null;
        }
        PySyntax.CmpOp op = switch (t.text()) {
            case "==" -> PySyntax.CmpOp.Eq;
            case "!=" -> PySyntax.CmpOp.NotEq;
            case "<" -> PySyntax.CmpOp.Lt;
            case "<=" -> PySyntax.CmpOp.LtE;
            case ">" -> PySyntax.CmpOp.Gt;
            case ">=" -> PySyntax.CmpOp.GtE;
            case "in" -> PySyntax.CmpOp.In;
            case "is" -> peek(1).is("not") ? PySyntax.CmpOp.IsNot : PySyntax.CmpOp.Is;
            case "not" -> peek(1).is("in") ? PySyntax.CmpOp.NotIn : null;
            default -> null;
        };
        if (op == PySyntax.CmpOp.IsNot || op == PySyntax.CmpOp.NotIn) {
            next();
        }
        if (op != null) {
            next();
        }
        return op;
    }

    /** {@code bitwise_or} and the binary operators below it, by precedence climbing. */
    final Expr bitwiseOr() {
        return binary(1);
    }

    private static PySyntax.Operator binaryOperator(Token t, int level) {
        if (t.kind() != TokenKind.OP) {
            return null;
        }
        return switch (level) {
            case 1 -> t.text().equals("|") ? PySyntax.Operator.BitOr : null;
            case 2 -> t.text().equals("^") ? PySyntax.Operator.BitXor : null;
            case 3 -> t.text().equals("&") ? PySyntax.Operator.BitAnd : null;
            case 4 -> switch (t.text()) {
                case "<<" -> PySyntax.Operator.LShift;
                case ">>" -> PySyntax.Operator.RShift;
                default -> null;
            };
            case 5 -> switch (t.text()) {
                case "+" -> PySyntax.Operator.Add;
                case "-" -> PySyntax.Operator.Sub;
                default -> null;
            };
            default -> switch (t.text()) {
                case "*" -> PySyntax.Operator.Mult;
                case "/" -> PySyntax.Operator.Div;
                case "//" -> PySyntax.Operator.FloorDiv;
                case "%" -> PySyntax.Operator.Mod;
                case "@" -> PySyntax.Operator.MatMult;
                default -> null;
            };
        };
    }

    private Expr binary(int level) {
        if (level > 6) {
            return factor();
        }
        int start = peek().start();
        Expr left = binary(level + 1);
        PySyntax.Operator op;
        while ((op = binaryOperator(peek(), level)) != null) {
            next();
            Expr right = binary(level + 1);
            left = new PySyntax.BinOp(left, op, right, span(start));
        }
        return left;
    }

    private Expr factor() {
        PySyntax.UnaryOpKind op = at("+") ? PySyntax.UnaryOpKind.UAdd
                : at("-") ? PySyntax.UnaryOpKind.USub : at("~") ? PySyntax.UnaryOpKind.Invert : null;
        if (op == null) {
            return power();
        }
        enter();
        int start = next().start();
        Expr operand = factor();
        leave();
        return new PySyntax.UnaryOp(op, operand, span(start));
    }

    private Expr power() {
        int start = peek().start();
        Expr base = awaitPrimary();
        if (!at("**")) {
            return base;
        }
        next();
        enter();
        Expr exponent = factor();
        leave();
        return new PySyntax.BinOp(base, PySyntax.Operator.Pow, exponent, span(start));
    }

    private Expr awaitPrimary() {
        if (at("await")) {
            int start = next().start();
            Expr value = primary();
            return new PySyntax.Await(value, span(start));
        }
        return primary();
    }

    /** {@code primary}: an atom followed by attribute, call and subscript trailers. */
    final Expr primary() {
        int start = peek().start();
        Expr e = atom();
        while (true) {
            if (at(".")) {
                next();
                Token name = expectName();
                e = new PySyntax.Attribute(e, name.text(), ExprContext.Load, span(start));
            } else if (at("(")) {
                e = call(e, start);
            } else if (at("[")) {
                next();
                int sliceStart = peek().start();
                Expr slice = slices();
                if (!at("]")) {
                    throw missingComma(sliceStart);
                }
                next();
                e = new PySyntax.Subscript(e, slice, ExprContext.Load, span(start));
            } else {
                return e;
            }
        }
    }

    // ------------------------------------------------------------------ atoms

    /** True when the current token can begin an expression. */
    final boolean startsExpression() {
        Token t = peek();
        return switch (t.kind()) {
            case NAME -> !Keywords.isKeyword(t.text()) || switch (t.text()) {
                case "None", "True", "False", "not", "lambda", "await" -> true;
                default -> false;
            };
            case NUMBER, STRING -> true;
            case OP -> switch (t.text()) {
                case "(", "[", "{", "-", "+", "~", "...", "*" -> true;
                default -> false;
            };
            default -> false;
        };
    }

    private Expr atom() {
        Token t = peek();
        switch (t.kind()) {
            case NAME -> {
                next();
                Span sp = src.span(t.start(), t.end());
                return switch (t.text()) {
                    case "None" -> new PySyntax.Constant(new PySyntax.NoneConst(sp), Option.none(), sp);
                    case "True" -> new PySyntax.Constant(new PySyntax.BoolConst(true, sp), Option.none(), sp);
                    case "False" -> new PySyntax.Constant(new PySyntax.BoolConst(false, sp), Option.none(), sp);
                    default -> {
                        if (Keywords.isKeyword(t.text())) {
                            throw invalid(t);
                        }
                        yield new PySyntax.Name(t.text(), ExprContext.Load, sp);
                    }
                };
            }
            case NUMBER -> {
                next();
                Span sp = src.span(t.start(), t.end());
                return new PySyntax.Constant(number(t.text(), sp), Option.none(), sp);
            }
            case STRING -> {
                return strings();
            }
            case OP -> {
                switch (t.text()) {
                    case "(" -> {
                        return parenthesized();
                    }
                    case "[" -> {
                        return list();
                    }
                    case "{" -> {
                        return braces();
                    }
                    case "..." -> {
                        next();
                        Span sp = src.span(t.start(), t.end());
                        return new PySyntax.Constant(new PySyntax.EllipsisConst(sp), Option.none(), sp);
                    }
                    default -> throw invalid(t);
                }
            }
            default -> throw invalid(t);
        }
    }

    /** The value of a NUMBER token's text (already checked by the lexer). */
    static PySyntax.Const number(String text, Span sp) {
        String t = text.replace("_", "");
        if (t.length() > 2 && t.charAt(0) == '0' && "xXoObB".indexOf(t.charAt(1)) >= 0) {
            int radix = switch (Character.toLowerCase(t.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            return new PySyntax.IntConst(new BigInteger(t.substring(2), radix), sp);
        }
        char last = Character.toLowerCase(t.charAt(t.length() - 1));
        if (last == 'j') {
            return new PySyntax.ComplexConst(Double.parseDouble(t.substring(0, t.length() - 1)), sp);
        }
        if (t.indexOf('.') >= 0 || t.indexOf('e') >= 0 || t.indexOf('E') >= 0) {
            return new PySyntax.FloatConst(Double.parseDouble(t), sp);
        }
        return new PySyntax.IntConst(new BigInteger(t), sp);
    }

    private Expr parenthesized() {
        int start = next().start();
        if (at(")")) {
            next();
            return new PySyntax.TupleExpr(List.empty(), ExprContext.Load, span(start));
        }
        if (at("yield")) {
            Expr y = yieldExpr();
            expect(")");
            return y;
        }
        Expr first = starNamedExpression();
        if (atComprehension()) {
            if (first instanceof PySyntax.Starred) {
                throw error(first.span(), "iterable unpacking cannot be used in comprehension");
            }
            List<PySyntax.Comprehension> gens = comprehensions();
            expect(")");
            return new PySyntax.GeneratorExp(first, gens, span(start));
        }
        if (at(")")) {
            next();
            if (first instanceof PySyntax.Starred) {
                throw error(first.span(), "cannot use starred expression here");
            }
            return first;
        }
        List<Expr> elts = sequenceRest(first, ")");
        return new PySyntax.TupleExpr(elts, ExprContext.Load, span(start));
    }

    /** After the first element of a display: {@code (',' star_named_expression)* [','] closer}. */
    private List<Expr> sequenceRest(Expr first, String closer) {
        ArrayList<Expr> elts = new ArrayList<>();
        elts.add(first);
        int elementStart = first.span().isKnown() ? src.lineStart(first.span().line()) + first.span().col() - 1 : peek().start();
        while (true) {
            if (at(closer)) {
                next();
                return List.ofAll(elts);
            }
            if (!at(",")) {
                throw missingComma(elementStart);
            }
            next();
            if (at(closer)) {
                continue;
            }
            elementStart = peek().start();
            elts.add(starNamedExpression());
        }
    }

    /**
     * The error at a token that should have been a comma or a closing bracket: CPython's
     * {@code invalid syntax. Perhaps you forgot a comma?} when an expression follows, else
     * {@code invalid syntax}.
     */
    final nanopy.ir.CompileError missingComma(int elementStart) {
        Token t = peek();
        if (t.is("=")) {
            int save = pos;
            int saveDepth = depth;
            next();
            try {
                bitwiseOr();
                return error(elementStart, prevEnd(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            } catch (nanopy.ir.CompileError e) {
                return invalid(t);
            } finally {
                pos = save;
                depth = saveDepth;
            }
        }
        if (!startsExpression() || t.is("*")) {
            return invalid(t);
        }
        int save = pos;
        int saveDepth = depth;
        try {
            expression();
            return error(elementStart, prevEnd(), "invalid syntax. Perhaps you forgot a comma?");
        } catch (nanopy.ir.CompileError e) {
            return invalid(t);
        } finally {
            pos = save;
            depth = saveDepth;
        }
    }

    private Expr list() {
        int start = next().start();
        if (at("]")) {
            next();
            return new PySyntax.ListExpr(List.empty(), ExprContext.Load, span(start));
        }
        Expr first = starNamedExpression();
        if (atComprehension()) {
            if (first instanceof PySyntax.Starred) {
                throw error(first.span(), "iterable unpacking cannot be used in comprehension");
            }
            List<PySyntax.Comprehension> gens = comprehensions();
            expect("]");
            return new PySyntax.ListComp(first, gens, span(start));
        }
        List<Expr> elts = sequenceRest(first, "]");
        return new PySyntax.ListExpr(elts, ExprContext.Load, span(start));
    }

    private Expr braces() {
        int start = next().start();
        if (at("}")) {
            next();
            return new PySyntax.Dict(List.empty(), span(start));
        }
        if (at("**")) {
            return dictRest(start, null);
        }
        Expr first = starNamedExpression();
        if (at(":") && !(first instanceof PySyntax.Starred)) {
            return dictRest(start, first);
        }
        if (atComprehension()) {
            if (first instanceof PySyntax.Starred) {
                throw error(first.span(), "iterable unpacking cannot be used in comprehension");
            }
            List<PySyntax.Comprehension> gens = comprehensions();
            expect("}");
            return new PySyntax.SetComp(first, gens, span(start));
        }
        List<Expr> elts = sequenceRest(first, "}");
        return new PySyntax.SetExpr(elts, span(start));
    }

    /** A dict display or comprehension after '{', whose first key (or null at '**') is parsed. */
    private Expr dictRest(int start, Expr firstKey) {
        ArrayList<PySyntax.DictItem> items = new ArrayList<>();
        Expr key = firstKey;
        while (true) {
            int itemStart = key != null ? offsetOf(key) : peek().start();
            int valueStart = itemStart;
            if (key == null && accept("**")) {
                Expr value = bitwiseOr();
                items.add(new PySyntax.DictSplat(value, span(itemStart)));
            } else {
                if (key == null) {
                    key = expression();
                }
                expect(":");
                valueStart = peek().start();
                Expr value = expression();
                if (items.isEmpty() && atComprehension()) {
                    List<PySyntax.Comprehension> gens = comprehensions();
                    expect("}");
                    return new PySyntax.DictComp(key, value, gens, span(start));
                }
                items.add(new PySyntax.KeyValue(key, value, span(itemStart)));
            }
            key = null;
            if (accept("}")) {
                return new PySyntax.Dict(List.ofAll(items), span(start));
            }
            if (!at(",")) {
                throw missingComma(valueStart);
            }
            next();
            if (accept("}")) {
                return new PySyntax.Dict(List.ofAll(items), span(start));
            }
        }
    }

    /** The source offset where a node starts. */
    final int offsetOf(PySyntax.Expr e) {
        Span s = e.span();
        return src.lineStart(s.line()) + s.col() - 1;
    }

    // ------------------------------------------------------------------ strings

    /** One or more adjacent string tokens: a Constant, or a JoinedStr when any is an f-string. */
    final Expr strings() {
        int start = peek().start();
        ArrayList<Token> parts = new ArrayList<>();
        while (at(TokenKind.STRING)) {
            parts.add(next());
        }
        boolean bytes = parts.get(0).string().bytes();
        boolean fstring = false;
        for (Token t : parts) {
            if (t.string().error() != null) {
                throw t.string().error();
            }
            if (t.string().bytes() != bytes) {
                throw error(prevEnd(), prevEnd(), "cannot mix bytes and nonbytes literals");
            }
            fstring |= t.string().isFString();
        }
        Span sp = span(start);
        if (!fstring) {
            StringBuilder b = new StringBuilder();
            for (Token t : parts) {
                b.append(t.string().value());
            }
            PySyntax.Const value = bytes ? new PySyntax.BytesConst(b.toString(), sp) : new PySyntax.StrConst(b.toString(), sp);
            Option<String> kind = parts.get(0).string().uPrefix() ? Option.some("u") : Option.none();
            return new PySyntax.Constant(value, kind, sp);
        }
        JoinedStrBuilder values = new JoinedStrBuilder();
        for (Token t : parts) {
            StringLiteral lit = t.string();
            if (lit.isFString()) {
                for (FStringPart part : lit.parts()) {
                    addPart(values, part);
                }
            } else {
                values.literal(lit.value(), t.start(), t.end());
            }
        }
        return new PySyntax.JoinedStr(values.build(), sp);
    }

    /** Collects the values of a JoinedStr, merging adjacent literal text into one Constant. */
    private final class JoinedStrBuilder {
        private final ArrayList<Expr> values = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int textStart = -1;
        private int textEnd;

        void literal(String s, int start, int end) {
            if (s.isEmpty()) {
                return;
            }
            if (textStart < 0) {
                textStart = start;
            }
            text.append(s);
            textEnd = end;
        }

        void value(Expr e) {
            flush();
            values.add(e);
        }

        private void flush() {
            if (textStart >= 0) {
                Span sp = src.span(textStart, textEnd);
                values.add(new PySyntax.Constant(new PySyntax.StrConst(text.toString(), sp), Option.none(), sp));
                text.setLength(0);
                textStart = -1;
            }
        }

        List<Expr> build() {
            flush();
            return List.ofAll(values);
        }
    }

    private void addPart(JoinedStrBuilder values, FStringPart part) {
        switch (part) {
            case FStringPart.Literal l -> values.literal(l.text(), l.start(), l.end());
            case FStringPart.Field f -> {
                if (f.debugText() != null) {
                    values.literal(f.debugText(), f.start(), f.end());
                }
                values.value(formattedValue(f));
            }
        }
    }

    private Expr formattedValue(FStringPart.Field f) {
        Expr value = fieldExpression(f);
        Option<Expr> spec = Option.none();
        if (f.spec() != null) {
            JoinedStrBuilder specValues = new JoinedStrBuilder();
            for (FStringPart p : f.spec()) {
                switch (p) {
                    case FStringPart.Literal l -> specValues.literal(l.text(), l.start(), l.end());
                    case FStringPart.Field g -> specValues.value(formattedValue(g));
                }
            }
            int specStart = f.spec().isEmpty() ? f.end() - 1 : partStart(f.spec().get(0));
            spec = Option.some(new PySyntax.JoinedStr(specValues.build(), src.span(specStart, f.end() - 1)));
        }
        return new PySyntax.FormattedValue(value, f.conversion(), spec, src.span(f.start(), f.end()));
    }

    private static int partStart(FStringPart p) {
        return switch (p) {
            case FStringPart.Literal l -> l.start();
            case FStringPart.Field f -> f.start();
        };
    }

    /** Parses a replacement field's tokens: {@code yield_expr | star_expressions}. */
    private Expr fieldExpression(FStringPart.Field f) {
        java.util.List<Token> saved = toks;
        int savedPos = pos;
        ArrayList<Token> sub = new ArrayList<>(f.tokens());
        int end = sub.get(sub.size() - 1).end();
        sub.add(Token.of(TokenKind.ENDMARKER, "", end, end));
        toks = sub;
        pos = 0;
        try {
            Expr e = at("yield") ? yieldExpr() : starExpressions();
            if (!at(TokenKind.ENDMARKER)) {
                throw error(peek(), "f-string: expecting '}'");
            }
            return e;
        } finally {
            toks = saved;
            pos = savedPos;
        }
    }

    // ------------------------------------------------------------------ yield, lambda

    /** {@code yield_expr}: {@code 'yield' 'from' expression | 'yield' [star_expressions]}. */
    final Expr yieldExpr() {
        int start = expect("yield").start();
        if (accept("from")) {
            Expr value = expression();
            return new PySyntax.YieldFrom(value, span(start));
        }
        if (startsExpression()) {
            Expr value = starExpressions();
            return new PySyntax.Yield(Option.some(value), span(start));
        }
        return new PySyntax.Yield(Option.none(), span(start));
    }

    private Expr lambda() {
        int start = next().start();
        PySyntax.Arguments args = parameters(false, ":");
        expect(":");
        Expr body = expression();
        return new PySyntax.Lambda(args, body, span(start));
    }

    /**
     * The parameter list of a def (with annotations) or a lambda, up to {@code closer} (not
     * consumed): positional-only parameters before {@code /}, keyword-only ones after {@code *}.
     */
    final PySyntax.Arguments parameters(boolean annotations, String closer) {
        int start = peek().start();
        ArrayList<PySyntax.Arg> posonly = new ArrayList<>();
        ArrayList<PySyntax.Arg> args = new ArrayList<>();
        ArrayList<Expr> defaults = new ArrayList<>();
        ArrayList<PySyntax.KwOnlyArg> kwonly = new ArrayList<>();
        Option<PySyntax.Arg> vararg = Option.none();
        Option<PySyntax.Arg> kwarg = Option.none();
        boolean star = false;
        boolean slash = false;
        int starAt = -1;
        while (!at(closer)) {
            Token t = peek();
            if (t.is("/")) {
                if (slash) {
                    throw error(t, "/ may appear only once");
                }
                if (star) {
                    throw error(t, "/ must be ahead of *");
                }
                if (args.isEmpty()) {
                    throw error(t, "at least one argument must precede /");
                }
                next();
                slash = true;
                posonly.addAll(args);
                args.clear();
            } else if (t.is("*")) {
                if (star) {
                    throw error(t, "* argument may appear only once");
                }
                next();
                star = true;
                starAt = t.start();
                if (!at(",") && !at(closer)) {
                    vararg = Option.some(parameter(annotations, true));
                }
            } else if (t.is("**")) {
                next();
                kwarg = Option.some(parameter(annotations, false));
                if (at("=")) {
                    throw error(peek(), "var-keyword argument cannot have default value");
                }
                if (accept(",") && !at(closer)) {
                    throw error(peek(), "arguments cannot follow var-keyword argument");
                }
                break;
            } else {
                PySyntax.Arg p = parameter(annotations, false);
                Option<Expr> dflt = Option.none();
                if (accept("=")) {
                    dflt = Option.some(expression());
                }
                if (star) {
                    kwonly.add(new PySyntax.KwOnlyArg(p, dflt, span(offsetOf(p.span()))));
                } else if (dflt.isDefined()) {
                    args.add(p);
                    defaults.add(dflt.get());
                } else {
                    if (!defaults.isEmpty()) {
                        throw error(p.span(), "non-default argument follows default argument");
                    }
                    args.add(p);
                }
            }
            if (!accept(",")) {
                break;
            }
        }
        if (star && vararg.isEmpty() && kwonly.isEmpty()) {
            throw error(starAt, starAt + 1, "named arguments must follow bare *");
        }
        return new PySyntax.Arguments(List.ofAll(posonly), List.ofAll(args), vararg, List.ofAll(kwonly), kwarg,
                List.ofAll(defaults), span(start));
    }

    private int offsetOf(Span s) {
        return src.lineStart(s.line()) + s.col() - 1;
    }

    private PySyntax.Arg parameter(boolean annotations, boolean starAnnotation) {
        Token name = expectName();
        Option<Expr> annotation = Option.none();
        if (annotations && accept(":")) {
            annotation = Option.some(starAnnotation ? starExpression() : expression());
        }
        return new PySyntax.Arg(name.text(), annotation, span(name.start()));
    }

    // ------------------------------------------------------------------ calls, slices, comprehensions

    /** The arguments of a call to {@code func} at '(' (also a class's bases and keywords). */
    final Expr call(Expr func, int start) {
        Arguments a = arguments();
        return new PySyntax.Call(func, a.args, a.keywords, span(start));
    }

    /** Positional arguments and keywords of a call. */
    record Arguments(List<Expr> args, List<PySyntax.Keyword> keywords) {}

    /** {@code '(' [args] ')'}, checking the order rules of positional, keyword and unpacking arguments. */
    final Arguments arguments() {
        int open = expect("(").start();
        ArrayList<Expr> args = new ArrayList<>();
        ArrayList<PySyntax.Keyword> keywords = new ArrayList<>();
        int keywordAt = -1;
        int doubleStarAt = -1;
        while (!at(")")) {
            int argStart = peek().start();
            int elementStart = argStart;
            if (accept("*")) {
                Expr value = expression();
                if (doubleStarAt >= 0) {
                    throw error(doubleStarAt, doubleStarAt + 2, "iterable argument unpacking follows keyword argument unpacking");
                }
                args.add(new PySyntax.Starred(value, ExprContext.Load, span(argStart)));
            } else if (accept("**")) {
                Expr value = expression();
                if (doubleStarAt < 0) {
                    doubleStarAt = argStart;
                }
                keywords.add(new PySyntax.Keyword(Option.none(), value, span(argStart)));
            } else if (peek().kind() == TokenKind.NAME && peek(1).is("=")) {
                Token name = next();
                if (Keywords.isKeyword(name.text())) {
                    throw error(name, name.text().equals("True") || name.text().equals("False") || name.text().equals("None")
                            ? "cannot assign to " + name.text() : "invalid syntax");
                }
                next();
                elementStart = peek().start();
                Expr value = expression();
                keywordAt = argStart;
                keywords.add(new PySyntax.Keyword(Option.some(name.text()), value, span(argStart)));
            } else {
                Expr e = namedExpression();
                if (atComprehension()) {
                    List<PySyntax.Comprehension> gens = comprehensions();
                    if (!args.isEmpty() || !keywords.isEmpty() || !at(")")) {
                        throw error(argStart, prevEnd(), "Generator expression must be parenthesized");
                    }
                    next();
                    args.add(new PySyntax.GeneratorExp(e, gens, span(open)));
                    return new Arguments(List.ofAll(args), List.ofAll(keywords));
                }
                if (at("=")) {
                    throw error(e.span(), "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                if (doubleStarAt >= 0) {
                    throw error(peek(), "positional argument follows keyword argument unpacking");
                }
                if (keywordAt >= 0) {
                    throw error(peek(), "positional argument follows keyword argument");
                }
                args.add(e);
            }
            if (at(")")) {
                break;
            }
            if (!at(",")) {
                throw missingComma(elementStart);
            }
            next();
        }
        next();
        return new Arguments(List.ofAll(args), List.ofAll(keywords));
    }

    /** {@code slices}: one slice, or a tuple of slices and starred expressions. */
    private Expr slices() {
        int start = peek().start();
        Expr first = slice();
        if (!at(",")) {
            return first instanceof PySyntax.Starred ? new PySyntax.TupleExpr(List.of(first), ExprContext.Load, span(start)) : first;
        }
        ArrayList<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(",")) {
            if (at("]")) {
                break;
            }
            elts.add(slice());
        }
        return new PySyntax.TupleExpr(List.ofAll(elts), ExprContext.Load, span(start));
    }

    private Expr slice() {
        int start = peek().start();
        if (at("*")) {
            next();
            Expr value = bitwiseOr();
            return new PySyntax.Starred(value, ExprContext.Load, span(start));
        }
        Option<Expr> lower = Option.none();
        if (!at(":")) {
            Expr e = namedExpression();
            if (!at(":")) {
                return e;
            }
            lower = Option.some(e);
        }
        expect(":");
        Option<Expr> upper = at(":") || at(",") || at("]") ? Option.none() : Option.some(expression());
        Option<Expr> step = Option.none();
        if (accept(":")) {
            step = at(",") || at("]") ? Option.none() : Option.some(expression());
        }
        return new PySyntax.Slice(lower, upper, step, span(start));
    }

    /** At {@code for} or {@code async for}. */
    final boolean atComprehension() {
        return at("for") || at("async") && peek(1).is("for");
    }

    /** {@code for_if_clauses}. */
    final List<PySyntax.Comprehension> comprehensions() {
        ArrayList<PySyntax.Comprehension> gens = new ArrayList<>();
        while (atComprehension()) {
            int start = peek().start();
            boolean isAsync = accept("async");
            expect("for");
            Expr target = starTargets(Targets.Use.FOR);
            expect("in");
            Expr iter = disjunction();
            ArrayList<Expr> ifs = new ArrayList<>();
            while (accept("if")) {
                ifs.add(disjunction());
            }
            gens.add(new PySyntax.Comprehension(target, iter, List.ofAll(ifs), isAsync, span(start)));
        }
        return List.ofAll(gens);
    }

    // ------------------------------------------------------------------ targets

    /** {@code star_targets} (a tuple when there is a comma), in Store context. */
    final Expr starTargets(Targets.Use use) {
        int start = peek().start();
        Expr first = starTarget(use);
        if (!at(",")) {
            return first;
        }
        ArrayList<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(",")) {
            if (!startsExpression()) {
                break;
            }
            elts.add(starTarget(use));
        }
        return new PySyntax.TupleExpr(List.ofAll(elts), ExprContext.Store, span(start));
    }

    /** {@code star_target}: parsed as {@code ['*'] bitwise_or}, then checked and put in Store context. */
    final Expr starTarget(Targets.Use use) {
        int start = peek().start();
        boolean star = accept("*");
        Expr e = bitwiseOr();
        if (star) {
            e = new PySyntax.Starred(e, ExprContext.Load, span(start));
        }
        return store(e, use);
    }

    /** Checks that {@code e} can be assigned to and sets Store context on it. */
    final Expr store(Expr e, Targets.Use use) {
        Expr bad = Targets.invalid(e, use);
        if (bad != null) {
            throw error(bad.span(), (use == Targets.Use.DEL ? "cannot delete " : "cannot assign to ") + Targets.describe(bad));
        }
        return Targets.with(e, use == Targets.Use.DEL ? ExprContext.Del : ExprContext.Store);
    }
}
