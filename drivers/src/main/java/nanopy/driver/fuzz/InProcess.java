package nanopy.driver.fuzz;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import nanopy.driver.Driver;
import nanopy.driver.Instrumentation;
import nanopy.driver.PassFailure;
import nanopy.driver.PassManager;
import nanopy.driver.Pipeline;
import nanopy.driver.golden.BoundedOutput;
import nanopy.driver.golden.Watchdog;
import nanopy.ir.CompileError;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;

/**
 * Compiles and runs a program on one target inside this JVM (no process start per program), on a
 * {@link Watchdog} thread with a time limit and a bounded stdout, and says how it ended.
 */
final class InProcess {
    /** Most characters a program may print. */
    static final int OUTPUT_LIMIT = 1 << 20;

    private final Driver driver;
    private final Duration limit;

    InProcess(Driver driver, Duration limit) {
        this.driver = driver;
        this.limit = limit;
    }

    Driver driver() {
        return driver;
    }

    /** Runs {@code source} (named {@code fileName}) on pipeline {@code p} with {@code stdin}. */
    Outcome run(Pipeline p, String fileName, String source, String stdin) {
        BoundedOutput out = new BoundedOutput(OUTPUT_LIMIT);
        try {
            return Watchdog.call("nanopy-fuzz-" + p.name(), limit, () -> {
                PassManager pm = new PassManager(Instrumentation.none(),
                        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
                Driver.Compiled c;
                try {
                    c = driver.compile(p, 0, p.steps().size(), fileName, source, pm);
                } catch (CompileError e) {
                    return new Outcome(Outcome.Kind.REJECTED, "", e.diagnostics().isEmpty() ? "" : e.diagnostics().get(0).header());
                }
                ProgramIo io = new ProgramIo(new BufferedReader(new StringReader(stdin)), out);
                try {
                    driver.execute(p, c, io);
                    return new Outcome(Outcome.Kind.OK, out.toString(), "");
                } catch (PyRuntimeError e) {
                    return new Outcome(Outcome.Kind.RUNTIME_ERROR, out.toString(), e.lastLine());
                } catch (UnsupportedOperationException e) {
                    return new Outcome(Outcome.Kind.UNSUPPORTED, out.toString(), String.valueOf(e.getMessage()));
                }
            });
        } catch (TimeoutException e) {
            return new Outcome(Outcome.Kind.TIMEOUT, out.toString(), "did not finish within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof PassFailure f) {
                return new Outcome(Outcome.Kind.PASS_FAILURE, "", f.getMessage());
            }
            if (t instanceof BoundedOutput.Exceeded x) {
                return new Outcome(Outcome.Kind.TOO_MUCH_OUTPUT, "", x.getMessage());
            }
            StackTraceElement[] at = t.getStackTrace();
            return new Outcome(Outcome.Kind.CRASH, "", t + (at.length > 0 ? " at " + at[0] : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
