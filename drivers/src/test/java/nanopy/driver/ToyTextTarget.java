package nanopy.driver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nanopy.example.ArithFlat;
import nanopy.ir.IrError;
import nanopy.ir.IrText;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.targets.InterpretRunner;
import nanopy.targets.Target;

/**
 * A target known to the drivers only through its services line ({@code META-INF/services/nanopy.targets.Target}
 * of the drivers' tests) and a {@code [target.toy]} section: its artifacts are ArithFlat IR text
 * files ({@code .toyir}), run by the language's reference interpreter.
 */
public final class ToyTextTarget implements Target {
    @Override
    public String name() {
        return "toy-text";
    }

    @Override
    public void run(Language language, Node program, ProgramIo io) {
        new InterpretRunner().run(language, program, io);
    }

    @Override
    public Optional<String> artifactExtension() {
        return Optional.of(".toyir");
    }

    @Override
    public boolean writes(Node program) {
        return program instanceof ArithFlat.Program;
    }

    @Override
    public void write(Node program, Path output) throws IOException {
        Files.writeString(output, IrText.print(ArithFlat.LANGUAGE, program, false), StandardCharsets.UTF_8);
    }

    @Override
    public void runArtifact(Path file, ProgramIo io) throws IOException, Malformed {
        Node program;
        try {
            program = IrText.parse(ArithFlat.LANGUAGE, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IrError e) {
            throw new Malformed("not ArithFlat IR text (" + e.line() + ":" + e.col() + ": " + e.detail() + ")");
        }
        run(ArithFlat.LANGUAGE, program, io);
        io.flush();
    }
}
