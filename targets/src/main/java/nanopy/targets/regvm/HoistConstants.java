package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import nanopy.regvm.RegCode;
import nanopy.regvm.RegCode.Bank;
import nanopy.regvm.RegCode.Opcode;

/**
 * Part of instruction selection: numeric constants that blocks on a cycle of the control-flow
 * graph load into temporaries are loaded once, in a new entry block, into one register per
 * distinct constant; the loop bodies read that register. A loop then runs no constant loads.
 * At most {@value #LIMIT} constants per function are hoisted, so register pressure stays low.
 */
final class HoistConstants {
    static final int LIMIT = 32;

    private HoistConstants() {}

    static RegCode.Function hoist(RegCode.Function f) {
        Set<String> inLoops = blocksOnCycles(f.blocks());
        Map<String, RegCode.VReg> hoisted = new LinkedHashMap<>();
        Map<String, RegCode.Instr> loads = new LinkedHashMap<>();
        List<RegCode.Block> blocks = f.blocks().map(b -> {
            if (!inLoops.contains(b.label())) {
                return b;
            }
            Map<String, RegCode.Operand> rename = new HashMap<>();
            List<RegCode.Instr> body = List.empty();
            for (RegCode.Instr i : b.body()) {
                String key = constantKey(i);
                if (key != null && (hoisted.containsKey(key) || hoisted.size() < LIMIT)) {
                    RegCode.VReg dst = (RegCode.VReg) i.dsts().head();
                    RegCode.VReg reg = hoisted.computeIfAbsent(key, k -> new RegCode.VReg("%const" + hoisted.size(), Bank.PrimBank, i.span()));
                    loads.putIfAbsent(key, new RegCode.Instr(i.op(), List.of(reg), List.empty(), i.imms(), i.span()));
                    rename.put(dst.name(), reg);
                    continue;
                }
                body = body.append(new RegCode.Instr(i.op(), i.dsts(), renamed(i.srcs(), rename), i.imms(), i.span()));
            }
            return new RegCode.Block(b.label(), body, tail(b.tail(), rename), b.span());
        });
        if (loads.isEmpty()) {
            return f;
        }
        RegCode.Block entry = new RegCode.Block("%entry", List.ofAll(loads.values()), new RegCode.Jump(f.blocks().head().label(), f.span()), f.span());
        return new RegCode.Function(f.name(), f.params(), blocks.prepend(entry), f.span());
    }

    /** A key for a constant load into a temporary (named {@code %N}), or null. */
    private static String constantKey(RegCode.Instr i) {
        if ((i.op() == Opcode.ConstI64 || i.op() == Opcode.ConstF64) && i.dsts().head() instanceof RegCode.VReg v && v.name().startsWith("%")) {
            return i.op() + ":" + switch (i.imms().head()) {
                case RegCode.IntImm n -> Long.toString(n.value());
                case RegCode.FloatImm d -> Long.toString(Double.doubleToRawLongBits(d.value()));
                default -> throw new IllegalStateException("constant without a number");
            };
        }
        return null;
    }

    private static List<RegCode.Operand> renamed(List<RegCode.Operand> ops, Map<String, RegCode.Operand> rename) {
        return ops.map(o -> o instanceof RegCode.VReg v && rename.containsKey(v.name()) ? rename.get(v.name()) : o);
    }

    private static RegCode.Tail tail(RegCode.Tail t, Map<String, RegCode.Operand> rename) {
        return switch (t) {
            case RegCode.Br b -> new RegCode.Br(b.op(), renamed(b.srcs(), rename), b.imms(), b.then(), b.orelse(), b.span());
            case RegCode.Ret r -> new RegCode.Ret(r.value().map(v -> renamed(List.of(v), rename).head()), r.span());
            case RegCode.TailCall c -> new RegCode.TailCall(renamed(c.srcs(), rename), c.span());
            case RegCode.Jump j -> j;
        };
    }

    /** The labels of blocks that can reach themselves. */
    static Set<String> blocksOnCycles(List<RegCode.Block> blocks) {
        Map<String, List<String>> succ = new HashMap<>();
        blocks.forEach(b -> succ.put(b.label(), RegFlow.successors(b.tail())));
        Set<String> out = new HashSet<>();
        for (RegCode.Block b : blocks) {
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
