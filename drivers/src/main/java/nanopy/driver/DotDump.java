package nanopy.driver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nanopy.ir.CompileError;
import nanopy.ir.Diagnostic;
import nanopy.ir.IrError;
import nanopy.targets.Target;

/**
 * {@code nanopy ir dump --format=dot [--target=T] [--function=F] FILE}: compiles FILE on target T
 * (or the file's default) up to the pass its {@link Target#dotAfter()} names and prints the
 * target's Graphviz text (for a register target: each function's interference graph and
 * control-flow graph).
 */
final class DotDump {
    private DotDump() {}

    static int run(Path file, Optional<String> target, String function, PrintStream out, PrintStream err) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("error: " + file + ": cannot read (" + e.getMessage() + ")");
            return Cli.USER_ERROR;
        }
        try {
            Driver d = Driver.builtin();
            Pipeline p = d.pipeline(Optional.empty(), target, file.toString());
            Optional<Target> t = d.target(p).filter(x -> x.dotAfter().isPresent());
            int to = t.isEmpty() ? 0 : p.indexOf(t.get().dotAfter().get()) + 1;
            if (to == 0) {
                err.println("error: target '" + p.name() + "' has no graph dump; choose a register target with --target (e.g. regvm)");
                return Cli.USAGE;
            }
            Driver.Compiled c = d.compile(p, 0, to, file.toString(), text, new PassManager(Instrumentation.none(), err));
            out.print(t.get().dot(c.program(), function));
            return Cli.OK;
        } catch (ConfigError e) {
            err.println("error: " + e.getMessage());
            return Cli.USAGE;
        } catch (CompileError e) {
            for (Diagnostic diag : e.diagnostics()) {
                err.print(Diagnostics.render(diag, text));
            }
            return Cli.USER_ERROR;
        } catch (IrError e) {
            err.println(file + ":" + e.line() + ":" + e.col() + ": error: " + e.detail());
            return Cli.USER_ERROR;
        } catch (PassFailure e) {
            err.println("error: " + e.getMessage());
            return Cli.PASS_BUG;
        }
    }
}
