package nanopy.passes.lir;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.lir.Lir;
import nanopy.lir.RuntimeAbi;
import nanopy.lir.RuntimeAbi.Kind;
import nanopy.lir.RuntimeAbi.Routine;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.py.PyTyped.PrimOp;

/**
 * Lowers Blocks to {@link Lir}: each value gets its machine representation (int and bool I64,
 * float F64, everything else Ptr), primitives with one machine form become {@link Lir.Mach}
 * operations, and every other primitive, allocation, print and container access becomes a call of
 * the {@code nanopy_rt_*} routine of {@link RuntimeAbi} (docs/runtime-abi.md). Values stored in
 * lists and tuples are boxed; activation records hold raw words ({@link Lir.Field}); a call reads
 * the closure's code address and record and passes the record first. Temporaries are {@code $N}.
 */
public final class LowerToLir implements Pass<Blocks.Module, Lir.Module> {
    @Override
    public String description() {
        return "lower to Lir: I64/F64/Ptr values, machine operations, nanopy_rt_* calls for every other primitive";
    }

    /** Option {@code target}: the target named in the stage-2 rejection ("dict is not supported on the mips target yet"). */
    @Override
    public java.util.Map<String, Class<?>> options() {
        return java.util.Map.of("target", String.class);
    }

    @Override
    public Lir.Module apply(Blocks.Module m, PassContext ctx) {
        Stage2Constructs.reject(m, ctx, ctx.stringOption("target", "lir-interp"));
        List<Lir.Def> defs = m.defs().map(d -> new Fn().def(d));
        Fn top = new Fn();
        List<Lir.Block> body = m.body().map(top::block);
        return new Lir.Module(locals(m.globals()), defs, locals(m.locals()).appendAll(top.temps), body, m.span());
    }

    private static List<Lir.Local> locals(List<Closed.Local> ls) {
        return ls.map(l -> new Lir.Local(l.name(), ty(l.type()), l.span()));
    }

    /** The ABI kind of a static type. */
    static Kind kind(Closed.Type t) {
        return switch (t) {
            case Closed.IntType i -> Kind.INT;
            case Closed.BoolType b -> Kind.BOOL;
            case Closed.FloatType f -> Kind.FLOAT;
            default -> Kind.OBJ;
        };
    }

    static Lir.Ty ty(Closed.Type t) {
        return kind(t).ty();
    }

    /** The static type of a Blocks atom. */
    static Closed.Type typeOf(Blocks.Atom a) {
        Span sp = a.span();
        return switch (a) {
            case Blocks.IntLit i -> new Closed.IntType(sp);
            case Blocks.FloatLit f -> new Closed.FloatType(sp);
            case Blocks.BoolLit b -> new Closed.BoolType(sp);
            case Blocks.StrLit s -> new Closed.StrType(sp);
            case Blocks.NoneLit n -> new Closed.NoneType(sp);
            case Blocks.Var v -> v.type();
        };
    }

    /** Lowering of one function: its temporaries and the current block's statements. */
    private static final class Fn {
        private final ArrayList<Lir.Local> temps = new ArrayList<>();
        private final ArrayList<Lir.Stmt> out = new ArrayList<>();

        Lir.Def def(Blocks.Def d) {
            List<Lir.Block> blocks = d.blocks().map(this::block);
            return new Lir.Def(d.name(), locals(d.params()), locals(d.locals()).appendAll(temps), ty(d.result()), blocks, d.span());
        }

        Lir.Block block(Blocks.Block b) {
            out.clear();
            b.body().forEach(this::stmt);
            Lir.Tail t = tail(b.tail());
            return new Lir.Block(b.label(), List.ofAll(out), t, b.span());
        }

        private Lir.Tail tail(Blocks.Tail t) {
            return switch (t) {
                case Blocks.Goto(String label, Span sp) -> new Lir.Goto(label, sp);
                case Blocks.Return(Blocks.Atom value, Span sp) -> new Lir.Return(atom(value), sp);
                case Blocks.TailCall(Blocks.Atom fn, List<Blocks.Atom> args, Closed.Type type, Span sp) -> {
                    List<Lir.Atom> as = closureArgs(fn, args, sp);
                    yield new Lir.TailCall(as.head(), as.tail(), ty(type), sp);
                }
                case Blocks.Branch(Blocks.Expr test, String then, String orelse, Span sp) ->
                        new Lir.Branch(atomOf(value(test), Lir.Ty.I64), then, orelse, sp);
                case Blocks.Raise r -> throw new IllegalStateException("raise reached lower-to-lir (Stage2Constructs rejects it) at " + r.span());
            };
        }

        private Lir.Var temp(Lir.Ty ty, Span sp) {
            Lir.Var v = new Lir.Var("$" + (temps.size() + 1), ty, sp);
            temps.add(new Lir.Local(v.name(), ty, sp));
            return v;
        }

        /** {@code e} as an atom: itself, or a temporary assigned its value. */
        private Lir.Atom atomOf(Lir.Expr e, Lir.Ty ty) {
            if (e instanceof Lir.Atom a) {
                return a;
            }
            Lir.Var t = temp(ty, e.span());
            out.add(new Lir.Assign(t.name(), e, e.span()));
            return t;
        }

        /** A call of routine {@code name}; a routine without a result is a statement and its value None. */
        private Lir.Expr rt(String name, Span sp, Lir.Atom... args) {
            Routine r = RuntimeAbi.byName(name).orElseThrow(() -> new IllegalStateException("lower-to-lir: no routine " + name));
            Lir.CallRt call = new Lir.CallRt(name, List.of(args), r.result().ty(), sp);
            if (r.result() == Kind.VOID) {
                out.add(new Lir.ExprStmt(call, sp));
                return new Lir.Null(sp);
            }
            return call;
        }

        private Lir.Atom box(Lir.Atom a, Kind k, Span sp) {
            return switch (k) {
                case INT -> atomOf(rt("nanopy_rt_box_int", sp, a), Lir.Ty.Ptr);
                case BOOL -> atomOf(rt("nanopy_rt_box_bool", sp, a), Lir.Ty.Ptr);
                case FLOAT -> atomOf(rt("nanopy_rt_box_float", sp, a), Lir.Ty.Ptr);
                case OBJ, VOID -> a;
            };
        }

        private Lir.Expr unbox(Lir.Expr boxed, Kind k, Span sp) {
            return switch (k) {
                case INT -> rt("nanopy_rt_unbox_int", sp, atomOf(boxed, Lir.Ty.Ptr));
                case BOOL -> rt("nanopy_rt_unbox_bool", sp, atomOf(boxed, Lir.Ty.Ptr));
                case FLOAT -> rt("nanopy_rt_unbox_float", sp, atomOf(boxed, Lir.Ty.Ptr));
                case OBJ, VOID -> boxed;
            };
        }

        private Lir.Atom atom(Blocks.Atom a) {
            return switch (a) {
                case Blocks.IntLit(long v, Span sp) -> new Lir.Int(v, sp);
                case Blocks.BoolLit(boolean v, Span sp) -> new Lir.Int(v ? 1 : 0, sp);
                case Blocks.FloatLit(double v, Span sp) -> new Lir.Float(v, sp);
                case Blocks.StrLit(String v, Span sp) -> new Lir.Str(v, sp);
                case Blocks.NoneLit n -> new Lir.Null(n.span());
                case Blocks.Var(String name, Closed.Type type, Span sp) -> new Lir.Var(name, ty(type), sp);
            };
        }

        private Lir.Atom boxed(Blocks.Atom a) {
            return box(atom(a), kind(typeOf(a)), a.span());
        }

        private void stmt(Blocks.Stmt s) {
            switch (s) {
                case Blocks.Assign(Blocks.Target t, Blocks.Expr e, Span sp) -> assign(t, e, sp);
                case Blocks.Init(Blocks.Atom obj, int index, Blocks.Atom value, Span sp) -> init(obj, index, value, sp);
                case Blocks.ExprStmt(Blocks.Expr e, Span sp) -> {
                    Lir.Expr v = value(e);
                    if (!(v instanceof Lir.Atom)) {
                        out.add(new Lir.ExprStmt(v, sp));
                    }
                }
                case Blocks.Catch c -> throw new IllegalStateException("try/except reached lower-to-lir (Stage2Constructs rejects it) at " + c.span());
            }
        }

        private void init(Blocks.Atom obj, int index, Blocks.Atom value, Span sp) {
            Lir.Atom o = atom(obj);
            Lir.Int i = new Lir.Int(index, sp);
            switch (typeOf(obj)) {
                case Closed.ListType l -> rt("nanopy_rt_list_init", sp, o, i, boxed(value));
                case Closed.TupleType t -> rt("nanopy_rt_tuple_init", sp, o, i, boxed(value));
                case Closed.FunType f -> out.add(new Lir.SetField(o, 1, atom(value), sp));
                default -> out.add(new Lir.SetField(o, index, atom(value), sp));
            }
        }

        private void assign(Blocks.Target t, Blocks.Expr e, Span sp) {
            switch (t) {
                case Blocks.VarTarget(String name, Closed.Type type, Span s) -> out.add(new Lir.Assign(name, value(e), sp));
                case Blocks.GlobalTarget(String name, Closed.Type type, Span s) ->
                        out.add(new Lir.StoreGlobal(name, atomOf(value(e), ty(type)), sp));
                case Blocks.ItemTarget(Blocks.Atom list, Blocks.Atom index, Closed.Type type, Span s) -> {
                    Lir.Atom v = box(atomOf(value(e), ty(type)), kind(type), s);
                    rt("nanopy_rt_list_set", sp, atom(list), atom(index), v);
                }
                case Blocks.RecordTarget(Blocks.Atom env, int hops, int slot, Closed.Type type, Span s) -> {
                    Lir.Atom v = atomOf(value(e), ty(type));
                    out.add(new Lir.SetField(link(atom(env), hops, s), slot, v, sp));
                }
                default -> throw new IllegalArgumentException("lower-to-lir: unexpected target " + t);
            }
        }

        /** The record {@code hops} static links up from {@code env}. */
        private Lir.Atom link(Lir.Atom env, int hops, Span sp) {
            Lir.Atom x = env;
            for (int h = 0; h < hops; h++) {
                x = atomOf(new Lir.Field(x, 0, Lir.Ty.Ptr, sp), Lir.Ty.Ptr);
            }
            return x;
        }

        /** The Lir expression computing {@code e}'s value (statements it needs are emitted first). */
        private Lir.Expr value(Blocks.Expr e) {
            Span sp = e.span();
            return switch (e) {
                case Blocks.Atom a -> atom(a);
                case Blocks.Prim p -> prim(p);
                case Blocks.GlobalVar(String name, Closed.Type type, Span s) -> new Lir.LoadGlobal(name, ty(type), s);
                case Blocks.Call(Blocks.Atom fn, List<Blocks.Atom> args, Closed.Type type, Span s) -> {
                    List<Lir.Atom> as = closureArgs(fn, args, s);
                    yield new Lir.Call(as.head(), as.tail(), ty(type), s);
                }
                case Blocks.Print p -> print(p);
                case Blocks.TupleGet(Blocks.Atom tuple, int index, Closed.Type type, Span s) ->
                        unbox(rt("nanopy_rt_tuple_get", s, atom(tuple), new Lir.Int(index, s)), kind(type), s);
                case Blocks.RecordGet(Blocks.Atom env, int hops, int slot, Closed.Type type, Span s) ->
                        new Lir.Field(link(atom(env), hops, s), slot, ty(type), s);
                case Blocks.Allocate(var kind, int size, Closed.Type type, Span s) -> rt(switch (kind) {
                    case ListObj -> "nanopy_rt_list_new";
                    case TupleObj -> "nanopy_rt_tuple_new";
                    case RecordObj -> "nanopy_rt_record_new";
                }, s, new Lir.Int(size, s));
                case Blocks.AllocateClosure(String code, Closed.Type type, Span s) -> rt("nanopy_rt_closure_new", s, new Lir.FunRef(code, s));
                default -> throw new IllegalArgumentException("lower-to-lir: unexpected expression " + e + " at " + sp);
            };
        }

        /** The closure's code address, then its record, then the arguments. */
        private List<Lir.Atom> closureArgs(Blocks.Atom fn, List<Blocks.Atom> args, Span sp) {
            Lir.Atom f = atom(fn);
            Lir.Atom code = atomOf(new Lir.Field(f, 0, Lir.Ty.Ptr, sp), Lir.Ty.Ptr);
            Lir.Atom env = atomOf(new Lir.Field(f, 1, Lir.Ty.Ptr, sp), Lir.Ty.Ptr);
            return args.map(this::atom).prepend(env).prepend(code);
        }

        private Lir.Expr print(Blocks.Print p) {
            Span sp = p.span();
            List<Lir.Atom> strs = p.args().map(a -> str(atom(a), typeOf(a), a.span()));
            Lir.Atom sep = p.sep() instanceof Blocks.NoneLit ? new Lir.Str(" ", sp) : atom(p.sep());
            Lir.Atom end = p.end() instanceof Blocks.NoneLit ? new Lir.Str("\n", sp) : atom(p.end());
            for (int i = 0; i < strs.size(); i++) {
                if (i > 0) {
                    rt("nanopy_rt_write", sp, sep);
                }
                rt("nanopy_rt_write", sp, strs.get(i));
            }
            return rt("nanopy_rt_write", sp, end);
        }

        private Lir.Atom str(Lir.Atom a, Closed.Type type, Span sp) {
            if (type instanceof Closed.StrType) {
                return a;
            }
            String suffix = switch (kind(type)) {
                case INT -> "_int";
                case BOOL -> "_bool";
                case FLOAT -> "_float";
                case OBJ, VOID -> "_obj";
            };
            return atomOf(rt(RuntimeAbi.name(PrimOp.ToStr, suffix), sp, a), Lir.Ty.Ptr);
        }

        private Lir.Expr mach(Lir.MachOp op, Blocks.Prim p) {
            return new Lir.Mach(op, p.args().map(this::atom), ty(p.type()), p.span());
        }

        private Lir.Expr prim(Blocks.Prim p) {
            Span sp = p.span();
            List<Kind> kinds = p.args().map(a -> kind(typeOf(a)));
            return switch (p.op()) {
                case IntAdd -> mach(Lir.MachOp.Add, p);
                case IntSub -> mach(Lir.MachOp.Sub, p);
                case IntMul -> mach(Lir.MachOp.Mul, p);
                case IntNeg -> mach(Lir.MachOp.Neg, p);
                case IntEq, BoolEq -> mach(Lir.MachOp.Eq, p);
                case IntNe, BoolNe -> mach(Lir.MachOp.Ne, p);
                case IntLt -> mach(Lir.MachOp.Lt, p);
                case IntLe -> mach(Lir.MachOp.Le, p);
                case IntGt -> mach(Lir.MachOp.Gt, p);
                case IntGe -> mach(Lir.MachOp.Ge, p);
                case IntToFloat -> mach(Lir.MachOp.IToF, p);
                case FloatAdd -> mach(Lir.MachOp.FAdd, p);
                case FloatSub -> mach(Lir.MachOp.FSub, p);
                case FloatMul -> mach(Lir.MachOp.FMul, p);
                case FloatNeg -> mach(Lir.MachOp.FNeg, p);
                case Not -> new Lir.Mach(Lir.MachOp.Xor, List.of(atom(p.args().head()), new Lir.Int(1, sp)), Lir.Ty.I64, sp);
                case Is, IsNot -> new Lir.Mach(p.op() == PrimOp.Is ? Lir.MachOp.PtrEq : Lir.MachOp.PtrNe,
                        p.args().map(this::boxed), Lir.Ty.I64, sp);
                case FloatEq, FloatNe, FloatLt, FloatLe, FloatGt, FloatGe -> floatCompare(p, kinds);
                case Truthy -> switch (kinds.head()) {
                    case INT -> new Lir.Mach(Lir.MachOp.Ne, List.of(atom(p.args().head()), new Lir.Int(0, sp)), Lir.Ty.I64, sp);
                    case BOOL -> atom(p.args().head());
                    case FLOAT -> new Lir.Mach(Lir.MachOp.FNe, List.of(atom(p.args().head()), new Lir.Float(0.0, sp)), Lir.Ty.I64, sp);
                    case OBJ, VOID -> routine(p, "");
                };
                case ToStr -> str(atom(p.args().head()), typeOf(p.args().head()), sp);
                case Input -> {
                    if (p.args().nonEmpty()) {
                        rt("nanopy_rt_write", sp, atom(p.args().head()));
                    }
                    yield rt(RuntimeAbi.name(PrimOp.Input, ""), sp);
                }
                default -> routine(p, "");
            };
        }

        private Lir.Expr floatCompare(Blocks.Prim p, List<Kind> kinds) {
            if (kinds.forAll(k -> k == Kind.FLOAT)) {
                return mach(switch (p.op()) {
                    case FloatEq -> Lir.MachOp.FEq;
                    case FloatNe -> Lir.MachOp.FNe;
                    case FloatLt -> Lir.MachOp.FLt;
                    case FloatLe -> Lir.MachOp.FLe;
                    case FloatGt -> Lir.MachOp.FGt;
                    default -> Lir.MachOp.FGe;
                }, p);
            }
            return routine(p, kinds.head() == Kind.INT ? "_if" : "_fi");
        }

        /** A call of the primitive's routine: non-object arguments boxed where it takes objects, an object result unboxed. */
        private Lir.Expr routine(Blocks.Prim p, String suffix) {
            Span sp = p.span();
            Routine r = RuntimeAbi.of(p.op(), suffix)
                    .orElseThrow(() -> new IllegalStateException("lower-to-lir: no routine for " + p.op() + suffix + " at " + sp));
            Lir.Atom[] args = new Lir.Atom[p.args().size()];
            for (int i = 0; i < args.length; i++) {
                Blocks.Atom a = p.args().get(i);
                args[i] = r.params().get(i) == Kind.OBJ ? boxed(a) : atom(a);
            }
            Lir.Expr call = rt(r.name(), sp, args);
            Kind want = kind(p.type());
            if (r.result() == Kind.VOID) {
                return switch (want) {
                    case INT, BOOL -> new Lir.Int(0, sp);
                    case FLOAT -> new Lir.Float(0.0, sp);
                    case OBJ, VOID -> new Lir.Null(sp);
                };
            }
            return r.result() == Kind.OBJ ? unbox(call, want, sp) : call;
        }
    }
}
