package nanopy.py.interp;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.ir.ProgramIo;
import nanopy.ir.Span;
import nanopy.py.PyTyped;
import nanopy.py.interp.Code.Depth;
import nanopy.py.interp.Code.Ev;
import nanopy.py.interp.Code.Ex;
import nanopy.py.interp.Code.Frame;
import nanopy.py.interp.Values.Cell;
import nanopy.py.interp.Values.Closure;
import nanopy.py.interp.Values.PyList;
import nanopy.py.interp.Values.PyTuple;

/**
 * Compiles a PyTyped program into a tree of Java closures (one per node, with variables resolved to
 * frame slots, cells or globals up front), which is much faster to run than walking the IR. One
 * compiler per run: it owns the run's globals, call depth and I/O.
 */
final class Compiler {
    /** Stores a value into an assignment target. */
    interface Store {
        void store(Frame f, Object v);
    }

    private final Scopes scopes;
    private final Object[] globals;
    private final Depth depth;
    private final PrimCompiler prims;
    private Scopes.Info current;

    Compiler(PyTyped.Module program, ProgramIo io, int recursionLimit) {
        this.scopes = new Scopes(program);
        this.globals = new Object[scopes.module.slots.size()];
        this.depth = new Depth(recursionLimit);
        this.prims = new PrimCompiler(io);
        this.current = scopes.module;
    }

    /** The module's code, to run with {@link #moduleFrame()}. */
    Ex module(PyTyped.Module m) {
        return block(m.body());
    }

    Frame moduleFrame() {
        return new Frame(globals, new Cell[0]);
    }

    Ex block(List<PyTyped.Stmt> body) {
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

    private Ex stmt(PyTyped.Stmt s) {
        return switch (s) {
            case PyTyped.FunctionDef d -> {
                Ev make = function(d, d.params(), () -> block(d.body()), null);
                Store st = variable(d.name(), d.span());
                yield f -> {
                    st.store(f, make.eval(f));
                    return Code.NORMAL;
                };
            }
            case PyTyped.Return(var v, var sp) -> {
                Ev e = expr(v);
                yield f -> {
                    f.ret = e.eval(f);
                    return Code.RETURN;
                };
            }
            case PyTyped.Assign(var targets, var v, var sp) -> {
                Ev e = expr(v);
                Store[] ts = targets.map(this::target).toJavaArray(Store[]::new);
                yield f -> {
                    Object x = e.eval(f);
                    for (Store t : ts) {
                        t.store(f, x);
                    }
                    return Code.NORMAL;
                };
            }
            case PyTyped.AugAssign a -> augAssign(a);
            case PyTyped.If(var test, var body, var orelse, var sp) -> {
                Ev t = expr(test);
                Ex b = block(body);
                Ex o = block(orelse);
                yield f -> (Boolean) t.eval(f) ? b.exec(f) : o.exec(f);
            }
            case PyTyped.While(var test, var body, var sp) -> {
                Ev t = expr(test);
                Ex b = block(body);
                yield f -> {
                    while ((Boolean) t.eval(f)) {
                        Prims.checkInterrupt(sp);
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
            case PyTyped.For(var target, var iter, var body, var sp) -> new Loops(this).forLoop(target(target), iter, block(body), sp);
            case PyTyped.ExprStmt(var v, var sp) -> {
                Ev e = expr(v);
                yield f -> {
                    e.eval(f);
                    return Code.NORMAL;
                };
            }
            case PyTyped.Pass p -> f -> Code.NORMAL;
            case PyTyped.Break b -> f -> Code.BREAK;
            case PyTyped.Continue c -> f -> Code.CONTINUE;
            case PyTyped.Raise(var exc, var sp) -> {
                Ev e = expr(exc);
                yield f -> {
                    throw Exceptions.raise(e.eval(f), sp);
                };
            }
            case PyTyped.Try(var body, var handlers, var orelse, var fin, var sp) -> new TryStatement(
                    block(body),
                    handlers.map(h -> new TryStatement.Handler(h.classes().toJavaArray(String[]::new), target(h.target())::store, block(h.body())))
                            .toJavaArray(TryStatement.Handler[]::new),
                    block(orelse), fin.isEmpty() ? null : block(fin));
        };
    }

    private Ex augAssign(PyTyped.AugAssign a) {
        Ev value = expr(a.value());
        PrimCompiler.Binary op = prims.binary(a.op(), a.span());
        return switch (a.target()) {
            case PyTyped.VarTarget(var name, var t, var sp) -> {
                Ev load = variableLoad(name, sp);
                Store st = variable(name, sp);
                yield f -> {
                    Object cur = load.eval(f);
                    st.store(f, op.apply(cur, value.eval(f)));
                    return Code.NORMAL;
                };
            }
            case PyTyped.ItemTarget(var list, var index, var t, var sp) -> {
                Ev l = expr(list);
                Ev i = expr(index);
                yield f -> {
                    PyList xs = (PyList) l.eval(f);
                    int k = Prims.index((Long) i.eval(f), xs.items.size(), "list", sp);
                    Object cur = xs.items.get(k);
                    xs.items.set(k, op.apply(cur, value.eval(f)));
                    return Code.NORMAL;
                };
            }
            case PyTyped.UnpackTarget u -> throw new IllegalStateException("augmented assignment to a tuple");
        };
    }

    Store target(PyTyped.Target t) {
        return switch (t) {
            case PyTyped.VarTarget(var name, var type, var sp) -> variable(name, sp);
            case PyTyped.ItemTarget(var list, var index, var type, var sp) -> {
                Ev l = expr(list);
                Ev i = expr(index);
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
            case PyTyped.UnpackTarget(var elts, var sp) -> {
                Store[] ts = elts.map(this::target).toJavaArray(Store[]::new);
                yield (f, v) -> {
                    Object[] items = ((PyTuple) v).items;
                    for (int i = 0; i < ts.length; i++) {
                        ts[i].store(f, items[i]);
                    }
                };
            }
        };
    }

    /** Stores into a variable, wherever it lives. */
    Store variable(String name, Span span) {
        Scopes.Info owner = scopes.owner.get(name);
        if (owner.isModule()) {
            int i = scopes.module.slots.get(name);
            Object[] g = globals;
            return (f, v) -> g[i] = v;
        }
        if (owner == current) {
            int i = current.slots.get(name);
            return current.cells.contains(name) ? (f, v) -> ((Cell) f.slots[i]).value = v : (f, v) -> f.slots[i] = v;
        }
        int i = current.free.indexOf(name);
        return (f, v) -> f.free[i].value = v;
    }

    /** Loads a variable, raising CPython's error when it has no value yet. */
    Ev variableLoad(String name, Span span) {
        String user = TargetRuntime.userName(name);
        Scopes.Info owner = scopes.owner.get(name);
        if (owner.isModule()) {
            int i = scopes.module.slots.get(name);
            Object[] g = globals;
            return f -> {
                Object v = g[i];
                if (v == null) {
                    throw Prims.error("NameError", "name '" + user + "' is not defined", span);
                }
                return v;
            };
        }
        String unbound = "cannot access local variable '" + user + "' where it is not associated with a value";
        if (owner == current) {
            int i = current.slots.get(name);
            if (current.cells.contains(name)) {
                return f -> {
                    Object v = ((Cell) f.slots[i]).value;
                    if (v == null) {
                        throw Prims.error("UnboundLocalError", unbound, span);
                    }
                    return v;
                };
            }
            return f -> {
                Object v = f.slots[i];
                if (v == null) {
                    throw Prims.error("UnboundLocalError", unbound, span);
                }
                return v;
            };
        }
        int i = current.free.indexOf(name);
        return f -> {
            Object v = f.free[i].value;
            if (v == null) {
                throw Prims.error("NameError", "cannot access free variable '" + user
                        + "' where it is not associated with a value in enclosing scope", span);
            }
            return v;
        };
    }

    /**
     * Compiles a function or lambda and returns the expression that makes its closure: it collects
     * the cells of the new function's free variables from the current frame.
     */
    private Ev function(nanopy.ir.Node node, List<PyTyped.Local> params, java.util.function.Supplier<Ex> body,
            PyTyped.Expr lambdaBody) {
        Scopes.Info info = scopes.byNode.get(node);
        int[] paramSlots = params.map(p -> info.slots.get(p.name())).toJavaStream().mapToInt(Integer::intValue).toArray();
        boolean[] paramCells = new boolean[paramSlots.length];
        for (int i = 0; i < paramSlots.length; i++) {
            paramCells[i] = info.cells.contains(params.get(i).name());
        }
        java.util.Set<String> paramNames = params.map(PyTyped.Local::name).toJavaSet();
        int[] cellSlots = info.cells.stream().filter(c -> !paramNames.contains(c)).mapToInt(info.slots::get).toArray();
        Code code = new Code(info.name, info.slots.size(), paramSlots, paramCells, cellSlots, depth);
        Scopes.Info outer = current;
        current = info;
        if (lambdaBody != null) {
            code.setLambdaBody(expr(lambdaBody));
        } else {
            code.setBody(body.get());
        }
        current = outer;
        ArrayList<Ev> captures = new ArrayList<>();
        for (String n : info.free) {
            if (scopes.owner.get(n) == current) {
                int slot = current.slots.get(n);
                captures.add(f -> f.slots[slot]);
            } else {
                int k = current.free.indexOf(n);
                captures.add(f -> f.free[k]);
            }
        }
        Ev[] cs = captures.toArray(Ev[]::new);
        return f -> {
            Cell[] free = new Cell[cs.length];
            for (int i = 0; i < cs.length; i++) {
                free[i] = (Cell) cs[i].eval(f);
            }
            return new Closure(code, free);
        };
    }

    Ev expr(PyTyped.Expr e) {
        return switch (e) {
            case PyTyped.IntLit(var v, var sp) -> {
                Object c = v;
                yield f -> c;
            }
            case PyTyped.FloatLit(var v, var sp) -> {
                Object c = v;
                yield f -> c;
            }
            case PyTyped.BoolLit(var v, var sp) -> {
                Object c = v;
                yield f -> c;
            }
            case PyTyped.StrLit(var v, var sp) -> f -> v;
            case PyTyped.NoneLit n -> f -> Values.None.NONE;
            case PyTyped.Var(var name, var t, var sp) -> variableLoad(name, sp);
            case PyTyped.Prim(var op, var args, var t, var sp) -> prims.prim(op, args.map(this::expr).toJavaArray(Ev[]::new), sp);
            case PyTyped.Compare(var left, var rest, var sp) -> compare(left, rest);
            case PyTyped.And(var l, var r, var sp) -> {
                Ev a = expr(l);
                Ev b = expr(r);
                yield f -> (Boolean) a.eval(f) ? b.eval(f) : Boolean.FALSE;
            }
            case PyTyped.Or(var l, var r, var sp) -> {
                Ev a = expr(l);
                Ev b = expr(r);
                yield f -> (Boolean) a.eval(f) ? Boolean.TRUE : b.eval(f);
            }
            case PyTyped.IfExp(var test, var body, var orelse, var t, var sp) -> {
                Ev c = expr(test);
                Ev a = expr(body);
                Ev b = expr(orelse);
                yield f -> (Boolean) c.eval(f) ? a.eval(f) : b.eval(f);
            }
            case PyTyped.ListLit(var elts, var t, var sp) -> {
                Ev[] xs = elts.map(this::expr).toJavaArray(Ev[]::new);
                yield f -> {
                    ArrayList<Object> items = new ArrayList<>(xs.length);
                    for (Ev x : xs) {
                        items.add(x.eval(f));
                    }
                    return new PyList(items);
                };
            }
            case PyTyped.TupleLit(var elts, var t, var sp) -> {
                Ev[] xs = elts.map(this::expr).toJavaArray(Ev[]::new);
                yield f -> {
                    Object[] items = new Object[xs.length];
                    for (int i = 0; i < xs.length; i++) {
                        items[i] = xs[i].eval(f);
                    }
                    return new PyTuple(items);
                };
            }
            case PyTyped.TupleGet(var tuple, var index, var t, var sp) -> {
                Ev x = expr(tuple);
                yield f -> ((PyTuple) x.eval(f)).items[index];
            }
            case PyTyped.ListComp(var elt, var gens, var t, var sp) -> new Loops(this).listComp(elt, gens);
            case PyTyped.Lambda l -> function(l, l.params(), null, l.body());
            case PyTyped.Call(var fn, var args, var t, var sp) -> {
                Ev fe = expr(fn);
                Ev[] xs = args.map(this::expr).toJavaArray(Ev[]::new);
                yield f -> {
                    Closure c = (Closure) fe.eval(f);
                    Object[] vs = new Object[xs.length];
                    for (int i = 0; i < xs.length; i++) {
                        vs[i] = xs[i].eval(f);
                    }
                    return c.code().call(c, vs, sp);
                };
            }
            case PyTyped.Print(var args, var sep, var end, var sp) -> prims.print(
                    args.map(this::expr).toJavaArray(Ev[]::new), expr(sep), expr(end));
        };
    }

    private Ev compare(PyTyped.Expr left, List<PyTyped.Cmp> rest) {
        Ev l = expr(left);
        Ev[] rs = rest.map(c -> expr(c.right())).toJavaArray(Ev[]::new);
        PrimCompiler.Binary[] ops = rest.map(c -> prims.binary(c.op(), c.span())).toJavaArray(PrimCompiler.Binary[]::new);
        if (rs.length == 1) {
            Ev r = rs[0];
            PrimCompiler.Binary op = ops[0];
            return f -> op.apply(l.eval(f), r.eval(f));
        }
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
