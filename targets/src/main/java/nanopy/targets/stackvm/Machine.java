package nanopy.targets.stackvm;

import java.util.Arrays;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.TargetRuntime;
import nanopy.py.interp.TargetRuntime.BinaryOperation;
import nanopy.py.interp.TargetRuntime.Applier;
import nanopy.stackvm.StackCode.Opcode;
import nanopy.targets.stackvm.CodeObject.Closure;

/**
 * The stack machine: CPython's evaluation loop in miniature. All frames live in one value stack:
 * a frame is its fast locals followed by its operand stack, and a call turns the callee and its
 * arguments, already on the caller's operand stack, into the first locals of the new frame (the
 * callee's slot receives the closure's record, the static link). Calls do not recurse in Java, so
 * the depth of Python calls is bounded only by {@code recursionLimit}, past which the call raises
 * {@code RecursionError: maximum recursion depth exceeded}.
 */
final class Machine {
    private final TargetRuntime runtime;
    private final Object[] globals;
    private final int recursionLimit;
    private Object[] stack = new Object[1 << 12];
    private CodeObject[] callerCode = new CodeObject[64];
    private int[] callerPc = new int[64];
    private int[] callerBase = new int[64];
    /** The handler stack of all frames (SETUP_FINALLY): where each goes, its operand-stack top, its frame's depth. */
    private int[] handlerPc = new int[16];
    private int[] handlerSp = new int[16];
    private int[] handlerDepth = new int[16];
    private int handlers;
    private final Object[] scratch = new Object[4];

    /**
     * @param runtime values and primitives of the run
     * @param globalCount the number of global slots
     * @param recursionLimit the most nested calls
     */
    Machine(TargetRuntime runtime, int globalCount, int recursionLimit) {
        this.runtime = runtime;
        this.globals = new Object[globalCount];
        this.recursionLimit = recursionLimit;
    }

    /**
     * Runs the module's code to its end.
     *
     * @throws PyRuntimeError when the program fails as it would under CPython
     */
    void run(CodeObject module) {
        CodeObject co = module;
        int base = 0;
        int sp = co.varnames.length;
        int pc = 0;
        int depth = 0;
        Object[] s = grow(co.frameSize);
        Opcode[] ops = co.ops;
        int[] args = co.args;
        while (true) {
            try {
                while (true) {
                    int at = pc++;
                    int arg = args[at];
                    switch (ops[at]) {
                        case NOP -> { }
                        case POP_TOP -> s[--sp] = null;
                        case COPY -> {
                            s[sp] = s[sp - arg];
                            sp++;
                        }
                        case SWAP -> {
                            Object t = s[sp - 1];
                            s[sp - 1] = s[sp - arg];
                            s[sp - arg] = t;
                        }
                        case LOAD_CONST -> s[sp++] = co.consts[arg];
                        case LOAD_FAST -> {
                            Object v = s[base + arg];
                            if (v == null) {
                                throw unbound(co, arg, co.spans[at]);
                            }
                            s[sp++] = v;
                        }
                        case STORE_FAST -> s[base + arg] = s[--sp];
                        case LOAD_GLOBAL -> {
                            Object v = globals[co.globals[arg]];
                            if (v == null) {
                                throw new PyRuntimeError("NameError", "name '" + user(co.names[arg]) + "' is not defined",
                                        co.spans[at]);
                            }
                            s[sp++] = v;
                        }
                        case STORE_GLOBAL -> globals[co.globals[arg]] = s[--sp];
                        case LOAD_LINK -> s[sp - 1] = ((Object[]) s[sp - 1])[0];
                        case LOAD_SLOT -> s[sp - 1] = ((Object[]) s[sp - 1])[arg];
                        case STORE_SLOT -> {
                            Object[] record = (Object[]) s[--sp];
                            record[arg] = s[--sp];
                        }
                        case BUILD_RECORD -> {
                            Object[] record = Arrays.copyOfRange(s, sp - arg - 1, sp);
                            sp -= arg;
                            s[sp - 1] = record;
                        }
                        case BINARY_OP_ADD_INT -> {
                            long a = (Long) s[sp - 2];
                            long b = (Long) s[--sp];
                            long r = a + b;
                            s[sp - 1] = ((a ^ r) & (b ^ r)) < 0 ? binary(co, at, a, b) : (Object) r;
                        }
                        case BINARY_OP_SUBTRACT_INT -> {
                            long a = (Long) s[sp - 2];
                            long b = (Long) s[--sp];
                            long r = a - b;
                            s[sp - 1] = ((a ^ b) & (a ^ r)) < 0 ? binary(co, at, a, b) : (Object) r;
                        }
                        case BINARY_OP_MULTIPLY_INT -> {
                            long a = (Long) s[sp - 2];
                            long b = (Long) s[--sp];
                            long hi = Math.multiplyHigh(a, b);
                            long lo = a * b;
                            s[sp - 1] = hi != (lo >> 63) ? binary(co, at, a, b) : (Object) lo;
                        }
                        case COMPARE_OP_INT -> {
                            long a = (Long) s[sp - 2];
                            long b = (Long) s[--sp];
                            s[sp - 1] = compare((PrimOp) co.operations[at], a, b);
                        }
                        case BINARY_OP_ADD_FLOAT -> {
                            double b = ((Number) s[--sp]).doubleValue();
                            s[sp - 1] = ((Number) s[sp - 1]).doubleValue() + b;
                        }
                        case BINARY_OP_SUBTRACT_FLOAT -> {
                            double b = ((Number) s[--sp]).doubleValue();
                            s[sp - 1] = ((Number) s[sp - 1]).doubleValue() - b;
                        }
                        case BINARY_OP_MULTIPLY_FLOAT -> {
                            double b = ((Number) s[--sp]).doubleValue();
                            s[sp - 1] = ((Number) s[sp - 1]).doubleValue() * b;
                        }
                        case BINARY_OP_ADD_UNICODE -> {
                            String b = (String) s[--sp];
                            s[sp - 1] = ((String) s[sp - 1]).concat(b);
                        }
                        case BINARY_SUBSCR_LIST_INT -> {
                            long i = (Long) s[--sp];
                            Object item = TargetRuntime.itemOrNull(s[sp - 1], i);
                            s[sp - 1] = item != null ? item : ((BinaryOperation) co.operations[at]).apply(s[sp - 1], i);
                        }
                        case BINARY_OP, COMPARE_OP, COMPARE_OP_FLOAT, COMPARE_OP_STR, CONTAINS_OP, BINARY_SUBSCR_STR_INT -> {
                            Object b = s[--sp];
                            s[sp - 1] = ((BinaryOperation) co.operations[at]).apply(s[sp - 1], b);
                        }
                        case IS_OP -> {
                            Object b = s[--sp];
                            s[sp - 1] = (s[sp - 1] == b) == (arg == 0);
                        }
                        case BINARY_SUBSCR_TUPLE_INT -> s[sp - 1] = TargetRuntime.tupleItem(s[sp - 1], arg);
                        case BINARY_SLICE, UNARY_NEGATIVE, CALL_INTRINSIC -> {
                            int n = PrimOpcodes.arity(PrimOpcodes.primitive(arg));
                            sp -= n;
                            System.arraycopy(s, sp, scratch, 0, n);
                            s[sp++] = ((Applier) co.operations[at]).apply(scratch);
                        }
                        case STORE_SUBSCR_LIST_INT -> {
                            long index = (Long) s[--sp];
                            Object list = s[--sp];
                            TargetRuntime.setItem(list, index, s[--sp], co.spans[at]);
                        }
                        case UNARY_NOT -> s[sp - 1] = !(Boolean) s[sp - 1];
                        case BUILD_LIST -> {
                            sp -= arg;
                            s[sp] = TargetRuntime.list(s, sp, arg);
                            sp++;
                        }
                        case BUILD_TUPLE -> {
                            sp -= arg;
                            s[sp] = TargetRuntime.tuple(s, sp, arg);
                            sp++;
                        }
                        case LIST_APPEND -> {
                            Object v = s[--sp];
                            TargetRuntime.append(s[sp - arg], v);
                        }
                        case UNPACK_SEQUENCE -> {
                            Object t = s[--sp];
                            for (int k = arg - 1; k >= 0; k--) {
                                s[sp++] = TargetRuntime.tupleItem(t, k);
                            }
                        }
                        case CALL_PRINT -> {
                            Object end = s[--sp];
                            Object sep = s[--sp];
                            sp -= arg;
                            runtime.print(Arrays.copyOfRange(s, sp, sp + arg), sep, end);
                            s[sp++] = TargetRuntime.NONE;
                        }
                        case MAKE_FUNCTION -> {
                            CodeObject code = (CodeObject) s[--sp];
                            s[sp - 1] = new Closure(code, s[sp - 1]);
                        }
                        case CALL -> {
                            if (depth == recursionLimit) {
                                throw new PyRuntimeError("RecursionError", "maximum recursion depth exceeded", co.spans[at]);
                            }
                            int callee = sp - arg - 1;
                            Closure fn = (Closure) s[callee];
                            if (depth + 1 >= callerCode.length) {
                                growFrames();
                            }
                            callerCode[depth] = co;
                            callerPc[depth] = pc;
                            callerBase[depth] = base;
                            depth++;
                            co = fn.code();
                            ops = co.ops;
                            args = co.args;
                            base = callee;
                            s[base] = fn.env();
                            sp = base + co.varnames.length;
                            if (sp + co.frameSize >= s.length) {
                                s = grow(sp + co.frameSize);
                            }
                            Arrays.fill(s, base + arg + 1, sp, null);
                            pc = 0;
                        }
                        case RETURN_VALUE, RETURN_CONST -> {
                            Object result = ops[at] == Opcode.RETURN_CONST ? co.consts[arg] : s[sp - 1];
                            while (handlers > 0 && handlerDepth[handlers - 1] == depth) {
                                handlers--;
                            }
                            if (depth == 0) {
                                return;
                            }
                            depth--;
                            sp = base;
                            s[sp++] = result;
                            co = callerCode[depth];
                            ops = co.ops;
                            args = co.args;
                            pc = callerPc[depth];
                            base = callerBase[depth];
                        }
                        case JUMP_FORWARD -> pc = arg;
                        case JUMP_BACKWARD -> {
                            // a loop's back edge: a stopped program (the daemon's time limit, Ctrl-C) ends here
                            if (Thread.currentThread().isInterrupted()) {
                                throw new PyRuntimeError("KeyboardInterrupt", "", Span.NONE);
                            }
                            pc = arg;
                        }
                        case POP_JUMP_IF_FALSE -> {
                            if (!(Boolean) s[--sp]) {
                                pc = arg;
                            }
                        }
                        case POP_JUMP_IF_TRUE -> {
                            if ((Boolean) s[--sp]) {
                                pc = arg;
                            }
                        }
                        case SETUP_FINALLY -> {
                            if (handlers == handlerPc.length) {
                                growHandlers();
                            }
                            handlerPc[handlers] = arg;
                            handlerSp[handlers] = sp;
                            handlerDepth[handlers] = depth;
                            handlers++;
                        }
                        case POP_BLOCK -> handlers--;
                        case RAISE_VARARGS -> throw TargetRuntime.raise(s[--sp], co.spans[at]);
                    }
                }
            } catch (PyRuntimeError e) {
                if (handlers == 0) {
                    // the traceback: each frame the error leaves, innermost first, with the call its caller was running
                    for (int d = depth - 1; d >= 0; d--) {
                        e.leaveFunction(user(co.name), callerCode[d].spans[callerPc[d] - 1]);
                        co = callerCode[d];
                    }
                    e.markTraced();
                    throw e;
                }
                // the innermost handler: back to its frame (the frames above it are left), its stack, the exception on top
                handlers--;
                if (handlerDepth[handlers] != depth) {
                    depth = handlerDepth[handlers];
                    co = callerCode[depth];
                    base = callerBase[depth];
                    ops = co.ops;
                    args = co.args;
                }
                sp = handlerSp[handlers];
                s = stack;
                s[sp++] = e;
                pc = handlerPc[handlers];
            }
        }
    }

    private void growHandlers() {
        int n = 2 * handlerPc.length;
        handlerPc = Arrays.copyOf(handlerPc, n);
        handlerSp = Arrays.copyOf(handlerSp, n);
        handlerDepth = Arrays.copyOf(handlerDepth, n);
    }

    private static Object binary(CodeObject co, int at, long a, long b) {
        return ((BinaryOperation) co.operations[at]).apply(a, b);
    }

    private static boolean compare(PrimOp op, long a, long b) {
        return switch (op) {
            case IntEq -> a == b;
            case IntNe -> a != b;
            case IntLt -> a < b;
            case IntLe -> a <= b;
            case IntGt -> a > b;
            case IntGe -> a >= b;
            default -> throw new IllegalStateException(op + " is not an int comparison");
        };
    }

    private static PyRuntimeError unbound(CodeObject co, int local, Span span) {
        return new PyRuntimeError("UnboundLocalError", "cannot access local variable '" + user(co.varnames[local])
                + "' where it is not associated with a value", span);
    }

    /** The name the user wrote: unique names are {@code x.2}, temporaries {@code tmp.1}. */
    private static String user(String name) {
        return TargetRuntime.userName(name);
    }

    /** The value stack, at least {@code size} long (growing it copies the stack). */
    private Object[] grow(int size) {
        if (size >= stack.length) {
            stack = Arrays.copyOf(stack, Math.max(size + 1, 2 * stack.length));
        }
        return stack;
    }

    private void growFrames() {
        int n = 2 * callerCode.length;
        callerCode = Arrays.copyOf(callerCode, n);
        callerPc = Arrays.copyOf(callerPc, n);
        callerBase = Arrays.copyOf(callerBase, n);
    }
}
