package nanopy.targets.jvm.rt;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.interp.TargetRuntime;

/**
 * Runs a generated program on a thread of its own with a large stack (so that more than 100,000
 * NanoPy calls can nest as JVM calls) and turns whatever the JVM throws into the Python error a
 * user sees: {@link StackOverflowError} into {@code RecursionError: maximum recursion depth
 * exceeded}, the {@link ArithmeticException} of {@code Math.addExact} and its siblings into
 * {@code OverflowError: integer overflow}, {@link OutOfMemoryError} into {@code MemoryError}.
 * Any other JVM exception is a bug in nanopy and becomes {@code SystemError: jvm: ...}, never a
 * Java stack trace. Used by the in-process runner and by the {@code main} of a built jar.
 */
public final class ProgramThread {
    /** The program thread's stack: 1 GiB of address space, committed only as deep as calls go. */
    public static final long STACK_BYTES = 1L << 30;

    private ProgramThread() {}

    /**
     * Runs {@code program}'s {@code public static void run(TargetRuntime)} to its end.
     *
     * @param program the generated main class
     * @param rt the run-time library instance of this run (its stdin and stdout)
     * @throws PyRuntimeError when the program fails as a Python program
     * @throws LinkageError when the JVM rejects the generated classes (a bug in emit-classfile)
     */
    public static void run(Class<?> program, TargetRuntime rt) {
        MethodHandle main;
        try {
            main = MethodHandles.publicLookup().findStatic(program, "run", MethodType.methodType(void.class, TargetRuntime.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the generated class " + program.getName() + " has no run(TargetRuntime) method", e);
        }
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            PyRuntimeError.recordJvmStackOnThisThread();
            try {
                main.invokeExact(rt);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "nanopy-main", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw new PyRuntimeError("KeyboardInterrupt", "", Span.NONE);
        }
        if (failure[0] != null) {
            throw translate(failure[0]);
        }
    }

    /** The Python error for a throwable of a generated program (rethrown as is when it is a LinkageError). */
    static RuntimeException translate(Throwable e) {
        return switch (e) {
            case PyRuntimeError p -> traced(p, p.getStackTrace());
            // the JVM records at most 1024 frames: a traceback of a deep recursion would miscount its repeats
            case StackOverflowError s -> new PyRuntimeError("RecursionError", "maximum recursion depth exceeded", Span.NONE);
            case ArithmeticException a -> traced(new PyRuntimeError("OverflowError", "integer overflow", sourceLine(a)), a.getStackTrace());
            case OutOfMemoryError o -> new PyRuntimeError("MemoryError", "", Span.NONE);
            case LinkageError l -> throw l;
            default -> new PyRuntimeError("SystemError", "jvm: " + e, sourceLine(e));
        };
    }

    /** The generated class whose methods are the program's functions (and its top level). */
    private static final String PROGRAM_CLASS = "npy.Program";
    /** The method of the program's top-level code. */
    private static final String MODULE_METHOD = "$module";

    /**
     * {@code e} with the traceback read off {@code stack}, a JVM stack of the program's thread: each
     * frame of a method of {@code npy.Program} is a NanoPy frame (its line from the line-number table
     * emit-classfile writes, its name the function's, {@code $module} the top level); closure
     * trampolines and run-time library frames are not. Unchanged when the stack does not reach the
     * top level (a truncated stack) or has no line numbers. Functions inlined by the middle end have no
     * frame of their own, as on every target, and self tail calls that became jumps leave one frame.
     */
    static PyRuntimeError traced(PyRuntimeError e, StackTraceElement[] stack) {
        java.util.List<StackTraceElement> frames = new java.util.ArrayList<>();
        for (StackTraceElement f : stack) {
            if (f.getClassName().equals(PROGRAM_CLASS) && !f.getMethodName().equals("run")) {
                if (f.getLineNumber() <= 0) {
                    return e;
                }
                frames.add(f);
                lastSourceFile = f.getFileName();
            }
        }
        if (e.traced() || frames.isEmpty() || !frames.getLast().getMethodName().equals(MODULE_METHOD)) {
            return e;
        }
        e.locate(Span.at(frames.getFirst().getLineNumber(), 1));
        for (int i = 0; i + 1 < frames.size(); i++) {
            String function = TargetRuntime.userName(frames.get(i).getMethodName().replace('$', '.'));
            e.leaveFunction(function, Span.at(frames.get(i + 1).getLineNumber(), 1));
        }
        e.markTraced();
        return e;
    }

    /** The program's file name as emit-classfile recorded it (its SourceFile attribute), {@code "<program>"} if none was seen. */
    static String sourceFile() {
        String f = lastSourceFile;
        return f == null ? "<program>" : f;
    }

    /** The file name of the last program frame {@link #traced} saw. */
    private static volatile String lastSourceFile;

    /** The NanoPy line of the innermost generated frame of {@code e}'s stack trace, if any. */
    private static Span sourceLine(Throwable e) {
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("npy.") && f.getLineNumber() > 0) {
                return Span.at(f.getLineNumber(), 1);
            }
        }
        return Span.NONE;
    }
}
