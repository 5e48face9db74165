package nanopy.irgen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import nanopy.irgen.IrModel.AltDecl;
import nanopy.irgen.IrModel.FieldDecl;
import nanopy.irgen.IrModel.LanguageDecl;
import nanopy.irgen.IrModel.NonterminalDecl;
import nanopy.irgen.IrModel.Pos;
import nanopy.irgen.IrModel.TerminalDecl;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Resolves {@code extends} deltas into complete languages and decides, per nonterminal, whether a
 * child language can reuse its parent's Java type.
 *
 * <p>A nonterminal is <em>changed</em> in a child when it is new, when its productions or
 * sub-nonterminals differ from the parent's, or (to a fixpoint) when a field of one of its
 * productions has a changed nonterminal type, or a sub- or super-nonterminal is changed. Unchanged
 * nonterminals and their productions keep the parent's (owner's) Java types; this is the nanopass
 * framework's language-delta idea (Keep and Dybvig, "A nanopass framework for commercial compiler
 * development", ICFP 2013) mapped onto sealed interfaces.
 */
public final class Resolver {
    /** Scalar terminal types allowed as field types without declaration, with their Java types. */
    public static final Map<String, String> SCALARS = Map.of(
            "String", "java.lang.String",
            "long", "long",
            "int", "int",
            "double", "double",
            "boolean", "boolean",
            "BigInteger", "java.math.BigInteger");

    static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");

    /** An enumerated terminal and the language whose class declares it. */
    public record Terminal(String name, List<String> constants, Lang owner) {}

    /** A production with its home nonterminal ({@code null} for the entry) and owning language. */
    public static final class Prod {
        public final String name;
        public final List<FieldDecl> fields;
        public final String nt;
        public Lang owner;
        public final Pos pos;

        Prod(String name, List<FieldDecl> fields, String nt, Lang owner, Pos pos) {
            this.name = name;
            this.fields = fields;
            this.nt = nt;
            this.owner = owner;
            this.pos = pos;
        }

        /** {@code Name(Type a, Type* b)}. */
        public String signature() {
            StringBuilder sb = new StringBuilder(name).append('(');
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(fields.get(i).signature());
            }
            return sb.append(')').toString();
        }
    }

    /** A nonterminal: its direct productions and direct sub-nonterminals, in declaration order. */
    public static final class Nt {
        public final String name;
        public final List<String> prods = new ArrayList<>();
        public final List<String> subs = new ArrayList<>();
        public Lang owner;
        public Pos pos;

        Nt(String name, Lang owner, Pos pos) {
            this.name = name;
            this.owner = owner;
            this.pos = pos;
        }
    }

    /** A resolved language. Maps preserve declaration order (parent's first). */
    public static final class Lang {
        public final String name;
        public final Lang parent;
        public final String description;
        public final String pkg;
        public final Pos pos;
        public final Map<String, Terminal> terminals = new LinkedHashMap<>();
        public final Map<String, Nt> nts = new LinkedHashMap<>();
        public final Map<String, Prod> prods = new LinkedHashMap<>();
        /** Scope productions (the entry may be one) to the {@code Local*} field their temporaries go to. */
        public final Map<String, String> scopes = new LinkedHashMap<>();
        /** Nonterminals whose nodes translators treat as sequences (statements): declared or inherited. */
        public final Set<String> sequences = new LinkedHashSet<>();
        public Prod entry;

        Lang(String name, Lang parent, String description, String pkg, Pos pos) {
            this.name = name;
            this.parent = parent;
            this.description = description;
            this.pkg = pkg;
            this.pos = pos;
        }

        /** The fully qualified name of this language's Java class. */
        public String javaClass() {
            return pkg.isEmpty() ? name : pkg + "." + name;
        }

        /** True when {@code sub} is {@code sup} or reachable from it through sub-nonterminals. */
        public boolean isSubNt(String sub, String sup) {
            if (sub.equals(sup)) {
                return true;
            }
            Nt n = nts.get(sup);
            if (n == null) {
                return false;
            }
            for (String s : n.subs) {
                if (isSubNt(sub, s)) {
                    return true;
                }
            }
            return false;
        }

        /** The nonterminals whose type this language declares itself. */
        public List<Nt> ownNts() {
            return nts.values().stream().filter(n -> n.owner == this).toList();
        }
    }

    private Resolver() {}

    /**
     * Resolves all languages; parents may be declared in any file, in any order.
     *
     * @return the languages, each after its parent
     * @throws IrSyntaxException for unknown parents, cycles, unknown types, duplicate or clashing
     *     names, empty nonterminals, and a child language that changes nothing reachable from its entry
     */
    public static List<Lang> resolve(List<LanguageDecl> decls) throws IrSyntaxException {
        Map<String, LanguageDecl> byName = new LinkedHashMap<>();
        for (LanguageDecl d : decls) {
            LanguageDecl prev = byName.put(d.name(), d);
            if (prev != null) {
                throw new IrSyntaxException(d.pos(), "language " + d.name() + " is already defined at " + prev.pos());
            }
        }
        Map<String, Lang> done = new LinkedHashMap<>();
        for (LanguageDecl d : decls) {
            resolveOne(d, byName, done, new HashSet<>());
        }
        return new ArrayList<>(done.values());
    }

    private static Lang resolveOne(LanguageDecl d, Map<String, LanguageDecl> byName, Map<String, Lang> done,
            Set<String> inProgress) throws IrSyntaxException {
        Lang have = done.get(d.name());
        if (have != null) {
            return have;
        }
        if (!inProgress.add(d.name())) {
            throw new IrSyntaxException(d.pos(), "language " + d.name() + " extends itself (cycle through " + inProgress + ")");
        }
        Lang parent = null;
        if (d.parent() != null) {
            LanguageDecl pd = byName.get(d.parent());
            if (pd == null) {
                throw new IrSyntaxException(d.pos(), "language " + d.name() + " extends unknown language " + d.parent()
                        + suggestion(d.parent(), byName.keySet()));
            }
            parent = resolveOne(pd, byName, done, inProgress);
        }
        Lang lang = build(d, parent);
        done.put(lang.name, lang);
        return lang;
    }

    private static String suggestion(String name, Iterable<String> names) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String n : names) {
            int dist = LevenshteinDistance.getDefaultInstance().apply(name.toLowerCase(Locale.ROOT), n.toLowerCase(Locale.ROOT));
            if (dist < bestDist) {
                bestDist = dist;
                best = n;
            }
        }
        return best != null && bestDist <= Math.max(2, name.length() / 3) ? " (did you mean " + best + "?)" : "";
    }

    private static Lang build(LanguageDecl d, Lang parent) throws IrSyntaxException {
        Lang lang = new Lang(d.name(), parent, d.description(), d.javaPackage(), d.pos());
        checkName(d.name(), "language", d.pos());
        if (parent != null) {
            lang.terminals.putAll(parent.terminals);
            for (Nt pn : parent.nts.values()) {
                Nt n = new Nt(pn.name, pn.owner, pn.pos);
                n.prods.addAll(pn.prods);
                n.subs.addAll(pn.subs);
                lang.nts.put(n.name, n);
            }
            for (Prod p : parent.prods.values()) {
                lang.prods.put(p.name, new Prod(p.name, p.fields, p.nt, p.owner, p.pos));
            }
            lang.entry = parent.entry == null ? null
                    : new Prod(parent.entry.name, parent.entry.fields, null, parent.entry.owner, parent.entry.pos);
            lang.scopes.putAll(parent.scopes);
            lang.sequences.addAll(parent.sequences);
        }
        for (TerminalDecl t : d.terminals()) {
            checkName(t.name(), "terminal", t.pos());
            if (lang.terminals.containsKey(t.name()) || SCALARS.containsKey(t.name())) {
                throw new IrSyntaxException(t.pos(), "terminal " + t.name() + " is already defined");
            }
            Set<String> seen = new HashSet<>();
            for (String c : t.constants()) {
                if (!seen.add(c)) {
                    throw new IrSyntaxException(t.pos(), "terminal " + t.name() + " lists " + c + " twice");
                }
            }
            lang.terminals.put(t.name(), new Terminal(t.name(), List.copyOf(t.constants()), lang));
        }
        // First pass: the names of nonterminals declared here, so bare alternatives can refer to them.
        for (NonterminalDecl nd : d.nonterminals()) {
            if (nd.op() == IrModel.Op.DEFINE && !lang.nts.containsKey(nd.name())) {
                checkName(nd.name(), "nonterminal", nd.pos());
                lang.nts.put(nd.name(), new Nt(nd.name(), lang, nd.pos()));
            }
        }
        for (IrModel.RemovalDecl r : d.removals()) {
            if (lang.terminals.remove(r.name()) != null) {
                continue;
            }
            Nt gone = lang.nts.remove(r.name());
            if (gone == null) {
                throw new IrSyntaxException(r.pos(), "'-= " + r.name() + "': " + (parent == null ? "this language" : "parent language "
                        + parent.name) + " has no nonterminal or terminal " + r.name()
                        + suggestion(r.name(), concat(List.copyOf(lang.nts.keySet()), List.copyOf(lang.terminals.keySet()))));
            }
            for (String p : gone.prods) {
                lang.prods.remove(p);
            }
        }
        Set<String> definedHere = new HashSet<>();
        // Removals first, so that a production can move to another nonterminal whatever the line order.
        List<NonterminalDecl> ordered = new ArrayList<>();
        d.nonterminals().stream().filter(nd -> nd.op() == IrModel.Op.REMOVE).forEach(ordered::add);
        d.nonterminals().stream().filter(nd -> nd.op() != IrModel.Op.REMOVE).forEach(ordered::add);
        for (NonterminalDecl nd : ordered) {
            Nt nt = lang.nts.get(nd.name());
            if (nt == null) {
                throw new IrSyntaxException(nd.pos(), "nonterminal " + nd.name() + " is not in "
                        + (parent == null ? "this language" : "parent language " + parent.name)
                        + "; use '=' to define it" + suggestion(nd.name(), lang.nts.keySet()));
            }
            switch (nd.op()) {
                case DEFINE -> {
                    if (!definedHere.add(nd.name())) {
                        throw new IrSyntaxException(nd.pos(), "nonterminal " + nd.name() + " is defined twice; use '+=' to add to it");
                    }
                    for (String p : nt.prods) {
                        lang.prods.remove(p);
                    }
                    nt.prods.clear();
                    nt.subs.clear();
                    nt.pos = nd.pos();
                    for (AltDecl a : nd.alts()) {
                        addAlt(lang, nt, a);
                    }
                }
                case ADD -> {
                    for (AltDecl a : nd.alts()) {
                        addAlt(lang, nt, a);
                    }
                }
                case CHANGE -> {
                    for (AltDecl a : nd.alts()) {
                        if (a.bare() || !nt.prods.contains(a.name())) {
                            throw new IrSyntaxException(a.pos(), "'~=' gives a production of " + nd.name() + " new fields; "
                                    + (a.bare() ? "write " + a.name() + "(...) with its fields" : nd.name() + " has no production " + a.name()
                                    + suggestion(a.name(), nt.prods)));
                        }
                        int index = nt.prods.indexOf(a.name());
                        nt.prods.remove(index);
                        lang.prods.remove(a.name());
                        addAlt(lang, nt, a);
                        nt.prods.remove(a.name());
                        nt.prods.add(index, a.name());
                    }
                }
                case REMOVE -> {
                    for (AltDecl a : nd.alts()) {
                        if (!a.bare()) {
                            throw new IrSyntaxException(a.pos(), "'-=' takes names only; write " + a.name() + " without fields");
                        }
                        if (nt.prods.remove(a.name())) {
                            lang.prods.remove(a.name());
                        } else if (!nt.subs.remove(a.name())) {
                            throw new IrSyntaxException(a.pos(), nd.name() + " has no production or sub-nonterminal " + a.name()
                                    + suggestion(a.name(), concat(nt.prods, nt.subs)));
                        }
                    }
                }
            }
        }
        if (d.entry() != null) {
            AltDecl e = d.entry();
            checkName(e.name(), "entry", e.pos());
            if (lang.prods.containsKey(e.name()) || lang.nts.containsKey(e.name())) {
                throw new IrSyntaxException(e.pos(), "entry " + e.name() + " clashes with a production or nonterminal of the same name");
            }
            lang.entry = new Prod(e.name(), e.fields(), null, lang, e.pos());
        }
        if (lang.entry == null) {
            throw new IrSyntaxException(d.pos(), "language " + d.name() + " has no entry; add a line 'entry Program(...)'");
        }
        scopes(d, lang);
        sequences(d, lang);
        validate(lang);
        computeOwners(lang);
        return lang;
    }

    /**
     * Inherited scopes whose production is gone are dropped; a language that declares scopes
     * replaces the inherited ones. A scope field must be a sequence of a product with fields
     * {@code (String name, T type)}, so a translator can declare a temporary in it.
     */
    private static void scopes(LanguageDecl d, Lang lang) throws IrSyntaxException {
        lang.scopes.keySet().removeIf(p -> !lang.prods.containsKey(p) && !lang.entry.name.equals(p));
        if (!d.scopes().isEmpty()) {
            lang.scopes.clear();
        }
        for (IrModel.ScopeDecl sd : d.scopes()) {
            Prod p = lang.entry.name.equals(sd.production()) ? lang.entry : lang.prods.get(sd.production());
            if (p == null) {
                throw new IrSyntaxException(sd.pos(), "scope " + sd.production() + ": no such production"
                        + suggestion(sd.production(), lang.prods.keySet()));
            }
            FieldDecl f = p.fields.stream().filter(x -> x.name().equals(sd.field())).findFirst().orElse(null);
            Nt local = f == null ? null : lang.nts.get(f.type());
            Prod lp = local == null || !isProduct(lang, local) ? null : lang.prods.get(local.name);
            if (f == null || f.mult() != IrModel.Mult.MANY || lp == null || lp.fields.size() != 2
                    || !lp.fields.get(0).type().equals("String") || lp.fields.get(1).mult() != IrModel.Mult.ONE) {
                throw new IrSyntaxException(sd.pos(), "scope " + sd.production() + "." + sd.field() + " must name a field X* of "
                        + p.signature() + " where X is a product X(String name, T type)");
            }
            lang.scopes.put(sd.production(), sd.field());
        }
    }

    /**
     * {@code sequence Stmt}: translators turn one Stmt into any number. Such a nonterminal must be a
     * sum that occurs only as {@code Stmt*} fields and in no other nonterminal; an inherited one
     * that no longer exists is dropped.
     */
    private static void sequences(LanguageDecl d, Lang lang) throws IrSyntaxException {
        lang.sequences.removeIf(n -> !lang.nts.containsKey(n));
        for (IrModel.RemovalDecl sd : d.sequences()) {
            lang.sequences.add(sd.name());
        }
        for (String n : lang.sequences) {
            Nt nt = lang.nts.get(n);
            Pos pos = d.sequences().stream().filter(x -> x.name().equals(n)).map(IrModel.RemovalDecl::pos).findFirst().orElse(d.pos());
            if (nt == null) {
                throw new IrSyntaxException(pos, "sequence " + n + ": no such nonterminal" + suggestion(n, lang.nts.keySet()));
            }
            boolean included = lang.nts.values().stream().anyMatch(x -> x.subs.contains(n));
            List<Prod> all = new ArrayList<>(lang.prods.values());
            all.add(lang.entry);
            boolean single = all.stream().flatMap(p -> p.fields.stream()).anyMatch(f -> f.type().equals(n) && f.mult() != IrModel.Mult.MANY);
            if (isProduct(lang, nt) || !nt.subs.isEmpty() || included || single) {
                throw new IrSyntaxException(pos, "sequence " + n + " (language " + lang.name + ") must be a sum of productions that occurs only"
                        + " as " + n + "* fields and in no other nonterminal");
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void addAlt(Lang lang, Nt nt, AltDecl a) throws IrSyntaxException {
        checkName(a.name(), "production", a.pos());
        if (a.bare() && lang.nts.containsKey(a.name())) {
            if (nt.subs.contains(a.name())) {
                throw new IrSyntaxException(a.pos(), nt.name + " already includes " + a.name());
            }
            if (lang.isSubNt(nt.name, a.name())) {
                throw new IrSyntaxException(a.pos(), "including " + a.name() + " in " + nt.name + " makes a cycle of nonterminals");
            }
            nt.subs.add(a.name());
            return;
        }
        Prod existing = lang.prods.get(a.name());
        if (existing != null) {
            throw new IrSyntaxException(a.pos(), "production " + a.name() + " already belongs to "
                    + existing.nt + "; a production has one home nonterminal (include a sub-nonterminal instead, or remove it there first)");
        }
        if (lang.entry != null && lang.entry.name.equals(a.name())) {
            throw new IrSyntaxException(a.pos(), a.name() + " is the entry's name");
        }
        List<FieldDecl> fields = a.bare() ? List.of() : List.copyOf(a.fields());
        Set<String> names = new HashSet<>();
        for (FieldDecl f : fields) {
            if (!names.add(f.name())) {
                throw new IrSyntaxException(f.pos(), "production " + a.name() + " has two fields named " + f.name());
            }
            if (f.name().equals("span")) {
                throw new IrSyntaxException(f.pos(), "field name 'span' is reserved: every node already carries its Span");
            }
            if (JAVA_KEYWORDS.contains(f.name())) {
                throw new IrSyntaxException(f.pos(), "field name '" + f.name() + "' is a Java keyword; choose another");
            }
        }
        nt.prods.add(a.name());
        lang.prods.put(a.name(), new Prod(a.name(), fields, nt.name, lang, a.pos()));
    }

    private static void checkName(String name, String what, Pos pos) throws IrSyntaxException {
        if (!Character.isUpperCase(name.charAt(0))) {
            throw new IrSyntaxException(pos, what + " name '" + name + "' must start with an upper-case letter");
        }
        if (SCALARS.containsKey(name)) {
            throw new IrSyntaxException(pos, what + " name '" + name + "' is a built-in terminal type");
        }
    }

    private static void validate(Lang lang) throws IrSyntaxException {
        for (Nt nt : lang.nts.values()) {
            if (nt.prods.isEmpty() && nt.subs.isEmpty()) {
                throw new IrSyntaxException(nt.pos, "nonterminal " + nt.name + " of language " + lang.name + " has no productions left");
            }
            for (String sub : nt.subs) {
                if (!lang.nts.containsKey(sub)) {
                    throw new IrSyntaxException(nt.pos, "nonterminal " + nt.name + " of language " + lang.name + " includes " + sub
                            + ", which is removed");
                }
            }
            if (nt.name.equals(lang.name)) {
                throw new IrSyntaxException(nt.pos, "nonterminal " + nt.name + " has the language's own name");
            }
        }
        List<Prod> all = new ArrayList<>(lang.prods.values());
        all.add(lang.entry);
        for (Prod p : all) {
            if (p.name.equals(lang.name)) {
                throw new IrSyntaxException(p.pos, "production " + p.name + " has the language's own name");
            }
            if (lang.nts.containsKey(p.name) && p.nt != null && !isProduct(lang, lang.nts.get(p.name))) {
                throw new IrSyntaxException(p.pos, "production " + p.name + " has the same name as a nonterminal; only a"
                        + " nonterminal with that single production (a product) may share its name");
            }
            if (lang.terminals.containsKey(p.name)) {
                throw new IrSyntaxException(p.pos, "production " + p.name + " has the same name as a terminal");
            }
            for (FieldDecl f : p.fields) {
                if (!SCALARS.containsKey(f.type()) && !lang.terminals.containsKey(f.type()) && !lang.nts.containsKey(f.type())) {
                    List<String> known = new ArrayList<>(lang.nts.keySet());
                    known.addAll(lang.terminals.keySet());
                    known.addAll(SCALARS.keySet());
                    throw new IrSyntaxException(f.pos(), "unknown type " + f.type() + " in field " + f.name() + " of "
                            + p.name + " (language " + lang.name + ")" + suggestion(f.type(), known));
                }
            }
        }
    }

    /**
     * True when {@code n} is a product: its only alternative is a production of its own name, and no
     * nonterminal includes it. A product's Java type is that production's record; there is no interface.
     */
    public static boolean isProduct(Lang l, Nt n) {
        if (!(n.subs.isEmpty() && n.prods.size() == 1 && n.prods.get(0).equals(n.name))) {
            return false;
        }
        for (Nt sup : l.nts.values()) {
            if (sup.subs.contains(n.name)) {
                return false;
            }
        }
        return true;
    }

    private static String ntSignature(Lang l, Nt n) {
        List<String> parts = new ArrayList<>();
        for (String s : n.subs) {
            parts.add(s);
        }
        for (String p : n.prods) {
            parts.add(l.prods.get(p).signature());
        }
        return String.join(" | ", parts);
    }

    private static void computeOwners(Lang lang) throws IrSyntaxException {
        Lang parent = lang.parent;
        if (parent == null) {
            return;
        }
        Set<String> changed = new LinkedHashSet<>();
        for (Nt n : lang.nts.values()) {
            Nt pn = parent.nts.get(n.name);
            if (pn == null || !Objects.equals(ntSignature(lang, n), ntSignature(parent, pn))) {
                changed.add(n.name);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Nt n : lang.nts.values()) {
                if (changed.contains(n.name)) {
                    continue;
                }
                boolean c = n.subs.stream().anyMatch(changed::contains);
                for (String p : n.prods) {
                    for (FieldDecl f : lang.prods.get(p).fields) {
                        c |= changed.contains(f.type());
                    }
                }
                for (Nt sup : lang.nts.values()) {
                    c |= sup.subs.contains(n.name) && changed.contains(sup.name);
                }
                if (c) {
                    changed.add(n.name);
                    grew = true;
                }
            }
        }
        for (Nt n : lang.nts.values()) {
            n.owner = changed.contains(n.name) ? lang : parent.nts.get(n.name).owner;
        }
        for (Prod p : lang.prods.values()) {
            p.owner = lang.nts.get(p.nt).owner;
        }
        boolean entryChanged = !lang.entry.signature().equals(parent.entry.signature())
                || lang.entry.fields.stream().anyMatch(f -> changed.contains(f.type()));
        if (!entryChanged) {
            throw new IrSyntaxException(lang.pos, "language " + lang.name + " changes nothing reachable from its entry "
                    + lang.entry.name + "; it would be the same language as " + parent.name);
        }
        lang.entry.owner = lang;
    }
}
