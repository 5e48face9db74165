package nanopy.irgen;

import java.util.List;

/**
 * The parsed, unresolved contents of {@code .ir} files: what the author wrote, with positions.
 * {@link Resolver} turns a list of {@link LanguageDecl} into resolved languages.
 */
public final class IrModel {
    private IrModel() {}

    /** A position in an {@code .ir} file, for error messages ({@code file:line:col}). */
    public record Pos(String file, int line, int col) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + col;
        }
    }

    /** Multiplicity of a field: exactly one, optional ({@code ?}), or a sequence ({@code *}). */
    public enum Mult {
        ONE(""), OPTIONAL("?"), MANY("*");

        public final String suffix;

        Mult(String suffix) {
            this.suffix = suffix;
        }
    }

    /** A field {@code Type[?|*] name} of a production. */
    public record FieldDecl(String type, Mult mult, String name, Pos pos) {
        /** The field as written in a grammar, e.g. {@code Expr* args}. */
        public String signature() {
            return type + mult.suffix + " " + name;
        }
    }

    /**
     * One alternative of a nonterminal: a production with fields ({@code fields} present), or a
     * bare name ({@code fields == null}) that names a sub-nonterminal, or else a production without fields.
     */
    public record AltDecl(String name, List<FieldDecl> fields, Pos pos) {
        public boolean bare() {
            return fields == null;
        }
    }

    /** How a nonterminal line relates to the parent language's nonterminal. */
    public enum Op { DEFINE, ADD, REMOVE, CHANGE }

    /**
     * {@code Name = ...}, {@code Name += ...}, {@code Name -= ...} or {@code Name ~= ...} (the last
     * gives existing productions new fields, in place).
     */
    public record NonterminalDecl(String name, Op op, List<AltDecl> alts, Pos pos) {}

    /** {@code terminal Name = A | B | C}: an enumerated terminal; no constants: {@code terminal Name extern}, an open one. */
    public record TerminalDecl(String name, List<String> constants, Pos pos) {}

    /** {@code -= Name}: a whole nonterminal or terminal of the parent is removed. */
    public record RemovalDecl(String name, Pos pos) {}

    /**
     * {@code scope Production.field}: a production that opens a scope of variables, and the field
     * ({@code Local*}) where the temporaries a translator makes inside it are declared.
     */
    public record ScopeDecl(String production, String field, Pos pos) {}

    /** One {@code language} block; {@code sequences} are the {@code sequence Name} declarations (a name and where). {@code parent} and {@code entry} may be null. */
    public record LanguageDecl(
            String name,
            String parent,
            String description,
            String javaPackage,
            List<TerminalDecl> terminals,
            List<NonterminalDecl> nonterminals,
            List<RemovalDecl> removals,
            List<ScopeDecl> scopes,
            List<RemovalDecl> sequences,
            AltDecl entry,
            Pos pos) {}
}
