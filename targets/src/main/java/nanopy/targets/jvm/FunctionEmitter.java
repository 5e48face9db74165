package nanopy.targets.jvm;

import io.vavr.collection.List;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.Map;
import nanopy.py.Alloc;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.py.PyTyped.PrimOp;

/**
 * Emits the code of one NanoPy function (or of the module's code) from its basic blocks: each
 * block is a JVM label, each Blocks statement a few instructions over typed locals. Hot
 * primitives are JVM instructions or calls the JIT inlines (int arithmetic through
 * {@code Math.addExact} and its siblings, so overflow raises; float arithmetic; comparisons fused
 * with branches; list and string indexing through {@link nanopy.targets.jvm.rt.Rt}); the others
 * call the shared run-time library's implementation over boxed operands ({@code npy/Ops}).
 */
final class FunctionEmitter {
    private static final ClassDesc CD_LONG = ConstantDescs.CD_long;
    private static final ClassDesc CD_DOUBLE = ConstantDescs.CD_double;
    private static final ClassDesc CD_INT = ConstantDescs.CD_int;
    private static final ClassDesc CD_BOOL = ConstantDescs.CD_boolean;
    private static final ClassDesc CD_VOID = ConstantDescs.CD_void;

    private final ProgramModel model;
    private final Slots slots;
    private final Map<String, String> knownLocals;
    /** The function's result kind, or null for the module's code (which returns nothing). */
    private final Kind result;
    /** The function's name (null for the module's code) and its parameters after the static link. */
    private final String self;
    private final List<String> params;
    /** The first block: where a self tail call jumps back to. */
    private Label entry;
    private final Map<String, Label> labels = new HashMap<>();
    private CodeBuilder cb;
    /** The slot holding this call's depth, which a handler restores (-1: no handler, or the module's code at depth 0). */
    private int depthSlot = -1;

    FunctionEmitter(ProgramModel model, Slots slots, Map<String, String> knownLocals, Kind result, String self, List<String> params) {
        this.model = model;
        this.slots = slots;
        this.knownLocals = knownLocals;
        this.result = result;
        this.self = self;
        this.params = params;
    }

    /** Emits the blocks into {@code code}: locals start at their kind's zero, then the blocks in order. */
    void emit(CodeBuilder code, List<Blocks.Block> blocks) {
        this.cb = code;
        for (Blocks.Block b : blocks) {
            labels.put(b.label(), cb.newLabel());
        }
        slots.zeroLocals(cb);
        if (result != null) {
            enterCall();
            if (blocks.exists(b -> b.handler().isDefined())) {
                depthSlot = slots.extraInt();
                cb.getstatic(Names.PROGRAM, Names.DEPTH, CD_INT);
                cb.istore(depthSlot);
            }
        }
        entry = labels.get(blocks.head().label());
        for (int i = 0; i < blocks.size(); i++) {
            Blocks.Block b = blocks.get(i);
            cb.labelBinding(labels.get(b.label()));
            Label start = cb.newBoundLabel();
            if (b.handler().isDefined()) {
                cb.nop();   // a protected range is never empty
            }
            for (Blocks.Stmt s : b.body()) {
                line(s.span());
                stmt(s);
            }
            line(b.tail().span());
            tail(b.tail(), i + 1 < blocks.size() ? blocks.get(i + 1).label() : null);
            if (b.handler().isDefined()) {
                Label end = cb.newBoundLabel();
                cb.exceptionCatch(start, end, labels.get(b.handler().get()), Names.ERROR);
                cb.exceptionCatch(start, end, labels.get(b.handler().get()), ClassDesc.of("java.lang.ArithmeticException"));
            }
        }
    }

    /**
     * The first statement of a handler block, entered with the exception on the stack (a
     * {@code PyRuntimeError}, or the {@code ArithmeticException} of an overflowing int operation):
     * the call depth goes back to this call's (the calls the exception left never returned), and the
     * exception value ({@code Rt.caught}: the PyRuntimeError) goes to its local.
     */
    private void caught(Blocks.Catch c) {
        cb.invokestatic(Names.RT, "caught", MethodTypeDesc.of(Names.OBJECT, ClassDesc.of("java.lang.Throwable")));
        if (depthSlot >= 0) {
            cb.iload(depthSlot);
        } else {
            cb.iconst_0();
        }
        cb.putstatic(Names.PROGRAM, Names.DEPTH, CD_INT);
        cb.storeLocal(slots.kind(c.name()).typeKind(), slots.slot(c.name()));
    }

    /**
     * The prologue of a function: counts one Python call level; past {@link Names#RECURSION_LIMIT}
     * it raises RecursionError (as the other targets do, and long before the 1 GiB stack of the
     * program thread could overflow).
     */
    private void enterCall() {
        Label ok = cb.newLabel();
        cb.getstatic(Names.PROGRAM, Names.DEPTH, CD_INT);
        cb.iconst_1();
        cb.iadd();
        cb.dup();
        cb.putstatic(Names.PROGRAM, Names.DEPTH, CD_INT);
        cb.loadConstant(Names.RECURSION_LIMIT);
        cb.if_icmple(ok);
        cb.invokestatic(Names.RT, "recursionError", MethodTypeDesc.of(Names.ERROR));
        cb.athrow();
        cb.labelBinding(ok);
    }

    /** The epilogue of a function: one call level less. */
    private void leaveCall() {
        cb.getstatic(Names.PROGRAM, Names.DEPTH, CD_INT);
        cb.iconst_1();
        cb.isub();
        cb.putstatic(Names.PROGRAM, Names.DEPTH, CD_INT);
    }

    private void line(nanopy.ir.Span span) {
        if (span.isKnown()) {
            cb.lineNumber(span.line());
        }
    }

    // ---- statements and terminators ----

    private void stmt(Blocks.Stmt s) {
        switch (s) {
            case Blocks.Assign a -> assign(a.target(), a.value());
            case Blocks.Init i -> init(i);
            case Blocks.ExprStmt e -> expr(e.value()).pop(cb);
            case Blocks.Catch c -> caught(c);
        }
    }

    private void assign(Blocks.Target t, Blocks.Expr value) {
        switch (t) {
            case Blocks.VarTarget v -> {
                expr(value);
                cb.storeLocal(slots.kind(v.name()).typeKind(), slots.slot(v.name()));
            }
            case Blocks.GlobalTarget g -> {
                expr(value);
                cb.putstatic(Names.PROGRAM, Names.member(g.name()), model.globals.get(g.name()).desc);
            }
            case Blocks.ItemTarget it -> {
                atom(it.list());
                atom(it.index());
                Kind k = expr(value);
                k.box(cb);
                cb.invokestatic(Names.RT, "listSet", MethodTypeDesc.of(CD_VOID, Names.OBJECT, CD_LONG, Names.OBJECT));
            }
            case Blocks.RecordTarget r -> {
                record(r.env(), r.hops());
                cb.loadConstant(r.slot());
                Kind k = expr(value);
                k.box(cb);
                cb.aastore();
            }
        }
    }

    /** Pushes the record {@code hops} static links up from {@code env}, as an {@code Object[]}. */
    private void record(Blocks.Atom env, int hops) {
        atom(env);
        cb.checkcast(Names.OBJECTS);
        for (int i = 0; i < hops; i++) {
            cb.iconst_0();
            cb.aaload();
            cb.checkcast(Names.OBJECTS);
        }
    }

    private void init(Blocks.Init i) {
        Closed.Type t = typeOf(i.object());
        atom(i.object());
        switch (t) {
            case Closed.ListType l -> {
                cb.loadConstant(i.index());
                atom(i.value()).box(cb);
                cb.invokestatic(Names.RT, "initList", MethodTypeDesc.of(CD_VOID, Names.OBJECT, CD_INT, Names.OBJECT));
            }
            case Closed.TupleType tt -> {
                cb.loadConstant(i.index());
                atom(i.value()).box(cb);
                cb.invokestatic(Names.RT, "initTuple", MethodTypeDesc.of(CD_VOID, Names.OBJECT, CD_INT, Names.OBJECT));
            }
            case Closed.FunType f -> {
                cb.checkcast(Names.CLOSURE);
                atom(i.value()).box(cb);
                cb.putfield(Names.CLOSURE, "env", Names.OBJECT);
            }
            default -> {
                cb.checkcast(Names.OBJECTS);
                cb.loadConstant(i.index());
                atom(i.value()).box(cb);
                cb.aastore();
            }
        }
    }

    private void tail(Blocks.Tail t, String next) {
        switch (t) {
            case Blocks.Goto g -> {
                if (!g.label().equals(next)) {
                    cb.goto_(labels.get(g.label()));
                }
            }
            case Blocks.Branch b -> {
                jumpIfFalse(b.test(), labels.get(b.orelse()));
                if (!b.then().equals(next)) {
                    cb.goto_(labels.get(b.then()));
                }
            }
            case Blocks.Return r -> {
                if (result == null) {
                    cb.return_();
                } else {
                    leaveCall();
                    atom(r.value());
                    cb.return_(result.typeKind());
                }
            }
            case Blocks.TailCall c when self != null && c.fn() instanceof Blocks.Var v && self.equals(knownLocals.get(v.name())) -> {
                // a self tail call is a jump: the arguments become the parameters, same call level
                c.args().forEach(this::atom);
                for (int k = params.size() - 1; k >= 0; k--) {
                    cb.storeLocal(slots.kind(params.get(k)).typeKind(), slots.slot(params.get(k)));
                }
                cb.goto_(entry);
            }
            case Blocks.Raise r -> {
                atom(r.exc());
                cb.invokestatic(Names.RT, "raise", MethodTypeDesc.of(Names.ERROR, Names.OBJECT));
                cb.athrow();
            }
            case Blocks.TailCall c -> {
                call(c.fn(), c.args(), c.type());
                if (result == null) {
                    Kind.of(c.type()).pop(cb);
                    cb.return_();
                } else {
                    leaveCall();
                    cb.return_(result.typeKind());
                }
            }
        }
    }

    // ---- expressions: each pushes one value of its type's kind and returns the kind ----

    private Kind expr(Blocks.Expr e) {
        return switch (e) {
            case Blocks.Atom a -> atom(a);
            case Blocks.Prim p -> prim(p);
            case Blocks.Call c -> call(c.fn(), c.args(), c.type());
            case Blocks.Print p -> {
                cb.getstatic(Names.PROGRAM, Names.RT_FIELD, Names.RUNTIME);
                boxedArray(p.args());
                atom(p.sep()).box(cb);
                atom(p.end()).box(cb);
                cb.invokevirtual(Names.RUNTIME, "print", MethodTypeDesc.of(CD_VOID, Names.OBJECTS, Names.OBJECT, Names.OBJECT));
                none();
                yield Kind.REF;
            }
            case Blocks.TupleGet g -> {
                atom(g.tuple());
                cb.loadConstant(g.index());
                cb.invokestatic(Names.RT, "tupleGet", MethodTypeDesc.of(Names.OBJECT, Names.OBJECT, CD_INT));
                Kind k = Kind.of(g.type());
                k.unbox(cb);
                yield k;
            }
            case Blocks.RecordGet r -> {
                record(r.env(), r.hops());
                cb.loadConstant(r.slot());
                cb.aaload();
                Kind k = Kind.of(r.type());
                k.unbox(cb);
                yield k;
            }
            case Blocks.GlobalVar g -> {
                Kind k = model.globals.get(g.name());
                cb.getstatic(Names.PROGRAM, Names.member(g.name()), k.desc);
                yield k;
            }
            case Blocks.Allocate a -> {
                cb.loadConstant(a.size());
                if (a.kind() == Alloc.ObjKind.RecordObj) {
                    cb.anewarray(Names.OBJECT);
                } else {
                    cb.invokestatic(Names.RT, a.kind() == Alloc.ObjKind.ListObj ? "newList" : "newTuple", MethodTypeDesc.of(Names.OBJECT, CD_INT));
                }
                yield Kind.REF;
            }
            case Blocks.AllocateClosure c -> {
                ClassDesc cls = Names.closureClass(c.code());
                cb.new_(cls);
                cb.dup();
                cb.invokespecial(cls, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
                yield Kind.REF;
            }
        };
    }

    private void none() {
        cb.getstatic(Names.RUNTIME, "NONE", Names.OBJECT);
    }

    private Kind atom(Blocks.Atom a) {
        switch (a) {
            case Blocks.IntLit i -> cb.loadConstant(i.value());
            case Blocks.FloatLit f -> cb.loadConstant(f.value());
            case Blocks.BoolLit b -> cb.loadConstant(b.value() ? 1 : 0);
            case Blocks.StrLit s -> cb.loadConstant(s.value());
            case Blocks.NoneLit n -> none();
            case Blocks.Var v -> cb.loadLocal(slots.kind(v.name()).typeKind(), slots.slot(v.name()));
        }
        return kindOf(a);
    }

    private Kind kindOf(Blocks.Atom a) {
        return switch (a) {
            case Blocks.IntLit i -> Kind.LONG;
            case Blocks.FloatLit f -> Kind.DOUBLE;
            case Blocks.BoolLit b -> Kind.BOOL;
            case Blocks.Var v -> slots.kind(v.name());
            default -> Kind.REF;
        };
    }

    private static Closed.Type typeOf(Blocks.Atom a) {
        return ProgramModel.typeOf(a);
    }

    /** Pushes an {@code Object[]} of the atoms, boxed. */
    private void boxedArray(List<Blocks.Atom> atoms) {
        cb.loadConstant(atoms.size());
        cb.anewarray(Names.OBJECT);
        for (int i = 0; i < atoms.size(); i++) {
            cb.dup();
            cb.loadConstant(i);
            atom(atoms.get(i)).box(cb);
            cb.aastore();
        }
    }

    /** A call: direct ({@code invokestatic}) when the callee is known, else through its call interface. */
    private Kind call(Blocks.Atom fn, List<Blocks.Atom> args, Closed.Type type) {
        ProgramModel.Signature sig = model.signatureOf(typeOf(fn));
        String known = fn instanceof Blocks.Var v ? knownLocals.get(v.name()) : null;
        if (known != null) {
            none();
            args.forEach(this::atom);
            cb.invokestatic(Names.PROGRAM, Names.member(known), Names.functionType(sig.params(), sig.result()));
        } else {
            atom(fn);
            ClassDesc itf = sig.callInterface();
            cb.checkcast(itf);
            args.forEach(this::atom);
            cb.invokeinterface(itf, "call", Names.callType(sig.params(), sig.result()));
        }
        return sig.result();
    }

    // ---- primitives ----

    private Kind prim(Blocks.Prim p) {
        List<Blocks.Atom> a = p.args();
        Kind out = Kind.of(p.type());
        if (isTest(p)) {
            Label no = cb.newLabel();
            Label done = cb.newLabel();
            jumpIfFalse(p, no);
            cb.iconst_1();
            cb.goto_(done);
            cb.labelBinding(no);
            cb.iconst_0();
            cb.labelBinding(done);
            return Kind.BOOL;
        }
        switch (p.op()) {
            case IntAdd -> longs(a, "addExact");
            case IntSub -> longs(a, "subtractExact");
            case IntMul -> longs(a, "multiplyExact");
            case IntNeg -> {
                atom(a.get(0));
                cb.invokestatic(Names.MATH, "negateExact", MethodTypeDesc.of(CD_LONG, CD_LONG));
            }
            case IntAbs -> {
                atom(a.get(0));
                cb.invokestatic(Names.MATH, "absExact", MethodTypeDesc.of(CD_LONG, CD_LONG));
            }
            case IntFloorDiv -> rt(a, "floorDiv", CD_LONG, CD_LONG, CD_LONG);
            case IntMod -> rt(a, "mod", CD_LONG, CD_LONG, CD_LONG);
            case IntMin, IntMax -> {
                if (a.size() != 2) {
                    return boxed(p);
                }
                longs(a, p.op() == PrimOp.IntMin ? "min" : "max");
            }
            case IntToFloat -> {
                atom(a.get(0));
                cb.l2d();
            }
            case FloatAdd, FloatSub, FloatMul -> {
                doubleAtom(a.get(0));
                doubleAtom(a.get(1));
                switch (p.op()) {
                    case FloatAdd -> cb.dadd();
                    case FloatSub -> cb.dsub();
                    default -> cb.dmul();
                }
            }
            case FloatDiv -> {
                doubleAtom(a.get(0));
                doubleAtom(a.get(1));
                cb.invokestatic(Names.RT, "trueDiv", MethodTypeDesc.of(CD_DOUBLE, CD_DOUBLE, CD_DOUBLE));
            }
            case FloatPow -> {
                doubleAtom(a.get(0));
                doubleAtom(a.get(1));
                cb.invokestatic(Names.RT, "floatPow", MethodTypeDesc.of(CD_DOUBLE, CD_DOUBLE, CD_DOUBLE));
            }
            case FloatNeg -> {
                doubleAtom(a.get(0));
                cb.dneg();
            }
            case FloatAbs -> {
                doubleAtom(a.get(0));
                cb.invokestatic(Names.MATH, "abs", MethodTypeDesc.of(CD_DOUBLE, CD_DOUBLE));
            }
            case FloatToInt -> {
                doubleAtom(a.get(0));
                cb.invokestatic(Names.RT, "floatToInt", MethodTypeDesc.of(CD_LONG, CD_DOUBLE));
            }
            case Not -> {
                atom(a.get(0));
                cb.iconst_1();
                cb.ixor();
            }
            case StrConcat -> {
                atom(a.get(0));
                cb.checkcast(Names.STRING);
                atom(a.get(1));
                cb.checkcast(Names.STRING);
                cb.invokevirtual(Names.STRING, "concat", MethodTypeDesc.of(Names.STRING, Names.STRING));
            }
            case StrLen -> {
                atom(a.get(0));
                cb.checkcast(Names.STRING);
                cb.invokestatic(Names.RT, "strLen", MethodTypeDesc.of(CD_LONG, Names.STRING));
            }
            case StrIndex -> {
                atom(a.get(0));
                cb.checkcast(Names.STRING);
                atom(a.get(1));
                cb.invokestatic(Names.RT, "strIndex", MethodTypeDesc.of(Names.STRING, Names.STRING, CD_LONG));
            }
            case ToStr -> {
                Kind k = atom(a.get(0));
                switch (k) {
                    case LONG -> cb.invokestatic(ConstantDescs.CD_Long, "toString", MethodTypeDesc.of(Names.STRING, CD_LONG));
                    case DOUBLE -> cb.invokestatic(Names.RT, "floatStr", MethodTypeDesc.of(Names.STRING, CD_DOUBLE));
                    default -> {
                        k.box(cb);
                        cb.invokestatic(Names.RT, "str", MethodTypeDesc.of(Names.STRING, Names.OBJECT));
                    }
                }
            }
            case ListIndex -> {
                atom(a.get(0));
                atom(a.get(1));
                cb.invokestatic(Names.RT, "listGet", MethodTypeDesc.of(Names.OBJECT, Names.OBJECT, CD_LONG));
                out.unbox(cb);
            }
            case ListLen -> {
                atom(a.get(0));
                cb.invokestatic(Names.RT, "listLen", MethodTypeDesc.of(CD_LONG, Names.OBJECT));
            }
            case ListAppend -> {
                atom(a.get(0));
                atom(a.get(1)).box(cb);
                cb.invokestatic(Names.RT, "listAppend", MethodTypeDesc.of(CD_VOID, Names.OBJECT, Names.OBJECT));
                none();
                return Kind.REF;
            }
            default -> {
                return boxed(p);
            }
        }
        return out;
    }

    private void longs(List<Blocks.Atom> a, String mathMethod) {
        atom(a.get(0));
        atom(a.get(1));
        cb.invokestatic(Names.MATH, mathMethod, MethodTypeDesc.of(CD_LONG, CD_LONG, CD_LONG));
    }

    private void rt(List<Blocks.Atom> a, String method, ClassDesc result, ClassDesc... params) {
        for (Blocks.Atom x : a) {
            atom(x);
        }
        cb.invokestatic(Names.RT, method, MethodTypeDesc.of(result, params));
    }

    /** Pushes an int or float atom as a double (ints promoted as Python promotes them). */
    private void doubleAtom(Blocks.Atom a) {
        if (atom(a) == Kind.LONG) {
            cb.l2d();
        }
    }

    /** The shared run-time library's implementation over boxed operands: {@code npy/Ops.aN.apply(Object[])}. */
    private Kind boxed(Blocks.Prim p) {
        String field = model.boxedOp(p.op(), p.args().size(), p.span());
        cb.getstatic(Names.OPS, field, Names.APPLIER);
        boxedArray(p.args());
        cb.invokeinterface(Names.APPLIER, "apply", MethodTypeDesc.of(Names.OBJECT, Names.OBJECTS));
        Kind k = Kind.of(p.type());
        k.unbox(cb);
        return k;
    }

    // ---- tests fused with branches ----

    /** Whether {@code p} is a comparison this emitter turns into a conditional jump. */
    private boolean isTest(Blocks.Prim p) {
        List<Blocks.Atom> a = p.args();
        return switch (p.op()) {
            case IntEq, IntNe, IntLt, IntLe, IntGt, IntGe -> kindOf(a.get(0)) == Kind.LONG && kindOf(a.get(1)) == Kind.LONG;
            case FloatEq, FloatNe, FloatLt, FloatLe, FloatGt, FloatGe -> kindOf(a.get(0)) == Kind.DOUBLE && kindOf(a.get(1)) == Kind.DOUBLE;
            case StrEq, StrNe, StrLt, StrLe, StrGt, StrGe, BoolEq, BoolNe -> true;
            case Is, IsNot -> kindOf(a.get(0)) == Kind.REF && kindOf(a.get(1)) == Kind.REF;
            default -> false;
        };
    }

    /** Jumps to {@code no} when the bool {@code test} is False; falls through when it is True. */
    private void jumpIfFalse(Blocks.Expr test, Label no) {
        if (test instanceof Blocks.Prim p && isTest(p)) {
            Blocks.Atom x = p.args().get(0);
            Blocks.Atom y = p.args().get(1);
            switch (p.op()) {
                case IntEq, IntNe, IntLt, IntLe, IntGt, IntGe -> {
                    atom(x);
                    atom(y);
                    cb.lcmp();
                    cb.branch(falseOnSign(p.op()), no);
                }
                case FloatEq, FloatNe, FloatLe, FloatLt, FloatGt, FloatGe -> {
                    atom(x);
                    atom(y);
                    // NaN compares false: dcmpg gives 1 for NaN (fails < and <=), dcmpl gives -1 (fails > and >=)
                    if (p.op() == PrimOp.FloatLt || p.op() == PrimOp.FloatLe) {
                        cb.dcmpg();
                    } else {
                        cb.dcmpl();
                    }
                    cb.branch(falseOnSign(p.op()), no);
                }
                case StrEq, StrNe -> {
                    atom(x);
                    atom(y);
                    cb.invokevirtual(Names.OBJECT, "equals", MethodTypeDesc.of(CD_BOOL, Names.OBJECT));
                    cb.branch(p.op() == PrimOp.StrEq ? Opcode.IFEQ : Opcode.IFNE, no);
                }
                case StrLt, StrLe, StrGt, StrGe -> {
                    atom(x);
                    cb.checkcast(Names.STRING);
                    atom(y);
                    cb.checkcast(Names.STRING);
                    cb.invokestatic(Names.RT, "compare", MethodTypeDesc.of(CD_INT, Names.STRING, Names.STRING));
                    cb.branch(falseOnSign(p.op()), no);
                }
                case BoolEq, BoolNe -> {
                    atom(x);
                    atom(y);
                    cb.branch(p.op() == PrimOp.BoolEq ? Opcode.IF_ICMPNE : Opcode.IF_ICMPEQ, no);
                }
                case Is, IsNot -> {
                    atom(x);
                    atom(y);
                    cb.branch(p.op() == PrimOp.Is ? Opcode.IF_ACMPNE : Opcode.IF_ACMPEQ, no);
                }
                default -> throw new IllegalStateException("not a fused test: " + p.op());
            }
            return;
        }
        if (test instanceof Blocks.Prim p && p.op() == PrimOp.Not) {
            atom(p.args().get(0));
            cb.ifne(no);
            return;
        }
        Kind k = expr(test);
        if (k != Kind.BOOL) {
            throw new IllegalStateException("a branch on a value of kind " + k + ", not a bool");
        }
        cb.ifeq(no);
    }

    /** The jump taken when comparison {@code op} is False, given the sign of a three-way comparison. */
    private static Opcode falseOnSign(PrimOp op) {
        return switch (op) {
            case IntEq, FloatEq, StrEq -> Opcode.IFNE;
            case IntNe, FloatNe, StrNe -> Opcode.IFEQ;
            case IntLt, FloatLt, StrLt -> Opcode.IFGE;
            case IntLe, FloatLe, StrLe -> Opcode.IFGT;
            case IntGt, FloatGt, StrGt -> Opcode.IFLE;
            case IntGe, FloatGe, StrGe -> Opcode.IFLT;
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }
}
