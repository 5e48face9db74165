package nanopy.passes.regalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Liveness on loops, interference with moves, DSatur coloring with move biasing, and spilling. */
class RegallocTest {
    private static final MachineDescription<String> ONE_CLASS = new MachineDescription<>("test", List.of(
            new MachineDescription.RegisterClass<>("gpr", 256, 3, List.of(), List.of(0, 1, 2))));

    private static FlowGraph.Step step(Set<String> defs, Set<String> uses) {
        return new FlowGraph.Step(defs, uses, false, false);
    }

    private static Map<String, String> gpr(String... names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : names) {
            m.put(n, "gpr");
        }
        return m;
    }

    /**
     * <pre>
     * entry: i = 0; s = 0; goto head
     * head:  if i < n goto body else exit
     * body:  s = s + i; i = i + 1; goto head
     * exit:  return s
     * </pre>
     * s and i are live around the back edge, so both are live into head, and n throughout.
     */
    private static FlowGraph<String> loop() {
        return new FlowGraph<>(List.of(
                new FlowGraph.FlowBlock("entry", List.of(step(Set.of("i"), Set.of()), step(Set.of("s"), Set.of()), step(Set.of(), Set.of())), List.of("head")),
                new FlowGraph.FlowBlock("head", List.of(step(Set.of(), Set.of("i", "n"))), List.of("body", "exit")),
                new FlowGraph.FlowBlock("body", List.of(step(Set.of("s"), Set.of("s", "i")), step(Set.of("i"), Set.of("i")), step(Set.of(), Set.of())), List.of("head")),
                new FlowGraph.FlowBlock("exit", List.of(step(Set.of(), Set.of("s"))), List.of())),
                gpr("n", "i", "s"));
    }

    @Test
    void livenessReachesTheFixpointAroundTheLoop() {
        Liveness live = Liveness.analyze(loop());
        assertEquals(Set.of("i", "s", "n"), live.liveIn().get("head"));
        assertEquals(Set.of("n"), live.liveIn().get("entry"));
        assertEquals(Set.of("i", "s", "n"), live.liveIn().get("body"));
        assertEquals(Set.of("s"), live.liveIn().get("exit"));
        assertEquals(Set.of("i", "n"), live.liveAfter().get("entry").get(0));
        assertEquals(Set.of("s", "i", "n"), live.liveAfter().get("body").get(1));
    }

    @Test
    void interferenceLeavesMovePairsApartAndRecordsMoveEdges() {
        FlowGraph<String> g = new FlowGraph<>(List.of(new FlowGraph.FlowBlock("b", List.of(
                step(Set.of("x"), Set.of()),
                new FlowGraph.Step(Set.of("y"), Set.of("x"), true, false),
                step(Set.of("z"), Set.of("x")),
                step(Set.of(), Set.of("y", "z"))), List.of())), gpr("x", "y", "z"));
        InterferenceGraph<String> ig = InterferenceGraph.build(g, Liveness.analyze(g), ONE_CLASS);
        assertFalse(ig.neighbours("y").contains("x"), "a move's target does not interfere with its source");
        assertTrue(ig.neighbours("z").contains("y"));
        assertEquals(Set.of("x"), ig.moveRelated("y"));
        Map<String, Dsatur.Location<String>> colors = Dsatur.color(ig, Map.of(), ONE_CLASS);
        assertEquals(colors.get("x"), colors.get("y"), "move biasing gives x and y one register");
        assertNotEquals(colors.get("y").index(), colors.get("z").index());
    }

    @Test
    void callsKeepLiveValuesOutOfCallerSavedRegisters() {
        MachineDescription<String> mips = new MachineDescription<>("mips-like", List.of(
                new MachineDescription.RegisterClass<>("gpr", 8, 0, List.of(0, 1, 2, 3), List.of(0, 1))));
        FlowGraph<String> g = new FlowGraph<>(List.of(new FlowGraph.FlowBlock("b", List.of(
                step(Set.of("a"), Set.of()),
                new FlowGraph.Step(Set.of("r"), Set.of(), false, true),
                step(Set.of(), Set.of("a", "r"))), List.of())), gpr("a", "r"));
        Map<String, Dsatur.Location<String>> colors = Dsatur.color(InterferenceGraph.build(g, Liveness.analyze(g), mips), Map.of(), mips);
        assertTrue(colors.get("a").index() >= 4, "a is live across the call: " + colors.get("a"));
    }

    @Test
    void dsaturColorsACycleOfFiveWithThreeColorsAndHonoursPrecoloring() {
        List<String> vs = List.of("a", "b", "c", "d", "e");
        FlowGraph<String> empty = new FlowGraph<>(List.of(), gpr(vs.toArray(String[]::new)));
        List<List<String>> edges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            edges.add(List.of(vs.get(i), vs.get((i + 1) % 5)));
        }
        InterferenceGraph<String> ig = InterferenceGraph.fromEdges(empty, Liveness.analyze(empty), ONE_CLASS, edges, List.of());
        Map<String, Dsatur.Location<String>> colors = Dsatur.color(ig, Map.of("a", 2), ONE_CLASS);
        assertEquals(2, colors.get("a").index());
        Set<Integer> used = new HashSet<>();
        for (List<String> e : edges) {
            assertNotEquals(colors.get(e.get(0)).index(), colors.get(e.get(1)).index(), e.toString());
        }
        colors.values().forEach(l -> used.add(l.index()));
        assertEquals(3, used.size());
    }

    @Test
    void moreThan253SimultaneouslyLiveValuesSpillToDistinctSlots() {
        int n = 300;
        String[] names = new String[n];
        List<FlowGraph.Step> steps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names[i] = "v" + i;
            steps.add(step(Set.of(names[i]), Set.of()));
        }
        steps.add(step(Set.of(), Set.of(names)));
        FlowGraph<String> g = new FlowGraph<>(List.of(new FlowGraph.FlowBlock("b", steps, List.of())), gpr(names));
        Map<String, Dsatur.Location<String>> colors = Dsatur.color(InterferenceGraph.build(g, Liveness.analyze(g), ONE_CLASS), Map.of(), ONE_CLASS);
        long spilled = colors.values().stream().filter(Dsatur.Location::spilled).count();
        assertEquals(n - 253, spilled);
        assertEquals(n, new HashSet<>(colors.values()).size(), "all locations distinct");
        assertTrue(colors.values().stream().noneMatch(l -> !l.spilled() && l.index() >= 253), "scratch registers stay free");
    }
}
