package nanopy.targets.stackvm;

import io.vavr.collection.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nanopy.ir.DumpFormat;
import nanopy.ir.Node;
import nanopy.py.interp.TargetRuntime;
import nanopy.stackvm.StackCode;
import nanopy.stackvm.StackCode.Code;
import nanopy.stackvm.StackCode.Const;
import nanopy.stackvm.StackCode.Instr;

/**
 * Lists {@link StackCode} programs the way {@code python3 -m dis} lists CPython bytecode
 * (CPython 3.11's {@code dis.Instruction._disassemble} columns): the source line where one starts,
 * {@code >>} on jump targets, the offset (two bytes per instruction), the opname, the argument and
 * its meaning in parentheses. The module's code comes first, without a header; each function
 * follows as a {@code Disassembly of <code object NAME, line N>:} block. Deterministic: no
 * addresses or file names.
 */
public final class StackListing implements DumpFormat {
    private static final int OPNAME_WIDTH = 20;
    private static final int OPARG_WIDTH = 5;

    /** For ServiceLoader. */
    public StackListing() {}

    @Override
    public String language() {
        return StackCode.LANGUAGE.name();
    }

    @Override
    public String format(Node program) {
        List<Code> codes = ((StackCode.Program) program).codes();
        Map<String, Code> byName = new HashMap<>();
        codes.forEach(c -> byName.putIfAbsent(c.name(), c));
        StringBuilder sb = new StringBuilder();
        for (Code c : codes) {
            if (c != codes.head()) {
                sb.append("\nDisassembly of ").append(describe(c)).append(":\n");
            }
            code(c, byName, sb);
        }
        return sb.toString().stripTrailing();
    }

    /** How a listing names a code object: {@code <code object f, line 3>}. */
    static String describe(Code c) {
        return "<code object " + c.name() + ", line " + c.span().line() + ">";
    }

    private static void code(Code c, Map<String, Code> byName, StringBuilder sb) {
        List<Instr> instrs = c.instrs();
        Set<Integer> targets = new HashSet<>();
        int maxLine = 0;
        for (int i = 0; i < instrs.size(); i++) {
            Instr in = instrs.get(i);
            if (Opcodes.isJump(in.op())) {
                targets.add(Opcodes.jumpTarget(in.op(), i, in.arg()));
            }
            maxLine = Math.max(maxLine, in.span().line());
        }
        int lineWidth = Math.max(3, Integer.toString(maxLine).length());
        int offsetWidth = Math.max(4, Integer.toString(2 * instrs.size()).length());
        int lastLine = -1;
        for (int i = 0; i < instrs.size(); i++) {
            Instr in = instrs.get(i);
            int line = in.span().line();
            boolean starts = line > 0 && line != lastLine;
            if (starts && i > 0) {
                sb.append('\n');
            }
            StringBuilder row = new StringBuilder();
            row.append(starts ? pad(Integer.toString(line), lineWidth) : " ".repeat(lineWidth));
            row.append("     ").append(targets.contains(i) ? ">>" : "  ").append(' ');
            row.append(pad(Integer.toString(2 * i), offsetWidth)).append(' ');
            row.append(String.format(Locale.ROOT, "%-" + OPNAME_WIDTH + "s", in.op().name()));
            if (Opcodes.hasArgument(in.op())) {
                row.append(' ').append(pad(Integer.toString(in.arg()), OPARG_WIDTH));
                String meaning = meaning(c, i, in, byName);
                if (!meaning.isEmpty()) {
                    row.append(" (").append(meaning).append(')');
                }
            }
            sb.append(row.toString().stripTrailing()).append('\n');
            if (line > 0) {
                lastLine = line;
            }
        }
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /**
     * The argument's meaning: a constant (a code constant as its code object's header names it), a
     * name, a jump target, an operator; empty if none.
     */
    private static String meaning(Code c, int index, Instr in, Map<String, Code> byName) {
        int arg = in.arg();
        return switch (in.op()) {
            case LOAD_CONST, RETURN_CONST -> arg >= c.consts().size() ? "?"
                    : c.consts().get(arg) instanceof StackCode.CodeConst(var name, var sp) && byName.containsKey(name)
                    ? describe(byName.get(name)) : constant(c.consts().get(arg));
            case LOAD_FAST, STORE_FAST -> arg < c.varnames().size() ? c.varnames().get(arg) : "?";
            case LOAD_GLOBAL, STORE_GLOBAL -> arg < c.names().size() ? c.names().get(arg) : "?";
            case JUMP_FORWARD, JUMP_BACKWARD, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, SETUP_FINALLY ->
                    "to " + 2 * Opcodes.jumpTarget(in.op(), index, arg);
            case IS_OP -> arg == 0 ? "is" : "is not";
            case BINARY_OP, BINARY_OP_ADD_INT, BINARY_OP_SUBTRACT_INT, BINARY_OP_MULTIPLY_INT, BINARY_OP_ADD_FLOAT,
                    BINARY_OP_SUBTRACT_FLOAT, BINARY_OP_MULTIPLY_FLOAT, BINARY_OP_ADD_UNICODE, COMPARE_OP,
                    COMPARE_OP_INT, COMPARE_OP_FLOAT, COMPARE_OP_STR, CONTAINS_OP, BINARY_SLICE, UNARY_NEGATIVE,
                    CALL_INTRINSIC -> PrimOpcodes.symbol(PrimOpcodes.primitive(arg));
            default -> "";
        };
    }

    /** A constant as Python's {@code repr} shows it; a code constant as its code object. */
    static String constant(Const k) {
        return switch (k) {
            case StackCode.IntConst(var v, var sp) -> Long.toString(v);
            case StackCode.FloatConst(var v, var sp) -> TargetRuntime.repr(v);
            case StackCode.BoolConst(var v, var sp) -> v ? "True" : "False";
            case StackCode.StrConst(var v, var sp) -> TargetRuntime.repr(v);
            case StackCode.NoneConst(var sp) -> "None";
            case StackCode.CodeConst(var name, var sp) -> "<code object " + name + ">";
        };
    }
}
