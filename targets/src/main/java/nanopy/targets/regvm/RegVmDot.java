package nanopy.targets.regvm;

import nanopy.regvm.RegCode;
import nanopy.regvm.RegInterference;
import nanopy.regvm.RegLive;

/**
 * Graphviz text for build-interference's output: per function, its interference graph (solid
 * edges; move edges dashed) and its control-flow graph (one box per basic block listing its
 * instructions, with true/false edges for branches). {@code dot -Tsvg} renders every graph in the file.
 */
public final class RegVmDot {
    private RegVmDot() {}

    /** The graphs of every function of {@code program} whose name is {@code only}, or of all when it is empty. */
    public static String dot(RegInterference.Program program, String only) {
        StringBuilder sb = new StringBuilder();
        for (RegInterference.Function f : program.functions()) {
            if (only.isEmpty() || only.equals(f.name())) {
                interference(f, sb);
                cfg(f, sb);
            }
        }
        return sb.toString();
    }

    private static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static void interference(RegInterference.Function f, StringBuilder sb) {
        sb.append("graph ").append(q("interference " + f.name())).append(" {\n  node [shape=circle];\n");
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        f.blocks().forEach(b -> b.liveAfter().forEach(l -> seen.addAll(l.regs().asJava())));
        f.params().forEach(p -> seen.add(((RegCode.VReg) p).name()));
        f.interference().forEach(e -> {
            seen.add(e.a());
            seen.add(e.b());
        });
        seen.forEach(v -> sb.append("  ").append(q(v)).append(";\n"));
        f.interference().forEach(e -> sb.append("  ").append(q(e.a())).append(" -- ").append(q(e.b())).append(";\n"));
        f.moves().forEach(e -> sb.append("  ").append(q(e.a())).append(" -- ").append(q(e.b())).append(" [style=dashed];\n"));
        sb.append("}\n");
    }

    private static void cfg(RegInterference.Function f, StringBuilder sb) {
        sb.append("digraph ").append(q("cfg " + f.name())).append(" {\n  node [shape=box, fontname=monospace];\n");
        for (RegLive.Block b : f.blocks()) {
            StringBuilder label = new StringBuilder(b.label()).append(":\\l");
            b.body().forEach(i -> label.append(instr(i)).append("\\l"));
            label.append(tail(b.tail())).append("\\l");
            sb.append("  ").append(q(b.label())).append(" [label=\"").append(label.toString().replace("\"", "\\\"")).append("\"];\n");
            switch (b.tail()) {
                case RegCode.Jump j -> sb.append("  ").append(q(b.label())).append(" -> ").append(q(j.label())).append(";\n");
                case RegCode.Br br -> sb.append("  ").append(q(b.label())).append(" -> ").append(q(br.then())).append(" [label=T];\n  ")
                        .append(q(b.label())).append(" -> ").append(q(br.orelse())).append(" [label=F];\n");
                default -> { }
            }
        }
        sb.append("}\n");
    }

    private static String operands(io.vavr.collection.List<RegCode.Operand> os) {
        return os.map(o -> o instanceof RegCode.VReg v ? v.name() : o.toString()).mkString(", ");
    }

    private static String instr(RegCode.Instr i) {
        String dst = i.dsts().isEmpty() ? "" : operands(i.dsts()) + " = ";
        String imms = i.imms().isEmpty() ? "" : " " + i.imms().map(RegVmDot::imm).mkString(" ");
        return dst + i.op() + " " + operands(i.srcs()) + imms;
    }

    private static String imm(RegCode.Imm m) {
        return switch (m) {
            case RegCode.IntImm v -> "#" + v.value();
            case RegCode.FloatImm v -> "#" + v.value();
            case RegCode.StrImm v -> "'" + v.value().replace("\n", "\\\\n") + "'";
            case RegCode.GlobalImm v -> "@" + v.name();
            case RegCode.CodeImm v -> "&" + v.name();
        };
    }

    private static String tail(RegCode.Tail t) {
        return switch (t) {
            case RegCode.Jump j -> "goto " + j.label();
            case RegCode.Br b -> "if " + b.op() + " " + operands(b.srcs()) + b.imms().map(m -> " " + imm(m)).mkString() + " goto " + b.then() + " else " + b.orelse();
            case RegCode.Ret r -> "return " + operands(r.value().toList());
            case RegCode.TailCall c -> "tailcall " + operands(c.srcs());
        };
    }
}
