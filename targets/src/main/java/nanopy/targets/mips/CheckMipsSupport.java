package nanopy.targets.mips;

import nanopy.ir.Span;
import nanopy.lir.Lir;
import nanopy.lir.LirWalker;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Rejects, before instruction selection, what the MIPS target cannot run with CPython's answer:
 * floats (the run-time library has no shortest-round-trip float formatting, so a float program is
 * refused rather than printing a different number: {@code float is not supported on the mips
 * target}), and calls of run-time routines the MIPS library does not define. Each is reported once,
 * at its first use; the program is otherwise unchanged.
 */
public final class CheckMipsSupport implements Pass<Lir.Module, Lir.Module> {
    @Override
    public String description() {
        return "reject floats and run-time routines the MIPS run-time library does not have";
    }

    @Override
    public Lir.Module apply(Lir.Module program, PassContext ctx) {
        new LirWalker() {
            private boolean floatSeen;
            private final java.util.Set<String> missing = new java.util.HashSet<>();

            private void floatAt(Span sp) {
                if (!floatSeen) {
                    floatSeen = true;
                    ctx.error(sp, "float is not supported on the mips target");
                }
            }

            @Override
            protected void onFloat(Lir.Float node) {
                floatAt(node.span());
            }

            @Override
            protected void onVar(Lir.Var node) {
                if (node.ty() == Lir.Ty.F64) {
                    floatAt(node.span());
                }
            }

            @Override
            protected void onMach(Lir.Mach node) {
                if (node.ty() == Lir.Ty.F64) {
                    floatAt(node.span());
                }
                super.onMach(node);
            }

            @Override
            protected void onCallRt(Lir.CallRt node) {
                if (node.ty() == Lir.Ty.F64 || node.routine().contains("float")) {
                    floatAt(node.span());
                } else if (!MipsRuntime.defines(node.routine()) && missing.add(node.routine())) {
                    ctx.error(node.span(), node.routine() + " is not supported on the mips target yet");
                }
                super.onCallRt(node);
            }
        }.walk(program);
        ctx.throwIfErrors();
        return program;
    }
}
