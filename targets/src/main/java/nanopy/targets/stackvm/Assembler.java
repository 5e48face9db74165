package nanopy.targets.stackvm;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.ir.Span;
import nanopy.stackvm.StackCode.Code;
import nanopy.stackvm.StackCode.Const;
import nanopy.stackvm.StackCode.Instr;
import nanopy.stackvm.StackCode.Opcode;

/**
 * Builds one code object: appends instructions, interns constants, global names and local
 * variable names into their tables, and resolves jumps to labels into CPython 3.12's relative
 * arguments when the code is finished.
 */
final class Assembler {
    /** A position in the instruction list, placed once; jumps to it may come before or after. */
    static final class Label {
        private int index = -1;
    }

    private record Pending(Opcode op, int arg, Label target, Span span) {}

    private final String name;
    private final int argcount;
    private final Span span;
    private final Map<String, Integer> varnames = new LinkedHashMap<>();
    private final Map<Const, Integer> consts = new LinkedHashMap<>();
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private final ArrayList<Pending> instrs = new ArrayList<>();
    private Span context = Span.NONE;

    /**
     * @param name the code object's name
     * @param params its parameters, the static link first
     * @param locals its other fast locals
     * @param span the source of the function
     */
    Assembler(String name, List<String> params, List<String> locals, Span span) {
        this.name = name;
        this.argcount = params.size();
        this.span = span;
        params.appendAll(locals).forEach(v -> varnames.putIfAbsent(v, varnames.size()));
    }

    /**
     * Makes {@code span}, if it is known, the position of the instructions appended from now on
     * without a known one (those of a node built without a span take its parent's).
     *
     * @return the position to restore with {@link #leave}
     */
    Span enter(Span span) {
        Span old = context;
        if (span.isKnown()) {
            context = span;
        }
        return old;
    }

    /** Restores the position {@link #enter} returned. */
    void leave(Span old) {
        context = old;
    }

    private Span where(Span at) {
        return at.isKnown() ? at : context;
    }

    /** Appends an instruction with an argument. */
    void emit(Opcode op, int arg, Span at) {
        instrs.add(new Pending(op, arg, null, where(at)));
    }

    /** Appends an instruction without an argument. */
    void emit(Opcode op, Span at) {
        emit(op, 0, at);
    }

    /** The index of fast local {@code var}. */
    int local(String var) {
        Integer i = varnames.get(var);
        if (i == null) {
            throw new IllegalStateException("'" + var + "' is not a parameter or local of " + name);
        }
        return i;
    }

    /** A new fast local named {@code var} (a temporary of the compiler: an exception being handled). */
    int newLocal(String var) {
        if (varnames.containsKey(var)) {
            throw new IllegalStateException("'" + var + "' is already a local of " + name);
        }
        varnames.put(var, varnames.size());
        return varnames.size() - 1;
    }

    /** The index of {@code c} in the constants table, adding it if new (constants carry no span). */
    int constant(Const c) {
        return consts.computeIfAbsent(c, k -> consts.size());
    }

    /** The index of global {@code global} in the names table, adding it if new. */
    int name(String global) {
        return names.computeIfAbsent(global, k -> names.size());
    }

    Label label() {
        return new Label();
    }

    /** Places {@code l} before the next instruction appended. */
    void place(Label l) {
        l.index = instrs.size();
    }

    /**
     * Appends a jump to {@code target}: a conditional jump ({@code POP_JUMP_IF_FALSE/TRUE}, which
     * must go forward) or, for {@code JUMP_FORWARD}, an unconditional jump in either direction.
     */
    void jump(Opcode op, Label target, Span at) {
        instrs.add(new Pending(op, 0, target, where(at)));
    }

    /** The finished code object. */
    Code finish() {
        ArrayList<Instr> out = new ArrayList<>(instrs.size());
        for (int i = 0; i < instrs.size(); i++) {
            Pending p = instrs.get(i);
            if (p.target() == null) {
                out.add(new Instr(p.op(), p.arg(), p.span()));
                continue;
            }
            if (p.target().index < 0) {
                throw new IllegalStateException("jump to a label never placed in " + name);
            }
            int delta = p.target().index - (i + 1);
            Opcode op = p.op() == Opcode.JUMP_FORWARD && delta < 0 ? Opcode.JUMP_BACKWARD : p.op();
            if (op != Opcode.JUMP_BACKWARD && delta < 0) {
                throw new IllegalStateException(op + " backwards in " + name);
            }
            out.add(new Instr(op, Math.abs(delta), p.span()));
        }
        return new Code(name, argcount, List.ofAll(varnames.keySet()), List.ofAll(consts.keySet()),
                List.ofAll(names.keySet()), List.ofAll(out), span);
    }
}
