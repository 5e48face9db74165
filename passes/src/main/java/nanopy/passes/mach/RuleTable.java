package nanopy.passes.mach;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nanopy.ir.Span;
import nanopy.mach.MachCode;
import nanopy.mach.MachCode.Opcode;

/**
 * A target's instruction-selection rules: each a {@link Pattern} over Lir trees and the one
 * instruction that computes it. Selection is maximal munch (Appel, Modern Compiler Implementation,
 * section 9.1): at a tree's root it takes the rule covering the most nodes (the first such rule on a
 * tie), emits the instruction, and munches the subtrees the pattern's {@link Pattern.Reg} leaves
 * left over into registers first. The opcode of a rule means what its pattern computes, so an
 * instruction set whose every opcode has one rule is also interpretable ({@link MachInterpreter}).
 *
 * <p>Calls, run-time routine calls without a rule, copies between variables and returns are not in
 * the table: selection makes them from the {@link MachineDescription}'s calling convention. Every
 * other Lir form the programs use needs a rule: a constant of each kind, each machine operation,
 * fields, globals, and a branch on a register ({@code branch(reg())}).
 */
public final class RuleTable {
    /**
     * One rule.
     *
     * @param op the instruction
     * @param pattern what it computes; a {@code BRANCH} pattern for a compare-and-branch (a {@code Br} tail)
     */
    public record Rule(Opcode op, Pattern pattern) {}

    /**
     * A rule matched at a tree.
     *
     * @param rule the rule
     * @param operands the subtrees its register leaves matched, in order (each becomes a source operand)
     * @param imms its immediates, in order
     * @param covered how many tree nodes the pattern covered
     */
    public record Match(Rule rule, List<Tree> operands, List<MachCode.Imm> imms, int covered) {}

    private final List<Rule> rules;

    private RuleTable(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** An empty table (an instruction set selected some other way). */
    public static RuleTable empty() {
        return new RuleTable(List.of());
    }

    /** Builds a table. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects rules in order. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        private Builder() {}

        /** Instruction {@code op} computes {@code pattern} into its destination (none for a statement pattern or a void routine). */
        public Builder rule(Opcode op, Pattern pattern) {
            rules.add(new Rule(op, pattern));
            return this;
        }

        /** Compare-and-branch {@code op} jumps to the branch's 'then' block when {@code test} is 1. */
        public Builder branch(Opcode op, Pattern test) {
            rules.add(new Rule(op, Pattern.branch(test)));
            return this;
        }

        /** The table. */
        public RuleTable build() {
            return new RuleTable(rules);
        }
    }

    /** The rules, in order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule of {@code op} (the first, if several), which says what {@code op} computes. */
    public Optional<Rule> ruleOf(Opcode op) {
        return rules.stream().filter(r -> r.op() == op).findFirst();
    }

    /** The rule covering the most of {@code t} at its root, if any matches. */
    public Optional<Match> munch(Tree t) {
        Match best = null;
        for (Rule r : rules) {
            List<Tree> operands = new ArrayList<>();
            List<MachCode.Imm> imms = new ArrayList<>();
            int covered = match(r.pattern(), t, operands, imms);
            if (covered > 0 && (best == null || covered > best.covered())) {
                best = new Match(r, List.copyOf(operands), List.copyOf(imms), covered);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The number of nodes {@code p} covers at {@code t}, collecting operands and immediates; 0 when it does not match. */
    private static int match(Pattern p, Tree t, List<Tree> operands, List<MachCode.Imm> imms) {
        return switch (p) {
            case Pattern.Reg r -> {
                operands.add(t);
                yield 0;
            }
            case Pattern.Imm(var fits) -> {
                if (t.kind() == Tree.Kind.INT && fits.test((Long) t.key())) {
                    imms.add(new MachCode.IntImm((Long) t.key(), t.span()));
                    yield 1;
                }
                yield -1;
            }
            case Pattern.Node n -> {
                if (n.kind() != t.kind() || n.kids().size() != t.kids().size()
                        || n.key().isPresent() && !n.key().get().equals(t.key())
                        || n.ty().isPresent() && n.ty().get() != t.ty()) {
                    yield -1;
                }
                if (n.key().isEmpty()) {
                    immediate(t).ifPresent(imms::add);
                }
                int covered = 1;
                for (int i = 0; i < n.kids().size(); i++) {
                    int k = match(n.kids().get(i), t.kids().get(i), operands, imms);
                    if (k < 0) {
                        yield -1;
                    }
                    covered += k;
                }
                yield covered;
            }
        };
    }

    /** A node's fixed part as an immediate: a constant, a field index, a global's or function's name. */
    static Optional<MachCode.Imm> immediate(Tree t) {
        Span sp = t.span();
        return switch (t.kind()) {
            case INT -> Optional.of(new MachCode.IntImm((Long) t.key(), sp));
            case FLOAT -> Optional.of(new MachCode.FloatImm((Double) t.key(), sp));
            case STR -> Optional.of(new MachCode.StrImm((String) t.key(), sp));
            case FUN, GLOBAL, SET_GLOBAL -> Optional.of(new MachCode.SymImm((String) t.key(), sp));
            case FIELD, SET_FIELD -> Optional.of(new MachCode.IntImm((Integer) t.key(), sp));
            default -> Optional.empty();
        };
    }
}
