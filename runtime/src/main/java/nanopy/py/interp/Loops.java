package nanopy.py.interp;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.py.PyTyped;
import nanopy.py.interp.Code.Ev;
import nanopy.py.interp.Code.Ex;
import nanopy.py.interp.Code.Frame;
import nanopy.py.interp.Values.PyList;

/**
 * {@code for} loops and list comprehensions. The iterable is evaluated once; a range's bounds are
 * fixed when the loop starts; a list is walked by index, so appending while iterating sees the new
 * elements as in Python; a string yields one-character strings. Every iteration checks for an
 * interrupt ({@link Prims#checkInterrupt}).
 */
final class Loops {
    /** One iteration's work; returns false to stop the loop. */
    private interface Visit {
        boolean visit(Frame f, Object item);
    }

    /** Runs {@code visit} on each item of an iterable. */
    private interface Iteration {
        void run(Frame f, Visit visit);
    }

    private final Compiler compiler;

    Loops(Compiler compiler) {
        this.compiler = compiler;
    }

    private Iteration iteration(PyTyped.Iter iter) {
        return switch (iter) {
            case PyTyped.RangeIter(var start, var stop, var step, var sp) -> range(compiler.expr(start), compiler.expr(stop),
                    compiler.expr(step), sp);
            case PyTyped.ListIter(var list, var t, var sp) -> {
                Ev l = compiler.expr(list);
                yield (f, visit) -> {
                    PyList xs = (PyList) l.eval(f);
                    for (int i = 0; i < xs.items.size(); i++) {
                        if (!visit.visit(f, xs.items.get(i))) {
                            return;
                        }
                    }
                };
            }
            case PyTyped.StrIter(var str, var sp) -> {
                Ev s = compiler.expr(str);
                yield (f, visit) -> {
                    String x = (String) s.eval(f);
                    for (int i = 0; i < x.length(); ) {
                        int c = x.codePointAt(i);
                        i += Character.charCount(c);
                        if (!visit.visit(f, Character.toString(c))) {
                            return;
                        }
                    }
                };
            }
        };
    }

    private static Iteration range(Ev start, Ev stop, Ev step, Span span) {
        return (f, visit) -> {
            long a = (Long) start.eval(f);
            long b = (Long) stop.eval(f);
            long s = (Long) step.eval(f);
            if (s == 0) {
                throw Prims.error("ValueError", "range() arg 3 must not be zero", span);
            }
            if (s > 0) {
                for (long i = a; i < b; i += s) {
                    if (!visit.visit(f, i) || i > Long.MAX_VALUE - s) {
                        return;
                    }
                }
            } else {
                for (long i = a; i > b; i += s) {
                    if (!visit.visit(f, i) || i < Long.MIN_VALUE - s) {
                        return;
                    }
                }
            }
        };
    }

    Ex forLoop(Compiler.Store target, PyTyped.Iter iter, Ex body, Span span) {
        Iteration it = iteration(iter);
        return f -> {
            int[] status = {Code.NORMAL};
            it.run(f, (fr, item) -> {
                Prims.checkInterrupt(span);
                target.store(fr, item);
                int s = body.exec(fr);
                if (s == Code.BREAK) {
                    return false;
                }
                if (s == Code.RETURN) {
                    status[0] = Code.RETURN;
                    return false;
                }
                return true;
            });
            return status[0];
        };
    }

    Ev listComp(PyTyped.Expr elt, List<PyTyped.Gen> gens) {
        Ev e = compiler.expr(elt);
        Iteration[] its = new Iteration[gens.size()];
        Compiler.Store[] targets = new Compiler.Store[gens.size()];
        Ev[][] ifs = new Ev[gens.size()][];
        for (int i = 0; i < gens.size(); i++) {
            its[i] = iteration(gens.get(i).iter());
            targets[i] = compiler.target(gens.get(i).target());
            ifs[i] = gens.get(i).ifs().map(compiler::expr).toJavaArray(Ev[]::new);
        }
        return f -> {
            ArrayList<Object> out = new ArrayList<>();
            generate(f, 0, its, targets, ifs, e, out);
            return new PyList(out);
        };
    }

    private static void generate(Frame f, int g, Iteration[] its, Compiler.Store[] targets, Ev[][] ifs, Ev elt,
            ArrayList<Object> out) {
        its[g].run(f, (fr, item) -> {
            Prims.checkInterrupt(Span.NONE);
            targets[g].store(fr, item);
            for (Ev test : ifs[g]) {
                if (!(Boolean) test.eval(fr)) {
                    return true;
                }
            }
            if (g + 1 == its.length) {
                out.add(elt.eval(fr));
            } else {
                generate(fr, g + 1, its, targets, ifs, elt, out);
            }
            return true;
        });
    }
}
