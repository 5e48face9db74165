package nanopy.passes.regalloc;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The interference graph of one function: an edge joins two virtual registers of the same class
 * that must not share a register, a move edge joins the two sides of a copy (the allocator tries
 * to give them the same register), and a register live across a call may not use the class's
 * caller-saved registers. Built as in Essentials of Compilation (chapter "Register Allocation"):
 * a step's defs interfere with everything live after it, except, for a move, its source.
 * Mutable only while {@link #build} runs.
 *
 * @param <C> the type of register classes (a target's enum)
 */
public final class InterferenceGraph<C> {
    private final Map<String, C> classOf;
    private final Map<String, Set<String>> edges = new LinkedHashMap<>();
    private final Map<String, Set<String>> moves = new LinkedHashMap<>();
    private final Map<String, BitSet> forbidden = new LinkedHashMap<>();

    private InterferenceGraph(Map<String, C> classOf) {
        this.classOf = classOf;
        for (String v : classOf.keySet()) {
            edges.put(v, new LinkedHashSet<>());
            moves.put(v, new LinkedHashSet<>());
            forbidden.put(v, new BitSet());
        }
    }

    /** Builds the graph of {@code g} from its liveness, for {@code machine}'s calling convention. */
    public static <C> InterferenceGraph<C> build(FlowGraph<C> g, Liveness live, MachineDescription<C> machine) {
        InterferenceGraph<C> ig = new InterferenceGraph<>(g.classOf());
        for (FlowGraph.FlowBlock b : g.blocks()) {
            List<Set<String>> after = live.liveAfter().get(b.label());
            for (int i = 0; i < b.steps().size(); i++) {
                FlowGraph.Step st = b.steps().get(i);
                for (String d : st.defs()) {
                    for (String v : after.get(i)) {
                        boolean source = st.move() && st.uses().contains(v);
                        if (!source) {
                            ig.addEdge(d, v);
                        }
                    }
                    if (st.move()) {
                        for (String u : st.uses()) {
                            ig.addMove(d, u);
                        }
                    }
                }
            }
        }
        ig.constrainCalls(g, live, machine);
        return ig;
    }

    /**
     * A graph from edges computed earlier (an interference pass's output), plus the call
     * constraints, which are recomputed from {@code g} and {@code live}.
     */
    public static <C> InterferenceGraph<C> fromEdges(FlowGraph<C> g, Liveness live, MachineDescription<C> machine,
                                              List<List<String>> edges, List<List<String>> moves) {
        InterferenceGraph<C> ig = new InterferenceGraph<>(g.classOf());
        edges.forEach(e -> ig.addEdge(e.get(0), e.get(1)));
        moves.forEach(e -> ig.addMove(e.get(0), e.get(1)));
        ig.constrainCalls(g, live, machine);
        return ig;
    }

    private void constrainCalls(FlowGraph<C> g, Liveness live, MachineDescription<C> machine) {
        for (FlowGraph.FlowBlock b : g.blocks()) {
            List<Set<String>> after = live.liveAfter().get(b.label());
            for (int i = 0; i < b.steps().size(); i++) {
                FlowGraph.Step st = b.steps().get(i);
                if (!st.call()) {
                    continue;
                }
                for (String v : after.get(i)) {
                    if (!st.defs().contains(v)) {
                        machine.registerClass(classOf.get(v)).ifPresent(c -> c.callerSaved().forEach(r -> forbidden.get(v).set(r)));
                    }
                }
            }
        }
    }

    /** Adds an interference edge (ignored between different classes and from a register to itself). */
    public void addEdge(String a, String b) {
        if (!a.equals(b) && classOf.get(a).equals(classOf.get(b))) {
            edges.get(a).add(b);
            edges.get(b).add(a);
        }
    }

    private void addMove(String a, String b) {
        if (!a.equals(b) && classOf.get(a).equals(classOf.get(b))) {
            moves.get(a).add(b);
            moves.get(b).add(a);
        }
    }

    /** The virtual registers, in first-seen order. */
    public Set<String> vertices() {
        return edges.keySet();
    }

    /** The register class of {@code v}. */
    public C classOf(String v) {
        return classOf.get(v);
    }

    /** The registers {@code v} interferes with. */
    public Set<String> neighbours(String v) {
        return edges.get(v);
    }

    /** The registers {@code v} is copied to or from. */
    public Set<String> moveRelated(String v) {
        return moves.get(v);
    }

    /** The machine registers {@code v} may not use (caller-saved ones, when live across a call). */
    public BitSet forbidden(String v) {
        return (BitSet) forbidden.get(v).clone();
    }

    /** Each interference edge once, as {@code [a, b]} with {@code a} first seen. */
    public List<List<String>> edgeList() {
        return pairs(edges);
    }

    /** Each move edge once. */
    public List<List<String>> moveList() {
        return pairs(moves);
    }

    private static List<List<String>> pairs(Map<String, Set<String>> adj) {
        java.util.ArrayList<List<String>> out = new java.util.ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (var e : adj.entrySet()) {
            for (String b : e.getValue()) {
                if (!done.contains(b)) {
                    out.add(List.of(e.getKey(), b));
                }
            }
            done.add(e.getKey());
        }
        return out;
    }
}
