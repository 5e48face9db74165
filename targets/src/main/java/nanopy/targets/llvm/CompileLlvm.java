package nanopy.targets.llvm;

import java.nio.file.Path;
import nanopy.ir.Span;
import nanopy.llvm.LlvmIr;
import nanopy.llvm.NativeExe;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Optimizes the program's LLVM IR with LLVM 16's {@code opt} (the {@code default<O2>} pipeline),
 * compiles it with {@code llc}, and links it with the C run-time library and the Boehm collector
 * with {@code gcc}, into nanopy's build cache ({@link NativeBuild}). The same text is built once.
 *
 * <p>Missing tools are the user's to install: a compile error naming the Debian packages. A tool
 * that rejects the IR is a bug in {@code emit-llvm}: the failure names the line of the {@code .ll}.
 */
public final class CompileLlvm implements Pass<LlvmIr.Module, NativeExe.Executable> {
    @Override
    public String description() {
        return "optimize the LLVM IR (opt -O2), compile it (llc) and link it with the C run-time library (gcc, libgc) in the build cache";
    }

    @Override
    public NativeExe.Executable apply(LlvmIr.Module program, PassContext ctx) {
        String missing = NativeBuild.missingTools();
        if (missing != null) {
            ctx.error(Span.NONE, missing);
            ctx.throwIfErrors();
        }
        Path exe = NativeBuild.build(program.text());
        return new NativeExe.Executable(exe.toString(), program.span());
    }
}
