package nanopy.passes.closures;

import io.vavr.collection.List;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.passes.flatten.ExposeTypes;
import nanopy.py.Alloc;
import nanopy.py.Closed;
import nanopy.py.ClosedToAlloc;

/**
 * Makes allocation explicit (Essentials of Compilation ch. 7, "expose allocation"): a list, tuple,
 * activation record or closure is built as
 * {@code (t1 = e1; ...; v = Allocate(kind, n); Init(v, 0, t1); ...; v)}. The elements are evaluated
 * first, left to right, into temporaries (atoms need none), so that nothing runs between the
 * allocation and the initialization of every field.
 */
public final class ExposeAllocation implements Pass<Closed.Module, Alloc.Module> {
    @Override
    public Alloc.Module apply(Closed.Module program, PassContext ctx) {
        return new Translator().translate(program, ctx);
    }

    @Override
    public String description() {
        return "lists, tuples, records and closures are allocated, then initialized field by field";
    }

    private static final class Translator extends ClosedToAlloc {
        private static boolean atomic(Alloc.Expr e) {
            return e instanceof Alloc.IntLit || e instanceof Alloc.FloatLit || e instanceof Alloc.BoolLit || e instanceof Alloc.StrLit
                    || e instanceof Alloc.NoneLit || e instanceof Alloc.Var;
        }

        private static Alloc.Stmt assign(String t, Closed.Type type, Alloc.Expr e) {
            return new Alloc.Assign(List.of(new Alloc.VarTarget(t, type, e.span())), e, e.span());
        }

        /** Allocates {@code alloc} (of type {@code type}) and initializes its fields with {@code fields}, in order. */
        private Alloc.Expr build(Alloc.Expr alloc, Closed.Type type, List<Alloc.Expr> fields, Span sp) {
            List<Alloc.Stmt> pre = List.empty();
            List<Alloc.Expr> values = List.empty();
            for (Alloc.Expr f : fields) {
                if (atomic(f)) {
                    values = values.append(f);
                } else {
                    String t = fresh("elt", ExposeTypes.typeOf(f));
                    pre = pre.append(assign(t, ExposeTypes.typeOf(f), f));
                    values = values.append(new Alloc.Var(t, ExposeTypes.typeOf(f), f.span()));
                }
            }
            String v = fresh("alloc", type);
            Alloc.Expr obj = new Alloc.Var(v, type, sp);
            pre = pre.append(assign(v, type, alloc));
            for (int i = 0; i < values.size(); i++) {
                pre = pre.append(new Alloc.Init(obj, i, values.get(i), sp));
            }
            return new Alloc.Begin(pre, obj, sp);
        }

        @Override
        protected Alloc.Expr onListLit(Closed.ListLit l) {
            List<Alloc.Expr> elts = l.elts().map(this::expr);
            return build(new Alloc.Allocate(Alloc.ObjKind.ListObj, elts.size(), l.type(), l.span()), l.type(), elts, l.span());
        }

        @Override
        protected Alloc.Expr onTupleLit(Closed.TupleLit l) {
            List<Alloc.Expr> elts = l.elts().map(this::expr);
            return build(new Alloc.Allocate(Alloc.ObjKind.TupleObj, elts.size(), l.type(), l.span()), l.type(), elts, l.span());
        }

        @Override
        protected Alloc.Expr onMakeRecord(Closed.MakeRecord r) {
            List<Alloc.Expr> fields = r.slots().map(this::expr).prepend(expr(r.link()));
            return build(new Alloc.Allocate(Alloc.ObjKind.RecordObj, fields.size(), ClosedTypes.RECORD, r.span()),
                    ClosedTypes.RECORD, fields, r.span());
        }

        @Override
        protected Alloc.Expr onMakeClosure(Closed.MakeClosure c) {
            return build(new Alloc.AllocateClosure(c.code(), c.type(), c.span()), c.type(), List.of(expr(c.env())), c.span());
        }
    }
}
