package nanopy.passes.regalloc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Liveness analysis by backward dataflow over a {@link FlowGraph}: a register is live after a step
 * when some path from there reads it before writing it. Blocks are processed from a worklist until
 * no block's live-in set changes, so loops reach their fixpoint (Essentials of Compilation,
 * chapter "Loops and Dataflow Analysis"; live-before = (live-after minus defs) union uses).
 *
 * @param liveIn each block's live-in set, by label
 * @param liveAfter for each block, by label, the live-after set of each step (same length as its steps)
 */
public record Liveness(Map<String, Set<String>> liveIn, Map<String, List<Set<String>>> liveAfter) {
    /** Analyses {@code g}. */
    public static Liveness analyze(FlowGraph<?> g) {
        Map<String, FlowGraph.FlowBlock> byLabel = new HashMap<>();
        Map<String, List<String>> predecessors = new HashMap<>();
        for (FlowGraph.FlowBlock b : g.blocks()) {
            byLabel.put(b.label(), b);
            predecessors.putIfAbsent(b.label(), new ArrayList<>());
        }
        for (FlowGraph.FlowBlock b : g.blocks()) {
            for (String s : b.successors()) {
                predecessors.computeIfAbsent(s, k -> new ArrayList<>()).add(b.label());
            }
        }
        Map<String, Set<String>> in = new HashMap<>();
        Map<String, List<Set<String>>> after = new HashMap<>();
        Deque<String> work = new ArrayDeque<>();
        Set<String> queued = new LinkedHashSet<>();
        for (FlowGraph.FlowBlock b : g.blocks().reversed()) {
            in.put(b.label(), Set.of());
            work.add(b.label());
            queued.add(b.label());
        }
        while (!work.isEmpty()) {
            String label = work.poll();
            queued.remove(label);
            FlowGraph.FlowBlock b = byLabel.get(label);
            Set<String> live = new LinkedHashSet<>();
            for (String s : b.successors()) {
                live.addAll(in.getOrDefault(s, Set.of()));
            }
            List<Set<String>> afters = new ArrayList<>();
            for (int i = b.steps().size() - 1; i >= 0; i--) {
                afters.add(Set.copyOf(live));
                FlowGraph.Step st = b.steps().get(i);
                live.removeAll(st.defs());
                live.addAll(st.uses());
            }
            after.put(label, afters.reversed());
            if (!live.equals(in.get(label))) {
                in.put(label, Set.copyOf(live));
                for (String p : predecessors.get(label)) {
                    if (queued.add(p)) {
                        work.add(p);
                    }
                }
            }
        }
        return new Liveness(in, after);
    }
}
