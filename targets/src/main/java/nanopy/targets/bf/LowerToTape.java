package nanopy.targets.bf;

import static nanopy.targets.bf.TapeLayout.LOCALS;
import static nanopy.targets.bf.TapeLayout.RESULT;
import static nanopy.targets.bf.TapeLayout.WORD;

import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import nanopy.bf.Tape;
import nanopy.ir.Span;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.py.Blocks;
import nanopy.py.Closed;

/**
 * Blocks to the tape machine: numbers every block of every function (and of the module body) in
 * one space of block ids for the dispatch loop, splits a block after each call (the rest becomes
 * the call's continuation block, which takes the callee's result), gives every variable a slot of
 * cells in its function's frame (int 64 cells, bool 1, function 2 holding its entry block id,
 * None and static links 0), puts the module's globals in frame -1 and literal operands in
 * per-function constant slots. Values the bf target does not have yet (str values, lists, tuples,
 * captured variables, floats) are reported at their source position.
 */
public final class LowerToTape implements Pass<Blocks.Module, Tape.Program> {
    /**
     * Nested calls before RecursionError: deep enough for the corpus (CPython's goldens are made with
     * a raised limit); tail calls reuse their frame but still count.
     */
    static final int RECURSION_LIMIT = 120_000;

    /** For ServiceLoader. */
    public LowerToTape() {}

    @Override
    public String description() {
        return "number all blocks for one dispatch loop, split blocks at calls, give variables frame cells (ints as 64 bit cells)";
    }

    private PassContext ctx;
    private final Map<String, Integer> globals = new HashMap<>();
    private final Map<String, Integer> entries = new HashMap<>();
    private final Map<String, Integer> functionConstants = new HashMap<>();
    private final java.util.List<Tape.Block> out = new ArrayList<>();
    private int nextId;
    private int frameSize = LOCALS;

    @Override
    public Tape.Program apply(Blocks.Module m, PassContext ctx) {
        this.ctx = ctx;
        int g = LOCALS;
        for (Closed.Local l : m.globals()) {
            globals.put(l.name(), g);
            g += width(l.type(), l.span());
        }
        frameSize = Math.max(frameSize, g);
        // block ids: each function's labels first (entries must be known before any code refers to them)
        Map<Object, Map<String, Integer>> ids = new HashMap<>();
        ids.put(m, number(m.body()));
        for (Blocks.Def d : m.defs()) {
            Map<String, Integer> own = number(d.blocks());
            ids.put(d, own);
            entries.put(d.name(), own.get(d.blocks().head().label()));
        }
        int moduleEntry = ids.get(m).get(m.body().head().label());
        findFunctionConstants(m);
        new Function(null, List.empty(), m.locals(), m.body(), ids.get(m)).lower();
        for (Blocks.Def d : m.defs()) {
            new Function(d.name(), d.params(), d.locals(), d.blocks(), ids.get(d)).lower();
        }
        if (firstUnsupported != null) {
            ctx.error(firstUnsupported, unsupportedWhat);
        }
        ctx.throwIfErrors();
        out.sort(java.util.Comparator.comparingInt(Tape.Block::id));
        return new Tape.Program(frameSize, moduleEntry, RECURSION_LIMIT, List.ofAll(out), Span.NONE);
    }

    /**
     * Globals that are assigned once, in the module body, a freshly made closure of a top-level def
     * (what {@code def f} at module level becomes): their reads become the def's entry block id, so a
     * call does not walk down the stack to frame -1 to find its callee.
     */
    private void findFunctionConstants(Blocks.Module m) {
        Map<String, Integer> stores = new HashMap<>();
        Map<String, String> closures = new HashMap<>();
        Map<String, String> candidates = new HashMap<>();
        java.util.function.Consumer<List<Blocks.Block>> count = blocks -> {
            for (Blocks.Block b : blocks) {
                for (Blocks.Stmt st : b.body()) {
                    if (st instanceof Blocks.Assign as && as.target() instanceof Blocks.GlobalTarget g) {
                        stores.merge(g.name(), 1, Integer::sum);
                    }
                }
            }
        };
        count.accept(m.body());
        m.defs().forEach(d -> count.accept(d.blocks()));
        for (Blocks.Block b : m.body()) {
            for (Blocks.Stmt st : b.body()) {
                if (st instanceof Blocks.Assign as && as.target() instanceof Blocks.VarTarget v
                        && as.value() instanceof Blocks.AllocateClosure c) {
                    closures.put(v.name(), c.code());
                } else if (st instanceof Blocks.Assign as && as.target() instanceof Blocks.GlobalTarget g
                        && as.value() instanceof Blocks.Var v && closures.containsKey(v.name())) {
                    candidates.put(g.name(), closures.get(v.name()));
                }
            }
        }
        candidates.forEach((g, code) -> {
            if (stores.get(g) == 1) {
                functionConstants.put(g, entries.get(code));
            }
        });
    }

    private Map<String, Integer> number(List<Blocks.Block> blocks) {
        Map<String, Integer> ids = new HashMap<>();
        for (Blocks.Block b : blocks) {
            ids.put(b.label(), nextId++);
        }
        return ids;
    }

    /** Cells of a value of type t. */
    private int width(Closed.Type t, Span at) {
        if (t instanceof Closed.IntType) {
            return WORD;
        } else if (t instanceof Closed.BoolType) {
            return 1;
        } else if (t instanceof Closed.FunType) {
            return 2;
        } else if (t instanceof Closed.NoneType || t instanceof Closed.RecordType) {
            return 0;
        }
        unsupported(at, describe(t));
        return 0;
    }

    private static String describe(Closed.Type t) {
        if (t instanceof Closed.FloatType) {
            return "float";
        } else if (t instanceof Closed.StrType) {
            return "a str value";
        } else if (t instanceof Closed.ListType) {
            return "a list";
        } else if (t instanceof Closed.TupleType) {
            return "a tuple";
        }
        return t.getClass().getSimpleName();
    }

    /** Remembers the first unsupported construct with a known position (one error is enough). */
    private void unsupported(Span at, String what) {
        if (firstUnsupported == null || !firstUnsupported.isKnown() && at.isKnown()) {
            firstUnsupported = at;
            unsupportedWhat = what + " is not supported on the bf target" + (what.equals("float") ? "" : " yet");
        }
    }

    private Span firstUnsupported;
    private String unsupportedWhat;

    /** One function's (or the module body's) lowering. */
    private final class Function {
        private final String name;
        private final List<Blocks.Block> blocks;
        private final Map<String, Integer> ids;
        private final Map<String, Integer> slots = new HashMap<>();
        private final Map<String, Integer> widths = new HashMap<>();
        private final java.util.List<Integer> constants = new ArrayList<>();
        private final int testSlot;
        private int next;
        private final int stage;
        private java.util.List<Tape.Instr> body;
        private int id;
        private String label;
        private int split;

        Function(String name, List<Closed.Local> params, List<Closed.Local> locals, List<Blocks.Block> blocks, Map<String, Integer> ids) {
            this.name = name;
            this.blocks = blocks;
            this.ids = ids;
            int at = LOCALS;
            for (Closed.Local l : params.appendAll(locals)) {
                int w = width(l.type(), l.span());
                slots.put(l.name(), at);
                widths.put(l.name(), w);
                at += w;
            }
            testSlot = at++;
            stage = at;
            at += WORD;
            next = at;
        }

        /** The k-th constant slot (one int wide), allocated on first use. */
        private int constant(int k) {
            while (constants.size() <= k) {
                constants.add(next);
                next += WORD;
            }
            return constants.get(k);
        }

        void lower() {
            for (Blocks.Block b : blocks) {
                id = ids.get(b.label());
                label = name == null ? b.label() : name + "." + b.label();   // one label space, as ids
                split = 0;
                body = new ArrayList<>();
                for (Blocks.Stmt s : b.body()) {
                    stmt(s);
                }
                tail(b.tail());
            }
            frameSize = Math.max(frameSize, next);
        }

        private void finish(Tape.Tail t) {
            out.add(new Tape.Block(id, label, List.ofAll(body), t, Span.NONE));
        }

        /** Ends the current block with a call and starts its continuation. */
        private void call(Blocks.Atom fn, List<Blocks.Atom> args, Span at) {
            int fnSlot = operand(fn, 0, at);
            java.util.List<Tape.Arg> moves = arguments(args, at);
            int next = nextId++;
            finish(new Tape.Call(fnSlot, List.ofAll(moves), next, at));
            id = next;
            label = label + ".ret" + (++split);
            body = new ArrayList<>();
        }

        /** Copies of the arguments into the callee's parameter slots (laid out from LOCALS by type). */
        private java.util.List<Tape.Arg> arguments(List<Blocks.Atom> args, Span at) {
            java.util.List<Tape.Arg> moves = new ArrayList<>();
            int dst = LOCALS;
            int k = 1;
            for (Blocks.Atom arg : args) {
                int w = atomWidth(arg, at);
                if (w > 0) {
                    moves.add(new Tape.Arg(operand(arg, k++, at), dst, w, Span.NONE));
                }
                dst += w;
            }
            return moves;
        }

        private int atomWidth(Blocks.Atom a, Span at) {
            if (a instanceof Blocks.IntLit) {
                return WORD;
            } else if (a instanceof Blocks.BoolLit) {
                return 1;
            } else if (a instanceof Blocks.NoneLit) {
                return 0;
            } else if (a instanceof Blocks.Var v) {
                return width(v.type(), at);
            }
            unsupported(at, a instanceof Blocks.FloatLit ? "float" : "a str value");
            return 0;
        }

        /** The slot holding an atom's value; literals go to constant slot k. */
        private int operand(Blocks.Atom a, int k, Span at) {
            if (a instanceof Blocks.Var v) {
                Integer s = slots.get(v.name());
                if (s == null) {
                    throw new IllegalStateException("lower-to-tape: unknown variable " + v.name());
                }
                return s;
            }
            int slot = constant(k);
            if (a instanceof Blocks.IntLit i) {
                body.add(new Tape.SetInt(slot, i.value(), at));
            } else if (a instanceof Blocks.BoolLit b) {
                body.add(new Tape.SetCells(slot, List.of(b.value() ? 1 : 0), at));
            } else if (a instanceof Blocks.NoneLit) {
                return slot;
            } else {
                unsupported(at, a instanceof Blocks.FloatLit ? "float" : "a str value");
            }
            return slot;
        }

        private void stmt(Blocks.Stmt s) {
            if (s instanceof Blocks.Assign as) {
                assign(as.target(), as.value(), as.span());
            } else if (s instanceof Blocks.ExprStmt e) {
                effect(e.value(), e.span());
            } else if (s instanceof Blocks.Init i) {
                if (!(i.value() instanceof Blocks.NoneLit)) {
                    unsupported(i.span(), "a closure over captured variables");
                }
            } else if (s instanceof Blocks.Catch c) {
                unsupported(c.span(), "try/except");
            }
        }

        private void effect(Blocks.Expr e, Span at) {
            if (e instanceof Blocks.Print p) {
                print(p, at);
            } else if (e instanceof Blocks.Call c) {
                call(c.fn(), c.args(), at);
            } else {
                int w = e instanceof Blocks.Prim p ? width(p.type(), at) : 0;
                into(w == WORD ? stage : testSlot, e, at);
            }
        }

        private void assign(Blocks.Target t, Blocks.Expr e, Span at) {
            if (t instanceof Blocks.VarTarget v) {
                into(slots.get(v.name()), e, at);
            } else if (t instanceof Blocks.GlobalTarget g) {
                int w = width(g.type(), at);
                int tmp = w == 1 ? testSlot : stage;
                into(tmp, e, at);
                body.add(new Tape.StoreGlobal(globals.get(g.name()), tmp, w, at));
            } else {
                unsupported(at, "this assignment");
            }
        }

        /** Computes e into the slot dst. */
        private void into(int dst, Blocks.Expr e, Span at) {
            if (e instanceof Blocks.Var v) {
                int w = width(v.type(), at);
                if (w > 0) {
                    body.add(new Tape.Copy(dst, slots.get(v.name()), w, at));
                }
            } else if (e instanceof Blocks.IntLit i) {
                body.add(new Tape.SetInt(dst, i.value(), at));
            } else if (e instanceof Blocks.BoolLit b) {
                body.add(new Tape.SetCells(dst, List.of(b.value() ? 1 : 0), at));
            } else if (e instanceof Blocks.NoneLit) {
                return;
            } else if (e instanceof Blocks.GlobalVar g && functionConstants.containsKey(g.name())) {
                int entry = functionConstants.get(g.name());
                body.add(new Tape.SetCells(dst, List.of(entry % 256, entry / 256), at));
            } else if (e instanceof Blocks.GlobalVar g) {
                int w = width(g.type(), at);
                if (w > 0) {
                    body.add(new Tape.LoadGlobal(dst, globals.get(g.name()), w, at));
                }
            } else if (e instanceof Blocks.AllocateClosure c) {
                int entry = entries.get(c.code());
                body.add(new Tape.SetCells(dst, List.of(entry % 256, entry / 256), at));
            } else if (e instanceof Blocks.Call c) {
                call(c.fn(), c.args(), at);
                int w = width(c.type(), at);
                if (w > 0) {
                    body.add(new Tape.TakeResult(dst, w, at));
                }
            } else if (e instanceof Blocks.Prim p) {
                prim(dst, p, at);
            } else if (e instanceof Blocks.Print p) {
                print(p, at);
            } else {
                unsupported(at, describeExpr(e));
            }
        }

        private static String describeExpr(Blocks.Expr e) {
            if (e instanceof Blocks.FloatLit) {
                return "float";
            } else if (e instanceof Blocks.StrLit) {
                return "a str value";
            } else if (e instanceof Blocks.Allocate) {
                return "a list, tuple or activation record";
            }
            return e.getClass().getSimpleName();
        }

        private void prim(int dst, Blocks.Prim p, Span at) {
            List<Blocks.Atom> args = p.args();
            switch (p.op()) {
                case IntAdd, IntSub, IntMul, IntFloorDiv, IntMod -> {
                    int a = operand(args.get(0), 0, at);
                    int b = operand(args.get(1), 1, at);
                    Tape.ArithOp op = switch (p.op()) {
                        case IntAdd -> Tape.ArithOp.Add;
                        case IntSub -> Tape.ArithOp.Sub;
                        case IntMul -> Tape.ArithOp.Mul;
                        case IntFloorDiv -> Tape.ArithOp.FloorDiv;
                        default -> Tape.ArithOp.Mod;
                    };
                    body.add(new Tape.Arith(op, dst, a, b, at));
                }
                case IntNeg -> body.add(new Tape.Negate(dst, operand(args.get(0), 0, at), at));
                case IntLt, IntLe, IntGt, IntGe, IntEq, IntNe -> {
                    int a = operand(args.get(0), 0, at);
                    int b = operand(args.get(1), 1, at);
                    body.add(new Tape.CompareInt(cmp(p.op()), dst, a, b, at));
                }
                case BoolEq, BoolNe -> {
                    int a = operand(args.get(0), 0, at);
                    int b = operand(args.get(1), 1, at);
                    body.add(new Tape.CompareCells(p.op() == nanopy.py.PyTyped.PrimOp.BoolEq ? Tape.CmpOp.Eq : Tape.CmpOp.Ne, dst, a, b, 1, at));
                }
                case Not -> body.add(new Tape.Not(dst, operand(args.get(0), 0, at)));
                case Truthy -> {
                    Blocks.Atom x = args.get(0);
                    int w = atomWidth(x, at);
                    if (w == 1) {
                        body.add(new Tape.Copy(dst, operand(x, 0, at), 1, at));
                    } else if (w == WORD) {
                        int a = operand(x, 0, at);
                        body.add(new Tape.SetInt(constant(1), 0, at));
                        body.add(new Tape.CompareInt(Tape.CmpOp.Ne, dst, a, constant(1), at));
                    } else {
                        unsupported(at, "truth of this value");
                    }
                }
                case InputInt -> body.add(new Tape.ReadInt(dst, at));
                default -> unsupported(at, "the operation " + p.op());
            }
        }

        private static Tape.CmpOp cmp(nanopy.py.PyTyped.PrimOp op) {
            return switch (op) {
                case IntLt -> Tape.CmpOp.Lt;
                case IntLe -> Tape.CmpOp.Le;
                case IntGt -> Tape.CmpOp.Gt;
                case IntGe -> Tape.CmpOp.Ge;
                case IntEq -> Tape.CmpOp.Eq;
                default -> Tape.CmpOp.Ne;
            };
        }

        private void print(Blocks.Print p, Span at) {
            String sep = text(p.sep(), " ", at);
            String end = text(p.end(), "\n", at);
            StringBuilder pending = new StringBuilder();
            boolean first = true;
            for (Blocks.Atom a : p.args()) {
                if (!first) {
                    pending.append(sep);
                }
                first = false;
                if (a instanceof Blocks.IntLit i) {
                    pending.append(i.value());
                } else if (a instanceof Blocks.BoolLit b) {
                    pending.append(b.value() ? "True" : "False");
                } else if (a instanceof Blocks.StrLit s) {
                    pending.append(s.value());
                } else if (a instanceof Blocks.NoneLit) {
                    pending.append("None");
                } else if (a instanceof Blocks.Var v) {
                    Closed.Type t = v.type();
                    if (t instanceof Closed.NoneType) {
                        pending.append("None");
                        continue;
                    }
                    if (!pending.isEmpty()) {
                        body.add(new Tape.PrintText(pending.toString(), at));
                        pending.setLength(0);
                    }
                    if (t instanceof Closed.IntType) {
                        body.add(new Tape.PrintInt(slots.get(v.name()), at));
                    } else if (t instanceof Closed.BoolType) {
                        body.add(new Tape.PrintBool(slots.get(v.name()), at));
                    } else {
                        unsupported(at, "printing " + describe(t));
                    }
                } else {
                    unsupported(at, "float");
                }
            }
            pending.append(end);
            body.add(new Tape.PrintText(pending.toString(), at));
        }

        private String text(Blocks.Atom a, String fallback, Span at) {
            if (a instanceof Blocks.StrLit s) {
                return s.value();
            } else if (a instanceof Blocks.NoneLit) {
                return fallback;
            }
            unsupported(at, "a computed sep or end");
            return fallback;
        }

        private void tail(Blocks.Tail t) {
            if (t instanceof Blocks.Raise r) {
                unsupported(r.span(), "raise");
                finish(new Tape.Halt(r.span()));
            } else if (t instanceof Blocks.Goto g) {
                finish(new Tape.Jump(ids.get(g.label()), g.span()));
            } else if (t instanceof Blocks.Branch b) {
                int test;
                if (b.test() instanceof Blocks.Var v) {
                    test = slots.get(v.name());
                } else if (b.test() instanceof Blocks.BoolLit lit) {
                    finish(new Tape.Jump(ids.get(lit.value() ? b.then() : b.orelse()), b.span()));
                    return;
                } else {
                    into(testSlot, b.test(), b.span());
                    test = testSlot;
                }
                finish(new Tape.Branch(test, ids.get(b.then()), ids.get(b.orelse()), b.span()));
            } else if (t instanceof Blocks.Return r) {
                if (name == null) {
                    finish(new Tape.Halt(r.span()));
                    return;
                }
                int w = atomWidth(r.value(), r.span());
                int src = w == 0 ? RESULT : operand(r.value(), 0, r.span());
                finish(new Tape.Return(src, w, r.span()));
            } else if (t instanceof Blocks.TailCall c && name != null) {
                int fnSlot = operand(c.fn(), 0, c.span());
                finish(new Tape.TailCall(fnSlot, List.ofAll(arguments(c.args(), c.span())), c.span()));
            } else if (t instanceof Blocks.TailCall c) {
                call(c.fn(), c.args(), c.span());
                int w = width(c.type(), c.span());
                if (w > 0) {
                    body.add(new Tape.TakeResult(stage, w, c.span()));
                }
                if (name == null) {
                    finish(new Tape.Halt(c.span()));
                } else {
                    finish(new Tape.Return(stage, w, c.span()));
                }
            }
        }
    }
}
