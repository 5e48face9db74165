package nanopy.lir.interp;

import io.vavr.collection.List;
import java.util.HashMap;
import java.util.Map;
import nanopy.ir.Interpreter;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.lir.Lir;
import nanopy.lir.RuntimeAbi;
import nanopy.lir.RuntimeAbi.Kind;
import nanopy.lir.RuntimeAbi.Routine;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.MiddleInterpreters;
import nanopy.py.interp.PyTypedInterpreter;
import nanopy.py.interp.TargetRuntime;

/**
 * The reference interpreter of {@link Lir}: the program is compiled to Java closures, one per
 * statement, and each function's blocks run in a dispatch loop. I64 values are {@link Long}s, F64
 * values {@link Double}s, Ptr values the run-time library's objects ({@link TargetRuntime}: strings,
 * lists, tuples, boxed ints/floats/bools, None), activation records and closures are
 * {@code Object[]} words (a closure: code, record), and a code address is the callee itself. Every
 * {@code nanopy_rt_*} routine of {@link RuntimeAbi} is implemented by the run-time library, so
 * output and errors are those of every other target. Like the other reference interpreters it
 * stops with {@code NameError} when a global is read before it is stored (a program that went
 * through guard-unbound-reads never does that). Runs on a large stack; past
 * {@link PyTypedInterpreter#RECURSION_LIMIT} nested calls it raises {@code RecursionError}.
 */
public final class LirInterpreter implements Interpreter {
    /** For ServiceLoader. */
    public LirInterpreter() {}

    @Override
    public Language language() {
        return Lir.LANGUAGE;
    }

    @Override
    public void run(Node program, ProgramIo io) {
        Lir.Module m = (Lir.Module) program;
        MiddleInterpreters.onLargeStack(() -> {
            try {
                new Machine(m, io).run(m);
            } finally {
                io.flush();
            }
        });
    }

    private interface Ev {
        Object eval(Frame f);
    }

    private interface Ex {
        void exec(Frame f);
    }

    /** A terminator: the index of the next block, or -1 after setting the frame's result. */
    private interface Tl {
        int next(Frame f);
    }

    private interface Body {
        Object run(Frame f);
    }

    private static final class Frame {
        final Object[] slots;
        Object ret;

        Frame(int size) {
            slots = new Object[size];
        }
    }

    /** A function: its name, frame size, and body (compiled after every function is declared). */
    private static final class Fn {
        final String name;
        final int size;
        Body body;

        Fn(String name, int size) {
            this.name = name;
            this.size = size;
        }
    }

    private static final class Machine {
        private final TargetRuntime rt;
        private final Map<String, Integer> globalIndex = new HashMap<>();
        private final Object[] globals;
        private final Map<String, Fn> fns = new HashMap<>();
        private Map<String, Integer> slots = Map.of();
        private int depth;
        private int ticks;

        Machine(Lir.Module m, ProgramIo io) {
            this.rt = new TargetRuntime(io);
            globals = new Object[m.globals().size()];
            for (Lir.Local g : m.globals()) {
                globalIndex.put(g.name(), globalIndex.size());
            }
            for (Lir.Def d : m.defs()) {
                fns.put(d.name(), new Fn(d.name(), d.params().size() + d.locals().size()));
            }
            for (Lir.Def d : m.defs()) {
                fns.get(d.name()).body = body(d.params().appendAll(d.locals()), d.blocks());
            }
        }

        void run(Lir.Module m) {
            Body b = body(m.locals(), m.body());
            b.run(new Frame(m.locals().size()));
        }

        private static Object zero(Lir.Ty ty) {
            return switch (ty) {
                case I64 -> 0L;
                case F64 -> 0.0;
                case Ptr, Void -> TargetRuntime.NONE;
            };
        }

        private Body body(List<Lir.Local> locals, List<Lir.Block> blocks) {
            Map<String, Integer> outer = slots;
            slots = new HashMap<>();
            for (Lir.Local l : locals) {
                slots.put(l.name(), slots.size());
            }
            Object[] zeros = locals.map(l -> zero(l.ty())).toJavaArray(Object[]::new);
            Map<String, Integer> labels = new HashMap<>();
            blocks.forEach(b -> labels.put(b.label(), labels.size()));
            int n = blocks.size();
            Ex[][] bodies = new Ex[n][];
            Tl[] tails = new Tl[n];
            for (int i = 0; i < n; i++) {
                bodies[i] = blocks.get(i).body().map(this::stmt).toJavaArray(Ex[]::new);
                tails[i] = tail(blocks.get(i).tail(), labels);
            }
            slots = outer;
            return f -> {
                for (int i = 0; i < zeros.length; i++) {
                    if (f.slots[i] == null) {
                        f.slots[i] = zeros[i];
                    }
                }
                int b = 0;
                while (b >= 0) {
                    for (Ex x : bodies[b]) {
                        x.exec(f);
                    }
                    b = tails[b].next(f);
                }
                return f.ret;
            };
        }

        private int slot(String name, Span sp) {
            Integer i = slots.get(name);
            if (i == null) {
                throw new IllegalStateException("Lir: undeclared variable '" + name + "' at " + sp);
            }
            return i;
        }

        private Ex stmt(Lir.Stmt s) {
            return switch (s) {
                case Lir.Assign(String name, Lir.Expr value, Span sp) -> {
                    int i = slot(name, sp);
                    Ev v = expr(value);
                    yield f -> f.slots[i] = v.eval(f);
                }
                case Lir.SetField(Lir.Atom object, int index, Lir.Atom value, Span sp) -> {
                    Ev o = expr(object);
                    Ev v = expr(value);
                    yield f -> ((Object[]) o.eval(f))[index] = v.eval(f);
                }
                case Lir.StoreGlobal(String name, Lir.Atom value, Span sp) -> {
                    int i = global(name, sp);
                    Ev v = expr(value);
                    yield f -> globals[i] = v.eval(f);
                }
                case Lir.ExprStmt(Lir.Expr value, Span sp) -> {
                    Ev v = expr(value);
                    yield v::eval;
                }
            };
        }

        private int global(String name, Span sp) {
            Integer i = globalIndex.get(name);
            if (i == null) {
                throw new IllegalStateException("Lir: undeclared global '" + name + "' at " + sp);
            }
            return i;
        }

        private Tl tail(Lir.Tail t, Map<String, Integer> labels) {
            return switch (t) {
                case Lir.Goto(String label, Span sp) -> {
                    int to = label(labels, label, sp);
                    yield f -> {
                        tick(sp);
                        return to;
                    };
                }
                case Lir.Branch(Lir.Atom test, String then, String orelse, Span sp) -> {
                    Ev v = expr(test);
                    int a = label(labels, then, sp);
                    int b = label(labels, orelse, sp);
                    yield f -> {
                        tick(sp);
                        return (Long) v.eval(f) != 0 ? a : b;
                    };
                }
                case Lir.Return(Lir.Atom value, Span sp) -> {
                    Ev v = expr(value);
                    yield f -> {
                        f.ret = v.eval(f);
                        return -1;
                    };
                }
                case Lir.TailCall(Lir.Atom code, List<Lir.Atom> args, Lir.Ty ty, Span sp) -> {
                    Ev call = call(code, args, sp);
                    yield f -> {
                        f.ret = call.eval(f);
                        return -1;
                    };
                }
            };
        }

        private void tick(Span sp) {
            if ((++ticks & 0xfff) == 0 && Thread.currentThread().isInterrupted()) {
                throw new PyRuntimeError("KeyboardInterrupt", "", sp);
            }
        }

        private static int label(Map<String, Integer> labels, String label, Span sp) {
            Integer i = labels.get(label);
            if (i == null) {
                throw new IllegalStateException("Lir: no block labeled " + label + " at " + sp);
            }
            return i;
        }

        private Ev expr(Lir.Expr e) {
            return switch (e) {
                case Lir.Int(long v, Span sp) -> {
                    Long x = v;
                    yield f -> x;
                }
                case Lir.Float(double v, Span sp) -> {
                    Double x = v;
                    yield f -> x;
                }
                case Lir.Str(String v, Span sp) -> f -> v;
                case Lir.Null n -> f -> TargetRuntime.NONE;
                case Lir.FunRef(String name, Span sp) -> {
                    Fn fn = fns.get(name);
                    if (fn == null) {
                        throw new IllegalStateException("Lir: no function " + name + " at " + sp);
                    }
                    yield f -> fn;
                }
                case Lir.Var(String name, Lir.Ty ty, Span sp) -> {
                    int i = slot(name, sp);
                    yield f -> f.slots[i];
                }
                case Lir.Mach(Lir.MachOp op, List<Lir.Atom> args, Lir.Ty ty, Span sp) -> mach(op, args.map(this::expr), sp);
                case Lir.CallRt(String routine, List<Lir.Atom> args, Lir.Ty ty, Span sp) -> callRt(routine, args.map(this::expr), sp);
                case Lir.Call(Lir.Atom code, List<Lir.Atom> args, Lir.Ty ty, Span sp) -> call(code, args, sp);
                case Lir.Field(Lir.Atom object, int index, Lir.Ty ty, Span sp) -> {
                    Ev o = expr(object);
                    Object zero = zero(ty);
                    yield f -> {
                        Object v = ((Object[]) o.eval(f))[index];
                        return v == null ? zero : v;
                    };
                }
                case Lir.LoadGlobal(String name, Lir.Ty ty, Span sp) -> {
                    int i = global(name, sp);
                    String msg = "name '" + (name.contains(".") ? name.substring(0, name.indexOf('.')) : name) + "' is not defined";
                    yield f -> {
                        Object v = globals[i];
                        if (v == null) {
                            throw TargetRuntime.error("NameError", msg, sp);
                        }
                        return v;
                    };
                }
            };
        }

        private Ev call(Lir.Atom code, List<Lir.Atom> args, Span sp) {
            Ev c = expr(code);
            Ev[] as = args.map(this::expr).toJavaArray(Ev[]::new);
            return f -> {
                Fn fn = (Fn) c.eval(f);
                Frame callee = new Frame(fn.size);
                for (int i = 0; i < as.length; i++) {
                    callee.slots[i] = as[i].eval(f);
                }
                if (++depth > PyTypedInterpreter.RECURSION_LIMIT) {
                    depth = 0;
                    throw new PyRuntimeError("RecursionError", "maximum recursion depth exceeded", sp);
                }
                try {
                    return fn.body.run(callee);
                } finally {
                    depth--;
                }
            };
        }

        private static long bit(boolean b) {
            return b ? 1L : 0L;
        }

        private Ev mach(Lir.MachOp op, List<Ev> args, Span sp) {
            Ev a = args.get(0);
            Ev b = args.size() > 1 ? args.get(1) : null;
            return switch (op) {
                case Add -> checked(PrimOp.IntAdd, a, b, sp);
                case Sub -> checked(PrimOp.IntSub, a, b, sp);
                case Mul -> checked(PrimOp.IntMul, a, b, sp);
                case Neg -> checked(PrimOp.IntSub, f -> 0L, a, sp);
                case Eq -> f -> bit((long) (Long) a.eval(f) == (Long) b.eval(f));
                case Ne -> f -> bit((long) (Long) a.eval(f) != (Long) b.eval(f));
                case Lt -> f -> bit((Long) a.eval(f) < (Long) b.eval(f));
                case Le -> f -> bit((Long) a.eval(f) <= (Long) b.eval(f));
                case Gt -> f -> bit((Long) a.eval(f) > (Long) b.eval(f));
                case Ge -> f -> bit((Long) a.eval(f) >= (Long) b.eval(f));
                case Xor -> f -> (Long) a.eval(f) ^ (Long) b.eval(f);
                case FAdd -> f -> (Double) a.eval(f) + (Double) b.eval(f);
                case FSub -> f -> (Double) a.eval(f) - (Double) b.eval(f);
                case FMul -> f -> (Double) a.eval(f) * (Double) b.eval(f);
                case FNeg -> f -> -(Double) a.eval(f);
                case FEq -> f -> bit((double) (Double) a.eval(f) == (Double) b.eval(f));
                case FNe -> f -> bit((double) (Double) a.eval(f) != (Double) b.eval(f));
                case FLt -> f -> bit((Double) a.eval(f) < (Double) b.eval(f));
                case FLe -> f -> bit((Double) a.eval(f) <= (Double) b.eval(f));
                case FGt -> f -> bit((Double) a.eval(f) > (Double) b.eval(f));
                case FGe -> f -> bit((Double) a.eval(f) >= (Double) b.eval(f));
                case IToF -> f -> (double) (long) (Long) a.eval(f);
                case PtrEq -> f -> bit(a.eval(f) == b.eval(f));
                case PtrNe -> f -> bit(a.eval(f) != b.eval(f));
            };
        }

        /** Int arithmetic through the run-time library's primitive, so overflow is reported as everywhere else. */
        private Ev checked(PrimOp op, Ev a, Ev b, Span sp) {
            TargetRuntime.BinaryOperation o = rt.binary(op, sp);
            return f -> o.apply(a.eval(f), b.eval(f));
        }

        private Ev callRt(String name, List<Ev> args, Span sp) {
            Routine r = RuntimeAbi.byName(name).orElseThrow(() -> new IllegalStateException("Lir: unknown routine " + name + " at " + sp));
            if (r.params().size() != args.size()) {
                throw new IllegalStateException("Lir: " + name + " takes " + r.params().size() + " arguments, not " + args.size() + " at " + sp);
            }
            Ev[] as = new Ev[args.size()];
            for (int i = 0; i < as.length; i++) {
                Ev a = args.get(i);
                as[i] = r.params().get(i) == Kind.BOOL ? f -> (Long) a.eval(f) != 0 : a;
            }
            Ev raw = r.prim().isPresent() ? prim(r.prim().get(), as, sp) : builtin(name, as, sp);
            return switch (r.result()) {
                case BOOL -> f -> {
                    Object v = raw.eval(f);
                    return v instanceof Boolean z ? bit(z) : v;
                };
                case VOID -> f -> {
                    raw.eval(f);
                    return TargetRuntime.NONE;
                };
                default -> raw;
            };
        }

        private Ev prim(PrimOp op, Ev[] as, Span sp) {
            TargetRuntime.Applier ap = rt.operation(op, as.length, sp);
            return f -> {
                Object[] vs = new Object[as.length];
                for (int i = 0; i < vs.length; i++) {
                    vs[i] = as[i].eval(f);
                }
                return ap.apply(vs);
            };
        }

        private Ev builtin(String name, Ev[] as, Span sp) {
            Ev a = as.length > 0 ? as[0] : null;
            Ev b = as.length > 1 ? as[1] : null;
            Ev c = as.length > 2 ? as[2] : null;
            return switch (name) {
                case "nanopy_rt_box_int", "nanopy_rt_box_float", "nanopy_rt_box_bool", "nanopy_rt_unbox_int", "nanopy_rt_unbox_float" -> a;
                case "nanopy_rt_unbox_bool" -> f -> bit((Boolean) a.eval(f));
                case "nanopy_rt_list_new" -> f -> TargetRuntime.newList(Math.toIntExact((Long) a.eval(f)));
                case "nanopy_rt_list_init" -> f -> TargetRuntime.items(a.eval(f)).set(Math.toIntExact((Long) b.eval(f)), c.eval(f));
                case "nanopy_rt_list_set" -> f -> {
                    TargetRuntime.setItem(a.eval(f), (Long) b.eval(f), c.eval(f), sp);
                    return null;
                };
                case "nanopy_rt_tuple_new" -> f -> TargetRuntime.newTuple(Math.toIntExact((Long) a.eval(f)));
                case "nanopy_rt_tuple_init" -> f -> TargetRuntime.tupleItems(a.eval(f))[Math.toIntExact((Long) b.eval(f))] = c.eval(f);
                case "nanopy_rt_tuple_get" -> f -> TargetRuntime.tupleItem(a.eval(f), Math.toIntExact((Long) b.eval(f)));
                case "nanopy_rt_record_new" -> f -> new Object[Math.toIntExact((Long) a.eval(f))];
                case "nanopy_rt_closure_new" -> f -> new Object[] {a.eval(f), null};
                case "nanopy_rt_write" -> {
                    Object[] one = new Object[1];
                    yield f -> {
                        one[0] = a.eval(f);
                        rt.print(one, "", "");
                        return null;
                    };
                }
                default -> throw new IllegalStateException("Lir: the interpreter lacks routine " + name + " at " + sp);
            };
        }
    }
}
