package nanopy.driver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import nanopy.ir.Diagnostic;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.ir.Span;
import nanopy.targets.Target;

/**
 * {@code nanopy run prog.EXT} for a target's artifact files (e.g. {@code .nbc} bytecode, which
 * {@code nanopy build --target=regvm prog.py -o prog.nbc} writes): the {@link Target} whose
 * {@link Target#isArtifact} accepts it runs it. A malformed file is reported in one line (with the
 * line and a caret when the target says where), exit status 1.
 */
final class Artifacts {
    private Artifacts() {}

    /** Runs artifact {@code file} on {@code target}; returns the exit status. */
    static int run(Target target, Path file, ProgramIo io, PrintStream err) {
        try {
            target.runArtifact(file, io);
            io.flush();
            return Cli.OK;
        } catch (NoSuchFileException e) {
            err.println("error: " + file + ": no such file");
            return Cli.USER_ERROR;
        } catch (IOException e) {
            err.println("error: " + file + ": cannot read (" + e.getMessage() + ")");
            return Cli.USER_ERROR;
        } catch (Target.Malformed e) {
            io.flush();
            if (e.line() > 0) {
                err.print(Diagnostics.render(new Diagnostic(file.toString(), Span.at(e.line(), e.column()), e.getMessage()), text(file)));
            } else {
                err.println("error: " + file + ": " + e.getMessage());
            }
            return Cli.USER_ERROR;
        } catch (PyRuntimeError e) {
            io.flush();
            err.print(nanopy.ir.Tracebacks.render(file.toString(), null, e));
            return nanopy.ir.Tracebacks.status(e);
        }
    }

    /** The text of a malformed file for its excerpt (byte for byte), or null when it cannot be read again. */
    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return null;
        }
    }
}
