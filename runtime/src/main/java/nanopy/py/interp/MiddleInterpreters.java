package nanopy.py.interp;

import java.util.concurrent.atomic.AtomicReference;
import nanopy.ir.Interpreter;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.py.Alloc;
import nanopy.py.Blocks;
import nanopy.py.Closed;
import nanopy.py.Flat;
import nanopy.py.NoAndOr;
import nanopy.py.NoAugAssign;
import nanopy.py.NoCompare;
import nanopy.py.NoFor;
import nanopy.py.NoLambda;
import nanopy.py.NoListComp;

/**
 * The reference interpreters of the middle-end languages, one small class per language (for
 * {@link java.util.ServiceLoader}), all sharing {@link MiddleCompiler}: the output and the errors
 * are the PyTyped interpreter's, and {@link PyTypedInterpreter#RECURSION_LIMIT} nested calls work
 * (one more raises {@code RecursionError: maximum recursion depth exceeded}).
 */
public final class MiddleInterpreters {
    private static final long STACK_BYTES = 2L << 30;

    private MiddleInterpreters() {}

    /** Runs a program of any middle-end language on a thread with a large stack. */
    static void run(Node program, ProgramIo io) {
        onLargeStack(() -> {
            try {
                runHere(program, io);
            } catch (PyRuntimeError e) {
                e.markTraced();   // every call recorded itself on the way out (Runtime.Calls.invoke)
                throw e;
            }
        });
    }

    /**
     * Runs {@code body} (an interpreter's run of one program) on a thread with a large stack;
     * running out of stack is {@code RecursionError}, and a {@link RuntimeException} (a
     * {@link PyRuntimeError}) is rethrown here.
     */
    public static void onLargeStack(Runnable body) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                body.run();
            } catch (StackOverflowError e) {
                failure.set(new PyRuntimeError("RecursionError", "maximum recursion depth exceeded", Span.NONE));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "nanopy-interpreter", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the program", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void runHere(Node program, ProgramIo io) {
        int limit = PyTypedInterpreter.RECURSION_LIMIT;
        if (Fields.has(program, "defs")) {
            var defs = Fields.nodes(program, "defs");
            if (program instanceof Blocks.Module) {
                BlockCompiler c = new BlockCompiler(program, io, limit);
                c.declareDefs(defs);
                c.compileBlockDefs(defs);
                c.blocks(Fields.nodes(program, "body")).run(c.moduleFrame());
                return;
            }
            MiddleCompiler c = new MiddleCompiler(program, io, limit);
            c.declareDefs(defs);
            c.compileDefs(defs);
            c.block(Fields.nodes(program, "body")).exec(c.moduleFrame());
            return;
        }
        MiddleCompiler c = new MiddleCompiler(program, io, limit);
        c.block(Fields.nodes(program, "body")).exec(c.moduleFrame());
    }

    /** The shape of every interpreter here: a language and {@link MiddleInterpreters#run}. */
    private abstract static class Base implements Interpreter {
        private final Language language;

        Base(Language language) {
            this.language = language;
        }

        @Override
        public Language language() {
            return language;
        }

        @Override
        public void run(Node program, ProgramIo io) {
            MiddleInterpreters.run(program, io);
        }
    }

    /** NoAugAssign. */
    public static final class OfNoAugAssign extends Base {
        /** For ServiceLoader. */
        public OfNoAugAssign() {
            super(NoAugAssign.LANGUAGE);
        }
    }

    /** NoCompare. */
    public static final class OfNoCompare extends Base {
        /** For ServiceLoader. */
        public OfNoCompare() {
            super(NoCompare.LANGUAGE);
        }
    }

    /** NoListComp. */
    public static final class OfNoListComp extends Base {
        /** For ServiceLoader. */
        public OfNoListComp() {
            super(NoListComp.LANGUAGE);
        }
    }

    /** NoFor. */
    public static final class OfNoFor extends Base {
        /** For ServiceLoader. */
        public OfNoFor() {
            super(NoFor.LANGUAGE);
        }
    }

    /** NoAndOr. */
    public static final class OfNoAndOr extends Base {
        /** For ServiceLoader. */
        public OfNoAndOr() {
            super(NoAndOr.LANGUAGE);
        }
    }

    /** NoLambda. */
    public static final class OfNoLambda extends Base {
        /** For ServiceLoader. */
        public OfNoLambda() {
            super(NoLambda.LANGUAGE);
        }
    }

    /** Closed. */
    public static final class OfClosed extends Base {
        /** For ServiceLoader. */
        public OfClosed() {
            super(Closed.LANGUAGE);
        }
    }

    /** Alloc. */
    public static final class OfAlloc extends Base {
        /** For ServiceLoader. */
        public OfAlloc() {
            super(Alloc.LANGUAGE);
        }
    }

    /** Flat. */
    public static final class OfFlat extends Base {
        /** For ServiceLoader. */
        public OfFlat() {
            super(Flat.LANGUAGE);
        }
    }

    /** Blocks. */
    public static final class OfBlocks extends Base {
        /** For ServiceLoader. */
        public OfBlocks() {
            super(Blocks.LANGUAGE);
        }
    }
}
