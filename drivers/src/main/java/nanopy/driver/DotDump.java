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
import nanopy.regvm.RegInterference;
import nanopy.targets.regvm.RegVmDot;

/**
 * {@code nanopy ir dump --format=dot [--target=T] [--function=F] FILE}: compiles FILE on a
 * register-VM target up to build-interference and prints each function's interference graph and
 * control-flow graph as Graphviz text.
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
            int to = p.indexOf("build-interference") + 1;
            if (to == 0) {
                err.println("error: the pipeline has no build-interference pass; choose a register-VM target with --target");
                return Cli.USAGE;
            }
            Driver.Compiled c = d.compile(p, 0, to, file.toString(), text, new PassManager(Instrumentation.none(), err));
            out.print(RegVmDot.dot((RegInterference.Program) c.program(), function));
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
