package nanopy.targets.regvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.regvm.RegImage;
import nanopy.regvm.RegInterference;
import nanopy.targets.Target;

/**
 * The register VM as a {@link Target} ({@code run = "regvm"}): runs emitted bytecode (loads the
 * image, checking it, then runs the module's code in the {@link Vm}; output is flushed even when
 * the program fails), writes and runs {@code .nbc} files ({@link BytecodeFile}), and draws
 * build-interference's output ({@link RegVmDot}).
 */
public final class RegVmRunner implements Target {
    @Override
    public String name() {
        return "regvm";
    }

    /**
     * @throws nanopy.ir.PyRuntimeError when the program fails at run time
     * @throws UnsupportedOperationException when {@code program} is not a {@link RegImage.Image}
     * @throws IllegalArgumentException when the image is malformed (the message says how)
     */
    @Override
    public void run(Language language, Node program, ProgramIo io) {
        if (!(program instanceof RegImage.Image image)) {
            throw new UnsupportedOperationException("the regvm runner runs RegImage programs, not " + language.name());
        }
        run(image, io);
    }

    @Override
    public Optional<String> artifactExtension() {
        return Optional.of(".nbc");
    }

    @Override
    public boolean writes(Node program) {
        return program instanceof RegImage.Image;
    }

    @Override
    public void write(Node program, Path output) throws IOException {
        Files.write(output, BytecodeFile.write((RegImage.Image) program));
    }

    @Override
    public void runArtifact(Path file, ProgramIo io) throws IOException, Malformed {
        RegImage.Image image = BytecodeFile.read(Files.readAllBytes(file));
        try {
            run(image, io);
        } catch (IllegalArgumentException e) {
            throw new Malformed("malformed bytecode: " + e.getMessage());
        }
    }

    @Override
    public Optional<String> dotAfter() {
        return Optional.of("build-interference");
    }

    @Override
    public String dot(Node program, String function) {
        return RegVmDot.dot((RegInterference.Program) program, function);
    }

    /** Runs {@code image} with {@code io}. */
    public static void run(RegImage.Image image, ProgramIo io) {
        try {
            new Vm(new Loaded(image, io), io).run();
        } finally {
            io.flush();
        }
    }
}
