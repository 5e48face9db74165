package nanopy.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nanopy.ir.Language.Nonterminal;
import nanopy.ir.Language.Production;

/** Human-readable grammars: {@code nanopy ir describe L} and {@code nanopy ir diff A B}. */
public final class Grammars {
    private Grammars() {}

    /**
     * The terminals and nonterminals a program of {@code l} can contain: those its entry reaches
     * through production fields and sub-nonterminals. A language that removes productions keeps
     * its parent's other declarations, some of which nothing reaches any more (PyCore keeps
     * PySyntax's {@code Pattern}, for instance); describe and diff leave those out.
     */
    static java.util.Set<String> reachable(Language l) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Production> work = new java.util.ArrayDeque<>();
        work.add(l.entry());
        java.util.Set<Production> done = new java.util.HashSet<>();
        while (!work.isEmpty()) {
            Production p = work.poll();
            if (!done.add(p)) {
                continue;
            }
            for (Language.Field f : p.fields()) {
                if (f.kind() == Language.Kind.SCALAR || !seen.add(f.type())) {
                    continue;
                }
                java.util.ArrayDeque<String> nts = new java.util.ArrayDeque<>(List.of(f.type()));
                while (!nts.isEmpty()) {
                    Nonterminal n = l.nonterminals().get(nts.poll());
                    if (n == null) {
                        continue;
                    }
                    for (String sub : n.subs()) {
                        if (seen.add(sub)) {
                            nts.add(sub);
                        }
                    }
                    for (String prod : n.productions()) {
                        work.add(l.productions().get(prod));
                    }
                }
            }
        }
        return seen;
    }

    /**
     * Reachable nonterminal name to its alternatives as written (sub-nonterminals first), entry
     * under "entry", terminals under "terminal T".
     */
    static Map<String, List<String>> alternatives(Language l) {
        java.util.Set<String> live = reachable(l);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Language.Terminal t : l.terminals().values()) {
            if (!live.contains(t.name())) {
                continue;
            }
            List<String> cs = new ArrayList<>();
            if (t.open()) {
                cs.add("extern");
            } else {
                t.values().forEach(c -> cs.add(t.text(c)));
            }
            out.put("terminal " + t.name(), cs);
        }
        for (Nonterminal n : l.nonterminals().values()) {
            if (!live.contains(n.name())) {
                continue;
            }
            List<String> alts = new ArrayList<>(n.subs());
            for (String p : n.productions()) {
                alts.add(l.productions().get(p).signature());
            }
            out.put(n.name(), alts);
        }
        out.put("entry", List.of(l.entry().signature()));
        return out;
    }

    /** The declared terminals and nonterminals of {@code l} that its entry does not reach. */
    static List<String> unreachable(Language l) {
        java.util.Set<String> live = reachable(l);
        List<String> out = new ArrayList<>();
        l.terminals().keySet().stream().filter(n -> !live.contains(n)).forEach(out::add);
        l.nonterminals().keySet().stream().filter(n -> !live.contains(n)).forEach(out::add);
        return out;
    }

    /**
     * The full grammar of {@code l}, with its description; when it has a parent, each alternative
     * added relative to the parent is marked {@code +}, each removed one is listed marked {@code -},
     * and each nonterminal whose Java type is reused from an ancestor is said to be.
     */
    public static String describe(Language l, Language parent) {
        StringBuilder sb = new StringBuilder();
        sb.append("language ").append(l.name());
        l.parent().ifPresent(p -> sb.append(" extends ").append(p));
        sb.append("\n  \"").append(l.description()).append("\"\n  defined in ").append(l.sourceFile()).append("\n\n");
        Map<String, List<String>> mine = alternatives(l);
        Map<String, List<String>> theirs = parent == null ? Map.of() : alternatives(parent);
        for (Map.Entry<String, List<String>> e : mine.entrySet()) {
            String key = e.getKey();
            List<String> old = theirs.get(key);
            String note = "";
            Nonterminal nt = l.nonterminals().get(key);
            if (parent != null && nt != null && !nt.owner().equals(l.name())) {
                note = "   (unchanged: the type " + nt.owner() + "." + key + ")";
            } else if (parent != null && old == null) {
                note = "   (new)";
            }
            sb.append("  ").append(key).append(key.startsWith("terminal ") ? " =" : key.equals("entry") ? "" : " =").append(note).append('\n');
            for (String alt : e.getValue()) {
                String mark = parent == null || (old != null && old.contains(alt)) ? " " : "+";
                sb.append("   ").append(mark).append(" | ").append(alt).append('\n');
            }
            if (old != null) {
                for (String alt : old) {
                    if (!e.getValue().contains(alt)) {
                        sb.append("   - | ").append(alt).append('\n');
                    }
                }
            }
        }
        for (String key : theirs.keySet()) {
            if (!mine.containsKey(key)) {
                sb.append("  ").append(key).append(" =   (removed, or no longer reachable)\n");
            }
        }
        List<String> hidden = unreachable(l);
        if (!hidden.isEmpty()) {
            sb.append("\n  (declared but unreachable from the entry, not shown: ").append(String.join(", ", hidden)).append(")\n");
        }
        return sb.toString();
    }

    /**
     * What changes from language {@code a} to language {@code b}: per nonterminal, the alternatives
     * only in {@code a} ({@code -}) and only in {@code b} ({@code +}); "no difference" when equal.
     */
    public static String diff(Language a, Language b) {
        Map<String, List<String>> x = alternatives(a);
        Map<String, List<String>> y = alternatives(b);
        List<String> keys = new ArrayList<>(x.keySet());
        for (String k : y.keySet()) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        StringBuilder sb = new StringBuilder("--- " + a.name() + "\n+++ " + b.name() + "\n");
        boolean any = false;
        for (String k : keys) {
            List<String> xa = x.getOrDefault(k, List.of());
            List<String> ya = y.getOrDefault(k, List.of());
            if (Objects.equals(xa, ya)) {
                continue;
            }
            any = true;
            sb.append(k).append(!x.containsKey(k) ? " (only in " + b.name() + ")" : !y.containsKey(k) ? " (only in " + a.name() + ")" : "")
                    .append('\n');
            for (String alt : xa) {
                if (!ya.contains(alt)) {
                    sb.append("  - ").append(alt).append('\n');
                }
            }
            for (String alt : ya) {
                if (!xa.contains(alt)) {
                    sb.append("  + ").append(alt).append('\n');
                }
            }
        }
        if (!any) {
            sb.append("no difference: ").append(a.name()).append(" and ").append(b.name()).append(" have the same grammar\n");
        }
        return sb.toString();
    }

    /** The production whose record is the class of {@code n} in {@code l}, or throws. */
    static Production productionOf(Language l, Node n) {
        return l.productionOf(n.getClass()).orElseThrow();
    }
}
