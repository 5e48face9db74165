package nanopy.targets.stackvm;

import io.vavr.collection.List;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.TargetRuntime;
import nanopy.stackvm.StackCode;
import nanopy.stackvm.StackCode.Code;
import nanopy.stackvm.StackCode.Instr;
import nanopy.stackvm.StackCode.Opcode;

/**
 * Turns a {@link StackCode} program into {@link CodeObject}s ready to run: resolves code constants
 * and global names, binds each operator instruction to its primitive, and computes each code
 * object's largest operand-stack depth.
 */
final class Linker {
    private final TargetRuntime runtime;
    private final Map<String, Integer> globals = new LinkedHashMap<>();
    private final Map<String, CodeObject> byName = new HashMap<>();

    Linker(TargetRuntime runtime) {
        this.runtime = runtime;
    }

    /** The number of global slots the linked program uses. */
    int globalCount() {
        return globals.size();
    }

    /** Links every code object and returns the module's (the first). */
    CodeObject link(StackCode.Program program) {
        List<Code> codes = program.codes();
        Map<String, Object[]> constTables = new HashMap<>();
        for (Code c : codes) {
            Object[] consts = new Object[c.consts().size()];
            constTables.put(c.name(), consts);
            byName.put(c.name(), code(c, consts));
        }
        for (Code c : codes) {
            Object[] consts = constTables.get(c.name());
            int i = 0;
            for (StackCode.Const k : c.consts()) {
                consts[i++] = value(k);
            }
        }
        return byName.get(codes.head().name());
    }

    private Object value(StackCode.Const k) {
        return switch (k) {
            case StackCode.IntConst(var v, var sp) -> v;
            case StackCode.FloatConst(var v, var sp) -> v;
            case StackCode.BoolConst(var v, var sp) -> v;
            case StackCode.StrConst(var v, var sp) -> v;
            case StackCode.NoneConst(var sp) -> TargetRuntime.NONE;
            case StackCode.CodeConst(var name, var sp) -> {
                CodeObject c = byName.get(name);
                if (c == null) {
                    throw new IllegalStateException("no code object named " + name);
                }
                yield c;
            }
        };
    }

    private CodeObject code(Code c, Object[] consts) {
        int n = c.instrs().size();
        Opcode[] ops = new Opcode[n];
        int[] args = new int[n];
        Span[] spans = new Span[n];
        Object[] operations = new Object[n];
        int i = 0;
        for (Instr in : c.instrs()) {
            ops[i] = in.op();
            args[i] = Opcodes.isJump(in.op()) ? Opcodes.jumpTarget(in.op(), i, in.arg()) : in.arg();
            spans[i] = in.span();
            operations[i] = operation(in);
            i++;
        }
        int[] slots = c.names().map(g -> globals.computeIfAbsent(g, k -> globals.size())).toJavaStream()
                .mapToInt(Integer::intValue).toArray();
        return new CodeObject(c.name(), c.argcount(), c.varnames().toJavaArray(String[]::new), maxStack(c), ops, args,
                spans, operations, consts, c.names().toJavaArray(String[]::new), slots);
    }

    /**
     * The primitive an instruction applies, bound to its span (for {@code COMPARE_OP_INT}, which
     * cannot fail, the {@link PrimOp} itself); null for other instructions.
     */
    private Object operation(Instr in) {
        Span sp = in.span();
        return switch (in.op()) {
            case COMPARE_OP_INT -> PrimOpcodes.primitive(in.arg());
            case BINARY_OP, BINARY_OP_ADD_INT, BINARY_OP_SUBTRACT_INT, BINARY_OP_MULTIPLY_INT, BINARY_OP_ADD_FLOAT,
                    BINARY_OP_SUBTRACT_FLOAT, BINARY_OP_MULTIPLY_FLOAT, BINARY_OP_ADD_UNICODE, COMPARE_OP,
                    COMPARE_OP_FLOAT, COMPARE_OP_STR, CONTAINS_OP ->
                    runtime.binary(PrimOpcodes.primitive(in.arg()), sp);
            case BINARY_SUBSCR_LIST_INT -> runtime.binary(PrimOp.ListIndex, sp);
            case BINARY_SUBSCR_STR_INT -> runtime.binary(PrimOp.StrIndex, sp);
            case BINARY_SLICE, UNARY_NEGATIVE, CALL_INTRINSIC -> {
                PrimOp op = PrimOpcodes.primitive(in.arg());
                yield runtime.operation(op, PrimOpcodes.arity(op), sp);
            }
            default -> null;
        };
    }

    /** The deepest the operand stack gets, by a walk of every path from the first instruction. */
    private static int maxStack(Code c) {
        Instr[] instrs = c.instrs().toJavaArray(Instr[]::new);
        int[] depth = new int[instrs.length];
        Arrays.fill(depth, -1);
        ArrayDeque<Integer> work = new ArrayDeque<>();
        int max = 0;
        if (instrs.length > 0) {
            depth[0] = 0;
            work.push(0);
        }
        while (!work.isEmpty()) {
            int i = work.pop();
            Instr in = instrs[i];
            int after = depth[i] + Opcodes.stackEffect(in.op(), in.arg());
            max = Math.max(max, Math.max(depth[i], after));
            if (Opcodes.isJump(in.op())) {
                int handler = in.op() == Opcode.SETUP_FINALLY ? 1 : 0;
                reach(depth, work, Opcodes.jumpTarget(in.op(), i, in.arg()), after + handler);
                max = Math.max(max, after + handler);
            }
            if (!Opcodes.endsFlow(in.op()) && i + 1 < instrs.length) {
                reach(depth, work, i + 1, after);
            }
        }
        return max + 1;
    }

    private static void reach(int[] depth, ArrayDeque<Integer> work, int i, int d) {
        if (depth[i] < 0) {
            depth[i] = d;
            work.push(i);
        }
    }
}
