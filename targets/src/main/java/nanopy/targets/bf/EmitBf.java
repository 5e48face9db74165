package nanopy.targets.bf;

import static nanopy.targets.bf.TapeLayout.BLOCK_ID;
import static nanopy.targets.bf.TapeLayout.BUDGET;
import static nanopy.targets.bf.TapeLayout.MARK;
import static nanopy.targets.bf.TapeLayout.RESULT;
import static nanopy.targets.bf.TapeLayout.SWITCH;
import static nanopy.targets.bf.TapeLayout.TEMPS;
import static nanopy.targets.bf.TapeLayout.TEMP_COUNT;
import static nanopy.targets.bf.TapeLayout.XFER;

import java.util.HashMap;
import java.util.Map;
import nanopy.bf.BfText;
import nanopy.bf.Tape;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Writes the tape machine as portable Brainfuck: the tape starts with frame -1 (the globals), the
 * module's frame follows, and one dispatch loop runs while the current frame's MARK is 1. Each
 * iteration moves the frame's block id into the switch cells and runs a two-level nested-decrement
 * switch (high cell, then low cell) whose cases are the blocks. A call writes the callee's frame one
 * frame size up and moves there; a return clears its MARK and moves one frame down, where the caller's
 * block id already names its continuation. After an instruction that can raise, the rest of the
 * block runs only while MARK is still 1 (an error clears it). docs/bf.md has the details.
 */
public final class EmitBf implements Pass<Tape.Program, BfText.Program> {
    /** For ServiceLoader. */
    public EmitBf() {}

    @Override
    public String description() {
        return "lay the tape out and write each block as Brainfuck inside one switch-dispatch loop";
    }

    @Override
    public BfText.Program apply(Tape.Program program, PassContext ctx) {
        StringBuilder out = new StringBuilder();
        BfAsm a = new BfAsm(out, TEMPS, TEMP_COUNT);
        BfWords w = new BfWords(a);
        int size = program.frameSize();
        Map<Integer, Tape.Block> blocks = new HashMap<>();
        int maxId = 0;
        for (Tape.Block b : program.blocks()) {
            blocks.put(b.id(), b);
            maxId = Math.max(maxId, b.id());
        }
        // the module's frame: one frame up from frame -1, which starts at cell 0
        a.go(MARK);
        a.shiftFrame(1, size);
        a.add(MARK, 1);
        a.add(BLOCK_ID, program.entry() % 256);
        a.add(BLOCK_ID + 1, program.entry() / 256);
        a.add(BUDGET, program.recursionLimit() % 256);
        a.add(BUDGET + 1, program.recursionLimit() / 256 % 256);
        a.add(BUDGET + 2, program.recursionLimit() / 65536);
        a.open(MARK);
        a.moveAdd(BLOCK_ID, SWITCH);
        a.moveAdd(BLOCK_ID + 1, SWITCH + 2);
        int highs = maxId / 256 + 1;
        int top = maxId;
        Emitter e = new Emitter(a, w, size);
        nestedSwitch(a, SWITCH + 2, SWITCH + 3, highs, h -> {
            int count = Math.min(256, top - h * 256 + 1);
            nestedSwitch(a, SWITCH, SWITCH + 1, count, l -> {
                Tape.Block b = blocks.get(h * 256 + l);
                if (b != null) {
                    e.block(b);
                }
            });
        });
        a.go(MARK);
        a.close(MARK);
        return new BfText.Program(out.toString(), program.span());
    }

    /**
     * Runs case(v) for v = the value of counter (0 .. n-1): counter is decremented level by level
     * inside nested loops; the flag cell says whether a case has run. Cases may move to another
     * frame; its counter and flag are 0, so the loops close there.
     */
    private static void nestedSwitch(BfAsm a, int counter, int flag, int n, java.util.function.IntConsumer cases) {
        a.add(flag, 1);
        for (int k = 0; k < n - 1; k++) {
            a.open(counter);
            a.add(counter, -1);
        }
        for (int k = n - 1; k >= 0; k--) {
            if (k < n - 1) {
                a.close(counter);
            }
            a.open(flag);
            a.add(flag, -1);
            cases.accept(k);
            a.close(flag);
        }
    }

    /** Writes blocks' instructions. */
    private static final class Emitter {
        private final BfAsm a;
        private final BfWords w;
        private final int size;

        Emitter(BfAsm a, BfWords w, int size) {
            this.a = a;
            this.w = w;
            this.size = size;
        }

        void block(Tape.Block b) {
            boolean guarded = false;
            for (Tape.Instr i : b.body()) {
                if (guarded) {
                    a.when(MARK, () -> instr(i));
                } else {
                    instr(i);
                }
                guarded |= canRaise(i);
            }
            if (guarded) {
                a.when(MARK, () -> tail(b.tail()));
            } else {
                tail(b.tail());
            }
        }

        private static boolean canRaise(Tape.Instr i) {
            return i instanceof Tape.Arith || i instanceof Tape.Negate || i instanceof Tape.Raise;
        }

        private void instr(Tape.Instr i) {
            if (i instanceof Tape.SetInt s) {
                w.setInt(s.dst(), s.value());
            } else if (i instanceof Tape.SetCells s) {
                for (int k = 0; k < s.values().size(); k++) {
                    a.set(s.dst() + k, s.values().get(k));
                }
            } else if (i instanceof Tape.Copy c) {
                w.copyWord(c.src(), c.dst(), c.width());
            } else if (i instanceof Tape.Arith ar) {
                switch (ar.op()) {
                    case Add -> w.addSub(ar.dst(), ar.a(), ar.b(), false);
                    case Sub -> w.addSub(ar.dst(), ar.a(), ar.b(), true);
                    case Mul -> w.multiply(ar.dst(), ar.a(), ar.b());
                    case FloorDiv -> w.divide(false, ar.dst(), ar.a(), ar.b());
                    case Mod -> w.divide(true, ar.dst(), ar.a(), ar.b());
                }
            } else if (i instanceof Tape.Negate n) {
                w.negate(n.dst(), n.a());
            } else if (i instanceof Tape.CompareInt c) {
                w.compare(c.op().name().toLowerCase(java.util.Locale.ROOT), c.dst(), c.a(), c.b());
            } else if (i instanceof Tape.CompareCells c) {
                w.compareCells(c.op() == Tape.CmpOp.Eq, c.dst(), c.a(), c.b(), c.width());
            } else if (i instanceof Tape.Not n) {
                w.not(n.dst(), n.a());
            } else if (i instanceof Tape.PrintInt p) {
                w.printInt(p.src());
            } else if (i instanceof Tape.PrintBool p) {
                int other = a.temp();
                a.add(other, 1);
                a.when(p.src(), () -> {
                    a.print("True");
                    a.add(other, -1);
                });
                a.open(other);
                a.add(other, -1);
                a.print("False");
                a.close(other);
                a.free(other);
            } else if (i instanceof Tape.PrintText p) {
                a.print(p.text());
            } else if (i instanceof Tape.ReadInt r) {
                w.readInt(r.dst());
            } else if (i instanceof Tape.LoadGlobal g) {
                loadGlobal(g.dst(), g.global(), g.width());
            } else if (i instanceof Tape.StoreGlobal g) {
                storeGlobal(g.global(), g.src(), g.width());
            } else if (i instanceof Tape.TakeResult t) {
                for (int k = 0; k < t.width(); k++) {
                    a.clear(t.dst() + k);
                    a.moveAdd(size + RESULT + k, t.dst() + k);
                }
            } else if (i instanceof Tape.Raise r) {
                w.raise(r.line());
            } else {
                throw new IllegalStateException("emit-bf: unknown instruction " + i);
            }
        }

        /** Walks down to frame -1 (MARK 0), copies the global into the transfer lane, carries it back up. */
        private void loadGlobal(int dst, int global, int width) {
            a.add(MARK, -1);
            a.go(MARK);
            a.shiftFrame(-1, size);
            a.raw("[" + "<".repeat(size) + "]");
            for (int k = 0; k < width; k++) {
                a.copy(global + k, XFER + k);
            }
            Runnable up = () -> {
                for (int k = 0; k < width; k++) {
                    a.moveAdd(XFER + k, size + XFER + k);
                }
                a.go(MARK);
                a.shiftFrame(1, size);
            };
            up.run();
            a.open(MARK);
            up.run();
            a.close(MARK);
            a.add(MARK, 1);
            for (int k = 0; k < width; k++) {
                a.clear(dst + k);
                a.moveAdd(XFER + k, dst + k);
            }
        }

        /** Carries the value down to frame -1, stores it, and scans back up to this frame (MARK 0 on the way). */
        private void storeGlobal(int global, int src, int width) {
            for (int k = 0; k < width; k++) {
                a.copy(src + k, XFER + k);
            }
            a.add(MARK, -1);
            Runnable down = () -> {
                for (int k = 0; k < width; k++) {
                    a.moveAdd(XFER + k, XFER + k - size);
                }
                a.go(MARK);
                a.shiftFrame(-1, size);
            };
            down.run();
            a.open(MARK);
            down.run();
            a.close(MARK);
            for (int k = 0; k < width; k++) {
                a.clear(global + k);
                a.moveAdd(XFER + k, global + k);
            }
            a.go(MARK);
            a.shiftFrame(1, size);
            a.raw("[" + ">".repeat(size) + "]");
            a.add(MARK, 1);
        }

        private void setId(int id) {
            a.add(BLOCK_ID, id % 256);
            a.add(BLOCK_ID + 1, id / 256);
        }

        private void tail(Tape.Tail t) {
            if (t instanceof Tape.Jump j) {
                setId(j.target());
            } else if (t instanceof Tape.Branch br) {
                setId(br.orelse());
                int flag = a.temp();
                a.addCopy(br.test(), flag);
                a.open(flag);
                a.add(flag, -1);
                a.add(BLOCK_ID, br.then() % 256 - br.orelse() % 256);
                a.add(BLOCK_ID + 1, br.then() / 256 - br.orelse() / 256);
                a.close(flag);
                a.free(flag);
            } else if (t instanceof Tape.Call c) {
                call(c);
            } else if (t instanceof Tape.TailCall c) {
                tailCall(c);
            } else if (t instanceof Tape.Return r) {
                for (int k = 0; k < r.width(); k++) {
                    a.copy(r.src() + k, RESULT + k);
                }
                a.clear(MARK);
                a.go(MARK);
                a.shiftFrame(-1, size);
            } else if (t instanceof Tape.Halt) {
                a.clear(MARK);
            } else {
                throw new IllegalStateException("emit-bf: unknown tail " + t);
            }
        }

        /** Runs {@code call} when this frame's budget is not 0, else raises RecursionError. */
        private void withBudget(Runnable call) {
            int raise = a.temp();
            a.add(raise, 1);
            int left = a.temp();
            for (int k = 0; k < 3; k++) {
                a.when(BUDGET + k, () -> a.set(left, 1));
            }
            a.open(left);
            a.clear(left);
            a.add(raise, -1);
            call.run();
            a.close(left);
            a.open(raise);
            a.add(raise, -1);
            w.raise("RecursionError: maximum recursion depth exceeded");
            a.close(raise);
            a.free(left);
            a.free(raise);
        }

        /** budget - 1 at cell b (three cells, low first), borrowing upward. */
        private void decrementBudget(int b) {
            a.unless(b, () -> {
                a.unless(b + 1, () -> a.add(b + 2, -1));
                a.add(b + 1, -1);
            });
            a.add(b, -1);
        }

        /** Writes the callee's frame one frame up (arguments, block id, budget - 1, MARK) and moves there. */
        private void call(Tape.Call c) {
            setId(c.next());
            withBudget(() -> {
                for (Tape.Arg arg : c.args()) {
                    for (int k = 0; k < arg.width(); k++) {
                        a.copy(arg.src() + k, size + arg.dst() + k);
                    }
                }
                a.copy(c.fn(), size + BLOCK_ID);
                a.copy(c.fn() + 1, size + BLOCK_ID + 1);
                for (int k = 0; k < 3; k++) {
                    a.copy(BUDGET + k, size + BUDGET + k);
                }
                decrementBudget(size + BUDGET);
                a.set(size + MARK, 1);
                a.go(MARK);
                a.shiftFrame(1, size);
            });
        }

        /** Stages the arguments one frame up, then moves them into this frame's parameters and jumps to the callee. */
        private void tailCall(Tape.TailCall c) {
            withBudget(() -> {
                for (Tape.Arg arg : c.args()) {
                    for (int k = 0; k < arg.width(); k++) {
                        a.copy(arg.src() + k, size + arg.dst() + k);
                    }
                }
                a.copy(c.fn(), BLOCK_ID);
                a.copy(c.fn() + 1, BLOCK_ID + 1);
                decrementBudget(BUDGET);
                for (Tape.Arg arg : c.args()) {
                    for (int k = 0; k < arg.width(); k++) {
                        a.clear(arg.dst() + k);
                        a.moveAdd(size + arg.dst() + k, arg.dst() + k);
                    }
                }
            });
        }
    }
}
