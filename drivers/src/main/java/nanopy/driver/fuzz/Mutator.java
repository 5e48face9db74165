package nanopy.driver.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token mutations of real programs for robustness testing: deletes a token, swaps two adjacent
 * tokens, replaces a token by another of its class (a name by a name, a number by a number or an
 * extreme value, an operator by an operator), or inserts a copy of a token from elsewhere in the
 * program (or a keyword or operator),
 * one to three times. Tokens are found by a rough Python lexer (names, numbers, string literals,
 * operators, brackets); line breaks and indentation are kept, so most mutants still parse as far as
 * the mutated line.
 */
final class Mutator {
    private static final Pattern TOKEN = Pattern.compile(
            "'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"|[A-Za-z_][A-Za-z_0-9]*|\\d[\\d_]*(?:\\.\\d*)?(?:[eE][+-]?\\d+)?"
                    + "|\\*\\*=?|//=?|->|[-+*/%<>=!]=|[-+*/%<>=():\\[\\],.]");
    private static final String[] EXTRA = {"(", ")", "[", "]", ":", ",", "=", "+", "-", "*", "//", "%", "**", "<", "==", "not", "and",
        "or", "if", "else", "for", "in", "while", "def", "return", "lambda", "nonlocal", "global", "break", "continue", "None", "True",
        "0", "-1", "9223372036854775807", "''", "'é'", "1e308", "int", "str", "len", "print", "range"};

    private Mutator() {}

    private record Tok(int start, int end) {}

    /** A mutant of {@code source}, the same for the same {@code rnd} state. */
    static String mutate(String source, Random rnd) {
        String text = source;
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<Tok> toks = tokens(text);
            if (toks.size() < 2) {
                return text;
            }
            int i = rnd.nextInt(toks.size());
            Tok t = toks.get(i);
            text = switch (rnd.nextInt(5)) {
                case 3, 4 -> {
                    String same = sameClass(text, toks, t, rnd);
                    yield text.substring(0, t.start) + same + text.substring(t.end);
                }
                case 0 -> text.substring(0, t.start) + text.substring(t.end);
                case 1 -> {
                    Tok u = toks.get(i + 1 < toks.size() ? i + 1 : i - 1);
                    Tok a = t.start < u.start ? t : u;
                    Tok b = t.start < u.start ? u : t;
                    yield text.substring(0, a.start) + text.substring(b.start, b.end) + text.substring(a.end, b.start)
                            + text.substring(a.start, a.end) + text.substring(b.end);
                }
                default -> {
                    String ins = rnd.nextBoolean() ? EXTRA[rnd.nextInt(EXTRA.length)] : tokenText(text, toks.get(rnd.nextInt(toks.size())));
                    yield text.substring(0, t.start) + ins + " " + text.substring(t.start);
                }
            };
        }
        return text;
    }

    /** Another token of the same class as {@code t} (name, number, string or operator), from the program or a few extremes. */
    private static String sameClass(String text, List<Tok> toks, Tok t, Random rnd) {
        String mine = tokenText(text, t);
        List<String> pool = new ArrayList<>();
        for (Tok u : toks) {
            String other = tokenText(text, u);
            if (kind(other) == kind(mine)) {
                pool.add(other);
            }
        }
        if (kind(mine) == 1) {
            pool.addAll(List.of("0", "-1", "9223372036854775807", "4611686018427387904", "1e308", "0.0", "2", "1000000"));
        } else if (kind(mine) == 3) {
            pool.addAll(List.of("+", "-", "*", "//", "%", "/", "**", "<", "<=", "==", "!=", ">", ">="));
        }
        return pool.get(rnd.nextInt(pool.size()));
    }

    /** 0 a name, 1 a number, 2 a string literal, 3 an operator or bracket. */
    private static int kind(String tok) {
        char c = tok.charAt(0);
        return Character.isLetter(c) || c == '_' ? 0 : Character.isDigit(c) ? 1 : c == '\'' || c == '"' ? 2 : 3;
    }

    private static String tokenText(String text, Tok t) {
        return text.substring(t.start, t.end);
    }

    private static List<Tok> tokens(String text) {
        List<Tok> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int lineStart = text.lastIndexOf('\n', m.start()) + 1;
            if (text.substring(lineStart, m.start()).contains("#")) {
                continue;
            }
            out.add(new Tok(m.start(), m.end()));
        }
        return out;
    }
}
