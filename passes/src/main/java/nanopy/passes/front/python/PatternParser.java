package nanopy.passes.front.python;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.py.PySyntax;
import nanopy.py.PySyntax.Expr;
import nanopy.py.PySyntax.ExprContext;
import nanopy.py.PySyntax.Pattern;

/**
 * The patterns of {@code match} statements (PEP 634), after the pattern rules of CPython 3.12's
 * grammar: or, as, literal, capture, wildcard, value, group, sequence, mapping and class patterns.
 */
class PatternParser extends ExpressionParser {
    PatternParser(SourceText src, java.util.List<Token> toks) {
        super(src, toks);
    }

    /** {@code patterns}: an open sequence pattern (with a comma) or one pattern. */
    final Pattern patterns() {
        int start = peek().start();
        Pattern first = maybeStarPattern();
        if (!at(",")) {
            if (first instanceof PySyntax.MatchStar) {
                throw error(first.span(), "invalid syntax");
            }
            return first;
        }
        ArrayList<Pattern> items = new ArrayList<>();
        items.add(first);
        while (accept(",")) {
            if (at(":") || at("if")) {
                break;
            }
            items.add(maybeStarPattern());
        }
        return new PySyntax.MatchSequence(List.ofAll(items), span(start));
    }

    private Pattern maybeStarPattern() {
        if (at("*")) {
            int start = next().start();
            Token name = expectName();
            Option<String> n = name.text().equals("_") ? Option.none() : Option.some(name.text());
            return new PySyntax.MatchStar(n, span(start));
        }
        return pattern();
    }

    /** {@code pattern}: {@code or_pattern ['as' capture_target]}. */
    private Pattern pattern() {
        enter();
        try {
            int start = peek().start();
            Pattern p = orPattern();
            if (!at("as")) {
                return p;
            }
            next();
            Token name = expectName();
            if (name.text().equals("_")) {
                throw error(name, "cannot use '_' as a target");
            }
            return new PySyntax.MatchAs(Option.some(p), Option.some(name.text()), span(start));
        } finally {
            leave();
        }
    }

    private Pattern orPattern() {
        int start = peek().start();
        Pattern first = closedPattern();
        if (!at("|")) {
            return first;
        }
        ArrayList<Pattern> alts = new ArrayList<>();
        alts.add(first);
        while (accept("|")) {
            alts.add(closedPattern());
        }
        return new PySyntax.MatchOr(List.ofAll(alts), span(start));
    }

    private Pattern closedPattern() {
        Token t = peek();
        int start = t.start();
        switch (t.kind()) {
            case NUMBER, STRING -> {
                return new PySyntax.MatchValue(literalExpr(), span(start));
            }
            case NAME -> {
                switch (t.text()) {
                    case "None", "True", "False" -> {
                        next();
                        Span sp = span(start);
                        PySyntax.Const c = t.text().equals("None") ? new PySyntax.NoneConst(sp)
                                : new PySyntax.BoolConst(t.text().equals("True"), sp);
                        return new PySyntax.MatchSingleton(c, sp);
                    }
                    default -> {
                        return namePattern();
                    }
                }
            }
            case OP -> {
                switch (t.text()) {
                    case "-" -> {
                        return new PySyntax.MatchValue(literalExpr(), span(start));
                    }
                    case "(" -> {
                        next();
                        if (accept(")")) {
                            return new PySyntax.MatchSequence(List.empty(), span(start));
                        }
                        Pattern first = maybeStarPattern();
                        if (accept(")")) {
                            if (first instanceof PySyntax.MatchStar) {
                                throw error(first.span(), "invalid syntax");
                            }
                            return first;
                        }
                        return new PySyntax.MatchSequence(sequenceRest(first, ")"), span(start));
                    }
                    case "[" -> {
                        next();
                        if (accept("]")) {
                            return new PySyntax.MatchSequence(List.empty(), span(start));
                        }
                        Pattern first = maybeStarPattern();
                        return new PySyntax.MatchSequence(sequenceRest(first, "]"), span(start));
                    }
                    case "{" -> {
                        return mappingPattern();
                    }
                    default -> throw invalid(t);
                }
            }
            default -> throw invalid(t);
        }
    }

    private List<Pattern> sequenceRest(Pattern first, String closer) {
        ArrayList<Pattern> items = new ArrayList<>();
        items.add(first);
        while (!accept(closer)) {
            expect(",");
            if (accept(closer)) {
                break;
            }
            items.add(maybeStarPattern());
        }
        return List.ofAll(items);
    }

    /** A capture, wildcard, value or class pattern, starting with a name. */
    private Pattern namePattern() {
        Token first = expectName();
        int start = first.start();
        Expr e = new PySyntax.Name(first.text(), ExprContext.Load, span(start));
        boolean dotted = false;
        while (accept(".")) {
            Token attr = expectName();
            e = new PySyntax.Attribute(e, attr.text(), ExprContext.Load, span(start));
            dotted = true;
        }
        if (at("(")) {
            return classPattern(e, start);
        }
        if (dotted) {
            return new PySyntax.MatchValue(e, span(start));
        }
        Option<String> name = first.text().equals("_") ? Option.none() : Option.some(first.text());
        return new PySyntax.MatchAs(Option.none(), name, span(start));
    }

    private Pattern classPattern(Expr cls, int start) {
        expect("(");
        ArrayList<Pattern> positional = new ArrayList<>();
        ArrayList<String> names = new ArrayList<>();
        ArrayList<Pattern> keywords = new ArrayList<>();
        while (!at(")")) {
            if (atName() && peek(1).is("=")) {
                Token name = next();
                next();
                names.add(name.text());
                keywords.add(pattern());
            } else {
                int at = peek().start();
                Pattern p = pattern();
                if (!names.isEmpty()) {
                    throw error(at, prevEnd(), "positional patterns follow keyword patterns");
                }
                positional.add(p);
            }
            if (!accept(",")) {
                break;
            }
        }
        expect(")");
        return new PySyntax.MatchClass(cls, List.ofAll(positional), List.ofAll(names), List.ofAll(keywords), span(start));
    }

    private Pattern mappingPattern() {
        int start = expect("{").start();
        ArrayList<Expr> keys = new ArrayList<>();
        ArrayList<Pattern> values = new ArrayList<>();
        Option<String> rest = Option.none();
        while (!at("}")) {
            if (accept("**")) {
                rest = Option.some(expectName().text());
                accept(",");
                break;
            }
            keys.add(mappingKey());
            expect(":");
            values.add(pattern());
            if (!accept(",")) {
                break;
            }
        }
        expect("}");
        return new PySyntax.MatchMapping(List.ofAll(keys), List.ofAll(values), rest, span(start));
    }

    private Expr mappingKey() {
        Token t = peek();
        if (t.kind() == TokenKind.NAME && !t.is("None") && !t.is("True") && !t.is("False")) {
            int start = expectName().start();
            Expr e = new PySyntax.Name(t.text(), ExprContext.Load, span(start));
            expect(".");
            do {
                Token attr = expectName();
                e = new PySyntax.Attribute(e, attr.text(), ExprContext.Load, span(start));
            } while (accept("."));
            return e;
        }
        return literalExpr();
    }

    /** {@code literal_expr}: a signed number, a complex literal, strings, None, True or False. */
    private Expr literalExpr() {
        Token t = peek();
        int start = t.start();
        if (t.kind() == TokenKind.STRING) {
            Expr s = strings();
            if (s instanceof PySyntax.JoinedStr) {
                throw error(s.span(), "patterns may only match literals and attribute lookups");
            }
            return s;
        }
        if (t.is("None") || t.is("True") || t.is("False")) {
            next();
            Span sp = span(start);
            PySyntax.Const c = t.is("None") ? new PySyntax.NoneConst(sp) : new PySyntax.BoolConst(t.is("True"), sp);
            return new PySyntax.Constant(c, Option.none(), sp);
        }
        Expr real = signedNumber();
        if (at("+") || at("-")) {
            PySyntax.Operator op = next().is("+") ? PySyntax.Operator.Add : PySyntax.Operator.Sub;
            Token imag = peek();
            if (imag.kind() != TokenKind.NUMBER) {
                throw invalid(imag);
            }
            next();
            Span isp = span(imag.start());
            PySyntax.Const value = number(imag.text(), isp);
            if (!(value instanceof PySyntax.ComplexConst)) {
                throw error(isp, "imaginary number required in complex literal");
            }
            if (isComplex(real)) {
                throw error(real.span(), "real number required in complex literal");
            }
            return new PySyntax.BinOp(real, op, new PySyntax.Constant(value, Option.none(), isp), span(start));
        }
        return real;
    }

    private static boolean isComplex(Expr e) {
        Expr x = e instanceof PySyntax.UnaryOp u ? u.operand() : e;
        return x instanceof PySyntax.Constant c && c.value() instanceof PySyntax.ComplexConst;
    }

    private Expr signedNumber() {
        int start = peek().start();
        boolean minus = accept("-");
        Token t = peek();
        if (t.kind() != TokenKind.NUMBER) {
            throw invalid(t);
        }
        next();
        Span sp = span(t.start());
        Expr n = new PySyntax.Constant(number(t.text(), sp), Option.none(), sp);
        return minus ? new PySyntax.UnaryOp(PySyntax.UnaryOpKind.USub, n, span(start)) : n;
    }
}
