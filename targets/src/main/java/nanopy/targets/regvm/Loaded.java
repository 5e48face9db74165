package nanopy.targets.regvm;

import nanopy.ir.ProgramIo;
import nanopy.ir.Span;
import nanopy.py.PyTyped.PrimOp;
import nanopy.py.interp.TargetRuntime;
import nanopy.regvm.RegImage;

/**
 * A bytecode image made ready to run: code as {@code int[]}, the constant pool split into a
 * primitive half (ints, float bits) and a reference half (strings), and each Apply site's operand
 * replaced by the index of its compiled primitive. Checks the image: every instruction decodes
 * within its function and names a function, constant and frame cell that exist; a bad image is
 * an {@link IllegalArgumentException} whose message says what is wrong.
 */
final class Loaded {
    /** One function: its frame sizes per bank, code, line table and primitive sites. */
    record Fn(String name, int primFrame, int refFrame, int[] code, int[] lines, TargetRuntime.Applier[] appliers) {
        /** The source position of the instruction at {@code pc}. */
        Span spanAt(int pc) {
            Span best = Span.NONE;
            for (int i = 0; i + 2 < lines.length && lines[i] <= pc; i += 3) {
                best = Span.at(lines[i + 1], lines[i + 2]);
            }
            return best;
        }
    }

    final Fn[] fns;
    final long[] primPool;
    final Object[] refPool;
    final int primGlobals;
    final int refGlobals;

    Loaded(RegImage.Image image, ProgramIo io) {
        int n = image.pool().size();
        primPool = new long[n];
        refPool = new Object[n];
        int i = 0;
        for (RegImage.Const k : image.pool()) {
            switch (k) {
                case RegImage.IntConst c -> primPool[i] = c.value();
                case RegImage.FloatConst c -> primPool[i] = Double.doubleToRawLongBits(c.value());
                case RegImage.StrConst c -> refPool[i] = c.value();
            }
            i++;
        }
        primGlobals = image.primGlobals();
        refGlobals = image.refGlobals();
        fns = new Fn[image.functions().size()];
        if (fns.length == 0) {
            throw new IllegalArgumentException("the image has no functions");
        }
        for (int f = 0; f < fns.length; f++) {
            fns[f] = load(image.functions().get(f), io);
        }
    }

    private Fn load(RegImage.FunCode fc, ProgramIo io) {
        int[] code = fc.code().toJavaStream().mapToInt(Integer::intValue).toArray();
        int[] lines = fc.lines().toJavaStream().mapToInt(Integer::intValue).toArray();
        java.util.ArrayList<TargetRuntime.Applier> appliers = new java.util.ArrayList<>();
        int line = 0;
        Span at = Span.NONE;
        for (int pc = 0; pc < code.length; ) {
            // the line table is sorted by offset: the span of pc is that of the last entry at or before it (as spanAt)
            while (line + 2 < lines.length && lines[line] <= pc) {
                at = Span.at(lines[line + 1], lines[line + 2]);
                line += 3;
            }
            int len = Ops.length(code, pc);
            if (len < 0) {
                throw new IllegalArgumentException("function " + fc.name() + ": bad instruction at offset " + pc);
            }
            if (code[pc] == Ops.APPLY) {
                int k = code[pc + 2];
                if (k < 0 || k >= refPool.length || !(refPool[k] instanceof String name)) {
                    throw new IllegalArgumentException("function " + fc.name() + ": bad primitive at offset " + pc);
                }
                PrimOp op;
                try {
                    op = PrimOp.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("function " + fc.name() + ": unknown primitive " + name, e);
                }
                appliers.add(TargetRuntime.applier(op, code[pc + 3], at, io));
                code[pc + 2] = appliers.size() - 1;
            }
            Check.operands(this, fc, code, pc);
            pc += len;
        }
        if (code.length == 0) {
            throw new IllegalArgumentException("function " + fc.name() + " has no code");
        }
        return new Fn(fc.name(), fc.primFrame(), fc.refFrame(), code, lines, appliers.toArray(TargetRuntime.Applier[]::new));
    }
}
