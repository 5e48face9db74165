package nanopy.py.interp;

import java.util.concurrent.atomic.AtomicReference;
import nanopy.ir.Interpreter;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.PyTyped;

/**
 * The reference interpreter of {@link PyTyped}: prints exactly what CPython prints for the same
 * program, and fails with CPython's exception class and message ({@link PyRuntimeError}). The
 * program is first compiled to Java closures ({@link Compiler}), then run on a thread of its own
 * with a large stack, so that {@value #RECURSION_LIMIT} nested Python calls work; one more raises
 * {@code RecursionError: maximum recursion depth exceeded}. Running out of memory is
 * {@code MemoryError}; interrupting the calling thread stops the program at its next loop
 * iteration with {@code KeyboardInterrupt}, so an embedding can put a time limit on a run.
 */
public final class PyTypedInterpreter implements Interpreter {
    /** Most nested Python calls; CPython's default is 1,000, NanoPy promises at least 100,000. */
    public static final int RECURSION_LIMIT = 200_000;
    private static final long STACK_BYTES = 2L << 30;

    /** For ServiceLoader. */
    public PyTypedInterpreter() {}

    /** Waits for {@code t} to end, keeping this thread's interrupt status. */
    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Language language() {
        return PyTyped.LANGUAGE;
    }

    /**
     * Runs a PyTyped module.
     *
     * @throws PyRuntimeError when the program fails as it would under CPython
     */
    @Override
    public void run(Node program, ProgramIo io) {
        PyTyped.Module module = (PyTyped.Module) program;
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Compiler c = new Compiler(module, io, RECURSION_LIMIT);
                c.module(module).exec(c.moduleFrame());
            } catch (PyRuntimeError e) {
                e.markTraced();   // every call recorded itself on the way out (Code.call)
                failure.set(e);
            } catch (StackOverflowError e) {
                failure.set(new PyRuntimeError("RecursionError", "maximum recursion depth exceeded", Span.NONE));
            } catch (OutOfMemoryError e) {
                failure.set(new PyRuntimeError("MemoryError", "", Span.NONE));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "nanopy-interpreter", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            joinUninterruptibly(t);
            Thread.currentThread().interrupt();
            if (failure.get() == null) {
                throw new PyRuntimeError("KeyboardInterrupt", "", Span.NONE);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
