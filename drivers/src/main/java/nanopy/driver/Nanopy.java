package nanopy.driver;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nanopy.ir.CompileError;
import nanopy.ir.Diagnostic;
import nanopy.ir.IrError;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;

/**
 * The library API: compile and run a program in one call, for embedding and for test suites.
 *
 * <pre>{@code
 * Nanopy.Result r = Nanopy.run("prog.arith", "let x = 2 in x * 21", "");
 * r.exitStatus();  // 0
 * r.stdout();      // "42\n"
 * }</pre>
 *
 * <p>Compiled programs are kept in {@link CompileCache#SHARED}: running the same source again (same
 * file name, target and nanopy build) skips compilation.
 */
public final class Nanopy {
    private static final Driver DRIVER = Driver.builtin();

    private Nanopy() {}

    /**
     * What a run produced.
     *
     * @param exitStatus 0 success, 1 compile or runtime error, 2 bad pipeline, 70 a pass misbehaved
     * @param stdout the program's output
     * @param stderr diagnostics, or the traceback whose last line is CPython's error line
     */
    public record Result(int exitStatus, String stdout, String stderr) {}

    /** Compiles {@code source} for the default target of {@code fileName}'s extension and runs it on {@code stdin}. */
    public static Result run(String fileName, String source, String stdin) {
        return run(fileName, source, stdin, Optional.empty());
    }

    /** Like {@link #run(String, String, String)} on target {@code target} when present. */
    public static Result run(String fileName, String source, String stdin, Optional<String> target) {
        StringBuilder out = new StringBuilder();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errs = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status;
        try {
            Pipeline p = DRIVER.pipeline(Optional.empty(), target, fileName);
            String key = CompileCache.key(DRIVER.config().identity() + ";" + DRIVER.registry().identity(), p, fileName, source);
            Optional<Driver.Compiled> hit = CompileCache.SHARED.get(key);
            Driver.Compiled c;
            if (hit.isPresent()) {
                c = hit.get();
            } else {
                c = DRIVER.compile(p, 0, p.steps().size(), fileName, source, new PassManager(Instrumentation.none(), errs));
                CompileCache.SHARED.put(key, c);
            }
            ProgramIo io = new ProgramIo(new BufferedReader(new StringReader(stdin)), out);
            DRIVER.execute(p, c, io);
            status = 0;
        } catch (ConfigError e) {
            errs.println("error: " + e.getMessage());
            status = 2;
        } catch (CompileError e) {
            for (Diagnostic d : e.diagnostics()) {
                errs.print(Diagnostics.render(d, source));
            }
            status = 1;
        } catch (IrError e) {
            errs.println(fileName + ":" + e.line() + ":" + e.col() + ": error: " + e.detail());
            status = 1;
        } catch (PyRuntimeError e) {
            errs.print(nanopy.ir.Tracebacks.render(fileName, source, e));
            status = 1;
        } catch (PassFailure e) {
            errs.println("internal error: " + e.getMessage());
            status = 70;
        }
        return new Result(status, out.toString(), err.toString(StandardCharsets.UTF_8));
    }
}
