package nanopy.py.interp;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.Code.Ev;
import nanopy.py.interp.Code.Ex;
import nanopy.py.interp.Code.Frame;
import nanopy.py.interp.Runtime.Fn;
import nanopy.py.interp.Runtime.FnCode;
import nanopy.py.interp.Values.PyList;
import nanopy.py.interp.Values.PyTuple;

/**
 * Compiles a program of any middle-end language (NoAugAssign ... Flat; Blocks' blocks are
 * {@link BlockCompiler}'s) into Java closures, by production name: a production means the same in
 * every language that has it (see {@code Desugared.ir} and {@code Closed.ir}). Values, primitives
 * and printing are the PyTyped interpreter's ({@link Values}, {@link PrimCompiler}), so the output
 * and errors are the same.
 *
 * <p>Before closure conversion a function's frame links to the frame it was defined in (slot 0)
 * and a variable of an enclosing function is found by following those links; after it, the
 * program says where each variable lives (plain locals, globals, activation records).
 */
class MiddleCompiler {
    /** Stores a value into an assignment target. */
    interface Store {
        void store(Frame f, Object v);
    }

    final Scope module = new Scope("<module>", Option.none(), true);
    final Object[] globals;
    final PrimCompiler prims;
    final Runtime.Calls calls;
    final Map<String, FnCode> defs = new HashMap<>();
    Scope current = module;

    MiddleCompiler(Node program, ProgramIo io, int recursionLimit) {
        for (String field : new String[] {"globals", "locals"}) {
            if (Fields.has(program, field)) {
                Fields.nodes(program, field).forEach(l -> module.add(Fields.str(l, "name")));
            }
        }
        this.globals = new Object[module.slots.size()];
        this.prims = new PrimCompiler(io);
        this.calls = new Runtime.Calls(recursionLimit);
    }

    /** The frame the module's top-level code runs in; its slots are the globals. */
    Frame moduleFrame() {
        return new Frame(globals, Runtime.NO_CELLS);
    }

    /** Declares the top-level Defs of a closure-converted program, so bodies can refer to any. */
    void declareDefs(List<Node> ds) {
        for (Node d : ds) {
            defs.put(Fields.str(d, "name"), new FnCode(Fields.str(d, "name"), defScope(d).slots.size()));
        }
    }

    /** The scope of a top-level Def: its parameters (the static link first), then its locals. */
    Scope defScope(Node d) {
        Scope s = new Scope(Fields.str(d, "name"), Option.none(), false);
        Fields.nodes(d, "params").forEach(l -> s.add(Fields.str(l, "name")));
        Fields.nodes(d, "locals").forEach(l -> s.add(Fields.str(l, "name")));
        return s;
    }

    /** Compiles the body of each top-level Def (statement bodies; see BlockCompiler for blocks). */
    void compileDefs(List<Node> ds) {
        for (Node d : ds) {
            Scope outer = current;
            current = defScope(d);
            Ex body = block(Fields.nodes(d, "body"));
            current = outer;
            defs.get(Fields.str(d, "name")).body = f -> body.exec(f) == Code.RETURN ? f.ret : Values.None.NONE;
        }
    }

    Ex block(List<Node> body) {
        Ex[] xs = body.map(this::stmt).toJavaArray(Ex[]::new);
        if (xs.length == 1) {
            return xs[0];
        }
        return f -> {
            for (Ex x : xs) {
                int s = x.exec(f);
                if (s != Code.NORMAL) {
                    return s;
                }
            }
            return Code.NORMAL;
        };
    }

    Ex stmt(Node s) {
        Span sp = s.span();
        return switch (Fields.kind(s)) {
            case "FunctionDef" -> {
                Ev make = function(s, Fields.str(s, "name"), Option.none());
                Store st = variable(Fields.str(s, "name"));
                yield f -> {
                    st.store(f, make.eval(f));
                    return Code.NORMAL;
                };
            }
            case "Return" -> {
                Ev e = expr(Fields.node(s, "value"));
                yield f -> {
                    f.ret = e.eval(f);
                    return Code.RETURN;
                };
            }
            case "Assign" -> {
                Ev e = expr(Fields.node(s, "value"));
                List<Node> ts = Fields.has(s, "targets") ? Fields.nodes(s, "targets") : List.of(Fields.node(s, "target"));
                Store[] stores = ts.map(this::target).toJavaArray(Store[]::new);
                yield f -> {
                    Object v = e.eval(f);
                    for (Store t : stores) {
                        t.store(f, v);
                    }
                    return Code.NORMAL;
                };
            }
            case "If" -> {
                Ev t = expr(Fields.node(s, "test"));
                Ex b = block(Fields.nodes(s, "body"));
                Ex o = block(Fields.nodes(s, "orelse"));
                yield f -> (Boolean) t.eval(f) ? b.exec(f) : o.exec(f);
            }
            case "While" -> {
                Ev t = expr(Fields.node(s, "test"));
                Ex b = block(Fields.nodes(s, "body"));
                yield f -> {
                    while ((Boolean) t.eval(f)) {
                        int st = b.exec(f);
                        if (st == Code.BREAK) {
                            break;
                        }
                        if (st == Code.RETURN) {
                            return st;
                        }
                    }
                    return Code.NORMAL;
                };
            }
            case "For" -> new ForLoops(this).forLoop(target(Fields.node(s, "target")), Fields.node(s, "iter"),
                    block(Fields.nodes(s, "body")));
            case "ExprStmt" -> {
                Ev e = expr(Fields.node(s, "value"));
                yield f -> {
                    e.eval(f);
                    return Code.NORMAL;
                };
            }
            case "Init" -> {
                Ev o = expr(Fields.node(s, "object"));
                int i = Fields.integer(s, "index");
                Ev v = expr(Fields.node(s, "value"));
                yield f -> {
                    init(o.eval(f), i, v.eval(f));
                    return Code.NORMAL;
                };
            }
            case "Pass" -> f -> Code.NORMAL;
            case "Break" -> f -> Code.BREAK;
            case "Continue" -> f -> Code.CONTINUE;
            case "Raise" -> {
                Ev e = expr(Fields.node(s, "exc"));
                yield f -> {
                    throw Exceptions.raise(e.eval(f), sp);
                };
            }
            case "Try" -> {
                List<Node> fin = Fields.nodes(s, "finalbody");
                yield new TryStatement(block(Fields.nodes(s, "body")),
                        Fields.nodes(s, "handlers").map(h -> new TryStatement.Handler(
                                Fields.strs(h, "classes").toJavaArray(String[]::new), target(Fields.node(h, "target"))::store,
                                block(Fields.nodes(h, "body")))).toJavaArray(TryStatement.Handler[]::new),
                        block(Fields.nodes(s, "orelse")), fin.isEmpty() ? null : block(fin));
            }
            case "Catch" -> {
                Store st = variable(Fields.str(s, "name"));
                yield f -> {
                    st.store(f, f.caught);
                    f.caught = null;
                    return Code.NORMAL;
                };
            }
            default -> throw unknown(s, sp);
        };
    }

    static IllegalStateException unknown(Node n, Span sp) {
        return new IllegalStateException("the middle-end interpreter does not know " + Fields.kind(n) + " at " + sp);
    }

    private static void init(Object object, int index, Object value) {
        switch (object) {
            case PyList l -> l.items.set(index, value);
            case PyTuple t -> t.items[index] = value;
            case Object[] record -> record[index] = value;
            case Fn fn -> fn.env = value;
            default -> throw new IllegalStateException("Init of a " + object.getClass().getSimpleName());
        }
    }

    Store target(Node t) {
        Span sp = t.span();
        return switch (Fields.kind(t)) {
            case "VarTarget" -> variable(Fields.str(t, "name"));
            case "GlobalTarget" -> {
                int i = module.slots.get(Fields.str(t, "name"));
                Object[] g = globals;
                yield (f, v) -> g[i] = v;
            }
            case "ItemTarget" -> {
                Ev l = expr(Fields.node(t, "list"));
                Ev i = expr(Fields.node(t, "index"));
                yield (f, v) -> {
                    PyList xs = (PyList) l.eval(f);
                    long k = (Long) i.eval(f);
                    long n = k < 0 ? k + xs.items.size() : k;
                    if (n < 0 || n >= xs.items.size()) {
                        throw Prims.error("IndexError", "list assignment index out of range", sp);
                    }
                    xs.items.set((int) n, v);
                };
            }
            case "UnpackTarget" -> {
                Store[] ts = Fields.nodes(t, "elts").map(this::target).toJavaArray(Store[]::new);
                yield (f, v) -> {
                    Object[] items = ((PyTuple) v).items;
                    for (int i = 0; i < ts.length; i++) {
                        ts[i].store(f, items[i]);
                    }
                };
            }
            case "RecordTarget" -> {
                Ev env = expr(Fields.node(t, "env"));
                int hops = Fields.integer(t, "hops");
                int slot = Fields.integer(t, "slot");
                yield (f, v) -> walk(env.eval(f), hops)[slot] = v;
            }
            default -> throw unknown(t, sp);
        };
    }

    static Object[] walk(Object record, int hops) {
        Object[] r = (Object[]) record;
        for (int i = 0; i < hops; i++) {
            r = (Object[]) r[0];
        }
        return r;
    }

    private static String user(String name) {
        return TargetRuntime.userName(name);
    }

    /** Stores into a variable of the current scope or an enclosing one. */
    Store variable(String name) {
        Scope.Place p = current.resolve(name);
        if (p.owner().isModule) {
            Object[] g = globals;
            int i = p.slot();
            return (f, v) -> g[i] = v;
        }
        int hops = p.hops();
        int i = p.slot();
        if (hops == 0) {
            return (f, v) -> f.slots[i] = v;
        }
        return (f, v) -> outer(f, hops).slots[i] = v;
    }

    private static Frame outer(Frame f, int hops) {
        Frame g = f;
        for (int k = 0; k < hops; k++) {
            g = (Frame) g.slots[0];
        }
        return g;
    }

    /** Loads a variable, raising CPython's error when it has no value yet. */
    Ev load(String name, Span span) {
        Scope.Place p = current.resolve(name);
        int i = p.slot();
        if (p.owner().isModule) {
            Object[] g = globals;
            String msg = "name '" + user(name) + "' is not defined";
            return f -> {
                Object v = g[i];
                if (v == null) {
                    throw Prims.error("NameError", msg, span);
                }
                return v;
            };
        }
        int hops = p.hops();
        String msg = hops == 0 ? "cannot access local variable '" + user(name) + "' where it is not associated with a value"
                : "cannot access free variable '" + user(name) + "' where it is not associated with a value in enclosing scope";
        String cls = hops == 0 ? "UnboundLocalError" : "NameError";
        return f -> {
            Object v = hops == 0 ? f.slots[i] : outer(f, hops).slots[i];
            if (v == null) {
                throw Prims.error(cls, msg, span);
            }
            return v;
        };
    }

    /**
     * Compiles a nested FunctionDef or Lambda (before closure conversion) and returns the
     * expression that makes its closure over the current frame.
     */
    private Ev function(Node node, String name, Option<Node> lambdaBody) {
        Scope s = new Scope(name, Option.some(current), false);
        s.add(" link");
        Fields.nodes(node, "params").forEach(l -> s.add(Fields.str(l, "name")));
        Fields.nodes(node, "locals").forEach(l -> s.add(Fields.str(l, "name")));
        FnCode code = new FnCode(name, s.slots.size());
        Scope outer = current;
        current = s;
        if (lambdaBody.isDefined()) {
            Ev e = expr(lambdaBody.get());
            code.body = e::eval;
        } else {
            Ex body = block(Fields.nodes(node, "body"));
            code.body = f -> body.exec(f) == Code.RETURN ? f.ret : Values.None.NONE;
        }
        current = outer;
        return f -> new Fn(code, f);
    }

    Ev[] exprs(List<Node> es) {
        return es.map(this::expr).toJavaArray(Ev[]::new);
    }

    Ev expr(Node e) {
        Span sp = e.span();
        return switch (Fields.kind(e)) {
            case "IntLit", "FloatLit", "BoolLit", "StrLit" -> {
                Object c = Fields.get(e, "value");
                yield f -> c;
            }
            case "NoneLit" -> f -> Values.None.NONE;
            case "Var" -> load(Fields.str(e, "name"), sp);
            case "GlobalVar" -> {
                int i = module.slots.get(Fields.str(e, "name"));
                Object[] g = globals;
                String msg = "name '" + user(Fields.str(e, "name")) + "' is not defined";
                yield f -> {
                    Object v = g[i];
                    if (v == null) {
                        throw Prims.error("NameError", msg, sp);
                    }
                    return v;
                };
            }
            case "Prim" -> prims.prim((PrimOp) Fields.get(e, "op"), exprs(Fields.nodes(e, "args")), sp);
            case "Compare" -> compare(e);
            case "And" -> {
                Ev a = expr(Fields.node(e, "left"));
                Ev b = expr(Fields.node(e, "right"));
                yield f -> (Boolean) a.eval(f) ? b.eval(f) : Boolean.FALSE;
            }
            case "Or" -> {
                Ev a = expr(Fields.node(e, "left"));
                Ev b = expr(Fields.node(e, "right"));
                yield f -> (Boolean) a.eval(f) ? Boolean.TRUE : b.eval(f);
            }
            case "IfExp" -> {
                Ev c = expr(Fields.node(e, "test"));
                Ev a = expr(Fields.node(e, "body"));
                Ev b = expr(Fields.node(e, "orelse"));
                yield f -> (Boolean) c.eval(f) ? a.eval(f) : b.eval(f);
            }
            case "Begin" -> {
                Ex body = block(Fields.nodes(e, "body"));
                Ev r = expr(Fields.node(e, "result"));
                yield f -> {
                    body.exec(f);
                    return r.eval(f);
                };
            }
            case "ListLit" -> {
                Ev[] xs = exprs(Fields.nodes(e, "elts"));
                yield f -> {
                    ArrayList<Object> items = new ArrayList<>(xs.length);
                    for (Ev x : xs) {
                        items.add(x.eval(f));
                    }
                    return new PyList(items);
                };
            }
            case "TupleLit" -> {
                Ev[] xs = exprs(Fields.nodes(e, "elts"));
                yield f -> {
                    Object[] items = new Object[xs.length];
                    for (int i = 0; i < xs.length; i++) {
                        items[i] = xs[i].eval(f);
                    }
                    return new PyTuple(items);
                };
            }
            case "TupleGet" -> {
                Ev x = expr(Fields.node(e, "tuple"));
                int i = Fields.integer(e, "index");
                yield f -> ((PyTuple) x.eval(f)).items[i];
            }
            case "ListComp" -> new ForLoops(this).listComp(Fields.node(e, "elt"), Fields.nodes(e, "generators"));
            case "Lambda" -> function(e, "<lambda>", Option.some(Fields.node(e, "body")));
            case "Call" -> call(expr(Fields.node(e, "fn")), exprs(Fields.nodes(e, "args")), sp);
            case "Print" -> prims.print(exprs(Fields.nodes(e, "args")), expr(Fields.node(e, "sep")), expr(Fields.node(e, "end")));
            case "RecordGet" -> {
                Ev env = expr(Fields.node(e, "env"));
                int hops = Fields.integer(e, "hops");
                int slot = Fields.integer(e, "slot");
                yield f -> walk(env.eval(f), hops)[slot];
            }
            case "MakeRecord" -> {
                Ev link = expr(Fields.node(e, "link"));
                Ev[] xs = exprs(Fields.nodes(e, "slots"));
                yield f -> {
                    Object[] r = new Object[xs.length + 1];
                    r[0] = link.eval(f);
                    for (int i = 0; i < xs.length; i++) {
                        r[i + 1] = xs[i].eval(f);
                    }
                    return r;
                };
            }
            case "MakeClosure" -> {
                FnCode code = defs.get(Fields.str(e, "code"));
                Ev env = expr(Fields.node(e, "env"));
                yield f -> new Fn(code, env.eval(f));
            }
            case "AllocateClosure" -> {
                FnCode code = defs.get(Fields.str(e, "code"));
                yield f -> new Fn(code, Values.None.NONE);
            }
            case "Allocate" -> {
                int n = Fields.integer(e, "size");
                yield switch (Fields.get(e, "kind").toString()) {
                    case "ListObj" -> f -> {
                        ArrayList<Object> items = new ArrayList<>(n);
                        for (int i = 0; i < n; i++) {
                            items.add(Values.None.NONE);
                        }
                        return new PyList(items);
                    };
                    case "TupleObj" -> f -> new PyTuple(new Object[n]);
                    default -> f -> new Object[n];
                };
            }
            default -> throw unknown(e, sp);
        };
    }

    Ev call(Ev fn, Ev[] args, Span sp) {
        return f -> {
            Fn c = (Fn) fn.eval(f);
            Object[] vs = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                vs[i] = args[i].eval(f);
            }
            return calls.invoke(c, vs, sp);
        };
    }

    private Ev compare(Node e) {
        Ev l = expr(Fields.node(e, "left"));
        List<Node> rest = Fields.nodes(e, "rest");
        Ev[] rs = rest.map(c -> expr(Fields.node(c, "right"))).toJavaArray(Ev[]::new);
        PrimCompiler.Binary[] ops = rest.map(c -> prims.binary((PrimOp) Fields.get(c, "op"), c.span()))
                .toJavaArray(PrimCompiler.Binary[]::new);
        return f -> {
            Object a = l.eval(f);
            for (int i = 0; i < rs.length; i++) {
                Object b = rs[i].eval(f);
                if (!(Boolean) ops[i].apply(a, b)) {
                    return Boolean.FALSE;
                }
                a = b;
            }
            return Boolean.TRUE;
        };
    }
}
