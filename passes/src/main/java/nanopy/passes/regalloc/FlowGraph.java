package nanopy.passes.regalloc;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function's control-flow graph as the shared analyses see it, whatever the instruction
 * language: basic blocks of steps, each step naming the virtual registers it defines and uses.
 * A target builds one from its own instructions (the tail counts as the block's last step).
 *
 * @param blocks the blocks; {@code blocks.get(0)} is the entry
 * @param classOf the register class of every virtual register that occurs
 * @param <C> the type of register classes (a target's enum)
 */
public record FlowGraph<C>(List<FlowBlock> blocks, Map<String, C> classOf) {
    /**
     * One basic block.
     *
     * @param label its label
     * @param steps its instructions, then its terminator, in order
     * @param successors the labels control may go to after the last step
     */
    public record FlowBlock(String label, List<Step> steps, List<String> successors) {}

    /**
     * One instruction.
     *
     * @param defs the virtual registers it writes
     * @param uses the virtual registers it reads
     * @param move whether it is a register-to-register copy (its def and use get a move edge)
     * @param call whether it is a call (values live across it avoid caller-saved registers)
     */
    public record Step(Set<String> defs, Set<String> uses, boolean move, boolean call) {}
}
