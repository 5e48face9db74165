package nanopy.py.interp;

import io.vavr.collection.List;
import java.util.HashMap;
import java.util.Map;
import nanopy.ir.Node;
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
        for (int i = 0; i < n; i++) {
            bodies[i] = Fields.nodes(blocks.get(i), "body").map(this::stmt).toJavaArray(Ex[]::new);
            tails[i] = tail(Fields.node(blocks.get(i), "tail"), index);
        }
        return f -> {
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
            default -> throw unknown(t, t.span());
        };
    }

    private static int label(Map<String, Integer> index, Node t, String field) {
        Integer i = index.get(Fields.str(t, field));
        if (i == null) {
            throw new IllegalStateException("no block labeled " + Fields.str(t, field));
        }
        return i;
    }
}
