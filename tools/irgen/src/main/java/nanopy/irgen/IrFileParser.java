package nanopy.irgen;

import java.util.ArrayList;
import java.util.List;
import nanopy.irgen.IrModel.AltDecl;
import nanopy.irgen.IrModel.FieldDecl;
import nanopy.irgen.IrModel.LanguageDecl;
import nanopy.irgen.IrModel.Mult;
import nanopy.irgen.IrModel.NonterminalDecl;
import nanopy.irgen.IrModel.Op;
import nanopy.irgen.IrModel.Pos;
import nanopy.irgen.IrModel.RemovalDecl;
import nanopy.irgen.IrModel.ScopeDecl;
import nanopy.irgen.IrModel.TerminalDecl;

/**
 * Recursive-descent parser for the {@code .ir} format:
 *
 * <pre>
 * file        = { language }
 * language    = "language" Name [ "extends" Name ] String { decl }
 * decl        = "terminal" Name "=" Name { "|" Name }
 *             | "terminal" Name "extern"
 *             | "entry" alt
 *             | "scope" Name "." Name { "|" Name "." Name }
 *             | "sequence" Name { "|" Name }
 *             | "-=" Name { "|" Name }
 *             | Name ( "=" | "+=" | "-=" | "~=" ) alt { "|" alt }
 * alt         = Name [ "(" [ field { "," field } ] ")" ]
 * field       = Name [ "?" | "*" ] Name
 * </pre>
 *
 * An {@code extern} terminal is open: its values are the constants of enums that implement its
 * generated interface, supplied by each target (see {@code nanopy.ir.OpenTerminal}). Line breaks
 * are not significant; {@code #} starts a comment that runs to the end of the line.
 */
public final class IrFileParser {
    private record Tok(String kind, String text, Pos pos) {}

    private final String file;
    private final String javaPackage;
    private final List<Tok> toks = new ArrayList<>();
    private int at;

    private IrFileParser(String file, String javaPackage) {
        this.file = file;
        this.javaPackage = javaPackage;
    }

    /**
     * Parses one {@code .ir} file.
     *
     * @param file the file name used in error messages
     * @param javaPackage the Java package the file's languages are generated into
     * @param text the file contents
     * @return the languages in file order
     * @throws IrSyntaxException on the first syntax error, with file, line and column
     */
    public static List<LanguageDecl> parse(String file, String javaPackage, String text) throws IrSyntaxException {
        IrFileParser p = new IrFileParser(file, javaPackage);
        p.lex(text);
        return p.file();
    }

    private void lex(String s) throws IrSyntaxException {
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            Pos pos = new Pos(file, line, i - lineStart + 1);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i;
                while (j < s.length() && Character.isJavaIdentifierPart(s.charAt(j))) {
                    j++;
                }
                toks.add(new Tok("name", s.substring(i, j), pos));
                i = j;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder sb = new StringBuilder();
                while (j < s.length() && s.charAt(j) != '"' && s.charAt(j) != '\n') {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                        j++;
                    }
                    sb.append(s.charAt(j));
                    j++;
                }
                if (j >= s.length() || s.charAt(j) != '"') {
                    throw new IrSyntaxException(pos, "unterminated string");
                }
                toks.add(new Tok("string", sb.toString(), pos));
                i = j + 1;
            } else if ((c == '+' || c == '-' || c == '~') && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                toks.add(new Tok(c + "=", c + "=", pos));
                i += 2;
            } else if ("=|(),?*.".indexOf(c) >= 0) {
                toks.add(new Tok(String.valueOf(c), String.valueOf(c), pos));
                i++;
            } else {
                throw new IrSyntaxException(pos, "unexpected character '" + c + "'");
            }
        }
        toks.add(new Tok("end", "end of file", new Pos(file, line, i - lineStart + 1)));
    }

    private Tok peek() {
        return toks.get(at);
    }

    private Tok peek2() {
        return toks.get(Math.min(at + 1, toks.size() - 1));
    }

    private boolean isKeyword(String word) {
        return peek().kind.equals("name") && peek().text.equals(word);
    }

    private Tok expect(String kind, String what) throws IrSyntaxException {
        Tok t = peek();
        if (!t.kind.equals(kind)) {
            throw new IrSyntaxException(t.pos, "expected " + what + " but found " + describe(t));
        }
        at++;
        return t;
    }

    private static String describe(Tok t) {
        return switch (t.kind) {
            case "name" -> "'" + t.text + "'";
            case "string" -> "a string";
            case "end" -> "end of file";
            default -> "'" + t.text + "'";
        };
    }

    private List<LanguageDecl> file() throws IrSyntaxException {
        List<LanguageDecl> out = new ArrayList<>();
        while (!peek().kind.equals("end")) {
            if (!isKeyword("language")) {
                throw new IrSyntaxException(peek().pos, "expected 'language' but found " + describe(peek()));
            }
            out.add(language());
        }
        return out;
    }

    private LanguageDecl language() throws IrSyntaxException {
        Pos pos = expect("name", "'language'").pos;
        String name = expect("name", "a language name").text;
        String parent = null;
        if (isKeyword("extends")) {
            at++;
            parent = expect("name", "the parent language's name").text;
        }
        String description = expect("string", "a one-line description in double quotes").text;
        List<TerminalDecl> terminals = new ArrayList<>();
        List<NonterminalDecl> nts = new ArrayList<>();
        List<RemovalDecl> removals = new ArrayList<>();
        List<ScopeDecl> scopes = new ArrayList<>();
        List<RemovalDecl> sequences = new ArrayList<>();
        AltDecl entry = null;
        while (!peek().kind.equals("end") && !isKeyword("language")) {
            if (peek().kind.equals("-=")) {
                at++;
                names("the name of a nonterminal or terminal to remove", false).forEach(n -> removals.add(new RemovalDecl(n[0].text, n[0].pos)));
                continue;
            }
            Tok t = expect("name", "a declaration ('terminal', 'entry', 'scope', 'sequence', '-=' or a nonterminal)");
            if (t.text.equals("sequence") && peek().kind.equals("name") && !peek2().kind.endsWith("=")) {
                names("a nonterminal translated as a sequence", false).forEach(n -> sequences.add(new RemovalDecl(n[0].text, n[0].pos)));
                continue;
            }
            if (t.text.equals("scope") && peek().kind.equals("name") && peek2().kind.equals(".")) {
                names("a production name", true).forEach(n -> scopes.add(new ScopeDecl(n[0].text, n[1].text, n[0].pos)));
                continue;
            }
            if (t.text.equals("terminal") && peek().kind.equals("name")) {
                String tname = expect("name", "a terminal name").text;
                if (isKeyword("extern")) {
                    at++;
                    terminals.add(new TerminalDecl(tname, List.of(), t.pos));
                    continue;
                }
                expect("=", "'=' or 'extern'");
                List<String> constants = new ArrayList<>();
                constants.add(expect("name", "an enum constant").text);
                while (peek().kind.equals("|")) {
                    at++;
                    constants.add(expect("name", "an enum constant").text);
                }
                terminals.add(new TerminalDecl(tname, constants, t.pos));
            } else if (t.text.equals("entry") && peek().kind.equals("name") && !peek2().kind.endsWith("=")) {
                if (entry != null) {
                    throw new IrSyntaxException(t.pos, "language " + name + " has two entry declarations");
                }
                entry = alt();
                if (entry.bare()) {
                    entry = new AltDecl(entry.name(), List.of(), entry.pos());
                }
            } else {
                Op op = switch (peek().kind) {
                    case "=" -> Op.DEFINE;
                    case "+=" -> Op.ADD;
                    case "-=" -> Op.REMOVE;
                    case "~=" -> Op.CHANGE;
                    default -> throw new IrSyntaxException(peek().pos,
                            "expected '=', '+=', '-=' or '~=' after nonterminal " + t.text + " but found " + describe(peek()));
                };
                at++;
                List<AltDecl> alts = new ArrayList<>();
                alts.add(alt());
                while (peek().kind.equals("|")) {
                    at++;
                    alts.add(alt());
                }
                nts.add(new NonterminalDecl(t.text, op, alts, t.pos));
            }
        }
        return new LanguageDecl(name, parent, description, javaPackage, terminals, nts, removals, scopes, sequences, entry, pos);
    }

    /**
     * {@code Name { "|" Name }}, or with {@code dotted} {@code Name "." Name { "|" Name "." Name }}:
     * each element is the name, or the name and the field after the dot.
     */
    private List<Tok[]> names(String what, boolean dotted) throws IrSyntaxException {
        List<Tok[]> out = new ArrayList<>();
        do {
            if (peek().kind.equals("|")) {
                at++;
            }
            Tok name = expect("name", what);
            if (dotted) {
                expect(".", "'.' between production and field");
                out.add(new Tok[] {name, expect("name", "the field that declares the scope's variables")});
            } else {
                out.add(new Tok[] {name});
            }
        } while (peek().kind.equals("|"));
        return out;
    }

    private AltDecl alt() throws IrSyntaxException {
        Tok name = expect("name", "a production or nonterminal name");
        if (!peek().kind.equals("(")) {
            return new AltDecl(name.text, null, name.pos);
        }
        at++;
        List<FieldDecl> fields = new ArrayList<>();
        if (!peek().kind.equals(")")) {
            fields.add(field());
            while (peek().kind.equals(",")) {
                at++;
                fields.add(field());
            }
        }
        expect(")", "',' or ')' in the fields of " + name.text);
        return new AltDecl(name.text, fields, name.pos);
    }

    private FieldDecl field() throws IrSyntaxException {
        Tok type = expect("name", "a field type");
        Mult mult = Mult.ONE;
        if (peek().kind.equals("?")) {
            mult = Mult.OPTIONAL;
            at++;
        } else if (peek().kind.equals("*")) {
            mult = Mult.MANY;
            at++;
        }
        Tok name = expect("name", "a field name after type " + type.text);
        return new FieldDecl(type.text, mult, name.text, type.pos);
    }
}
