package nanopy.passes.middle;

import io.vavr.collection.List;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nanopy.py.Blocks;

/**
 * What the Blocks language promises beyond its grammar: in every function (and the module body)
 * labels are unique, every jump goes to a block that exists, every block is reachable from the
 * first (through jumps and handlers), no block but the first is a lone Goto (unless it jumps to
 * itself), every handler block starts with a Catch, and no protected block ends in a TailCall.
 */
final class BlocksShape {
    private BlocksShape() {}

    /** The broken promises of {@code m}, one line each; empty when there are none. */
    static java.util.List<String> problems(Blocks.Module m) {
        java.util.List<String> out = new ArrayList<>();
        m.defs().forEach(d -> check(d.name(), d.blocks(), out));
        check("<module>", m.body(), out);
        return out;
    }

    private static void check(String fn, List<Blocks.Block> blocks, java.util.List<String> out) {
        if (blocks.isEmpty()) {
            out.add(fn + ": no blocks");
            return;
        }
        Map<String, Blocks.Block> byLabel = new HashMap<>();
        for (Blocks.Block b : blocks) {
            if (byLabel.put(b.label(), b) != null) {
                out.add(fn + ": label " + b.label() + " is used twice");
            }
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(java.util.List.of(blocks.head().label()));
        while (!todo.isEmpty()) {
            String l = todo.pop();
            if (!seen.add(l)) {
                continue;
            }
            Blocks.Block b = byLabel.get(l);
            if (b == null) {
                out.add(fn + ": a jump to missing block " + l);
                continue;
            }
            switch (b.tail()) {
                case Blocks.Goto g -> {
                    todo.push(g.label());
                    if (b.body().isEmpty() && b != blocks.head() && !g.label().equals(l)) {
                        out.add(fn + ": block " + l + " is a lone Goto");
                    }
                }
                case Blocks.Branch br -> {
                    todo.push(br.then());
                    todo.push(br.orelse());
                }
                case Blocks.Return r -> { }
                case Blocks.TailCall c -> {
                    if (b.handler().isDefined()) {
                        out.add(fn + ": block " + l + " has a handler and ends in a TailCall");
                    }
                }
                case Blocks.Raise r -> { }
            }
            b.handler().forEach(h -> {
                todo.push(h);
                Blocks.Block hb = byLabel.get(h);
                if (hb != null && !(hb.body().headOption().getOrNull() instanceof Blocks.Catch)) {
                    out.add(fn + ": handler " + h + " does not start with a Catch");
                }
            });
        }
        blocks.filter(b -> !seen.contains(b.label())).forEach(b -> out.add(fn + ": block " + b.label() + " is unreachable"));
    }
}
