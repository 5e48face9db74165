package nanopy.targets.x86;

import java.nio.file.Path;
import nanopy.ir.Span;
import nanopy.llvm.NativeExe;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;
import nanopy.targets.llvm.NativeBuild;
import nanopy.x86.X86Asm;

/**
 * Assembles the program's {@code .s} and links it with the runtime ABI's C library and the Boehm
 * collector with {@code gcc}, into nanopy's build cache ({@link NativeBuild#buildAssembly}); the
 * same text is built once. The result runs like the llvm target's executables (runner
 * {@code native}).
 *
 * <p>A missing gcc is the user's to install: a compile error naming the Debian packages. gcc
 * rejecting the assembly is a bug in {@code emit-x86}: the failure names the {@code .s} line.
 */
public final class AssembleX86 implements Pass<X86Asm.Assembly, NativeExe.Executable> {
    @Override
    public String description() {
        return "assemble the program (gcc) and link it with the runtime ABI's C library and the Boehm collector in the build cache";
    }

    @Override
    public NativeExe.Executable apply(X86Asm.Assembly program, PassContext ctx) {
        String missing = NativeBuild.missingAssembler();
        if (missing != null) {
            ctx.error(Span.NONE, missing);
            ctx.throwIfErrors();
        }
        Path exe = NativeBuild.buildAssembly(program.text());
        return new NativeExe.Executable(exe.toString(), program.span());
    }
}
