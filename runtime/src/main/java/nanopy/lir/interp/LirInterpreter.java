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
            } catch (PyRuntimeError e) {
                e.markTraced();   // every call recorded itself on the way out (tail calls leave no frame, as on regvm)
                throw e;
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
        private final LirOperations ops;
        private final Map<String, Integer> globalIndex = new HashMap<>();
        private final Object[] globals;
        private final Map<String, Fn> fns = new HashMap<>();
        private Map<String, Integer> slots = Map.of();
        private int depth;
        private int ticks;

        Machine(Lir.Module m, ProgramIo io) {
            this.ops = new LirOperations(new TargetRuntime(io));
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

        private Body body(List<Lir.Local> locals, List<Lir.Block> blocks) {
            Map<String, Integer> outer = slots;
            slots = new HashMap<>();
            for (Lir.Local l : locals) {
                slots.put(l.name(), slots.size());
            }
            Object[] zeros = locals.map(l -> LirOperations.zero(l.ty())).toJavaArray(Object[]::new);
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
                case Lir.Mach(Lir.MachOp op, List<Lir.Atom> args, Lir.Ty ty, Span sp) -> apply(ops.mach(op, sp), args.map(this::expr));
                case Lir.CallRt(String routine, List<Lir.Atom> args, Lir.Ty ty, Span sp) -> apply(ops.routine(routine, args.size(), sp), args.map(this::expr));
                case Lir.Call(Lir.Atom code, List<Lir.Atom> args, Lir.Ty ty, Span sp) -> call(code, args, sp);
                case Lir.Field(Lir.Atom object, int index, Lir.Ty ty, Span sp) -> {
                    Ev o = expr(object);
                    Object zero = LirOperations.zero(ty);
                    yield f -> {
                        Object v = ((Object[]) o.eval(f))[index];
                        return v == null ? zero : v;
                    };
                }
                case Lir.LoadGlobal(String name, Lir.Ty ty, Span sp) -> {
                    int i = global(name, sp);
                    String msg = "name '" + TargetRuntime.userName(name) + "' is not defined";
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
                } catch (PyRuntimeError e) {
                    e.leaveFunction(TargetRuntime.userName(fn.name), sp);   // the traceback's frame for this call
                    throw e;
                } finally {
                    depth--;
                }
            };
        }

        private Ev apply(LirOperations.Operation op, List<Ev> args) {
            Ev[] as = args.toJavaArray(Ev[]::new);
            return switch (as.length) {
                case 1 -> {
                    Ev a = as[0];
                    yield f -> op.apply(new Object[] {a.eval(f)});
                }
                case 2 -> {
                    Ev a = as[0];
                    Ev b = as[1];
                    yield f -> op.apply(new Object[] {a.eval(f), b.eval(f)});
                }
                default -> f -> {
                    Object[] vs = new Object[as.length];
                    for (int i = 0; i < vs.length; i++) {
                        vs[i] = as[i].eval(f);
                    }
                    return op.apply(vs);
                };
            };
        }
    }
}
