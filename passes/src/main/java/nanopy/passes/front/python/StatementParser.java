package nanopy.passes.front.python;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.ArrayList;
import nanopy.ir.CompileError;
import nanopy.py.PySyntax;
import nanopy.py.PySyntax.Expr;
import nanopy.py.PySyntax.ExprContext;
import nanopy.py.PySyntax.Stmt;

/**
 * Statements and blocks, after the statement rules of CPython 3.12's grammar, with its
 * dedicated messages for the usual mistakes ({@code expected ':'}, {@code expected an indented
 * block after 'if' statement on line 3}, {@code cannot assign to literal here. Maybe you meant
 * '==' instead of '='?}, ...).
 */
final class StatementParser extends PatternParser {
    StatementParser(SourceText src, java.util.List<Token> toks) {
        super(src, toks);
    }

    /** {@code file}: statements up to the end marker. */
    PySyntax.Module file() {
        ArrayList<Stmt> body = new ArrayList<>();
        while (!at(TokenKind.ENDMARKER)) {
            statement(body);
        }
        return new PySyntax.Module(List.ofAll(body), src.span(0, src.text().length()));
    }

    /** One compound statement, or one line of simple statements, appended to {@code out}. */
    private void statement(ArrayList<Stmt> out) {
        Token t = peek();
        if (t.kind() != TokenKind.NAME && !t.is("@")) {
            simpleStatements(out);
            return;
        }
        Stmt s = switch (t.text()) {
            case "def" -> functionDef(List.empty(), t.start(), false);
            case "class" -> classDef(List.empty(), t.start());
            case "if" -> ifStatement();
            case "while" -> whileStatement();
            case "for" -> forStatement(false, t.start());
            case "with" -> withStatement(false, t.start());
            case "try" -> tryStatement();
            case "@" -> decorated();
            case "async" -> asyncStatement();
            case "match" -> matchStatement();
            default -> null;
        };
        if (s != null) {
            out.add(s);
        } else {
            simpleStatements(out);
        }
    }

    private void simpleStatements(ArrayList<Stmt> out) {
        if (at(TokenKind.INDENT)) {
            Token after = peek(1);
            throw after.kind() == TokenKind.ERROR && after.text().equals(PythonLexer.SOFT) ? after.error() : invalid(peek());
        }
        do {
            out.add(simpleStatement());
        } while (accept(";") && !at(TokenKind.NEWLINE));
        if (!at(TokenKind.NEWLINE)) {
            throw out.get(out.size() - 1) instanceof PySyntax.ExprStmt ? afterLookahead(peek()) : invalid(peek());
        }
        next();
    }

    private Stmt simpleStatement() {
        Token t = peek();
        int start = t.start();
        if (t.kind() == TokenKind.NAME) {
            switch (t.text()) {
                case "pass" -> {
                    next();
                    return new PySyntax.Pass(span(start));
                }
                case "break" -> {
                    next();
                    return new PySyntax.Break(span(start));
                }
                case "continue" -> {
                    next();
                    return new PySyntax.Continue(span(start));
                }
                case "return" -> {
                    next();
                    Option<Expr> value = startsExpression() ? Option.some(starExpressions()) : Option.none();
                    return new PySyntax.Return(value, span(start));
                }
                case "raise" -> {
                    return raise();
                }
                case "global", "nonlocal" -> {
                    next();
                    ArrayList<String> names = new ArrayList<>();
                    do {
                        names.add(expectName().text());
                    } while (accept(","));
                    return t.text().equals("global") ? new PySyntax.Global(List.ofAll(names), span(start))
                            : new PySyntax.Nonlocal(List.ofAll(names), span(start));
                }
                case "del" -> {
                    return delete();
                }
                case "assert" -> {
                    next();
                    Expr test = expression();
                    Option<Expr> msg = accept(",") ? Option.some(expression()) : Option.none();
                    return new PySyntax.Assert(test, msg, span(start));
                }
                case "import" -> {
                    return importName();
                }
                case "from" -> {
                    return importFrom();
                }
                case "type" -> {
                    if (peek(1).kind() == TokenKind.NAME && (peek(2).is("=") || peek(2).is("["))) {
                        return typeAlias();
                    }
                }
                default -> {
                }
            }
        }
        return expressionStatement();
    }

    /**
     * {@code invalid syntax} at {@code t}, after trying to parse an expression there: CPython's
     * second pass does, and what it reads decides whether an unclosed bracket is reported instead.
     */
    private CompileError afterLookahead(Token t) {
        if (startsExpression()) {
            int save = pos;
            int saveDepth = depth;
            try {
                expression();
            } catch (CompileError e) {
                depth = saveDepth;
            }
            pos = save;
        }
        return invalid(t);
    }

    private Stmt raise() {
        int start = next().start();
        Option<Expr> exc = Option.none();
        Option<Expr> cause = Option.none();
        if (startsExpression()) {
            exc = Option.some(expression());
            if (accept("from")) {
                cause = Option.some(expression());
            }
        }
        return new PySyntax.Raise(exc, cause, span(start));
    }

    private Stmt delete() {
        int start = next().start();
        ArrayList<Expr> targets = new ArrayList<>();
        do {
            if (!startsExpression()) {
                if (targets.isEmpty()) {
                    throw invalid(peek());
                }
                break;
            }
            targets.add(store(bitwiseOr(), Targets.Use.DEL));
        } while (accept(","));
        if (!at(";") && !at(TokenKind.NEWLINE)) {
            throw invalid(peek());
        }
        return new PySyntax.Delete(List.ofAll(targets), span(start));
    }

    private Stmt importName() {
        int start = next().start();
        ArrayList<PySyntax.Alias> names = new ArrayList<>();
        do {
            int aliasStart = peek().start();
            String name = dottedName();
            Option<String> as = accept("as") ? Option.some(expectName().text()) : Option.none();
            names.add(new PySyntax.Alias(name, as, span(aliasStart)));
        } while (accept(","));
        return new PySyntax.Import(List.ofAll(names), span(start));
    }

    private String dottedName() {
        StringBuilder b = new StringBuilder(expectName().text());
        while (accept(".")) {
            b.append('.').append(expectName().text());
        }
        return b.toString();
    }

    private Stmt importFrom() {
        int start = next().start();
        int level = 0;
        while (at(".") || at("...")) {
            level += next().text().length();
        }
        Option<String> module = Option.none();
        if (!at("import") || level == 0) {
            module = Option.some(dottedName());
        }
        expect("import");
        ArrayList<PySyntax.Alias> names = new ArrayList<>();
        if (at("*")) {
            Token star = next();
            names.add(new PySyntax.Alias("*", Option.none(), span(star.start())));
        } else {
            boolean parens = accept("(");
            do {
                if (parens && at(")")) {
                    break;
                }
                int aliasStart = peek().start();
                String name = expectName().text();
                Option<String> as = accept("as") ? Option.some(expectName().text()) : Option.none();
                names.add(new PySyntax.Alias(name, as, span(aliasStart)));
                if (!parens && at(",") && peek(1).kind() == TokenKind.NEWLINE) {
                    throw error(peek(1), "trailing comma not allowed without surrounding parentheses");
                }
            } while (accept(","));
            if (parens) {
                if (names.isEmpty()) {
                    throw invalid(peek());
                }
                expect(")");
            }
        }
        return new PySyntax.ImportFrom(module, List.ofAll(names), level, span(start));
    }

    private Stmt typeAlias() {
        int start = next().start();
        Token name = expectName();
        Expr target = new PySyntax.Name(name.text(), ExprContext.Store, span(name.start()));
        List<PySyntax.TypeParam> params = at("[") ? typeParams() : List.empty();
        expect("=");
        Expr value = expression();
        return new PySyntax.TypeAlias(target, params, value, span(start));
    }

    /** {@code type_params}: {@code '[' T, *Ts, **P, T: bound ']'} (PEP 695). */
    private List<PySyntax.TypeParam> typeParams() {
        expect("[");
        ArrayList<PySyntax.TypeParam> params = new ArrayList<>();
        do {
            if (at("]") && !params.isEmpty()) {
                break;
            }
            int start = peek().start();
            if (accept("*")) {
                params.add(new PySyntax.TypeVarTuple(expectName().text(), span(start)));
            } else if (accept("**")) {
                params.add(new PySyntax.ParamSpec(expectName().text(), span(start)));
            } else {
                String name = expectName().text();
                Option<Expr> bound = accept(":") ? Option.some(expression()) : Option.none();
                params.add(new PySyntax.TypeVar(name, bound, span(start)));
            }
        } while (accept(","));
        expect("]");
        return List.ofAll(params);
    }

    // ------------------------------------------------------------------ expression statements

    private Expr assignedValue() {
        return at("yield") ? yieldExpr() : starExpressions();
    }

    private Stmt expressionStatement() {
        int start = peek().start();
        boolean parenthesized = at("(");
        Expr first = assignedValue();
        if (at(":")) {
            return annotated(first, start, parenthesized);
        }
        PySyntax.Operator aug = augmentedOperator(peek());
        if (aug != null) {
            if (!(first instanceof PySyntax.Name || first instanceof PySyntax.Attribute || first instanceof PySyntax.Subscript)) {
                throw error(first.span(), "'" + Targets.describe(first) + "' is an illegal expression for augmented assignment");
            }
            next();
            Expr value = assignedValue();
            return new PySyntax.AugAssign(Targets.with(first, ExprContext.Store), aug, value, span(start));
        }
        if (!at("=")) {
            legacyPrint(first, start);
            return new PySyntax.ExprStmt(first, span(start));
        }
        ArrayList<Expr> parts = new ArrayList<>();
        parts.add(first);
        while (accept("=")) {
            parts.add(assignedValue());
        }
        ArrayList<Expr> targets = new ArrayList<>();
        for (int i = 0; i < parts.size() - 1; i++) {
            targets.add(assignTarget(parts.get(i), i == 0 && parts.size() == 2, parts.get(parts.size() - 1)));
        }
        return new PySyntax.Assign(List.ofAll(targets), parts.get(parts.size() - 1), span(start));
    }

    /** Checks an assignment target, with CPython's {@code here. Maybe you meant '=='} variant for {@code a = b}. */
    private Expr assignTarget(Expr target, boolean single, Expr value) {
        if (target instanceof PySyntax.Yield || target instanceof PySyntax.YieldFrom) {
            throw error(target.span(), "assignment to yield expression not possible");
        }
        Expr bad = Targets.invalid(target, Targets.Use.STAR);
        if (bad == null) {
            return Targets.with(target, ExprContext.Store);
        }
        Expr last = target instanceof PySyntax.TupleExpr t && !isParenthesized(t) ? t.elts().last() : target;
        boolean bitwiseLevel = !(last instanceof PySyntax.Compare || last instanceof PySyntax.BoolOp
                || last instanceof PySyntax.IfExp || last instanceof PySyntax.Lambda || last instanceof PySyntax.Starred
                || last instanceof PySyntax.UnaryOp u && u.op() == PySyntax.UnaryOpKind.Not
                || last instanceof PySyntax.TupleExpr || last instanceof PySyntax.ListExpr
                || last instanceof PySyntax.GeneratorExp
                || last instanceof PySyntax.Constant c && (c.value() instanceof PySyntax.NoneConst || c.value() instanceof PySyntax.BoolConst));
        boolean valueBitwise = !(value instanceof PySyntax.Yield || value instanceof PySyntax.YieldFrom
                || value instanceof PySyntax.Lambda || value instanceof PySyntax.Starred
                || value instanceof PySyntax.UnaryOp u2 && u2.op() == PySyntax.UnaryOpKind.Not);
        if (single && valueBitwise && last instanceof PySyntax.Name && last != target) {
            Expr v = value instanceof PySyntax.TupleExpr t && !isParenthesized(t) ? t.elts().head() : value;
            int end = src.lineStart(v.span().endLine()) + v.span().endCol() - 1;
            throw error(offsetOf(last), end, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        }
        if (single && bitwiseLevel && valueBitwise && Targets.invalid(last, Targets.Use.STAR) == last) {
            throw error(last.span(), "cannot assign to " + Targets.describe(last) + " here. Maybe you meant '==' instead of '='?");
        }
        throw error(bad.span(), "cannot assign to " + Targets.describe(bad));
    }

    private boolean isParenthesized(PySyntax.TupleExpr t) {
        return t.span().isKnown() && src.text().charAt(offsetOf(t)) == '(';
    }

    private Stmt annotated(Expr target, int start, boolean parenthesized) {
        Token colon = next();
        boolean validTarget = target instanceof PySyntax.Name || target instanceof PySyntax.Attribute
                || target instanceof PySyntax.Subscript;
        Expr annotation;
        try {
            annotation = expression();
        } catch (CompileError e) {
            throw validTarget ? e : invalid(colon);
        }
        if (target instanceof PySyntax.TupleExpr || target instanceof PySyntax.ListExpr) {
            throw error(target.span(), "only single target (not " + Targets.describe(target) + ") can be annotated");
        }
        if (!(target instanceof PySyntax.Name || target instanceof PySyntax.Attribute || target instanceof PySyntax.Subscript)) {
            throw error(target.span(), "illegal target for annotation");
        }
        Option<Expr> value = accept("=") ? Option.some(assignedValue()) : Option.none();
        boolean simple = target instanceof PySyntax.Name && !parenthesized;
        return new PySyntax.AnnAssign(Targets.with(target, ExprContext.Store), annotation, value, simple, span(start));
    }

    private static PySyntax.Operator augmentedOperator(Token t) {
        if (t.kind() != TokenKind.OP) {
            return null;
        }
        return switch (t.text()) {
            case "+=" -> PySyntax.Operator.Add;
            case "-=" -> PySyntax.Operator.Sub;
            case "*=" -> PySyntax.Operator.Mult;
            case "@=" -> PySyntax.Operator.MatMult;
            case "/=" -> PySyntax.Operator.Div;
            case "%=" -> PySyntax.Operator.Mod;
            case "&=" -> PySyntax.Operator.BitAnd;
            case "|=" -> PySyntax.Operator.BitOr;
            case "^=" -> PySyntax.Operator.BitXor;
            case "<<=" -> PySyntax.Operator.LShift;
            case ">>=" -> PySyntax.Operator.RShift;
            case "**=" -> PySyntax.Operator.Pow;
            case "//=" -> PySyntax.Operator.FloorDiv;
            default -> null;
        };
    }

    /** {@code print x}: CPython's hint for Python 2 print and exec statements. */
    private void legacyPrint(Expr first, int start) {
        if (first instanceof PySyntax.Name n && (n.id().equals("print") || n.id().equals("exec")) && startsExpression()) {
            int save = pos;
            try {
                starExpressions();
            } catch (CompileError e) {
                pos = save;
                return;
            }
            throw error(start, prevEnd(), "Missing parentheses in call to '" + n.id() + "'. Did you mean " + n.id() + "(...)?");
        }
    }

    // ------------------------------------------------------------------ blocks and compound statements

    /** {@code ':' block}, where {@code header} names the statement for the missing-indent message. */
    private List<Stmt> block(String header, int headerStart) {
        return block(header, headerStart, true);
    }

    /**
     * {@code ':' block}; when the colon is not {@code forced} (CPython's {@code &&':'}), a missing
     * colon is only {@code expected ':'} before the end of the line, else {@code invalid syntax}.
     */
    private List<Stmt> block(String header, int headerStart, boolean forced) {
        if (!forced && !at(":") && !at(TokenKind.NEWLINE)) {
            throw invalid(peek());
        }
        expectForced(":");
        if (!at(TokenKind.NEWLINE)) {
            ArrayList<Stmt> line = new ArrayList<>();
            simpleStatements(line);
            return List.ofAll(line);
        }
        next();
        if (!at(TokenKind.INDENT)) {
            Token t = peek();
            if (t.kind() == TokenKind.ERROR) {
                throw t.error();
            }
            throw src.error(t.start(), t.end(), "IndentationError: expected an indented block after " + header
                    + " on line " + src.line(headerStart));
        }
        next();
        ArrayList<Stmt> body = new ArrayList<>();
        while (!at(TokenKind.DEDENT) && !at(TokenKind.ENDMARKER)) {
            statement(body);
        }
        next();
        return List.ofAll(body);
    }

    /** The test of an if, elif or while, with CPython's hints for {@code if x = 1:}. */
    private Expr condition() {
        Expr test = namedExpression();
        if (at("=")) {
            int save = pos;
            next();
            try {
                bitwiseOr();
            } catch (CompileError e) {
                pos = save;
                return test;
            }
            if (test instanceof PySyntax.Name) {
                throw error(offsetOf(test), prevEnd(), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
            throw error(test.span(), "cannot assign to " + Targets.describe(test) + " here. Maybe you meant '==' instead of '='?");
        }
        return test;
    }

    private Stmt ifStatement() {
        Token keyword = next();
        int start = keyword.start();
        Expr test = condition();
        List<Stmt> body = block("'" + keyword.text() + "' statement", start, false);
        List<Stmt> orelse = List.empty();
        if (at("elif")) {
            orelse = List.of(ifStatement());
        } else if (at("else")) {
            int elseAt = next().start();
            orelse = block("'else' statement", elseAt);
        }
        return new PySyntax.If(test, body, orelse, span(start));
    }

    private Stmt whileStatement() {
        int start = next().start();
        Expr test = condition();
        List<Stmt> body = block("'while' statement", start, false);
        List<Stmt> orelse = elseBlock();
        return new PySyntax.While(test, body, orelse, span(start));
    }

    private List<Stmt> elseBlock() {
        if (!at("else")) {
            return List.empty();
        }
        int elseAt = next().start();
        return block("'else' statement", elseAt);
    }

    private Stmt forStatement(boolean isAsync, int start) {
        int forAt = expect("for").start();
        Expr target = starTargets(Targets.Use.FOR);
        expect("in");
        Expr iter = starExpressions();
        List<Stmt> body = block("'for' statement", forAt);
        List<Stmt> orelse = elseBlock();
        return isAsync ? new PySyntax.AsyncFor(target, iter, body, orelse, span(start))
                : new PySyntax.For(target, iter, body, orelse, span(start));
    }

    private Stmt withStatement(boolean isAsync, int start) {
        int withAt = expect("with").start();
        List<PySyntax.WithItem> items = null;
        if (at("(")) {
            int save = pos;
            int saveDepth = depth;
            try {
                next();
                ArrayList<PySyntax.WithItem> list = new ArrayList<>();
                do {
                    if (at(")") && !list.isEmpty()) {
                        break;
                    }
                    list.add(withItem());
                } while (accept(","));
                expect(")");
                if (at(":")) {
                    items = List.ofAll(list);
                } else {
                    pos = save;
                }
            } catch (CompileError e) {
                pos = save;
                depth = saveDepth;
            }
        }
        if (items == null) {
            ArrayList<PySyntax.WithItem> list = new ArrayList<>();
            do {
                list.add(withItem());
            } while (accept(","));
            items = List.ofAll(list);
        }
        List<Stmt> body = block("'with' statement", withAt, false);
        return isAsync ? new PySyntax.AsyncWith(items, body, span(start)) : new PySyntax.With(items, body, span(start));
    }

    private PySyntax.WithItem withItem() {
        int start = peek().start();
        Expr context = expression();
        Option<Expr> vars = Option.none();
        if (accept("as")) {
            vars = Option.some(starTarget(Targets.Use.STAR));
            if (!at(",") && !at(")") && !at(":")) {
                throw invalid(peek());
            }
        }
        return new PySyntax.WithItem(context, vars, span(start));
    }

    private Stmt tryStatement() {
        int start = next().start();
        List<Stmt> body = block("'try' statement", start);
        ArrayList<PySyntax.ExceptHandler> handlers = new ArrayList<>();
        Boolean star = null;
        while (at("except")) {
            int handlerStart = next().start();
            boolean isStar = accept("*");
            if (star != null && star != isStar) {
                throw error(handlerStart, prevEnd(), "cannot have both 'except' and 'except*' on the same 'try'");
            }
            star = isStar;
            Option<Expr> type = Option.none();
            Option<String> name = Option.none();
            if (!at(":")) {
                int typeStart = peek().start();
                Expr t = expression();
                if (at(",")) {
                    next();
                    starExpressions();
                    throw error(typeStart, prevEnd(), "multiple exception types must be parenthesized");
                }
                type = Option.some(t);
                if (accept("as")) {
                    name = Option.some(expectName().text());
                }
            } else if (isStar) {
                throw error(peek(), "expected one or more exception types");
            }
            List<Stmt> handlerBody = block(isStar ? "'except*' statement" : "'except' statement", handlerStart, false);
            handlers.add(new PySyntax.ExceptHandler(type, name, handlerBody, span(handlerStart)));
        }
        List<Stmt> orelse = handlers.isEmpty() ? List.empty() : elseBlock();
        List<Stmt> finalbody = List.empty();
        if (at("finally")) {
            int finallyAt = next().start();
            finalbody = block("'finally' statement", finallyAt);
        } else if (handlers.isEmpty()) {
            throw error(peek(), "expected 'except' or 'finally' block");
        }
        return Boolean.TRUE.equals(star) ? new PySyntax.TryStar(body, List.ofAll(handlers), orelse, finalbody, span(start))
                : new PySyntax.Try(body, List.ofAll(handlers), orelse, finalbody, span(start));
    }

    private Stmt decorated() {
        int start = peek().start();
        ArrayList<Expr> decorators = new ArrayList<>();
        while (accept("@")) {
            decorators.add(namedExpression());
            if (!at(TokenKind.NEWLINE)) {
                throw invalid(peek());
            }
            next();
        }
        List<Expr> list = List.ofAll(decorators);
        if (at("def")) {
            return functionDef(list, start, false);
        }
        if (at("class")) {
            return classDef(list, start);
        }
        if (at("async") && peek(1).is("def")) {
            next();
            return functionDef(list, start, true);
        }
        throw invalid(peek());
    }

    private Stmt asyncStatement() {
        int start = next().start();
        if (at("def")) {
            return functionDef(List.empty(), start, true);
        }
        if (at("for")) {
            return forStatement(true, start);
        }
        if (at("with")) {
            return withStatement(true, start);
        }
        throw invalid(peek());
    }

    private Stmt functionDef(List<Expr> decorators, int start, boolean isAsync) {
        int defAt = expect("def").start();
        String name = expectName().text();
        List<PySyntax.TypeParam> typeParams = at("[") ? typeParams() : List.empty();
        expectForced("(");
        PySyntax.Arguments args = parameters(true, ")");
        expect(")");
        Option<Expr> returns = accept("->") ? Option.some(expression()) : Option.none();
        List<Stmt> body = block("function definition", defAt);
        return isAsync ? new PySyntax.AsyncFunctionDef(name, args, body, decorators, returns, typeParams, span(start))
                : new PySyntax.FunctionDef(name, args, body, decorators, returns, typeParams, span(start));
    }

    private Stmt classDef(List<Expr> decorators, int start) {
        int classAt = expect("class").start();
        String name = expectName().text();
        List<PySyntax.TypeParam> typeParams = at("[") ? typeParams() : List.empty();
        List<Expr> bases = List.empty();
        List<PySyntax.Keyword> keywords = List.empty();
        if (at("(")) {
            Arguments a = arguments();
            bases = a.args();
            keywords = a.keywords();
        }
        List<Stmt> body = block("class definition", classAt);
        return new PySyntax.ClassDef(name, bases, keywords, body, decorators, typeParams, span(start));
    }

    // ------------------------------------------------------------------ match

    /** A match statement, or null (nothing consumed) when {@code match} is used as a name here. */
    private Stmt matchStatement() {
        int save = pos;
        int saveDepth = depth;
        int start = next().start();
        Expr subject;
        try {
            if (!startsExpression()) {
                pos = save;
                return null;
            }
            subject = matchSubject();
        } catch (CompileError e) {
            pos = save;
            depth = saveDepth;
            return null;
        }
        if (!at(":") || !peek(1).kind().equals(TokenKind.NEWLINE)) {
            pos = save;
            return null;
        }
        next();
        next();
        if (!at(TokenKind.INDENT)) {
            throw src.error(peek().start(), peek().end(), "IndentationError: expected an indented block after 'match' statement on line "
                    + src.line(start));
        }
        next();
        ArrayList<PySyntax.MatchCase> cases = new ArrayList<>();
        while (at("case")) {
            cases.add(caseBlock());
        }
        if (cases.isEmpty() || !at(TokenKind.DEDENT)) {
            throw invalid(peek());
        }
        next();
        return new PySyntax.Match(subject, List.ofAll(cases), span(start));
    }

    private Expr matchSubject() {
        int start = peek().start();
        Expr first = starNamedExpression();
        if (!at(",")) {
            if (first instanceof PySyntax.Starred) {
                throw invalid(peek());
            }
            return first;
        }
        ArrayList<Expr> elts = new ArrayList<>();
        elts.add(first);
        while (accept(",")) {
            if (at(":")) {
                break;
            }
            elts.add(starNamedExpression());
        }
        return new PySyntax.TupleExpr(List.ofAll(elts), ExprContext.Load, span(start));
    }

    private PySyntax.MatchCase caseBlock() {
        int start = next().start();
        PySyntax.Pattern pattern = patterns();
        Option<Expr> guard = accept("if") ? Option.some(namedExpression()) : Option.none();
        List<Stmt> body = block("'case' statement", start, false);
        return new PySyntax.MatchCase(pattern, guard, body, span(start));
    }
}
