package nanopy.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import nanopy.bf.BfText;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.ir.PyRuntimeError;
import nanopy.targets.bf.BfCode;
import nanopy.targets.bf.BfMachine;
import nanopy.targets.bf.BfRunner;

/**
 * Brainfuck files for the CLI: {@code nanopy build --target=bf prog.py -o prog.bf} writes the program
 * text, {@code nanopy run prog.bf} runs any Brainfuck file on nanopy's optimizing interpreter
 * (see {@link BfRunner} for the error-marker convention that gives exit status 1).
 */
final class BrainfuckFiles {
    private BrainfuckFiles() {}

    /** Whether {@code file} names a Brainfuck file (by its {@code .bf} or {@code .b} extension). */
    static boolean isBrainfuckFile(Path file) {
        if (file == null || file.getFileName() == null) {
            return false;
        }
        String name = file.getFileName().toString();
        return name.endsWith(".bf") || name.endsWith(".b");
    }

    /** Whether {@code program} is Brainfuck text that {@link #write} writes as is. */
    static boolean isBrainfuck(Node program) {
        return program instanceof BfText.Program;
    }

    /** Writes the text of {@code program} (a {@link BfText.Program}) to {@code output}. */
    static void write(Node program, Path output) throws IOException {
        Files.writeString(output, ((BfText.Program) program).text(), StandardCharsets.ISO_8859_1);
    }

    /** Runs the Brainfuck file {@code file}; returns the exit status. */
    static int run(Path file, BufferedReader in, PrintStream out, PrintStream err) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            err.println("error: " + file + ": no such file");
            return Cli.USER_ERROR;
        } catch (IOException e) {
            err.println("error: " + file + ": cannot read (" + e.getMessage() + ")");
            return Cli.USER_ERROR;
        }
        BfCode code;
        try {
            code = BfCode.compile(text);
        } catch (BfCode.Malformed e) {
            err.println(file + ":" + e.getMessage());
            String[] lines = text.split("\n", -1);
            err.println(lines[e.line() - 1]);
            err.println(" ".repeat(e.column() - 1) + "^");
            return Cli.USER_ERROR;
        }
        try {
            BfRunner.run(code, new ProgramIo(in, out));
            return Cli.OK;
        } catch (BfMachine.TapeUnderflow e) {
            err.println("error: " + file + ": " + e.getMessage());
            return Cli.USER_ERROR;
        } catch (PyRuntimeError e) {
            err.print(Tracebacks.render(file.toString(), null, e));
            return Cli.USER_ERROR;
        }
    }
}
