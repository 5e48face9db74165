package nanopy.targets.jvm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nanopy.py.Blocks;
import nanopy.py.PyTyped.PrimOp;

/**
 * Which calls can be direct: a module variable bound once, in the module's code, to a closure of
 * a function defined at module level (its static link None) always holds that function, so a call
 * through a local that only ever receives that variable (or a {@code Raise}, the unbound-name
 * guard) can call the function's static method without the closure. The analysis is flow
 * insensitive: counts of assignments over the whole program.
 */
final class KnownFunctions {
    /** Module variable -> the Def it always holds. */
    private final Map<String, String> globals = new HashMap<>();

    KnownFunctions(Blocks.Module m) {
        Map<String, Integer> globalWrites = new HashMap<>();
        Map<String, Blocks.Expr> lastGlobalValue = new HashMap<>();
        for (Blocks.Def d : m.defs()) {
            for (Blocks.Block b : d.blocks()) {
                countGlobals(b, globalWrites, lastGlobalValue);
            }
        }
        for (Blocks.Block b : m.body()) {
            countGlobals(b, globalWrites, lastGlobalValue);
        }
        // the module's locals that hold one closure of a module-level function
        Map<String, Integer> localWrites = new HashMap<>();
        Map<String, String> closureOf = new HashMap<>();
        Set<String> linkedToNone = new HashSet<>();
        for (Blocks.Block b : m.body()) {
            for (Blocks.Stmt s : b.body()) {
                if (s instanceof Blocks.Assign a && a.target() instanceof Blocks.VarTarget v) {
                    localWrites.merge(v.name(), 1, Integer::sum);
                    if (a.value() instanceof Blocks.AllocateClosure c) {
                        closureOf.put(v.name(), c.code());
                    }
                } else if (s instanceof Blocks.Init i && i.object() instanceof Blocks.Var v && i.value() instanceof Blocks.NoneLit) {
                    linkedToNone.add(v.name());
                }
            }
        }
        for (var e : lastGlobalValue.entrySet()) {
            if (globalWrites.get(e.getKey()) == 1 && e.getValue() instanceof Blocks.Var v && localWrites.getOrDefault(v.name(), 0) == 1
                    && closureOf.containsKey(v.name()) && linkedToNone.contains(v.name())) {
                globals.put(e.getKey(), closureOf.get(v.name()));
            }
        }
    }

    private static void countGlobals(Blocks.Block b, Map<String, Integer> writes, Map<String, Blocks.Expr> values) {
        for (Blocks.Stmt s : b.body()) {
            if (s instanceof Blocks.Assign a && a.target() instanceof Blocks.GlobalTarget g) {
                writes.merge(g.name(), 1, Integer::sum);
                values.put(g.name(), a.value());
            }
        }
    }

    /**
     * The locals of one function (or of the module's code) that always hold a known function:
     * each assignment to them reads a known module variable, the same one, or raises.
     */
    Map<String, String> locals(Iterable<Blocks.Block> blocks) {
        Map<String, String> known = new HashMap<>();
        Set<String> spoiled = new HashSet<>();
        for (Blocks.Block b : blocks) {
            for (Blocks.Stmt s : b.body()) {
                if (!(s instanceof Blocks.Assign a && a.target() instanceof Blocks.VarTarget v)) {
                    continue;
                }
                Optional<String> def = a.value() instanceof Blocks.GlobalVar g ? Optional.ofNullable(globals.get(g.name())) : Optional.empty();
                boolean raises = a.value() instanceof Blocks.Prim p && p.op() == PrimOp.Raise;
                if (raises) {
                    continue;
                }
                if (def.isEmpty() || known.containsKey(v.name()) && !known.get(v.name()).equals(def.get())) {
                    spoiled.add(v.name());
                } else {
                    known.put(v.name(), def.get());
                }
            }
        }
        known.keySet().removeAll(spoiled);
        return known;
    }
}
