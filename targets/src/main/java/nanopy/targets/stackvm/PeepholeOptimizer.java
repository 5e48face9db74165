package nanopy.targets.stackvm;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nanopy.ir.Span;
import nanopy.stackvm.StackCode.BoolConst;
import nanopy.stackvm.StackCode.Code;
import nanopy.stackvm.StackCode.Const;
import nanopy.stackvm.StackCode.Instr;
import nanopy.stackvm.StackCode.Opcode;

/**
 * The peephole optimizer of one code object. Instructions are decoded into a list where each jump
 * points at its target instruction (so deleting instructions keeps jumps right), rewritten by
 * local rules until nothing changes, and encoded back with relative jump arguments and a
 * constants table holding only the constants still loaded.
 */
final class PeepholeOptimizer {
    /** A decoded instruction; {@code target} is set for jumps. */
    private static final class Ins {
        Opcode op;
        int arg;
        Ins target;
        final Span span;

        Ins(Opcode op, int arg, Span span) {
            this.op = op;
            this.arg = arg;
            this.span = span;
        }
    }

    private static final int MAX_ROUNDS = 20;

    private final Code code;
    private final ArrayList<Ins> ins = new ArrayList<>();
    private final ArrayList<Const> consts;

    PeepholeOptimizer(Code code) {
        this.code = code;
        this.consts = new ArrayList<>(code.consts().asJava());
        List<Instr> instrs = code.instrs();
        for (Instr i : instrs) {
            ins.add(new Ins(i.op(), i.arg(), i.span()));
        }
        for (int i = 0; i < instrs.size(); i++) {
            Instr in = instrs.get(i);
            if (Opcodes.isJump(in.op())) {
                ins.get(i).target = ins.get(Opcodes.jumpTarget(in.op(), i, in.arg()));
            }
        }
    }

    /** The optimized code object. */
    Code optimize() {
        boolean changed = true;
        for (int round = 0; changed && round < MAX_ROUNDS; round++) {
            changed = pass();
        }
        return encode();
    }

    /** One sweep of every rule; true if anything changed. */
    private boolean pass() {
        boolean changed = false;
        for (int i = 0; i < ins.size(); i++) {
            changed |= rewrite(i);
        }
        return changed | removeUnreachable();
    }

    private boolean rewrite(int i) {
        Ins a = ins.get(i);
        Ins b = i + 1 < ins.size() && !isTarget(ins.get(i + 1)) ? ins.get(i + 1) : null;
        Ins c = b != null && i + 2 < ins.size() && !isTarget(ins.get(i + 2)) ? ins.get(i + 2) : null;
        if (a.op == Opcode.NOP) {
            delete(i);
            return true;
        }
        if (a.op == Opcode.SETUP_FINALLY) {
            return false;   // a handler stays where it is
        }
        if (Opcodes.isJump(a.op)) {
            return jump(i, a);
        }
        if (a.op == Opcode.LOAD_CONST && b != null) {
            Const k = consts.get(a.arg);
            Optional<Const> folded = c != null && c.op != Opcode.LOAD_CONST && b.op == Opcode.LOAD_CONST
                    ? ConstantFolding.binary(c.op, c.arg, k, consts.get(b.arg))
                    : ConstantFolding.unary(b.op, b.arg, k);
            if (folded.isPresent()) {
                int width = c != null && b.op == Opcode.LOAD_CONST ? 3 : 2;
                a.arg = constant(folded.get());
                for (int n = 1; n < width; n++) {
                    delete(i + 1);
                }
                return true;
            }
            return constantThen(i, a, k, b);
        }
        if (a.op == Opcode.UNARY_NOT && b != null && Opcodes.isConditionalJump(b.op)) {
            b.op = b.op == Opcode.POP_JUMP_IF_FALSE ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE;
            delete(i);
            return true;
        }
        return false;
    }

    /** A constant load followed by an instruction that consumes it at once. */
    private boolean constantThen(int i, Ins a, Const k, Ins b) {
        switch (b.op) {
            case POP_TOP -> {
                delete(i + 1);
                delete(i);
                return true;
            }
            case RETURN_VALUE -> {
                a.op = Opcode.RETURN_CONST;
                delete(i + 1);
                return true;
            }
            case POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
                if (!(k instanceof BoolConst(var v, var sp))) {
                    return false;
                }
                if (v == (b.op == Opcode.POP_JUMP_IF_TRUE)) {
                    a.op = Opcode.JUMP_FORWARD;
                    a.arg = 0;
                    a.target = b.target;
                    delete(i + 1);
                } else {
                    delete(i + 1);
                    delete(i);
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Jump threading: jumps to jumps, to returns of constants and to the next instruction. */
    private boolean jump(int i, Ins j) {
        Ins next = i + 1 < ins.size() ? ins.get(i + 1) : null;
        if (j.target == next) {
            if (Opcodes.isConditionalJump(j.op)) {
                j.op = Opcode.POP_TOP;
                j.target = null;
            } else {
                delete(i);
            }
            return true;
        }
        Ins t = j.target;
        boolean unconditional = !Opcodes.isConditionalJump(j.op);
        if (unconditional && t.op == Opcode.RETURN_CONST) {
            j.op = Opcode.RETURN_CONST;
            j.arg = t.arg;
            j.target = null;
            return true;
        }
        if ((t.op == Opcode.JUMP_FORWARD || t.op == Opcode.JUMP_BACKWARD) && t.target != t && t.target != j
                && (unconditional || ins.indexOf(t.target) > i)) {
            j.target = t.target;
            return true;
        }
        return false;
    }

    /** Removes instructions after a return or jump that no jump reaches. */
    private boolean removeUnreachable() {
        boolean changed = false;
        for (int i = 0; i + 1 < ins.size(); i++) {
            if (!Opcodes.endsFlow(ins.get(i).op)) {
                continue;
            }
            while (i + 1 < ins.size() && !isTarget(ins.get(i + 1))) {
                delete(i + 1);
                changed = true;
            }
        }
        return changed;
    }

    private boolean isTarget(Ins x) {
        for (Ins y : ins) {
            if (y.target == x) {
                return true;
            }
        }
        return false;
    }

    /** Deletes instruction {@code i}; jumps to it go to the instruction after it. */
    private void delete(int i) {
        Ins gone = ins.remove(i);
        Ins after = i < ins.size() ? ins.get(i) : null;
        for (Ins y : ins) {
            if (y.target == gone) {
                if (after == null) {
                    throw new IllegalStateException("a jump past the end of " + code.name());
                }
                y.target = after;
            }
        }
    }

    private int constant(Const k) {
        int i = consts.indexOf(k);
        if (i >= 0) {
            return i;
        }
        consts.add(k);
        return consts.size() - 1;
    }

    /** Relative jump arguments, and a constants table of the constants still loaded, in the order of their first use. */
    private Code encode() {
        Map<Ins, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < ins.size(); i++) {
            index.put(ins.get(i), i);
        }
        Map<Integer, Integer> renumber = new LinkedHashMap<>();
        for (Ins x : ins) {
            if (usesConstant(x.op)) {
                renumber.putIfAbsent(x.arg, renumber.size());
            }
        }
        ArrayList<Instr> out = new ArrayList<>();
        for (int i = 0; i < ins.size(); i++) {
            Ins x = ins.get(i);
            if (x.target != null) {
                int delta = index.get(x.target) - (i + 1);
                Opcode op = Opcodes.isConditionalJump(x.op) || x.op == Opcode.SETUP_FINALLY ? x.op
                        : delta < 0 ? Opcode.JUMP_BACKWARD : Opcode.JUMP_FORWARD;
                out.add(new Instr(op, Math.abs(delta), x.span));
            } else {
                out.add(new Instr(x.op, usesConstant(x.op) ? renumber.get(x.arg) : x.arg, x.span));
            }
        }
        List<Const> table = List.ofAll(renumber.keySet()).map(consts::get);
        return new Code(code.name(), code.argcount(), code.varnames(), table, code.names(), List.ofAll(out), code.span());
    }

    private static boolean usesConstant(Opcode op) {
        return op == Opcode.LOAD_CONST || op == Opcode.RETURN_CONST;
    }
}
