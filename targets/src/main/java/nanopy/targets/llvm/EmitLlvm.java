package nanopy.targets.llvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nanopy.llvm.LlvmIr;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.py.PyTyped.PrimOp;

/**
 * Emits LLVM IR text (LLVM 16, opaque pointers) for a program of basic blocks: one LLVM function per
 * NanoPy {@code Def} (calling convention {@code fastcc}, the static link first), the module's top
 * level as {@code nanopy_main}, which the C run-time library's {@code main} calls.
 *
 * <p><b>Values.</b> int {@code i64}, float {@code double}, bool {@code i1} (an {@code i64} 0/1 in a
 * heap slot or a run-time call), everything else {@code ptr} (None is {@code null}). Heap objects are
 * the run-time library's ({@code nanopy_rt.h}): every field is one 8-byte slot, read and written with
 * the static type at hand.
 *
 * <p><b>SSA.</b> Every NanoPy variable is an {@code alloca} in the entry block, read with
 * {@code load} and written with {@code store}; LLVM's {@code mem2reg} (part of {@code opt}'s O2
 * pipeline) builds the SSA form with its phi nodes.
 *
 * <p><b>Closures.</b> A closure is a heap pair (code pointer, environment): a call loads both and
 * calls the code with the environment as the first argument. A call through a global that is only
 * ever assigned one module-level function's closure calls that function directly (so LLVM can
 * inline it), still passing the closure's environment.
 *
 * <p><b>Checks.</b> {@code +}, {@code -} and {@code *} on ints use {@code llvm.s*.with.overflow};
 * division, modulo and list indexing test their operands inline; each failure branches to one cold
 * block per function and kind that calls the run-time library's error routine (CPython's exception
 * class and message, exit status 1). Every function takes the nesting depth of its caller as a
 * second parameter ({@code i64 %depth}, after the static link; the module's top level passes 0)
 * and passes its own depth plus one to its callees: past {@link #RECURSION_LIMIT} it raises
 * {@code RecursionError}. A value in a register, unlike a global counter, costs no load or store
 * and needs no restoring at each return. A {@code TailCall} passes the caller's own depth on and
 * is a {@code tail call}, which LLVM turns into a jump (a sibling call) when every argument is
 * passed in a register, so tail recursion runs in constant stack. A module with a tail call that
 * passes arguments on the stack uses the {@code tailcc} convention for all its functions instead
 * of {@code fastcc}: tail calls are then always jumps, at a price on every call (the callee pops
 * its arguments: fib ran about a third slower so).
 */
public final class EmitLlvm implements Pass<Blocks.Module, LlvmIr.Module> {
    /** Nested calls allowed; one more raises RecursionError (the PyTyped interpreter's limit). */
    public static final int RECURSION_LIMIT = 200_000;

    private final StringBuilder constants = new StringBuilder();
    private final Map<String, String> strings = new LinkedHashMap<>();
    private final Map<String, String> descriptors = new LinkedHashMap<>();
    private final Map<String, Blocks.Def> defs = new HashMap<>();
    /** The calling convention of every NanoPy function of the module: fastcc, or tailcc (see the class comment). */
    private String cc = "fastcc";
    /** Globals only ever assigned the closure of one Def (with the Def's name). */
    private final Map<String, String> knownGlobals = new HashMap<>();

    @Override
    public String description() {
        return "emit LLVM IR text: one function per Def, allocas for variables (mem2reg makes SSA), overflow intrinsics, run-time calls";
    }

    @Override
    public LlvmIr.Module apply(Blocks.Module program, PassContext ctx) {
        nanopy.passes.lir.Stage2Constructs.reject(program, ctx, "llvm");
        program.defs().forEach(d -> defs.put(d.name(), d));
        findKnownGlobals(program);
        cc = program.defs().exists(d -> d.blocks().exists(b -> b.tail() instanceof Blocks.TailCall c && !fitsRegisters(c.args())))
                ? "tailcc" : "fastcc";
        StringBuilder out = new StringBuilder();
        out.append("; NanoPy program compiled by nanopy's emit-llvm (LLVM 16, opaque pointers)\n");
        out.append("target triple = \"x86_64-pc-linux-gnu\"\n\n");
        for (Closed.Local g : program.globals()) {
            out.append(global(g.name())).append(" = internal global ").append(type(g.type())).append(' ')
                    .append(zero(g.type())).append('\n');
        }
        StringBuilder fns = new StringBuilder();
        for (Blocks.Def d : program.defs()) {
            fns.append('\n').append(new FunctionEmitter(d.name(), d.params(), d.locals(), d.result(), d.blocks(), false).emit());
        }
        fns.append('\n').append(new FunctionEmitter("nanopy_main", io.vavr.collection.List.empty(), program.locals(),
                new Closed.NoneType(nanopy.ir.Span.NONE), program.body(), true).emit());
        out.append(constants).append(fns).append('\n').append(DECLARATIONS);
        return new LlvmIr.Module(out.toString(), program.span());
    }

    /** Metadata of loads and stores of object headers and of 8-byte slots (TBAA access tags). */
    private static final String HEADER = ", !tbaa !4";
    private static final String SLOT = ", !tbaa !5";

    private static final String DECLARATIONS = """
            ; the C run-time library (nanopy_rt.h)
            declare void @nanopy_rt_raise(ptr) noreturn cold
            declare void @nanopy_rt_overflow() noreturn cold
            declare void @nanopy_rt_zero_div(i64) noreturn cold
            declare void @nanopy_rt_index_error(i64) noreturn cold
            declare void @nanopy_rt_recursion_error() noreturn cold
            declare ptr @nanopy_rt_alloc(i64)
            declare ptr @nanopy_rt_list_new(i64, i64)
            declare void @nanopy_rt_list_grow(ptr)
            declare ptr @nanopy_rt_tuple_new(i64)
            declare void @nanopy_rt_write_str(ptr)
            declare void @nanopy_rt_write_int(i64)
            declare void @nanopy_rt_write_float(double)
            declare void @nanopy_rt_write_bool(i64)
            declare void @nanopy_rt_write_value(i64, ptr)
            declare i64 @nanopy_rt_int_pow(i64, i64)
            declare double @nanopy_rt_int_truediv(i64, i64)
            declare i64 @nanopy_rt_cmp_int_float(i64, double)
            declare double @nanopy_rt_float_floordiv(double, double)
            declare double @nanopy_rt_float_mod(double, double)
            declare double @nanopy_rt_float_pow(double, double)
            declare i64 @nanopy_rt_float_to_int(double)
            declare ptr @nanopy_rt_str_concat(ptr, ptr)
            declare ptr @nanopy_rt_str_repeat(ptr, i64)
            declare ptr @nanopy_rt_str_index(ptr, i64)
            declare ptr @nanopy_rt_str_slice(ptr, i64, i64, i64, i64)
            declare i64 @nanopy_rt_str_cmp(ptr, ptr)
            declare i64 @nanopy_rt_str_eq(ptr, ptr)
            declare i64 @nanopy_rt_str_in(ptr, ptr)
            declare ptr @nanopy_rt_str_join(ptr, ptr)
            declare ptr @nanopy_rt_str_split(ptr)
            declare ptr @nanopy_rt_str_split_sep(ptr, ptr)
            declare ptr @nanopy_rt_str_strip(ptr)
            declare i64 @nanopy_rt_str_to_int(ptr)
            declare double @nanopy_rt_str_to_float(ptr)
            declare i64 @nanopy_rt_ord(ptr)
            declare ptr @nanopy_rt_chr(i64)
            declare ptr @nanopy_rt_to_str(i64, ptr)
            declare ptr @nanopy_rt_input(ptr)
            declare i64 @nanopy_rt_input_int()
            declare void @nanopy_rt_list_append(ptr, i64)
            declare i64 @nanopy_rt_list_pop(ptr, i64)
            declare ptr @nanopy_rt_list_concat(ptr, ptr)
            declare ptr @nanopy_rt_list_repeat(ptr, i64)
            declare ptr @nanopy_rt_list_extend(ptr, ptr)
            declare ptr @nanopy_rt_list_slice(ptr, i64, i64, i64, i64)
            declare i64 @nanopy_rt_list_in(i64, ptr, ptr)
            declare i64 @nanopy_rt_value_eq(i64, i64, ptr)
            declare { i64, i1 } @llvm.sadd.with.overflow.i64(i64, i64)
            declare { i64, i1 } @llvm.ssub.with.overflow.i64(i64, i64)
            declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64)
            declare double @llvm.fabs.f64(double)
            declare double @llvm.sqrt.f64(double)

            ; error branches are cold
            !0 = !{!"branch_weights", i32 1, i32 100000}
            ; type-based alias analysis: object headers (lengths, capacities, item arrays) are never
            ; 8-byte slots (items, tuple fields, record slots, closure fields), so a store to a slot
            ; does not change a header and loads of lengths can leave loops
            !1 = !{!"nanopy"}
            !2 = !{!"header", !1, i64 0}
            !3 = !{!"slot", !1, i64 0}
            !4 = !{!2, !2, i64 0}
            !5 = !{!3, !3, i64 0}
            """;

    // ---- which globals always hold one function's closure ----------------------------------

    private void findKnownGlobals(Blocks.Module program) {
        Map<String, Integer> stores = new HashMap<>();
        List<io.vavr.collection.List<Blocks.Block>> bodies = new ArrayList<>();
        bodies.add(program.body());
        program.defs().forEach(d -> bodies.add(d.blocks()));
        for (io.vavr.collection.List<Blocks.Block> body : bodies) {
            for (Blocks.Block b : body) {
                for (Blocks.Stmt s : b.body()) {
                    if (s instanceof Blocks.Assign a && a.target() instanceof Blocks.GlobalTarget g) {
                        stores.merge(g.name(), 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, String> closureOf = new HashMap<>();
        Map<String, Integer> assigned = new HashMap<>();
        for (Blocks.Block b : program.body()) {
            for (Blocks.Stmt s : b.body()) {
                if (s instanceof Blocks.Assign a && a.target() instanceof Blocks.VarTarget v) {
                    assigned.merge(v.name(), 1, Integer::sum);
                    if (a.value() instanceof Blocks.AllocateClosure c) {
                        closureOf.put(v.name(), c.code());
                    }
                }
            }
        }
        for (Blocks.Block b : program.body()) {
            for (Blocks.Stmt s : b.body()) {
                if (s instanceof Blocks.Assign a && a.target() instanceof Blocks.GlobalTarget g && a.value() instanceof Blocks.Var v
                        && stores.get(g.name()) == 1 && assigned.getOrDefault(v.name(), 0) == 1 && closureOf.containsKey(v.name())) {
                    knownGlobals.put(g.name(), closureOf.get(v.name()));
                }
            }
        }
    }

    // ---- names, types, constants ----------------------------------------------------------

    private static String global(String name) {
        return "@\"g:" + name + "\"";
    }

    private static String function(String name) {
        return "@\"f:" + name + "\"";
    }

    private static String local(String name) {
        return "%\"v:" + name + "\"";
    }

    /** The LLVM type of a value of NanoPy type {@code t}. */
    static String type(Closed.Type t) {
        return switch (t) {
            case Closed.IntType i -> "i64";
            case Closed.FloatType f -> "double";
            case Closed.BoolType b -> "i1";
            default -> "ptr";
        };
    }

    /** The LLVM type of {@code t} in an 8-byte heap slot (bools widen to i64). */
    private static String slotType(Closed.Type t) {
        return t instanceof Closed.BoolType ? "i64" : type(t);
    }

    /** NpList's item kind for a list of type {@code t}: 2 bytes (bools), 1 unscanned words (ints, floats), 0 values. */
    private static int listKind(Closed.Type t) {
        if (t instanceof Closed.ListType l) {
            return l.elem() instanceof Closed.BoolType ? 2 : isScalar(l.elem()) ? 1 : 0;
        }
        return 0;
    }

    /** Whether values of {@code t} hold no pointers (a list of them is not scanned by the collector). */
    private static boolean isScalar(Closed.Type t) {
        return t instanceof Closed.IntType || t instanceof Closed.FloatType || t instanceof Closed.BoolType;
    }

    private static String zero(Closed.Type t) {
        return switch (type(t)) {
            case "i64" -> "0";
            case "double" -> "0.0";
            case "i1" -> "false";
            default -> "null";
        };
    }

    /** The run-time library's type descriptor of {@code t} (nanopy_rt.h). */
    static String descriptor(Closed.Type t) {
        return switch (t) {
            case Closed.IntType i -> "i";
            case Closed.FloatType f -> "f";
            case Closed.BoolType b -> "b";
            case Closed.StrType s -> "s";
            case Closed.NoneType n -> "n";
            case Closed.ListType l -> "L" + descriptor(l.elem());
            case Closed.TupleType tu -> {
                StringBuilder sb = new StringBuilder("T");
                tu.elems().forEach(e -> sb.append(descriptor(e)));
                yield sb.append(')').toString();
            }
            case Closed.FunType f -> "c";
            default -> "r";
        };
    }

    private String strConstant(String value) {
        return strings.computeIfAbsent(value, v -> {
            String name = "@str." + strings.size();
            int[] cps = v.codePoints().toArray();
            StringBuilder sb = new StringBuilder();
            sb.append(name).append(" = private unnamed_addr constant { i64, [").append(cps.length).append(" x i32] } { i64 ")
                    .append(cps.length).append(", [").append(cps.length).append(" x i32] ");
            if (cps.length == 0) {
                sb.append("zeroinitializer");
            } else {
                sb.append('[');
                for (int i = 0; i < cps.length; i++) {
                    sb.append(i == 0 ? "" : ", ").append("i32 ").append(cps[i]);
                }
                sb.append(']');
            }
            sb.append(" }, align 8");
            constants.append(sb).append("   ; ").append(comment(v)).append('\n');
            return name;
        });
    }

    private static String comment(String v) {
        StringBuilder sb = new StringBuilder();
        v.codePoints().limit(40).forEach(c -> sb.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : String.format("\\u{%x}", c)));
        return sb.toString();
    }

    private String descConstant(Closed.Type t) {
        String d = descriptor(t);
        return descriptors.computeIfAbsent(d, v -> {
            String name = "@desc." + descriptors.size();
            constants.append(name).append(" = private unnamed_addr constant [").append(v.length() + 1).append(" x i8] c\"")
                    .append(v).append("\\00\"\n");
            return name;
        });
    }

    /**
     * Whether a call with these arguments (after the static link and the depth) passes them all in
     * registers (6 integer, 8 floating-point on x86-64), so that LLVM turns the call into a jump when
     * it is in tail position (a sibling call) without a special calling convention.
     */
    private static boolean fitsRegisters(io.vavr.collection.List<Blocks.Atom> args) {
        int fp = args.count(a -> typeOf(a) instanceof Closed.FloatType);
        return args.size() - fp + 2 <= 6 && fp <= 8;
    }

    private static Closed.Type typeOf(Blocks.Atom a) {
        nanopy.ir.Span s = nanopy.ir.Span.NONE;
        return switch (a) {
            case Blocks.IntLit i -> new Closed.IntType(s);
            case Blocks.FloatLit f -> new Closed.FloatType(s);
            case Blocks.BoolLit b -> new Closed.BoolType(s);
            case Blocks.StrLit x -> new Closed.StrType(s);
            case Blocks.NoneLit n -> new Closed.NoneType(s);
            case Blocks.Var v -> v.type();
        };
    }

    /** A value: its LLVM type and how an instruction refers to it (a constant or a %register). */
    record Val(String ty, String ref) {
        @Override
        public String toString() {
            return ty + " " + ref;
        }
    }

    /** Emits one function; registers and labels are numbered per function. */
    private final class FunctionEmitter {
        private final String name;
        private final io.vavr.collection.List<Closed.Local> params;
        private final io.vavr.collection.List<Closed.Local> locals;
        private final Closed.Type result;
        private final io.vavr.collection.List<Blocks.Block> blocks;
        private final boolean main;
        private final StringBuilder code = new StringBuilder();
        private final Map<String, String> errorBlocks = new LinkedHashMap<>();
        /** Variables assigned once, from a global that holds a known Def's closure. */
        private final Map<String, String> knownVars = new HashMap<>();
        private int next;

        FunctionEmitter(String name, io.vavr.collection.List<Closed.Local> params, io.vavr.collection.List<Closed.Local> locals,
                Closed.Type result, io.vavr.collection.List<Blocks.Block> blocks, boolean main) {
            this.name = name;
            this.params = params;
            this.locals = locals;
            this.result = result;
            this.blocks = blocks;
            this.main = main;
        }

        private String tmp() {
            return "%t" + next++;
        }

        private String label(String hint) {
            return hint + "." + next++;
        }

        private void line(String s) {
            code.append("  ").append(s).append('\n');
        }

        private String assign(String rhs) {
            String r = tmp();
            line(r + " = " + rhs);
            return r;
        }

        private void startBlock(String label) {
            code.append(label).append(":\n");
        }

        String emit() {
            Map<String, Integer> assigned = new HashMap<>();
            Map<String, String> fromGlobal = new HashMap<>();
            for (Blocks.Block b : blocks) {
                for (Blocks.Stmt s : b.body()) {
                    if (s instanceof Blocks.Assign a && a.target() instanceof Blocks.VarTarget v) {
                        assigned.merge(v.name(), 1, Integer::sum);
                        if (a.value() instanceof Blocks.GlobalVar g && knownGlobals.containsKey(g.name())) {
                            fromGlobal.put(v.name(), knownGlobals.get(g.name()));
                        }
                    }
                }
            }
            fromGlobal.forEach((v, def) -> {
                if (assigned.get(v) == 1) {
                    knownVars.put(v, def);
                }
            });
            StringBuilder head = new StringBuilder();
            if (main) {
                head.append("define void @nanopy_main() {\n");
            } else {
                head.append("define internal ").append(cc).append(' ').append(type(result)).append(' ').append(function(name)).append('(');
                for (int i = 0; i < params.size(); i++) {
                    head.append(i == 0 ? "" : ", ").append(type(params.get(i).type())).append(" %p").append(i);
                    if (i == 0) {
                        head.append(", i64 %depth");
                    }
                }
                head.append(") {\n");
            }
            startBlock("entry");
            for (Closed.Local l : params.appendAll(locals)) {
                line(local(l.name()) + " = alloca " + type(l.type()) + ", align 8");
            }
            for (int i = 0; i < params.size(); i++) {
                line("store " + type(params.get(i).type()) + " %p" + i + ", ptr " + local(params.get(i).name()));
            }
            if (!main) {
                line("%depth1 = add i64 %depth, 1");
                line("%deep = icmp sgt i64 %depth1, " + RECURSION_LIMIT);
                line("br i1 %deep, label %" + errorBlock("recursion", "call void @nanopy_rt_recursion_error()") + ", label %\"b:"
                        + blocks.head().label() + "\"");
            } else {
                line("br label %\"b:" + blocks.head().label() + "\"");
            }
            for (Blocks.Block b : blocks) {
                startBlock("\"b:" + b.label() + "\"");
                b.body().forEach(this::stmt);
                tail(b.tail());
            }
            errorBlocks.forEach((label, call) -> {
                startBlock(label);
                line(call);
                line("unreachable");
            });
            return head.append(code).append("}\n").toString();
        }

        /** The label of this function's block that calls the error routine {@code call}. */
        private String errorBlock(String kind, String call) {
            for (Map.Entry<String, String> e : errorBlocks.entrySet()) {
                if (e.getValue().equals(call)) {
                    return e.getKey();
                }
            }
            String l = "error." + kind + errorBlocks.size();
            errorBlocks.put(l, call);
            return l;
        }

        /** Branches to the error block of {@code call} when {@code cond} holds, else continues. */
        private void check(String cond, String kind, String call) {
            String ok = label("ok");
            line("br i1 " + cond + ", label %" + errorBlock(kind, call) + ", label %" + ok + ", !prof !0");
            startBlock(ok);
        }

        private void noReturn(String call) {
            line(call);
            line("unreachable");
            startBlock(label("dead"));
        }

        // ---- statements and control -------------------------------------------------------

        private void stmt(Blocks.Stmt s) {
            switch (s) {
                case Blocks.Assign a -> {
                    switch (a.target()) {
                        case Blocks.VarTarget v -> {
                            Val x = expr(a.value(), v.type());
                            line("store " + x + ", ptr " + local(v.name()));
                        }
                        case Blocks.GlobalTarget g -> {
                            Val x = expr(a.value(), g.type());
                            line("store " + x + ", ptr " + global(g.name()));
                        }
                        case Blocks.ItemTarget t -> {
                            Val x = expr(a.value(), t.type());
                            storeItem(x, t.type(), listSlot(atom(t.list()), atom(t.index()), 1, t.type()));
                        }
                        case Blocks.RecordTarget t -> {
                            Val x = expr(a.value(), t.type());
                            String rec = walk(atom(t.env()), t.hops());
                            String p = assign("getelementptr i64, ptr " + rec + ", i64 " + t.slot());
                            line("store " + toSlot(x, t.type()) + ", ptr " + p + SLOT);
                        }
                        default -> throw new IllegalStateException("emit-llvm: unexpected target " + a.target());
                    }
                }
                case Blocks.Init i -> {
                    Closed.Type t = typeOf(i.object());
                    Val obj = atom(i.object());
                    Val v = atom(i.value());
                    String p = switch (t) {
                        case Closed.ListType l -> {
                            String items = assign("load ptr, ptr " + field(obj.ref(), 2) + HEADER);
                            String item = assign("getelementptr " + itemType(l.elem()) + ", ptr " + items + ", i64 " + i.index());
                            storeItem(v, l.elem(), item);
                            yield null;
                        }
                        case Closed.TupleType tu -> field(obj.ref(), i.index() + 1);
                        case Closed.FunType f -> field(obj.ref(), 1);
                        default -> field(obj.ref(), i.index());
                    };
                    if (p != null) {
                        line("store " + toSlot(v, typeOf(i.value())) + ", ptr " + p + SLOT);
                    }
                }
                case Blocks.ExprStmt e -> expr(e.value(), null);
                case Blocks.Catch c -> throw new IllegalStateException("try/except reached emit-llvm (Stage2Constructs rejects it) at " + c.span());
            }
        }

        private void tail(Blocks.Tail t) {
            switch (t) {
                case Blocks.Raise r -> throw new IllegalStateException("raise reached emit-llvm (Stage2Constructs rejects it) at " + r.span());
                case Blocks.Goto g -> line("br label %\"b:" + g.label() + "\"");
                case Blocks.Branch b -> {
                    Val c = expr(b.test(), new Closed.BoolType(nanopy.ir.Span.NONE));
                    line("br i1 " + c.ref() + ", label %\"b:" + b.then() + "\", label %\"b:" + b.orelse() + "\"");
                }
                case Blocks.Return r -> {
                    Val v = atom(r.value());
                    if (main) {
                        line("ret void");
                    } else {
                        line("ret " + coerce(v, result));
                    }
                }
                case Blocks.TailCall c -> {
                    if (main) {
                        call(c.fn(), c.args(), c.type(), false);
                        line("ret void");
                    } else {
                        Val v = call(c.fn(), c.args(), c.type(), true);
                        line("ret " + coerce(v, result));
                    }
                }
            }
        }

        /** {@code v} as a value of type {@code t} (None-typed values are all null pointers). */
        private Val coerce(Val v, Closed.Type t) {
            return v.ty().equals(type(t)) ? v : new Val(type(t), zero(t));
        }

        // ---- expressions ------------------------------------------------------------------

        private Val atom(Blocks.Atom a) {
            return switch (a) {
                case Blocks.IntLit i -> new Val("i64", Long.toString(i.value()));
                case Blocks.FloatLit f -> new Val("double", String.format("0x%016X", Double.doubleToRawLongBits(f.value())));
                case Blocks.BoolLit b -> new Val("i1", b.value() ? "true" : "false");
                case Blocks.StrLit s -> new Val("ptr", strConstant(s.value()));
                case Blocks.NoneLit n -> new Val("ptr", "null");
                case Blocks.Var v -> new Val(type(v.type()), assign("load " + type(v.type()) + ", ptr " + local(v.name())));
            };
        }

        /** Address of 8-byte field {@code index} of the object at {@code ptr}. */
        private String field(String ptr, int index) {
            return index == 0 ? ptr : assign("getelementptr i64, ptr " + ptr + ", i64 " + index);
        }

        private Val load(String ptr, Closed.Type t) {
            String r = assign("load " + slotType(t) + ", ptr " + ptr + SLOT);
            return fromSlot(new Val(slotType(t), r), t);
        }

        private Val fromSlot(Val v, Closed.Type t) {
            return t instanceof Closed.BoolType ? new Val("i1", assign("trunc i64 " + v.ref() + " to i1")) : v;
        }

        /**
         * The LLVM type of a list item of type {@code elem}: bools are one byte (NpList's
         * LIST_BYTES), other values an 8-byte slot.
         */
        private static String itemType(Closed.Type elem) {
            return elem instanceof Closed.BoolType ? "i8" : slotType(elem);
        }

        private Val loadItem(String ptr, Closed.Type elem) {
            if (!(elem instanceof Closed.BoolType)) {
                return load(ptr, elem);
            }
            String r = assign("load i8, ptr " + ptr + SLOT);
            return new Val("i1", assign("trunc i8 " + r + " to i1"));
        }

        private void storeItem(Val v, Closed.Type elem, String ptr) {
            if (elem instanceof Closed.BoolType) {
                String b = v.ty().equals("i1") ? assign("zext i1 " + v.ref() + " to i8") : assign("trunc " + v + " to i8");
                line("store i8 " + b + ", ptr " + ptr + SLOT);
            } else {
                line("store " + toSlot(v, elem) + ", ptr " + ptr + SLOT);
            }
        }

        private Val toSlot(Val v, Closed.Type t) {
            return t instanceof Closed.BoolType && v.ty().equals("i1") ? new Val("i64", assign("zext i1 " + v.ref() + " to i64")) : v;
        }

        /** The 64 bits of a value, for run-time routines that take any value. */
        private String bits(Val v) {
            return switch (v.ty()) {
                case "i64" -> v.ref();
                case "i1" -> assign("zext i1 " + v.ref() + " to i64");
                case "double" -> assign("bitcast double " + v.ref() + " to i64");
                default -> assign("ptrtoint ptr " + v.ref() + " to i64");
            };
        }

        private Val fromBits(String bits, Closed.Type t) {
            return switch (type(t)) {
                case "i64" -> new Val("i64", bits);
                case "i1" -> new Val("i1", assign("icmp ne i64 " + bits + ", 0"));
                case "double" -> new Val("double", assign("bitcast i64 " + bits + " to double"));
                default -> new Val("ptr", assign("inttoptr i64 " + bits + " to ptr"));
            };
        }

        private String walk(Val env, int hops) {
            String r = env.ref();
            for (int i = 0; i < hops; i++) {
                r = assign("load ptr, ptr " + r + SLOT);
            }
            return r;
        }

        /**
         * The address of element {@code index} of {@code list}, after Python's negative-index
         * adjustment and the bounds check (IndexError message {@code which}: 0 read, 1 assignment).
         */
        private String listSlot(Val list, Val index, int which, Closed.Type elem) {
            String len = assign("load i64, ptr " + list.ref() + HEADER);
            String neg = assign("icmp slt i64 " + index.ref() + ", 0");
            String wrapped = assign("add i64 " + index.ref() + ", " + len);
            String k = assign("select i1 " + neg + ", i64 " + wrapped + ", i64 " + index.ref());
            String out = assign("icmp uge i64 " + k + ", " + len);
            check(out, "index", "call void @nanopy_rt_index_error(i64 " + which + ")");
            String items = assign("load ptr, ptr " + field(list.ref(), 2) + HEADER);
            return assign("getelementptr " + itemType(elem) + ", ptr " + items + ", i64 " + k);
        }

        /** Evaluates {@code e}; {@code want} is the type the context needs (null: any, value unused). */
        private Val expr(Blocks.Expr e, Closed.Type want) {
            return switch (e) {
                case Blocks.Atom a -> atom(a);
                case Blocks.Prim p -> prim(p, want);
                case Blocks.Call c -> call(c.fn(), c.args(), c.type(), false);
                case Blocks.Print p -> print(p);
                case Blocks.TupleGet t -> load(field(atom(t.tuple()).ref(), t.index() + 1), t.type());
                case Blocks.RecordGet r -> load(field(walk(atom(r.env()), r.hops()), r.slot()), r.type());
                case Blocks.GlobalVar g -> new Val(type(g.type()), assign("load " + type(g.type()) + ", ptr " + global(g.name())));
                case Blocks.Allocate a -> new Val("ptr", switch (a.kind()) {
                    case ListObj -> assign("call ptr @nanopy_rt_list_new(i64 " + a.size() + ", i64 " + listKind(a.type()) + ")");
                    case TupleObj -> assign("call ptr @nanopy_rt_tuple_new(i64 " + a.size() + ")");
                    case RecordObj -> assign("call ptr @nanopy_rt_alloc(i64 " + 8L * a.size() + ")");
                });
                case Blocks.AllocateClosure c -> {
                    String p = assign("call ptr @nanopy_rt_alloc(i64 16)");
                    line("store ptr " + function(c.code()) + ", ptr " + p + SLOT);
                    yield new Val("ptr", p);
                }
                default -> throw new IllegalStateException("emit-llvm: unexpected expression " + e);
            };
        }

        private Val call(Blocks.Atom fn, io.vavr.collection.List<Blocks.Atom> args, Closed.Type type, boolean tail) {
            Val clo = atom(fn);
            String env = assign("load ptr, ptr " + field(clo.ref(), 1) + SLOT);
            String target;
            if (fn instanceof Blocks.Var v && knownVars.containsKey(v.name())) {
                target = function(knownVars.get(v.name()));
            } else {
                target = assign("load ptr, ptr " + clo.ref() + SLOT);
            }
            StringBuilder sb = new StringBuilder("ptr " + env + ", i64 " + (main ? "0" : tail ? "%depth" : "%depth1"));
            for (Blocks.Atom a : args) {
                sb.append(", ").append(atom(a));
            }
            String rt = type(type);
            if (tail) {
                return new Val(rt, assign("tail call " + cc + " " + rt + " " + target + "(" + sb + ")"));
            }
            return new Val(rt, assign("call " + cc + " " + rt + " " + target + "(" + sb + ")"));
        }

        private Val print(Blocks.Print p) {
            Val sep = p.sep() instanceof Blocks.NoneLit ? new Val("ptr", strConstant(" ")) : atom(p.sep());
            Val end = p.end() instanceof Blocks.NoneLit ? new Val("ptr", strConstant("\n")) : atom(p.end());
            for (int i = 0; i < p.args().size(); i++) {
                if (i > 0) {
                    line("call void @nanopy_rt_write_str(" + sep + ")");
                }
                Blocks.Atom a = p.args().get(i);
                Val v = atom(a);
                switch (typeOf(a)) {
                    case Closed.IntType t -> line("call void @nanopy_rt_write_int(" + v + ")");
                    case Closed.FloatType t -> line("call void @nanopy_rt_write_float(" + v + ")");
                    case Closed.BoolType t -> line("call void @nanopy_rt_write_bool(i64 " + bits(v) + ")");
                    case Closed.StrType t -> line("call void @nanopy_rt_write_str(" + v + ")");
                    default -> line("call void @nanopy_rt_write_value(i64 " + bits(v) + ", ptr " + descConstant(typeOf(a)) + ")");
                }
            }
            line("call void @nanopy_rt_write_str(" + end + ")");
            return new Val("ptr", "null");
        }

        private Val rt(String ty, String routine, String args) {
            return new Val(ty, assign("call " + ty + " @nanopy_rt_" + routine + "(" + args + ")"));
        }

        private Val rtBool(String routine, String args, boolean negate) {
            String r = assign("call i64 @nanopy_rt_" + routine + "(" + args + ")");
            return new Val("i1", assign("icmp " + (negate ? "eq" : "ne") + " i64 " + r + ", 0"));
        }

        /** {@code v} as a double (an int operand of a float primitive is converted). */
        private Val dbl(Val v) {
            return v.ty().equals("i64") ? new Val("double", assign("sitofp i64 " + v.ref() + " to double")) : v;
        }

        private Val overflowing(String op, Val a, Val b) {
            String r = assign("call { i64, i1 } @llvm." + op + ".with.overflow.i64(" + a + ", " + b + ")");
            String v = assign("extractvalue { i64, i1 } " + r + ", 0");
            String o = assign("extractvalue { i64, i1 } " + r + ", 1");
            check(o, "overflow", "call void @nanopy_rt_overflow()");
            return new Val("i64", v);
        }

        /** Optional slice bound: (has, value). */
        private String bound(Blocks.Atom a) {
            if (a instanceof Blocks.NoneLit) {
                return "i64 0, i64 0";
            }
            return "i64 1, " + atom(a);
        }

        private Val prim(Blocks.Prim p, Closed.Type want) {
            PrimOp op = p.op();
            io.vavr.collection.List<Blocks.Atom> as = p.args();
            if (op == PrimOp.StrSlice || op == PrimOp.ListSlice) {
                Val s = atom(as.get(0));
                String lo = bound(as.get(1));
                String hi = bound(as.get(2));
                return rt("ptr", op == PrimOp.StrSlice ? "str_slice" : "list_slice", s + ", " + lo + ", " + hi);
            }
            if (op == PrimOp.FloatPow && as.get(1) instanceof Blocks.FloatLit f && f.value() == 0.5) {
                return sqrt(dbl(atom(as.get(0))));
            }
            List<Val> v = new ArrayList<>();
            as.forEach(a -> v.add(atom(a)));
            Val a = v.isEmpty() ? null : v.get(0);
            Val b = v.size() < 2 ? null : v.get(1);
            return switch (op) {
                case IntAdd -> overflowing("sadd", a, b);
                case IntSub -> overflowing("ssub", a, b);
                case IntMul -> overflowing("smul", a, b);
                case IntNeg -> overflowing("ssub", new Val("i64", "0"), a);
                case IntAbs -> {
                    Val n = overflowing("ssub", new Val("i64", "0"), a);
                    String neg = assign("icmp slt " + a + ", 0");
                    yield new Val("i64", assign("select i1 " + neg + ", " + n + ", " + a));
                }
                case IntFloorDiv -> powerOfTwo(as.get(1)) > 0
                        ? new Val("i64", assign("ashr " + a + ", " + powerOfTwo(as.get(1)))) : floorDiv(a, b);
                case IntMod -> powerOfTwo(as.get(1)) > 0
                        ? new Val("i64", assign("and " + a + ", " + (((Blocks.IntLit) as.get(1)).value() - 1))) : mod(a, b);
                case IntPow -> rt("i64", "int_pow", a + ", " + b);
                case IntMin, IntMax -> {
                    String c = assign("icmp " + (op == PrimOp.IntMin ? "slt " : "sgt ") + b + ", " + a.ref());
                    yield new Val("i64", assign("select i1 " + c + ", " + b + ", " + a));
                }
                case IntTrueDiv -> rt("double", "int_truediv", a + ", " + b);
                case IntToFloat -> new Val("double", assign("sitofp " + a + " to double"));
                case FloatAdd -> fop("fadd", a, b);
                case FloatSub -> fop("fsub", a, b);
                case FloatMul -> fop("fmul", a, b);
                case FloatDiv -> {
                    Val x = dbl(a);
                    Val y = dbl(b);
                    String z = assign("fcmp oeq " + y + ", 0.0");
                    check(z, "zerodiv", "call void @nanopy_rt_zero_div(i64 3)");
                    yield new Val("double", assign("fdiv " + x + ", " + y.ref()));
                }
                case FloatFloorDiv -> rt("double", "float_floordiv", dbl(a) + ", " + dbl(b));
                case FloatMod -> rt("double", "float_mod", dbl(a) + ", " + dbl(b));
                case FloatPow -> rt("double", "float_pow", dbl(a) + ", " + dbl(b));
                case FloatNeg -> new Val("double", assign("fneg " + dbl(a)));
                case FloatAbs -> new Val("double", assign("call double @llvm.fabs.f64(" + dbl(a) + ")"));
                case FloatMin, FloatMax -> {
                    Val x = dbl(a);
                    Val y = dbl(b);
                    String c = assign("fcmp " + (op == PrimOp.FloatMin ? "olt " : "ogt ") + y + ", " + x.ref());
                    yield new Val("double", assign("select i1 " + c + ", " + y + ", " + x));
                }
                case FloatToInt -> rt("i64", "float_to_int", dbl(a).toString());
                case IntEq -> cmp("icmp eq", a, b);
                case IntNe -> cmp("icmp ne", a, b);
                case IntLt -> cmp("icmp slt", a, b);
                case IntLe -> cmp("icmp sle", a, b);
                case IntGt -> cmp("icmp sgt", a, b);
                case IntGe -> cmp("icmp sge", a, b);
                case FloatEq, FloatNe, FloatLt, FloatLe, FloatGt, FloatGe -> floatCmp(op, a, b);
                case StrEq -> rtBool("str_eq", a + ", " + b, false);
                case StrNe -> rtBool("str_eq", a + ", " + b, true);
                case StrLt, StrLe, StrGt, StrGe -> {
                    String c = assign("call i64 @nanopy_rt_str_cmp(" + a + ", " + b + ")");
                    String pred = switch (op) {
                        case StrLt -> "slt";
                        case StrLe -> "sle";
                        case StrGt -> "sgt";
                        default -> "sge";
                    };
                    yield new Val("i1", assign("icmp " + pred + " i64 " + c + ", 0"));
                }
                case BoolEq -> cmp("icmp eq", a, b);
                case BoolNe -> cmp("icmp ne", a, b);
                case ValueEq, ValueNe -> rtBool("value_eq", "i64 " + bits(a) + ", i64 " + bits(b) + ", ptr " + descConstant(typeOf(as.get(0))),
                        op == PrimOp.ValueNe);
                case Is, IsNot -> new Val("i1", assign("icmp " + (op == PrimOp.Is ? "eq" : "ne") + " i64 " + bits(a) + ", " + bits(b)));
                case Not -> new Val("i1", assign("xor " + a + ", true"));
                case Truthy -> truthy(a, typeOf(as.get(0)));
                case StrConcat -> rt("ptr", "str_concat", a + ", " + b);
                case StrRepeat -> rt("ptr", "str_repeat", a + ", " + b);
                case StrIndex -> rt("ptr", "str_index", a + ", " + b);
                case StrLen, ListLen, TupleLen -> new Val("i64", assign("load i64, ptr " + a.ref() + HEADER));
                case StrIn -> rtBool("str_in", a + ", " + b, false);
                case StrNotIn -> rtBool("str_in", a + ", " + b, true);
                case StrJoin -> rt("ptr", "str_join", a + ", " + b);
                case StrSplit -> rt("ptr", "str_split", a.toString());
                case StrSplitSep -> rt("ptr", "str_split_sep", a + ", " + b);
                case StrStrip -> rt("ptr", "str_strip", a.toString());
                case StrToInt -> rt("i64", "str_to_int", a.toString());
                case StrToFloat -> rt("double", "str_to_float", a.toString());
                case Ord -> rt("i64", "ord", a.toString());
                case Chr -> rt("ptr", "chr", a.toString());
                case ToStr -> typeOf(as.get(0)) instanceof Closed.StrType ? a
                        : rt("ptr", "to_str", "i64 " + bits(a) + ", ptr " + descConstant(typeOf(as.get(0))));
                case ListIndex -> loadItem(listSlot(a, b, 0, p.type()), p.type());
                case ListConcat -> rt("ptr", "list_concat", a + ", " + b);
                case ListRepeat -> rt("ptr", "list_repeat", a + ", " + b);
                case ListExtend -> rt("ptr", "list_extend", a + ", " + b);
                case ListAppend -> append(a, b, ((Closed.ListType) typeOf(as.get(0))).elem());
                case ListPop -> fromBits(assign("call i64 @nanopy_rt_list_pop(" + a + ", i64 -1)"), p.type());
                case ListPopAt -> fromBits(assign("call i64 @nanopy_rt_list_pop(" + a + ", " + b + ")"), p.type());
                case ListIn, ListNotIn -> rtBool("list_in", "i64 " + bits(a) + ", " + b + ", ptr "
                        + descConstant(((Closed.ListType) typeOf(as.get(1))).elem()), op == PrimOp.ListNotIn);
                case Input -> rt("ptr", "input", a == null ? "ptr null" : a.toString());
                case InputInt -> rt("i64", "input_int", "");
                case Raise -> {
                    noReturn("call void @nanopy_rt_raise(" + a + ")");
                    Closed.Type t = want != null ? want : p.type();
                    yield new Val(type(t), type(t).equals("ptr") ? "null" : "poison");
                }
                default -> throw new IllegalStateException("emit-llvm: unexpected primitive " + op);
            };
        }

        /**
         * A float comparison; with one int operand, the exact comparison of the run-time library
         * ({@code nanopy_rt_cmp_int_float}: -1, 0, 1, or 2 for NaN), as CPython compares.
         */
        private Val floatCmp(PrimOp op, Val a, Val b) {
            boolean ia = a.ty().equals("i64");
            boolean ib = b.ty().equals("i64");
            if (ia == ib) {
                String pred = switch (op) {
                    case FloatEq -> "fcmp oeq";
                    case FloatNe -> "fcmp une";
                    case FloatLt -> "fcmp olt";
                    case FloatLe -> "fcmp ole";
                    case FloatGt -> "fcmp ogt";
                    default -> "fcmp oge";
                };
                return cmp(pred, dbl(a), dbl(b));
            }
            PrimOp o = op;
            if (ib) {
                o = switch (op) {
                    case FloatLt -> PrimOp.FloatGt;
                    case FloatLe -> PrimOp.FloatGe;
                    case FloatGt -> PrimOp.FloatLt;
                    case FloatGe -> PrimOp.FloatLe;
                    default -> op;
                };
            }
            String r = ia ? assign("call i64 @nanopy_rt_cmp_int_float(" + a + ", " + b + ")")
                    : assign("call i64 @nanopy_rt_cmp_int_float(" + b + ", " + a + ")");
            String test = switch (o) {
                case FloatEq -> "icmp eq i64 " + r + ", 0";
                case FloatNe -> "icmp ne i64 " + r + ", 0";
                case FloatLt -> "icmp eq i64 " + r + ", -1";
                case FloatLe -> "icmp sle i64 " + r + ", 0";
                case FloatGt -> "icmp eq i64 " + r + ", 1";
                default -> "icmp ule i64 " + r + ", 1";
            };
            return new Val("i1", assign(test));
        }

        /** {@code list.append(v)}: a store when there is room, else the run-time library grows the list first. */
        private Val append(Val list, Val v, Closed.Type elem) {
            String len = assign("load i64, ptr " + list.ref() + HEADER);
            String cap = assign("load i64, ptr " + field(list.ref(), 1) + HEADER);
            String full = assign("icmp eq i64 " + len + ", " + cap);
            String grow = label("grow");
            String room = label("room");
            line("br i1 " + full + ", label %" + grow + ", label %" + room);
            startBlock(grow);
            line("call void @nanopy_rt_list_grow(" + list + ")");
            line("br label %" + room);
            startBlock(room);
            String items = assign("load ptr, ptr " + field(list.ref(), 2) + HEADER);
            String p = assign("getelementptr " + itemType(elem) + ", ptr " + items + ", i64 " + len);
            if (elem instanceof Closed.BoolType) {
                storeItem(v, elem, p);
            } else {
                line("store i64 " + bits(v) + ", ptr " + p + SLOT);
            }
            String len1 = assign("add i64 " + len + ", 1");
            line("store i64 " + len1 + ", ptr " + list.ref() + HEADER);
            return new Val("ptr", "null");
        }

        private Val cmp(String pred, Val a, Val b) {
            return new Val("i1", assign(pred + " " + a + ", " + b.ref()));
        }

        private Val fop(String op, Val a, Val b) {
            Val x = dbl(a);
            Val y = dbl(b);
            return new Val("double", assign(op + " " + x + ", " + y.ref()));
        }

        /** {@code x ** 0.5}: the square root where it equals pow (positive x), else the run-time routine. */
        private Val sqrt(Val x) {
            String pos = assign("fcmp ogt " + x + ", 0.0");
            String fast = label("sqrt");
            String slow = label("pow");
            String join = label("pow.join");
            line("br i1 " + pos + ", label %" + fast + ", label %" + slow);
            startBlock(fast);
            String r1 = assign("call double @llvm.sqrt.f64(" + x + ")");
            line("br label %" + join);
            startBlock(slow);
            String r2 = assign("call double @nanopy_rt_float_pow(" + x + ", double 0.5)");
            line("br label %" + join);
            startBlock(join);
            return new Val("double", assign("phi double [ " + r1 + ", %" + fast + " ], [ " + r2 + ", %" + slow + " ]"));
        }

        /**
         * k when {@code a} is the literal 2^k (k from 1 to 62), else 0: floor division by it is an
         * arithmetic shift right and modulo a mask (two's complement floors toward minus infinity).
         */
        private static int powerOfTwo(Blocks.Atom a) {
            if (a instanceof Blocks.IntLit i && i.value() > 1 && Long.bitCount(i.value()) == 1) {
                return Long.numberOfTrailingZeros(i.value());
            }
            return 0;
        }

        /** Python's {@code //} on ints: ZeroDivisionError, OverflowError for MIN // -1, floor. */
        private Val floorDiv(Val a, Val b) {
            String z = assign("icmp eq " + b + ", 0");
            check(z, "zerodiv", "call void @nanopy_rt_zero_div(i64 0)");
            String m1 = assign("icmp eq " + b + ", -1");
            String min = assign("icmp eq " + a + ", " + Long.MIN_VALUE);
            String both = assign("and i1 " + m1 + ", " + min);
            check(both, "overflow", "call void @nanopy_rt_overflow()");
            String q = assign("sdiv " + a + ", " + b.ref());
            String r = assign("srem " + a + ", " + b.ref());
            String nz = assign("icmp ne i64 " + r + ", 0");
            String x = assign("xor i64 " + r + ", " + b.ref());
            String sg = assign("icmp slt i64 " + x + ", 0");
            String adj = assign("and i1 " + nz + ", " + sg);
            String d = assign("zext i1 " + adj + " to i64");
            return new Val("i64", assign("sub i64 " + q + ", " + d));
        }

        /** Python's {@code %} on ints: ZeroDivisionError, the sign of the divisor. */
        private Val mod(Val a, Val b) {
            String z = assign("icmp eq " + b + ", 0");
            check(z, "zerodiv", "call void @nanopy_rt_zero_div(i64 1)");
            String m1 = assign("icmp eq " + b + ", -1");
            String bb = assign("select i1 " + m1 + ", i64 1, " + b);
            String r = assign("srem " + a + ", " + bb);
            String nz = assign("icmp ne i64 " + r + ", 0");
            String x = assign("xor i64 " + r + ", " + bb);
            String sg = assign("icmp slt i64 " + x + ", 0");
            String adj = assign("and i1 " + nz + ", " + sg);
            String plus = assign("select i1 " + adj + ", i64 " + bb + ", i64 0");
            return new Val("i64", assign("add i64 " + r + ", " + plus));
        }

        private Val truthy(Val a, Closed.Type t) {
            return switch (t) {
                case Closed.BoolType b -> a;
                case Closed.IntType i -> new Val("i1", assign("icmp ne " + a + ", 0"));
                case Closed.FloatType f -> new Val("i1", assign("fcmp une " + a + ", 0.0"));
                case Closed.StrType s -> new Val("i1", assign("icmp ne i64 " + assign("load i64, ptr " + a.ref() + HEADER) + ", 0"));
                case Closed.ListType l -> new Val("i1", assign("icmp ne i64 " + assign("load i64, ptr " + a.ref() + HEADER) + ", 0"));
                case Closed.TupleType l -> new Val("i1", assign("icmp ne i64 " + assign("load i64, ptr " + a.ref() + HEADER) + ", 0"));
                case Closed.NoneType n -> new Val("i1", "false");
                default -> new Val("i1", "true");
            };
        }
    }
}
