package nanopy.passes.flatten;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.closures.ClosedTemps;
import nanopy.py.Alloc;
import nanopy.py.Closed;
import nanopy.py.Flat;

/**
 * Removes complex operands (Essentials of Compilation ch. 2 and 5, "remove complex operands"):
 * every operand of a primitive, call, print, allocation, field access or store becomes an atom (a
 * literal or a plain local), complex operands are computed into fresh temporaries first, in
 * Python's left-to-right order. Assignment evaluates its value before the target's subexpressions
 * ({@code xs[i()] = v()} calls v first). Conditional expressions and Begins stay where a whole
 * expression is expected, each branch keeping its own statements; a loop test keeps its
 * statements in a Begin so they run before every test.
 */
public final class Flatten implements Pass<Alloc.Module, Flat.Module> {
    @Override
    public Flat.Module apply(Alloc.Module program, PassContext ctx) {
        Flattener f = new Flattener(new ClosedTemps(ctx));
        List<Flat.Def> defs = program.defs().map(f::def);
        f.temps.reset();
        List<Flat.Stmt> body = f.block(program.body());
        return new Flat.Module(program.globals(), defs, program.locals().appendAll(f.temps.taken()), body, program.span());
    }

    @Override
    public String description() {
        return "operands become atoms, complex operands computed into temporaries left to right";
    }

    private static final class Flattener {
        final ClosedTemps temps;

        Flattener(ClosedTemps temps) {
            this.temps = temps;
        }

        Flat.Def def(Alloc.Def d) {
            temps.reset();
            List<Flat.Stmt> body = block(d.body());
            return new Flat.Def(d.name(), d.params(), d.locals().appendAll(temps.taken()), d.result(), body, d.span());
        }

        List<Flat.Stmt> block(List<Alloc.Stmt> ss) {
            ArrayList<Flat.Stmt> out = new ArrayList<>();
            ss.forEach(s -> stmt(s, out));
            return List.ofAll(out);
        }

        private void stmt(Alloc.Stmt s, ArrayList<Flat.Stmt> out) {
            switch (s) {
                case Alloc.Assign(var targets, var value, var sp) -> {
                    if (targets.size() == 1 && (targets.head() instanceof Alloc.VarTarget || targets.head() instanceof Alloc.GlobalTarget)) {
                        Flat.Expr v = rhs(value, out);
                        out.add(new Flat.Assign(simple(targets.head()), v, sp));
                    } else {
                        Flat.Atom v = atom(value, out);
                        targets.forEach(t -> store(t, v, out));
                    }
                }
                case Alloc.Init(var object, var index, var value, var sp) -> {
                    Flat.Atom o = atom(object, out);
                    out.add(new Flat.Init(o, index, atom(value, out), sp));
                }
                case Alloc.Return(var value, var sp) -> out.add(new Flat.Return(rhs(value, out), sp));
                case Alloc.ExprStmt(var value, var sp) -> out.add(new Flat.ExprStmt(rhs(value, out), sp));
                case Alloc.If(var test, var body, var orelse, var sp) -> {
                    Flat.Expr t = rhs(test, out);
                    out.add(new Flat.If(t, block(body), block(orelse), sp));
                }
                case Alloc.While(var test, var body, var sp) -> out.add(new Flat.While(wrap(test), block(body), sp));
                case Alloc.Pass p -> out.add(new Flat.Pass(p.span()));
                case Alloc.Break b -> out.add(new Flat.Break(b.span()));
                case Alloc.Continue c -> out.add(new Flat.Continue(c.span()));
            }
        }

        private static Flat.Target simple(Alloc.Target t) {
            return switch (t) {
                case Alloc.VarTarget(var name, var type, var sp) -> new Flat.VarTarget(name, type, sp);
                case Alloc.GlobalTarget(var name, var type, var sp) -> new Flat.GlobalTarget(name, type, sp);
                default -> throw new IllegalStateException("not a simple target: " + t);
            };
        }

        private void store(Alloc.Target t, Flat.Atom v, ArrayList<Flat.Stmt> out) {
            switch (t) {
                case Alloc.VarTarget x -> out.add(new Flat.Assign(simple(x), v, x.span()));
                case Alloc.GlobalTarget x -> out.add(new Flat.Assign(simple(x), v, x.span()));
                case Alloc.ItemTarget(var list, var index, var type, var sp) -> {
                    Flat.Atom l = atom(list, out);
                    Flat.Atom i = atom(index, out);
                    out.add(new Flat.Assign(new Flat.ItemTarget(l, i, type, sp), v, sp));
                }
                case Alloc.RecordTarget(var env, var hops, var slot, var type, var sp) ->
                        out.add(new Flat.Assign(new Flat.RecordTarget(atom(env, out), hops, slot, type, sp), v, sp));
                case Alloc.UnpackTarget(var elts, var sp) -> {
                    for (int i = 0; i < elts.size(); i++) {
                        Closed.Type type = typeOf(elts.get(i));
                        store(elts.get(i), bind(new Flat.TupleGet(v, i, type, sp), type, out), out);
                    }
                }
            }
        }

        private static Closed.Type typeOf(Alloc.Target t) {
            return switch (t) {
                case Alloc.VarTarget x -> x.type();
                case Alloc.GlobalTarget x -> x.type();
                case Alloc.ItemTarget x -> x.type();
                case Alloc.RecordTarget x -> x.type();
                case Alloc.UnpackTarget x -> new Closed.TupleType(x.elts().map(Flattener::typeOf), x.span());
            };
        }

        /** {@code e} with its statements inside a Begin, for positions evaluated more than once or maybe not at all. */
        private Flat.Expr wrap(Alloc.Expr e) {
            ArrayList<Flat.Stmt> pre = new ArrayList<>();
            Flat.Expr r = rhs(e, pre);
            return pre.isEmpty() ? r : new Flat.Begin(List.ofAll(pre), r, e.span());
        }

        private Flat.Atom bind(Flat.Expr r, Closed.Type type, ArrayList<Flat.Stmt> out) {
            if (r instanceof Flat.Atom a) {
                return a;
            }
            String t = temps.fresh("tmp", type);
            out.add(new Flat.Assign(new Flat.VarTarget(t, type, r.span()), r, r.span()));
            return new Flat.Var(t, type, r.span());
        }

        private Flat.Atom atom(Alloc.Expr e, ArrayList<Flat.Stmt> out) {
            return bind(rhs(e, out), ExposeTypes.typeOf(e), out);
        }

        private List<Flat.Atom> atoms(List<Alloc.Expr> es, ArrayList<Flat.Stmt> out) {
            ArrayList<Flat.Atom> as = new ArrayList<>();
            es.forEach(e -> as.add(atom(e, out)));
            return List.ofAll(as);
        }

        private Flat.Expr rhs(Alloc.Expr e, ArrayList<Flat.Stmt> out) {
            return switch (e) {
                case Alloc.IntLit(var v, var sp) -> new Flat.IntLit(v, sp);
                case Alloc.FloatLit(var v, var sp) -> new Flat.FloatLit(v, sp);
                case Alloc.BoolLit(var v, var sp) -> new Flat.BoolLit(v, sp);
                case Alloc.StrLit(var v, var sp) -> new Flat.StrLit(v, sp);
                case Alloc.NoneLit(var sp) -> new Flat.NoneLit(sp);
                case Alloc.Var(var name, var type, var sp) -> new Flat.Var(name, type, sp);
                case Alloc.GlobalVar(var name, var type, var sp) -> new Flat.GlobalVar(name, type, sp);
                case Alloc.Prim(var op, var args, var type, var sp) -> new Flat.Prim(op, atoms(args, out), type, sp);
                case Alloc.IfExp(var test, var body, var orelse, var type, var sp) -> {
                    Flat.Expr t = rhs(test, out);
                    yield new Flat.IfExp(t, wrap(body), wrap(orelse), type, sp);
                }
                case Alloc.Begin(var body, var result, var sp) -> {
                    body.forEach(s -> stmt(s, out));
                    yield rhs(result, out);
                }
                case Alloc.TupleGet(var tuple, var index, var type, var sp) -> new Flat.TupleGet(atom(tuple, out), index, type, sp);
                case Alloc.Call(var fn, var args, var type, var sp) -> {
                    Flat.Atom f = atom(fn, out);
                    yield new Flat.Call(f, atoms(args, out), type, sp);
                }
                case Alloc.Print(var args, var sep, var end, var sp) -> {
                    List<Flat.Atom> as = atoms(args, out);
                    Flat.Atom s = atom(sep, out);
                    yield new Flat.Print(as, s, atom(end, out), sp);
                }
                case Alloc.RecordGet(var env, var hops, var slot, var type, var sp) -> new Flat.RecordGet(atom(env, out), hops, slot, type, sp);
                case Alloc.Allocate(var kind, var size, var type, var sp) -> new Flat.Allocate(kind, size, type, sp);
                case Alloc.AllocateClosure(var code, var type, var sp) -> new Flat.AllocateClosure(code, type, sp);
            };
        }
    }
}
