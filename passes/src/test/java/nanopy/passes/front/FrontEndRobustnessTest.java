package nanopy.passes.front;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import nanopy.ir.CompileError;
import nanopy.ir.PyRuntimeError;
import nanopy.passes.CorpusFiles;
import org.junit.jupiter.api.Test;

/**
 * Every corpus program cut at every line boundary, and at a few random character offsets, goes
 * through the whole front end and the interpreter (stdin empty, a time limit per run) and ends in
 * one of the ways a user may see: a diagnostic, a clean run, a Python runtime error, or (past the
 * time limit) {@code KeyboardInterrupt} from the interrupted interpreter. Never a Java exception,
 * a stack overflow, or a hang.
 */
class FrontEndRobustnessTest {
    private static final long RUN_MILLIS = 1_000;
    private static final long STOP_MILLIS = 10_000;
    private static final int RANDOM_CUTS = 3;

    /** How one cut program ended. */
    enum Outcome { DIAGNOSTIC, CLEAN, RUNTIME_ERROR, STOPPED_AT_TIME_LIMIT }

    /** Output that keeps nothing past a few kilobytes, so a runaway loop cannot fill the heap. */
    private static final class CappedOutput implements Appendable {
        private int chars;

        @Override
        public Appendable append(CharSequence s) {
            chars += s.length();
            return this;
        }

        @Override
        public Appendable append(CharSequence s, int start, int end) {
            chars += end - start;
            return this;
        }

        @Override
        public Appendable append(char c) {
            chars++;
            return this;
        }
    }

    private static List<Path> corpusPrograms() {
        Path root = CorpusFiles.root();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prefixes of {@code text} ending at each line boundary, then a few at random offsets. */
    static List<String> cuts(String text, long seed) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(0, i + 1));
            }
        }
        out.add(0, "");
        Random r = new Random(seed);
        for (int k = 0; k < RANDOM_CUTS && !text.isEmpty(); k++) {
            out.add(text.substring(0, r.nextInt(text.length())));
        }
        return out;
    }

    /** Compiles and runs {@code source}; throws anything that is not a user-visible outcome. */
    static Outcome runOnce(String source) throws InterruptedException {
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        AtomicReference<Throwable> bug = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                var typed = FrontEnd.compile("cut.py", source);
                // the front pipeline's last pass: cut programs are full of reads before assignments
                var guarded = new GuardUnboundReads().apply(typed,
                        new nanopy.pass.PassContext("cut.py", source, java.util.Map.of()));
                FrontEnd.execute(guarded, "", new CappedOutput());
                outcome.set(Outcome.CLEAN);
            } catch (CompileError e) {
                outcome.set(e.diagnostics().isEmpty() ? null : Outcome.DIAGNOSTIC);
            } catch (PyRuntimeError e) {
                outcome.set(e.exceptionClass().equals("KeyboardInterrupt") ? Outcome.STOPPED_AT_TIME_LIMIT : Outcome.RUNTIME_ERROR);
            } catch (Throwable t) {
                bug.set(t);
            }
        }, "robustness", 1L << 29);
        worker.start();
        worker.join(RUN_MILLIS);
        if (worker.isAlive()) {
            worker.interrupt();
            worker.join(STOP_MILLIS);
            if (worker.isAlive()) {
                throw new AssertionError("hangs: neither finished nor stopped when interrupted");
            }
        }
        if (bug.get() != null) {
            StringWriter sw = new StringWriter();
            bug.get().printStackTrace(new PrintWriter(sw));
            throw new AssertionError("a Java exception: " + sw.toString().lines().limit(12).reduce("", (a, b) -> a + "\n" + b));
        }
        if (outcome.get() == null) {
            throw new AssertionError("a compile error without a diagnostic");
        }
        return outcome.get();
    }

    @Test
    void cutCorpusProgramsGiveADiagnosticACleanRunOrAPythonError() throws IOException, InterruptedException {
        Path root = CorpusFiles.root();
        List<String> failures = new ArrayList<>();
        int[] counts = new int[Outcome.values().length];
        int cases = 0;
        for (Path p : corpusPrograms()) {
            String text = Files.readString(p);
            for (String cut : cuts(text, p.getFileName().toString().hashCode())) {
                cases++;
                try {
                    counts[runOnce(cut).ordinal()]++;
                } catch (AssertionError e) {
                    failures.add(root.relativize(p) + " cut at char " + cut.length() + " (line " + cut.lines().count() + "): "
                            + e.getMessage());
                }
            }
        }
        StringBuilder summary = new StringBuilder(cases + " cuts:");
        for (Outcome o : Outcome.values()) {
            summary.append(' ').append(o.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(counts[o.ordinal()]);
        }
        System.out.println("front-end robustness: " + summary);
        assertTrue(failures.isEmpty(), failures.size() + " failures of " + summary + ":\n" + String.join("\n", failures));
        assertTrue(cases > 1000, summary.toString());
    }
}
