package nanopy.passes.example;

import io.vavr.collection.List;
import nanopy.example.Arith;
import nanopy.example.Arith.Expr;
import nanopy.example.Arith.Op;
import nanopy.ir.CompileError;
import nanopy.ir.Source;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Parses the example language's concrete syntax into {@link Arith}:
 *
 * <pre>
 * program = expr
 * expr    = "let" NAME "=" expr "in" expr | sum
 * sum     = product { ("+" | "-") product }
 * product = unary { "*" unary }
 * unary   = "-" unary | INT | NAME | "(" expr ")"
 * </pre>
 *
 * {@code #} starts a comment. Recursive descent, one token of lookahead.
 */
public final class ParseArith implements Pass<Source.SourceFile, Arith.Program> {
    private record Tok(String kind, String text, Span span) {}

    private java.util.List<Tok> toks;
    private int at;
    private String file;

    @Override
    public String description() {
        return "parse the example language's text into Arith";
    }

    @Override
    public Arith.Program apply(Source.SourceFile program, PassContext ctx) {
        file = ctx.fileName();
        toks = lex(program.text());
        at = 0;
        Expr e = expr();
        if (!peek().kind.equals("end")) {
            throw error(peek(), "expected an operator or the end of the program");
        }
        return new Arith.Program(e, e.span());
    }

    private java.util.List<Tok> lex(String s) {
        java.util.List<Tok> out = new java.util.ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int col = i - lineStart + 1;
            if (c == '\n') {
                line++;
                lineStart = ++i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isDigit(c) || Character.isLetter(c) || c == '_') {
                int j = i;
                boolean digits = Character.isDigit(c);
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                String text = s.substring(i, j);
                String kind = digits ? "int" : text.equals("let") || text.equals("in") ? text : "name";
                out.add(new Tok(kind, text, new Span(line, col, line, col + j - i)));
                i = j;
            } else if ("+-*()=".indexOf(c) >= 0) {
                out.add(new Tok(String.valueOf(c), String.valueOf(c), new Span(line, col, line, col + 1)));
                i++;
            } else {
                throw new CompileError(file, new Span(line, col, line, col + 1), "unexpected character '" + c + "'");
            }
        }
        int col = i - lineStart + 1;
        out.add(new Tok("end", "end of input", new Span(line, col, line, col)));
        return out;
    }

    private Tok peek() {
        return toks.get(at);
    }

    private Tok expect(String kind, String what) {
        Tok t = peek();
        if (!t.kind.equals(kind)) {
            throw error(t, "expected " + what);
        }
        at++;
        return t;
    }

    private CompileError error(Tok t, String message) {
        String found = t.kind.equals("end") ? "the end of the program" : "'" + t.text + "'";
        return new CompileError(file, t.span, message + " but found " + found);
    }

    private Expr expr() {
        if (peek().kind.equals("let")) {
            Tok let = expect("let", "'let'");
            Tok name = expect("name", "a variable name after 'let'");
            expect("=", "'=' after 'let " + name.text + "'");
            Expr rhs = expr();
            expect("in", "'in' after the value of " + name.text);
            Expr body = expr();
            return new Arith.Let(name.text, rhs, body, let.span.to(body.span()));
        }
        Expr left = product();
        while (peek().kind.equals("+") || peek().kind.equals("-")) {
            Op op = peek().kind.equals("+") ? Op.Add : Op.Sub;
            at++;
            Expr right = product();
            left = new Arith.Prim(op, List.of(left, right), left.span().to(right.span()));
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (peek().kind.equals("*")) {
            at++;
            Expr right = unary();
            left = new Arith.Prim(Op.Mul, List.of(left, right), left.span().to(right.span()));
        }
        return left;
    }

    private Expr unary() {
        Tok t = peek();
        switch (t.kind) {
            case "-" -> {
                at++;
                Expr e = unary();
                return new Arith.Neg(e, t.span.to(e.span()));
            }
            case "int" -> {
                at++;
                try {
                    return new Arith.Int(Long.parseLong(t.text), t.span);
                } catch (NumberFormatException e) {
                    throw new CompileError(file, t.span, "integer literal " + t.text + " does not fit in 64 bits");
                }
            }
            case "name" -> {
                at++;
                return new Arith.Var(t.text, t.span);
            }
            case "(" -> {
                at++;
                Expr e = expr();
                expect(")", "')'");
                return e;
            }
            default -> throw error(t, "expected an integer, a variable, 'let', '-' or '('");
        }
    }
}
