package nanopy.ir;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The grammar of one IR language, generated from its {@code .ir} definition: terminals,
 * nonterminals (with their productions and sub-nonterminals), productions (with typed fields) and
 * the entry production, each tied to its Java type. Printing, parsing, checking, describing and
 * diffing languages all work from this description ({@link IrText}, {@link IrChecker},
 * {@link Grammars}).
 */
public final class Language {
    /** How many values a field holds. */
    public enum Mult {
        ONE(""), OPTIONAL("?"), MANY("*");

        private final String suffix;

        Mult(String suffix) {
            this.suffix = suffix;
        }

        /** {@code ""}, {@code "?"} or {@code "*"}. */
        public String suffix() {
            return suffix;
        }
    }

    /** What a field's type names. */
    public enum Kind { SCALAR, TERMINAL, NONTERMINAL }

    /** A field {@code type[mult] name}. */
    public record Field(String name, String type, Mult mult, Kind kind) {
        /** As written in the grammar, e.g. {@code Expr* args}. */
        public String signature() {
            return type + mult.suffix() + " " + name;
        }
    }

    /**
     * A terminal and the language that declared it: {@code type} is its enum, or for an open
     * terminal ({@code terminal T extern}) the interface the targets' enums implement.
     */
    public record Terminal(String name, Class<?> type, String owner) {
        /** Whether this is an open terminal ({@link OpenTerminal}). */
        public boolean open() {
            return !type.isEnum();
        }

        /** Its values: the enum's constants, or every known value of the open terminal. */
        public List<Object> values() {
            return open() ? OpenTerminal.values(type) : List.of(type.getEnumConstants());
        }

        /** How value {@code v} is written in IR text. */
        public String text(Object v) {
            return open() ? OpenTerminal.text(v) : ((Enum<?>) v).name();
        }
    }

    /** A nonterminal: direct sub-nonterminals and direct productions, in declaration order. */
    public record Nonterminal(String name, Class<?> type, String owner, List<String> subs, List<String> productions) {}

    /**
     * A production ({@code nonterminal} is null for the entry) with its record type and fields in
     * record-component order (the record has one more component, the span, last).
     */
    public static final class Production {
        private final String name;
        private final String nonterminal;
        private final Class<?> type;
        private final String owner;
        private final List<Field> fields;
        private MethodHandle constructor;
        private MethodHandle[] accessors;

        Production(String name, String nonterminal, Class<?> type, String owner, List<Field> fields) {
            this.name = name;
            this.nonterminal = nonterminal;
            this.type = type;
            this.owner = owner;
            this.fields = fields;
        }

        public String name() {
            return name;
        }

        /** The home nonterminal, or null for the entry. */
        public String nonterminal() {
            return nonterminal;
        }

        public Class<?> type() {
            return type;
        }

        /** The language whose Java class declares this production's record. */
        public String owner() {
            return owner;
        }

        public List<Field> fields() {
            return fields;
        }

        /** {@code Name(Type a, Type* b)}. */
        public String signature() {
            StringBuilder sb = new StringBuilder(name).append('(');
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(fields.get(i).signature());
            }
            return sb.append(')').toString();
        }

        /** Builds a node from field values (in field order) and a span. */
        public Node construct(Object[] values, Span span) {
            try {
                Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
                all[values.length] = span;
                return (Node) handles().constructor.invokeWithArguments(all);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** The value of field {@code i} of {@code node}. */
        public Object get(Node node, int i) {
            try {
                return handles().accessors[i].invoke(node);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        private synchronized Production handles() {
            if (constructor == null) {
                RecordComponent[] rc = type.getRecordComponents();
                Class<?>[] types = new Class<?>[rc.length];
                MethodHandle[] acc = new MethodHandle[rc.length];
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                try {
                    for (int i = 0; i < rc.length; i++) {
                        types[i] = rc[i].getType();
                        acc[i] = lookup.unreflect(rc[i].getAccessor());
                    }
                    constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("generated record " + type.getName() + " is not accessible", e);
                }
                accessors = acc;
            }
            return this;
        }
    }

    private final String name;
    private final String parent;
    private final String description;
    private final String sourceFile;
    private final Map<String, Terminal> terminals;
    private final Map<String, Nonterminal> nonterminals;
    private final Map<String, Production> productions;
    private final Production entry;
    private final Map<Class<?>, Production> byClass;

    private Language(Builder b) {
        this.name = b.name;
        this.parent = b.parent;
        this.description = b.description;
        this.sourceFile = b.sourceFile;
        this.terminals = Collections.unmodifiableMap(b.terminals);
        this.nonterminals = Collections.unmodifiableMap(b.nonterminals);
        this.productions = Collections.unmodifiableMap(b.productions);
        this.entry = b.entry;
        Map<Class<?>, Production> bc = new HashMap<>();
        for (Production p : b.productions.values()) {
            bc.put(p.type, p);
        }
        bc.put(entry.type, entry);
        this.byClass = bc;
    }

    /** Starts a description; used by generated code. */
    public static Builder builder(String name, String parent, String description, String sourceFile) {
        return new Builder(name, parent, description, sourceFile);
    }

    public String name() {
        return name;
    }

    /** The parent language's name, if this language {@code extends} one. */
    public Optional<String> parent() {
        return Optional.ofNullable(parent);
    }

    /** The one-line description from the {@code .ir} file. */
    public String description() {
        return description;
    }

    /** The {@code .ir} file (relative to the definitions folder) that defines this language. */
    public String sourceFile() {
        return sourceFile;
    }

    public Map<String, Terminal> terminals() {
        return terminals;
    }

    public Map<String, Nonterminal> nonterminals() {
        return nonterminals;
    }

    /** Productions of nonterminals by name (not the entry). */
    public Map<String, Production> productions() {
        return productions;
    }

    public Production entry() {
        return entry;
    }

    /** The Java record type of the entry production: a pass's input or output type names its language. */
    public Class<?> entryType() {
        return entry.type;
    }

    /** The production whose record class is {@code c}, if it belongs to this language. */
    public Optional<Production> productionOf(Class<?> c) {
        return Optional.ofNullable(byClass.get(c));
    }

    /** The production (or the entry) named {@code n}. */
    public Optional<Production> production(String n) {
        Production p = productions.get(n);
        if (p == null && entry.name.equals(n)) {
            p = entry;
        }
        return Optional.ofNullable(p);
    }

    /** True when nonterminal {@code sub} is {@code sup} or included in it through sub-nonterminals. */
    public boolean isSubNonterminal(String sub, String sup) {
        if (sub.equals(sup)) {
            return true;
        }
        Nonterminal n = nonterminals.get(sup);
        if (n == null) {
            return false;
        }
        for (String s : n.subs()) {
            if (isSubNonterminal(sub, s)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects a language description; generated code calls it once per language. */
    public static final class Builder {
        private final String name;
        private final String parent;
        private final String description;
        private final String sourceFile;
        private final Map<String, Terminal> terminals = new LinkedHashMap<>();
        private final Map<String, Nonterminal> nonterminals = new LinkedHashMap<>();
        private final Map<String, Production> productions = new LinkedHashMap<>();
        private final List<Object[]> pending = new ArrayList<>();
        private Production entry;

        private Builder(String name, String parent, String description, String sourceFile) {
            this.name = name;
            this.parent = parent;
            this.description = description;
            this.sourceFile = sourceFile;
        }

        public Builder terminal(String n, Class<?> type, String owner) {
            terminals.put(n, new Terminal(n, type, owner));
            return this;
        }

        public Builder nonterminal(String n, Class<?> type, String owner, List<String> subs, List<String> prods) {
            nonterminals.put(n, new Nonterminal(n, type, owner, List.copyOf(subs), List.copyOf(prods)));
            return this;
        }

        /** A production; each field is written {@code Type name}, {@code Type? name} or {@code Type* name}. */
        public Builder production(String n, String nonterminal, Class<?> type, String owner, String... fields) {
            pending.add(new Object[] {n, nonterminal, type, owner, fields});
            return this;
        }

        public Builder entry(String n, String nonterminal, Class<?> type, String owner, String... fields) {
            pending.add(new Object[] {n, null, type, owner, fields});
            return this;
        }

        public Language build() {
            for (Object[] p : pending) {
                Production prod = new Production((String) p[0], (String) p[1], (Class<?>) p[2], (String) p[3], fields((String[]) p[4]));
                if (p[1] == null) {
                    entry = prod;
                } else {
                    productions.put(prod.name, prod);
                }
            }
            return new Language(this);
        }

        private List<Field> fields(String[] specs) {
            List<Field> out = new ArrayList<>();
            for (String s : specs) {
                String[] parts = s.split(" ");
                String t = parts[0];
                Mult m = Mult.ONE;
                if (t.endsWith("?")) {
                    m = Mult.OPTIONAL;
                    t = t.substring(0, t.length() - 1);
                } else if (t.endsWith("*")) {
                    m = Mult.MANY;
                    t = t.substring(0, t.length() - 1);
                }
                Kind k = terminals.containsKey(t) ? Kind.TERMINAL : nonterminals.containsKey(t) ? Kind.NONTERMINAL : Kind.SCALAR;
                out.add(new Field(parts[1], t, m, k));
            }
            return List.copyOf(out);
        }
    }
}
