package nanopy.driver.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A generated program as a tree the shrinker can edit: blocks of statements, each statement a line
 * template with expression holes and nested blocks, each expression a template over typed
 * subexpressions. Rendering gives NanoPy source text (every compound expression parenthesized).
 * The tree is mutable on purpose: the shrinker tries an edit, renders, and undoes it when the
 * mismatch disappears.
 */
public final class FuzzProgram {
    /** The module's statements. */
    final List<Stmt> body;

    FuzzProgram(List<Stmt> body) {
        this.body = body;
    }

    /**
     * An expression: {@code template} with holes {@code {0}}, {@code {1}}, ... filled by {@code kids};
     * a leaf (no kids) is printed verbatim. A frozen expression is never replaced by a simpler one
     * (it keeps loops and recursion bounded), though its kids may be.
     */
    static final class Expr {
        final String type;
        final String template;
        final List<Expr> kids;
        final boolean frozen;

        Expr(String type, String template, List<Expr> kids, boolean frozen) {
            this.type = type;
            this.template = template;
            this.kids = new ArrayList<>(kids);
            this.frozen = frozen;
        }

        static Expr leaf(String type, String text) {
            return new Expr(type, text, List.of(), false);
        }

        String render() {
            return kids.isEmpty() ? template : fill(template, kids);
        }
    }

    /**
     * A statement: its first line ({@code head}, with holes for {@code exprs}); for a compound
     * statement, its blocks, each after a clause line ({@code clauses.get(i)}, where clause 0 is the
     * head itself and later ones are {@code elif ...:} or {@code else:}). An essential statement (a
     * loop counter, a recursion guard) is never deleted.
     */
    static final class Stmt {
        final String head;
        final List<Expr> exprs;
        final List<String> clauses;
        final List<List<Stmt>> blocks;
        final boolean essential;

        Stmt(String head, List<Expr> exprs, List<String> clauses, List<List<Stmt>> blocks, boolean essential) {
            this.head = head;
            this.exprs = new ArrayList<>(exprs);
            this.clauses = List.copyOf(clauses);
            this.blocks = new ArrayList<>();
            for (List<Stmt> b : blocks) {
                this.blocks.add(new ArrayList<>(b));
            }
            this.essential = essential;
        }

        static Stmt simple(String head, List<Expr> exprs) {
            return new Stmt(head, exprs, List.of(), List.of(), false);
        }
    }

    /** The program's NanoPy (and Python) source text. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        block(sb, body, "");
        return sb.toString();
    }

    private static void block(StringBuilder sb, List<Stmt> stmts, String indent) {
        if (stmts.isEmpty()) {
            sb.append(indent).append("pass\n");
            return;
        }
        for (Stmt s : stmts) {
            sb.append(indent).append(fill(s.head, s.exprs)).append('\n');
            for (int i = 0; i < s.blocks.size(); i++) {
                if (i > 0) {
                    sb.append(indent).append(fill(s.clauses.get(i), s.exprs)).append('\n');
                }
                block(sb, s.blocks.get(i), indent + "    ");
            }
        }
    }

    /** Replaces each hole {@code {i}} of {@code template} by the rendering of {@code kids.get(i)}. */
    private static String fill(String template, List<Expr> kids) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i + 1 && template.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                sb.append(kids.get(Integer.parseInt(template.substring(i + 1, close))).render());
                i = close + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Every block of the program, outermost first (the module's body, then nested ones in order). */
    List<List<Stmt>> blocks() {
        List<List<Stmt>> out = new ArrayList<>();
        collect(body, out);
        return out;
    }

    private static void collect(List<Stmt> b, List<List<Stmt>> out) {
        out.add(b);
        for (Stmt s : b) {
            s.blocks.forEach(inner -> collect(inner, out));
        }
    }

    /** Visits every expression slot: the list holding it and its index, outermost first. */
    void forEachSlot(Consumer<Slot> visit) {
        for (List<Stmt> b : blocks()) {
            for (Stmt s : b) {
                slots(s.exprs, visit);
            }
        }
    }

    /** A place an expression sits: {@code list.get(index)}. */
    record Slot(List<Expr> list, int index) {
        Expr get() {
            return list.get(index);
        }
    }

    private static void slots(List<Expr> list, Consumer<Slot> visit) {
        for (int i = 0; i < list.size(); i++) {
            visit.accept(new Slot(list, i));
            slots(list.get(i).kids, visit);
        }
    }

    /** The number of statements, all blocks included. */
    int size() {
        return blocks().stream().mapToInt(List::size).sum();
    }
}
