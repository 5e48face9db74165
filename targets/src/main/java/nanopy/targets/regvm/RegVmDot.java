package nanopy.targets.regvm;

import nanopy.ir.OpenTerminal;
import nanopy.mach.MachCode;
import nanopy.mach.MachInterference;
import nanopy.mach.MachLive;

/**
 * Graphviz text for build-interference's output: per function, its interference graph (solid
 * edges; move edges dashed) and its control-flow graph (one box per basic block listing its
 * instructions, with true/false edges for branches). {@code dot -Tsvg} renders every graph in the file.
 */
public final class RegVmDot {
    private RegVmDot() {}

    /** The graphs of every function of {@code program} whose name is {@code only}, or of all when it is empty. */
    public static String dot(MachInterference.Program program, String only) {
        StringBuilder sb = new StringBuilder();
        for (MachInterference.Function f : program.functions()) {
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

    private static void interference(MachInterference.Function f, StringBuilder sb) {
        sb.append("graph ").append(q("interference " + f.name())).append(" {\n  node [shape=circle];\n");
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        f.blocks().forEach(b -> b.liveAfter().forEach(l -> l.regs().forEach(r -> seen.add(name(r)))));
        f.params().forEach(p -> seen.add(name(p)));
        f.interference().forEach(e -> {
            seen.add(name(e.a()));
            seen.add(name(e.b()));
        });
        seen.forEach(v -> sb.append("  ").append(q(v)).append(";\n"));
        f.interference().forEach(e -> sb.append("  ").append(q(name(e.a()))).append(" -- ").append(q(name(e.b()))).append(";\n"));
        f.moves().forEach(e -> sb.append("  ").append(q(name(e.a()))).append(" -- ").append(q(name(e.b()))).append(" [style=dashed];\n"));
        sb.append("}\n");
    }

    private static void cfg(MachInterference.Function f, StringBuilder sb) {
        sb.append("digraph ").append(q("cfg " + f.name())).append(" {\n  node [shape=box, fontname=monospace];\n");
        for (MachLive.Block b : f.blocks()) {
            StringBuilder label = new StringBuilder(b.label()).append(":\\l");
            b.body().forEach(i -> label.append(instr(i)).append("\\l"));
            label.append(tail(b.tail())).append("\\l");
            sb.append("  ").append(q(b.label())).append(" [label=\"").append(label.toString().replace("\"", "\\\"")).append("\"];\n");
            switch (b.tail()) {
                case MachCode.Jump j -> sb.append("  ").append(q(b.label())).append(" -> ").append(q(j.label())).append(";\n");
                case MachCode.Br br -> sb.append("  ").append(q(b.label())).append(" -> ").append(q(br.then())).append(" [label=T];\n  ")
                        .append(q(b.label())).append(" -> ").append(q(br.orelse())).append(" [label=F];\n");
                default -> { }
            }
        }
        sb.append("}\n");
    }

    /** A virtual register's name; a machine register as its class and number. */
    private static String name(MachCode.Operand o) {
        return switch (o) {
            case MachCode.VReg v -> v.name();
            case MachCode.Reg r -> OpenTerminal.text(r.cls()) + ":" + r.index();
        };
    }

    private static String operands(io.vavr.collection.List<MachCode.Operand> os) {
        return os.map(RegVmDot::name).mkString(", ");
    }

    private static String instr(MachCode.Instr i) {
        String dst = i.dsts().isEmpty() ? "" : operands(i.dsts()) + " = ";
        String imms = i.imms().isEmpty() ? "" : " " + i.imms().map(RegVmDot::imm).mkString(" ");
        return dst + i.op() + " " + operands(i.srcs()) + imms;
    }

    private static String imm(MachCode.Imm m) {
        return switch (m) {
            case MachCode.IntImm v -> "#" + v.value();
            case MachCode.FloatImm v -> "#" + v.value();
            case MachCode.StrImm v -> "'" + v.value().replace("\n", "\\\\n") + "'";
            case MachCode.SymImm v -> "@" + v.name();
        };
    }

    private static String tail(MachCode.Tail t) {
        return switch (t) {
            case MachCode.Jump j -> "goto " + j.label();
            case MachCode.Br b -> "if " + b.op() + " " + operands(b.srcs()) + b.imms().map(m -> " " + imm(m)).mkString() + " goto " + b.then() + " else " + b.orelse();
            case MachCode.Ret r -> "return " + operands(r.value().toList());
            case MachCode.TailCall c -> "tailcall " + operands(c.srcs());
        };
    }
}
