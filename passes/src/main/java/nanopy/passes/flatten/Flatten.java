package nanopy.passes.flatten;

import io.vavr.collection.List;
import nanopy.ir.Spliced;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.Alloc;
import nanopy.py.AllocToFlat;
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
        return new AllocToFlat() {
            /** An operand: a complex one is computed into a temporary in front of the statement. */
            @Override
            protected Flat.Atom exprToAtom(Alloc.Expr e) {
                return bind(expr(e), ExposeTypes.typeOf(e));
            }

            private Flat.Atom bind(Flat.Expr r, Closed.Type type) {
                if (r instanceof Flat.Atom a) {
                    return a;
                }
                String t = fresh("tmp", type);
                emit(new Flat.Assign(new Flat.VarTarget(t, type, r.span()), r, r.span()));
                return new Flat.Var(t, type, r.span());
            }

            /** One target per assignment: a variable takes the value as it is, anything else an atom, stored target by target. */
            @Override
            protected List<Flat.Stmt> onAssign(Alloc.Assign s) {
                Alloc.Target t = s.targets().head();
                if (s.targets().size() == 1 && (t instanceof Alloc.VarTarget || t instanceof Alloc.GlobalTarget)) {
                    return List.of(new Flat.Assign(target(t), expr(s.value()), s.span()));
                }
                Flat.Atom v = exprToAtom(s.value());
                s.targets().forEach(x -> store(x, v));
                return List.empty();
            }

            /** Stores {@code v} in {@code t}; an unpacking target stores the tuple's elements one by one. */
            private void store(Alloc.Target t, Flat.Atom v) {
                if (t instanceof Alloc.UnpackTarget(var elts, var sp)) {
                    for (int i = 0; i < elts.size(); i++) {
                        Closed.Type type = typeOf(elts.get(i));
                        store(elts.get(i), bind(new Flat.TupleGet(v, i, type, sp), type));
                    }
                } else {
                    emit(new Flat.Assign(target(t), v, t.span()));
                }
            }

            private static Closed.Type typeOf(Alloc.Target t) {
                return switch (t) {
                    case Alloc.VarTarget x -> x.type();
                    case Alloc.GlobalTarget x -> x.type();
                    case Alloc.ItemTarget x -> x.type();
                    case Alloc.RecordTarget x -> x.type();
                    case Alloc.UnpackTarget x -> new Closed.TupleType(x.elts().map(y -> typeOf(y)), x.span());
                };
            }

            /** Unpacking targets never reach here: {@link #onAssign} splits them, and a handler binds a variable. */
            @Override
            protected Flat.Target onUnpackTarget(Alloc.UnpackTarget t) {
                throw new IllegalStateException("an unpacking target outside an assignment at " + t.span());
            }

            @Override
            protected List<Flat.Stmt> onWhile(Alloc.While s) {
                return List.of(new Flat.While(wrap(s.test()), s.body().flatMap(this::stmt), s.span()));
            }

            @Override
            protected Flat.Expr onIfExp(Alloc.IfExp e) {
                return new Flat.IfExp(expr(e.test()), wrap(e.body()), wrap(e.orelse()), e.type(), e.span());
            }

            @Override
            protected Flat.Expr onBegin(Alloc.Begin b) {
                b.body().flatMap(this::stmt).forEach(this::emit);
                return expr(b.result());
            }

            /** {@code e} with its statements inside a Begin, for positions evaluated more than once or maybe not at all. */
            private Flat.Expr wrap(Alloc.Expr e) {
                Spliced<Flat.Stmt, Flat.Expr> r = splicedStmt(() -> expr(e));
                return r.stmts().isEmpty() ? r.value() : new Flat.Begin(r.stmts(), r.value(), e.span());
            }
        }.translate(program, ctx);
    }

    @Override
    public String description() {
        return "operands become atoms, complex operands computed into temporaries left to right";
    }
}
