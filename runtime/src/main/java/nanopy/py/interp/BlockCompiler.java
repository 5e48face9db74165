package nanopy.py.interp;

import io.vavr.collection.List;
import java.util.HashMap;
import java.util.Map;
import io.vavr.control.Option;
import nanopy.ir.Node;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.ir.ProgramIo;
import nanopy.py.interp.Code.Ev;
import nanopy.py.interp.Code.Ex;
import nanopy.py.interp.Code.Frame;

/**
 * Compiles the basic blocks of a {@code Blocks} program: each block becomes its statements and a
 * terminator that picks the next block (or returns), run by a dispatch loop per call.
 */
final class BlockCompiler extends MiddleCompiler {
    /** Runs a terminator: the index of the next block, or -1 after storing the result in f.ret. */
    private interface Tail {
        int next(Frame f);
    }

    BlockCompiler(Node program, ProgramIo io, int recursionLimit) {
        super(program, io, recursionLimit);
    }

    /** Compiles every Def's blocks. */
    void compileBlockDefs(List<Node> ds) {
        for (Node d : ds) {
            Scope outer = current;
            current = defScope(d);
            defs.get(Fields.str(d, "name")).body = blocks(Fields.nodes(d, "blocks"));
            current = outer;
        }
    }

    /** Compiles a function body given as blocks (the first is the entry). */
    Runtime.Body blocks(List<Node> blocks) {
        Map<String, Integer> index = new HashMap<>();
        blocks.forEach(b -> index.put(Fields.str(b, "label"), index.size()));
        int n = blocks.size();
        Ex[][] bodies = new Ex[n][];
        Tail[] tails = new Tail[n];
        int[] handlers = new int[n];
        boolean anyHandler = false;
        for (int i = 0; i < n; i++) {
            bodies[i] = Fields.nodes(blocks.get(i), "body").map(this::stmt).toJavaArray(Ex[]::new);
            tails[i] = tail(Fields.node(blocks.get(i), "tail"), index);
            Option<String> h = Fields.optionalStr(blocks.get(i), "handler");
            handlers[i] = h.isDefined() ? label(index, h.get()) : -1;
            anyHandler |= handlers[i] >= 0;
        }
        if (!anyHandler) {
            return f -> {
                int b = 0;
                while (b >= 0) {
                    b = step(bodies[b], tails[b], f);
                }
                return f.ret;
            };
        }
        return f -> {
            int b = 0;
            while (b >= 0) {
                try {
                    b = step(bodies[b], tails[b], f);
                } catch (PyRuntimeError e) {
                    if (handlers[b] < 0) {
                        throw e;
                    }
                    f.caught = e;
                    b = handlers[b];
                }
            }
            return f.ret;
        };
    }

    private static int step(Ex[] body, Tail tail, Frame f) {
        for (Ex x : body) {
            x.exec(f);
        }
        return tail.next(f);
    }

    private Tail tail(Node t, Map<String, Integer> index) {
        return switch (Fields.kind(t)) {
            case "Goto" -> {
                int to = label(index, t, "label");
                yield f -> to;
            }
            case "Branch" -> {
                Ev test = expr(Fields.node(t, "test"));
                int then = label(index, t, "then");
                int orelse = label(index, t, "orelse");
                yield f -> (Boolean) test.eval(f) ? then : orelse;
            }
            case "Return" -> {
                Ev v = expr(Fields.node(t, "value"));
                yield f -> {
                    f.ret = v.eval(f);
                    return -1;
                };
            }
            case "TailCall" -> {
                Ev call = call(expr(Fields.node(t, "fn")), exprs(Fields.nodes(t, "args")), t.span());
                yield f -> {
                    f.ret = call.eval(f);
                    return -1;
                };
            }
            case "Raise" -> {
                Ev e = expr(Fields.node(t, "exc"));
                Span sp = t.span();
                yield f -> {
                    throw Exceptions.raise(e.eval(f), sp);
                };
            }
            default -> throw unknown(t, t.span());
        };
    }

    private static int label(Map<String, Integer> index, String label) {
        Integer i = index.get(label);
        if (i == null) {
            throw new IllegalStateException("no block labeled " + label);
        }
        return i;
    }

    private static int label(Map<String, Integer> index, Node t, String field) {
        return label(index, Fields.str(t, field));
    }
}
