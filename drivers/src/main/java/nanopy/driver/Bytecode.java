package nanopy.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.regvm.RegImage;
import nanopy.targets.regvm.BytecodeFile;
import nanopy.targets.regvm.RegVmRunner;

/**
 * Bytecode files for the CLI: {@code nanopy build --target=regvm prog.py -o prog.nbc} writes one,
 * {@code nanopy run prog.nbc} runs one. A malformed file is reported in one line, exit status 1.
 */
final class Bytecode {
    private Bytecode() {}

    /** Whether {@code file} names a bytecode file (by its {@code .nbc} extension). */
    static boolean isBytecodeFile(Path file) {
        return file != null && file.getFileName() != null && file.getFileName().toString().endsWith(".nbc");
    }

    /** Whether {@code program} is something {@link #write} can write. */
    static boolean isImage(Node program) {
        return program instanceof RegImage.Image;
    }

    /** Writes {@code program} (a {@link RegImage.Image}) to {@code output}. */
    static void write(Node program, Path output) throws IOException {
        Files.write(output, BytecodeFile.write((RegImage.Image) program));
    }

    /** Runs the bytecode file {@code file}; returns the exit status. */
    static int run(Path file, BufferedReader in, PrintStream out, PrintStream err) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("error: " + file + ": no such file");
            return Cli.USER_ERROR;
        } catch (IOException e) {
            err.println("error: " + file + ": cannot read (" + e.getMessage() + ")");
            return Cli.USER_ERROR;
        }
        RegImage.Image image;
        try {
            image = BytecodeFile.read(bytes);
        } catch (BytecodeFile.Malformed e) {
            err.println("error: " + file + ": " + e.getMessage());
            return Cli.USER_ERROR;
        }
        ProgramIo io = new ProgramIo(in, out);
        try {
            RegVmRunner.run(image, io);
            return Cli.OK;
        } catch (IllegalArgumentException e) {
            err.println("error: " + file + ": malformed bytecode: " + e.getMessage());
            return Cli.USER_ERROR;
        } catch (PyRuntimeError e) {
            err.print(Tracebacks.render(file.toString(), null, e));
            return Cli.USER_ERROR;
        }
    }
}
