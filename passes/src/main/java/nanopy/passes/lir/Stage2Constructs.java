package nanopy.passes.lir;

import nanopy.pass.PassContext;
import nanopy.py.Blocks;
import nanopy.py.BlocksWalker;
import nanopy.py.PyTyped.PrimOp;

/**
 * The stage-2 constructs (dicts, sets, objects, exceptions, f-string format specs, the stage-2
 * builtins and methods, bitwise operators) that a target without them rejects before lowering: every use is
 * reported in one run as {@code <construct> is not supported on the <target> target yet}.
 */
public final class Stage2Constructs {
    private Stage2Constructs() {}

    /** True for a primitive of stage 2 of the language (declared after {@link PrimOp#Raise}). */
    public static boolean isStage2(PrimOp op) {
        return op.ordinal() > PrimOp.Raise.ordinal();
    }

    /** What the user wrote, for messages: {@code dict}, {@code set}, {@code a class instance}, ... */
    public static String construct(PrimOp op) {
        String n = op.name();
        if (n.startsWith("Dict")) {
            return "dict";
        }
        if (n.startsWith("Set")) {
            return "set";
        }
        if (n.startsWith("Obj")) {
            return "a class instance";
        }
        if (n.startsWith("Exc")) {
            return "an exception object";
        }
        if (n.startsWith("Int")) {
            return "a bitwise operator";
        }
        if (n.startsWith("Value")) {
            return "ordering of tuples or lists";
        }
        if (n.startsWith("Str") && !n.contains("Slice")) {
            return "this str method";
        }
        if (n.contains("Slice")) {
            return "a slice with a step or slice assignment";
        }
        if (n.startsWith("List")) {
            return "this list method";
        }
        return switch (op) {
            case Format -> "an f-string format spec";
            case Repr -> "repr";
            default -> "the builtin " + n.replaceAll("(Int|Float|Pairs|Of|ToInt|Digits)$", "").toLowerCase();
        };
    }

    /** Reports every {@code try} and {@code raise} of {@code program} as not supported on {@code target}; then stops if any. */
    public static void rejectExceptions(Blocks.Module program, PassContext ctx, String target) {
        new BlocksWalker() {
            @Override
            protected void onCatch(Blocks.Catch c) {
                ctx.error(c.span(), "try/except is not supported on the " + target + " target yet");
            }

            @Override
            protected void onRaise(Blocks.Raise r) {
                ctx.error(r.span(), "raise is not supported on the " + target + " target yet");
            }
        }.walk(program);
        ctx.throwIfErrors();
    }

    /** Reports every stage-2 primitive of {@code program} as not supported on {@code target}; then stops if any. */
    public static void reject(Blocks.Module program, PassContext ctx, String target) {
        new BlocksWalker() {
            @Override
            protected void onPrim(Blocks.Prim p) {
                if (isStage2(p.op())) {
                    ctx.error(p.span(), construct(p.op()) + " is not supported on the " + target + " target yet");
                }
                super.onPrim(p);
            }

            @Override
            protected void onCatch(Blocks.Catch c) {
                ctx.error(c.span(), "try/except is not supported on the " + target + " target yet");
            }

            @Override
            protected void onRaise(Blocks.Raise r) {
                ctx.error(r.span(), "raise is not supported on the " + target + " target yet");
            }
        }.walk(program);
        ctx.throwIfErrors();
    }
}
