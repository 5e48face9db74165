package nanopy.passes.control;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import nanopy.passes.control.Explicator.Code;
import nanopy.py.Blocks;

/**
 * Puts one function's blocks into the shape the Blocks language promises: a jump to a block that
 * is itself a lone jump goes straight to the final target (jump threading), unreachable blocks
 * are dropped, a block reached only by a jump from one other block is merged into it
 * (straightening), and the blocks are listed in depth-first order from the entry (the then-branch
 * first, a block's handler after its jumps) and numbered in that order, so a dump reads top to
 * bottom the way the code runs. Blocks with different handlers are never merged.
 *
 * <p>Afterwards no block except the entry is a lone Goto, unless it is a jump to itself (an empty
 * infinite loop, {@code while True: pass}, has nothing else to be).
 */
final class TidyBlocks {
    /** The label of a function's entry block. */
    static final String ENTRY = "start";

    private TidyBlocks() {}

    /**
     * @param entry the function's entry code
     * @param named the blocks the entry code may jump to, by label
     * @return the blocks, the entry first
     */
    static List<Blocks.Block> tidy(Code entry, Map<String, Code> named) {
        Map<String, Code> all = new LinkedHashMap<>();
        all.put(ENTRY, entry);
        all.putAll(named);
        Map<String, Code> threaded = new LinkedHashMap<>();
        all.forEach((label, code) -> threaded.put(label, relabel(code, l -> forward(all, l))));
        Map<String, Code> merged = straighten(threaded, order(threaded));
        return renumber(merged, order(merged));
    }

    /** The block a jump to {@code label} ends up at after following lone jumps (stopping at a cycle). */
    private static String forward(Map<String, Code> all, String label) {
        Set<String> seen = new HashSet<>();
        String at = label;
        while (all.get(at).isJump() && seen.add(at)) {
            at = ((Blocks.Goto) all.get(at).tail()).label();
        }
        return at;
    }

    /** The labels reachable from the entry, in depth-first preorder (then-branch first). */
    private static java.util.List<String> order(Map<String, Code> blocks) {
        java.util.List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ArrayList<String> stack = new ArrayList<>(java.util.List.of(ENTRY));
        while (!stack.isEmpty()) {
            String label = stack.removeLast();
            if (seen.add(label)) {
                out.add(label);
                successors(blocks.get(label)).reverse().forEach(stack::add);
            }
        }
        return out;
    }

    /** The blocks control can go to next: the tail's targets, then the handler. */
    private static List<String> successors(Code c) {
        return jumps(c.tail()).appendAll(c.handler());
    }

    private static List<String> jumps(Blocks.Tail t) {
        return switch (t) {
            case Blocks.Goto g -> List.of(g.label());
            case Blocks.Branch b -> List.of(b.then(), b.orelse());
            case Blocks.Return r -> List.empty();
            case Blocks.TailCall c -> List.empty();
            case Blocks.Raise r -> List.empty();
        };
    }

    /** Merges each block that only one Goto reaches into the block that jumps to it. */
    private static Map<String, Code> straighten(Map<String, Code> blocks, java.util.List<String> reachable) {
        Map<String, Integer> preds = new HashMap<>();
        reachable.forEach(l -> successors(blocks.get(l)).forEach(s -> preds.merge(s, 1, Integer::sum)));
        Map<String, Code> out = new LinkedHashMap<>();
        Set<String> absorbed = new HashSet<>();
        for (String label : reachable) {
            if (absorbed.contains(label)) {
                continue;
            }
            Code code = blocks.get(label);
            while (code.tail() instanceof Blocks.Goto(var next, var sp) && !next.equals(label) && !next.equals(ENTRY)
                    && preds.get(next) == 1 && !absorbed.contains(next) && blocks.get(next).handler().equals(code.handler())) {
                absorbed.add(next);
                out.remove(next);
                Code after = blocks.get(next);
                code = new Code(code.body().appendAll(after.body()), after.tail(), after.handler());
            }
            out.put(label, code);
        }
        return out;
    }

    /** The blocks in {@code order}, each label's number replaced by its position. */
    private static List<Blocks.Block> renumber(Map<String, Code> blocks, java.util.List<String> order) {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            String l = order.get(i);
            names.put(l, l.equals(ENTRY) ? ENTRY : l.substring(0, l.lastIndexOf('.') + 1) + i);
        }
        return List.ofAll(order).map(l -> {
            Code c = relabel(blocks.get(l), names::get);
            return new Blocks.Block(names.get(l), c.body(), c.tail(), c.handler(), c.tail().span());
        });
    }

    private static Code relabel(Code c, UnaryOperator<String> f) {
        Blocks.Tail t = switch (c.tail()) {
            case Blocks.Goto(var label, var sp) -> new Blocks.Goto(f.apply(label), sp);
            case Blocks.Branch(var test, var then, var orelse, var sp) -> new Blocks.Branch(test, f.apply(then), f.apply(orelse), sp);
            case Blocks.Return r -> r;
            case Blocks.TailCall tc -> tc;
            case Blocks.Raise r -> r;
        };
        return new Code(c.body(), t, c.handler().map(f));
    }
}
