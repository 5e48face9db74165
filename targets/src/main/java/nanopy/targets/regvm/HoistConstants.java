package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nanopy.mach.MachCode;

/**
 * Part of instruction selection: numeric constants that blocks on a cycle of the control-flow
 * graph load into temporaries are loaded once, in a new entry block, into one register per
 * distinct constant; the loop bodies read that register. A loop then runs no constant loads.
 * At most {@value #LIMIT} constants per function are hoisted, so register pressure stays low.
 */
final class HoistConstants {
    static final int LIMIT = 32;

    private HoistConstants() {}

    static MachCode.Function hoist(MachCode.Function f) {
        Set<String> inLoops = blocksOnCycles(f.blocks());
        Map<String, MachCode.VReg> hoisted = new LinkedHashMap<>();
        Map<String, MachCode.Instr> loads = new LinkedHashMap<>();
        List<MachCode.Block> blocks = f.blocks().map(b -> {
            if (!inLoops.contains(b.label())) {
                return b;
            }
            Map<String, MachCode.Operand> rename = new HashMap<>();
            List<MachCode.Instr> body = List.empty();
            for (MachCode.Instr i : b.body()) {
                String key = constantKey(i);
                if (key != null && (hoisted.containsKey(key) || hoisted.size() < LIMIT)) {
                    MachCode.VReg dst = (MachCode.VReg) i.dsts().head();
                    MachCode.VReg reg = hoisted.computeIfAbsent(key, k -> new MachCode.VReg("%const" + hoisted.size(), RegVmBank.PrimBank, i.span()));
                    loads.putIfAbsent(key, new MachCode.Instr(i.op(), List.of(reg), List.empty(), i.imms(), i.span()));
                    rename.put(dst.name(), reg);
                    continue;
                }
                body = body.append(new MachCode.Instr(i.op(), i.dsts(), renamed(i.srcs(), rename), i.imms(), i.span()));
            }
            return new MachCode.Block(b.label(), body, tail(b.tail(), rename), b.span());
        });
        if (loads.isEmpty()) {
            return f;
        }
        MachCode.Block entry = new MachCode.Block("%entry", List.ofAll(loads.values()), new MachCode.Jump(f.blocks().head().label(), f.span()), f.span());
        return new MachCode.Function(f.name(), f.params(), blocks.prepend(entry), f.span());
    }

    /** A key for a constant load into a temporary (named {@code %N}), or null. */
    private static String constantKey(MachCode.Instr i) {
        if ((i.op() == RegVmOp.ConstI64 || i.op() == RegVmOp.ConstF64) && i.dsts().head() instanceof MachCode.VReg v && v.name().startsWith("%")) {
            return i.op() + ":" + switch (i.imms().head()) {
                case MachCode.IntImm n -> Long.toString(n.value());
                case MachCode.FloatImm d -> Long.toString(Double.doubleToRawLongBits(d.value()));
                default -> throw new IllegalStateException("constant without a number");
            };
        }
        return null;
    }

    private static List<MachCode.Operand> renamed(List<MachCode.Operand> ops, Map<String, MachCode.Operand> rename) {
        return ops.map(o -> o instanceof MachCode.VReg v && rename.containsKey(v.name()) ? rename.get(v.name()) : o);
    }

    private static MachCode.Tail tail(MachCode.Tail t, Map<String, MachCode.Operand> rename) {
        return switch (t) {
            case MachCode.Br b -> new MachCode.Br(b.op(), renamed(b.srcs(), rename), b.imms(), b.then(), b.orelse(), b.span());
            case MachCode.Ret r -> new MachCode.Ret(r.value().map(v -> renamed(List.of(v), rename).head()), r.span());
            case MachCode.TailCall c -> new MachCode.TailCall(renamed(c.srcs(), rename), c.span());
            case MachCode.Jump j -> j;
        };
    }

    private static List<String> successors(MachCode.Tail t) {
        return switch (t) {
            case MachCode.Jump j -> List.of(j.label());
            case MachCode.Br br -> List.of(br.then(), br.orelse());
            default -> List.empty();
        };
    }

    /** The labels of blocks that can reach themselves. */
    static Set<String> blocksOnCycles(List<MachCode.Block> blocks) {
        Map<String, List<String>> succ = new HashMap<>();
        blocks.forEach(b -> succ.put(b.label(), successors(b.tail())));
        Set<String> out = new HashSet<>();
        for (MachCode.Block b : blocks) {
            Deque<String> work = new ArrayDeque<>(succ.get(b.label()).asJava());
            Set<String> seen = new HashSet<>();
            while (!work.isEmpty()) {
                String s = work.pop();
                if (s.equals(b.label())) {
                    out.add(s);
                    break;
                }
                if (seen.add(s)) {
                    succ.getOrDefault(s, List.empty()).forEach(work::push);
                }
            }
        }
        return out;
    }
}
