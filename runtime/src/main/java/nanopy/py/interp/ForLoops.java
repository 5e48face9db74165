package nanopy.py.interp;

import io.vavr.collection.List;
import java.util.ArrayList;
import nanopy.ir.Node;
import nanopy.ir.Span;
import nanopy.py.interp.Code.Ev;
import nanopy.py.interp.Code.Ex;
import nanopy.py.interp.Code.Frame;
import nanopy.py.interp.Values.PyList;

/**
 * {@code for} loops and list comprehensions of the languages that still have them (NoAugAssign to
 * NoListComp), with PyTyped's meaning: the iterable is evaluated once, a range's bounds are fixed
 * when the loop starts (step 0 is a ValueError), a list is walked by index (so appending while
 * iterating sees the new elements), a string yields one-character strings.
 */
final class ForLoops {
    private interface Visit {
        boolean visit(Frame f, Object item);
    }

    private interface Iteration {
        void run(Frame f, Visit visit);
    }

    private final MiddleCompiler compiler;

    ForLoops(MiddleCompiler compiler) {
        this.compiler = compiler;
    }

    private Iteration iteration(Node iter) {
        Span span = iter.span();
        return switch (Fields.kind(iter)) {
            case "RangeIter" -> {
                Ev start = compiler.expr(Fields.node(iter, "start"));
                Ev stop = compiler.expr(Fields.node(iter, "stop"));
                Ev step = compiler.expr(Fields.node(iter, "step"));
                yield (f, visit) -> range((Long) start.eval(f), (Long) stop.eval(f), (Long) step.eval(f), span, f, visit);
            }
            case "ListIter" -> {
                Ev l = compiler.expr(Fields.node(iter, "list"));
                yield (f, visit) -> {
                    PyList xs = (PyList) l.eval(f);
                    for (int i = 0; i < xs.items.size(); i++) {
                        if (!visit.visit(f, xs.items.get(i))) {
                            return;
                        }
                    }
                };
            }
            case "StrIter" -> {
                Ev s = compiler.expr(Fields.node(iter, "str"));
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
            default -> throw MiddleCompiler.unknown(iter, span);
        };
    }

    private static void range(long a, long b, long s, Span span, Frame f, Visit visit) {
        if (s == 0) {
            throw Prims.error("ValueError", "range() arg 3 must not be zero", span);
        }
        for (long i = a; s > 0 ? i < b : i > b; i += s) {
            if (!visit.visit(f, i) || (s > 0 ? i > Long.MAX_VALUE - s : i < Long.MIN_VALUE - s)) {
                return;
            }
        }
    }

    Ex forLoop(MiddleCompiler.Store target, Node iter, Ex body) {
        Iteration it = iteration(iter);
        return f -> {
            int[] status = {Code.NORMAL};
            it.run(f, (fr, item) -> {
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

    Ev listComp(Node elt, List<Node> gens) {
        int n = gens.size();
        Iteration[] its = new Iteration[n];
        MiddleCompiler.Store[] targets = new MiddleCompiler.Store[n];
        Ev[][] ifs = new Ev[n][];
        for (int i = 0; i < n; i++) {
            its[i] = iteration(Fields.node(gens.get(i), "iter"));
            targets[i] = compiler.target(Fields.node(gens.get(i), "target"));
            ifs[i] = compiler.exprs(Fields.nodes(gens.get(i), "ifs"));
        }
        Ev e = compiler.expr(elt);
        return f -> {
            ArrayList<Object> out = new ArrayList<>();
            generate(f, 0, its, targets, ifs, e, out);
            return new PyList(out);
        };
    }

    private static void generate(Frame f, int g, Iteration[] its, MiddleCompiler.Store[] targets, Ev[][] ifs, Ev elt,
            ArrayList<Object> out) {
        its[g].run(f, (fr, item) -> {
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
