package nanopy.driver.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import nanopy.driver.fuzz.FuzzProgram.Expr;
import nanopy.driver.fuzz.FuzzProgram.Slot;
import nanopy.driver.fuzz.FuzzProgram.Stmt;

/**
 * Shrinks a failing program by delta debugging (Zeller and Hildebrandt's ddmin, applied per block):
 * deletes chunks of statements, halving the chunk size down to single statements, then replaces
 * expressions by a subexpression of the same type or by the simplest literal of that type, and
 * repeats until nothing more can go or the budget of test runs is spent. An edit is kept only when
 * the rendered program still fails the test; essential statements and frozen expressions (loop
 * counters, recursion guards, small literal bounds) are never removed, so every candidate still
 * terminates.
 */
final class Shrinker {
    private final Predicate<String> fails;
    private final Map<String, Boolean> seen = new HashMap<>();
    private int budget;
    private String current = "";

    /**
     * @param fails true when a program's source text still shows the failure
     * @param budget the most tests (a program seen before counts too, so shrinking always ends)
     */
    Shrinker(Predicate<String> fails, int budget) {
        this.fails = fails;
        this.budget = budget;
    }

    /** Shrinks {@code p} in place and returns its final source text. */
    String shrink(FuzzProgram p) {
        current = p.render();
        boolean changed = true;
        while (changed && budget > 0) {
            changed = false;
            for (List<Stmt> block : p.blocks()) {
                changed |= deleteChunks(p, block);
            }
            changed |= simplifyExpressions(p);
        }
        return p.render();
    }

    private boolean test(FuzzProgram p) {
        String text = p.render();
        if (text.equals(current)) {
            return false;
        }
        if (budget <= 0) {
            return false;
        }
        budget--;
        Boolean known = seen.get(text);
        boolean r = known != null ? known : fails.test(text);
        seen.put(text, r);
        if (r) {
            current = text;
        }
        return r;
    }

    private boolean deleteChunks(FuzzProgram p, List<Stmt> block) {
        boolean changed = false;
        for (int chunk = Math.max(1, block.size() / 2); chunk >= 1; chunk /= 2) {
            int i = 0;
            while (i < block.size() && budget > 0) {
                int end = Math.min(block.size(), i + chunk);
                List<Stmt> removed = new ArrayList<>(block.subList(i, end));
                if (removed.stream().anyMatch(s -> s.essential)) {
                    i += chunk;
                    continue;
                }
                block.subList(i, end).clear();
                if (test(p)) {
                    changed = true;
                } else {
                    block.addAll(i, removed);
                    i += chunk;
                }
            }
            if (chunk == 1) {
                break;
            }
        }
        return changed;
    }

    private boolean simplifyExpressions(FuzzProgram p) {
        List<Slot> slots = new ArrayList<>();
        p.forEachSlot(slots::add);
        boolean changed = false;
        for (Slot s : slots) {
            Expr e = s.get();
            if (e.frozen || budget <= 0) {
                continue;
            }
            for (Expr candidate : candidates(e)) {
                s.list().set(s.index(), candidate);
                if (test(p)) {
                    changed = true;
                    break;
                }
                s.list().set(s.index(), e);
            }
        }
        return changed;
    }

    /** Simpler expressions of the same type: its same-typed kids, then the type's simplest literal. */
    private static List<Expr> candidates(Expr e) {
        List<Expr> out = new ArrayList<>();
        for (Expr k : e.kids) {
            if (k.type.equals(e.type)) {
                out.add(k);
            }
        }
        String simplest = switch (e.type) {
            case ProgramGenerator.INT -> "0";
            case ProgramGenerator.FLOAT -> "0.0";
            case ProgramGenerator.BOOL -> "False";
            case ProgramGenerator.STR -> "''";
            default -> null;
        };
        boolean literal = e.kids.isEmpty() && (e.template.equals(simplest) || e.template.equals("1"));
        if (simplest != null && !literal) {
            out.add(Expr.leaf(e.type, simplest));
            if (e.type.equals(ProgramGenerator.INT)) {
                out.add(Expr.leaf(e.type, "1"));
            }
        }
        return out;
    }
}
