package nanopy.passes.regalloc;

import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Graph coloring in saturation order (DSatur, Brélaz 1979; Essentials of Compilation, chapter
 * "Register Allocation"): repeatedly color the uncolored vertex whose neighbours already use the
 * most distinct colors, with the lowest color none of them uses. Move biasing: among the free
 * colors, prefer one already given to a move-related vertex. A vertex whose lowest free color is
 * not an allocatable register of its class is spilled: it gets a frame slot instead, and spilled
 * vertices that interfere get different slots.
 */
public final class Dsatur {
    private Dsatur() {}

    /**
     * Where a virtual register went.
     *
     * @param registerClass its class
     * @param index the register number, or the spill slot number when {@code spilled}
     * @param spilled whether it lives in a frame slot
     * @param <C> the type of register classes
     */
    public record Location<C>(C registerClass, int index, boolean spilled) {}

    /**
     * Colors {@code g}.
     *
     * @param g the interference graph
     * @param precolored registers whose location is fixed (parameters in argument registers)
     * @param machine the register classes (how many registers each may use)
     * @param <C> the type of register classes
     * @return a location for every vertex of {@code g}
     */
    public static <C> Map<String, Location<C>> color(InterferenceGraph<C> g, Map<String, Integer> precolored, MachineDescription<C> machine) {
        Map<String, Location<C>> out = new LinkedHashMap<>();
        Map<String, BitSet> saturation = new HashMap<>();
        for (String v : g.vertices()) {
            saturation.put(v, g.forbidden(v));
        }
        for (var e : precolored.entrySet()) {
            assign(g, out, saturation, e.getKey(), new Location<>(g.classOf(e.getKey()), e.getValue(), false));
        }
        Map<String, BitSet> slotSaturation = new HashMap<>();
        while (out.size() < g.vertices().size()) {
            String best = null;
            int bestSat = -1;
            for (String v : g.vertices()) {
                if (!out.containsKey(v)) {
                    int sat = saturation.get(v).cardinality();
                    if (sat > bestSat) {
                        best = v;
                        bestSat = sat;
                    }
                }
            }
            C cls = g.classOf(best);
            int limit = machine.registerClass(cls).map(MachineDescription.RegisterClass<C>::allocatable).orElse(0);
            int color = chooseColor(g, out, saturation.get(best), best, false);
            Location<C> loc;
            if (color < limit) {
                loc = new Location<>(cls, color, false);
            } else {
                BitSet used = slotSaturation.computeIfAbsent(best, k -> new BitSet());
                int slot = chooseColor(g, out, used, best, true);
                loc = new Location<>(cls, slot, true);
                for (String n : g.neighbours(best)) {
                    slotSaturation.computeIfAbsent(n, k -> new BitSet()).set(slot);
                }
            }
            assign(g, out, saturation, best, loc);
        }
        return out;
    }

    private static <C> int chooseColor(InterferenceGraph<C> g, Map<String, Location<C>> out, BitSet taken, String v, boolean spilled) {
        int fallback = taken.nextClearBit(0);
        for (String m : g.moveRelated(v)) {
            Location<C> l = out.get(m);
            if (l != null && l.spilled() == spilled && !taken.get(l.index())) {
                return l.index();
            }
        }
        return fallback;
    }

    private static <C> void assign(InterferenceGraph<C> g, Map<String, Location<C>> out, Map<String, BitSet> saturation, String v, Location<C> loc) {
        out.put(v, loc);
        if (!loc.spilled()) {
            for (String n : g.neighbours(v)) {
                saturation.get(n).set(loc.index());
            }
        }
    }
}
