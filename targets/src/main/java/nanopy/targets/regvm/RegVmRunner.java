package nanopy.targets.regvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.mach.MachInterference;
import nanopy.regvm.RegImage;
import nanopy.targets.CompiledTarget;

/**
 * The register VM as a {@link nanopy.targets.Target} ({@code run = "regvm"}): runs emitted bytecode
 * (loads the image, checking it, then runs the module's code in the {@link Vm}), writes and runs
 * {@code .nbc} files ({@link BytecodeFile}), and draws build-interference's output ({@link RegVmDot}).
 */
public final class RegVmRunner extends CompiledTarget<RegImage.Image> {
    /** For ServiceLoader. */
    public RegVmRunner() {
        super("regvm", RegImage.Image.class);
    }

    /**
     * @throws nanopy.ir.PyRuntimeError when the program fails at run time
     * @throws IllegalArgumentException when the image is malformed (the message says how)
     */
    @Override
    protected void execute(RegImage.Image image, ProgramIo io) {
        run(image, io);
    }

    @Override
    public Optional<String> artifactExtension() {
        return Optional.of(".nbc");
    }

    @Override
    public boolean writes(Node program) {
        return accepts(program);
    }

    @Override
    public void write(Node program, Path output) throws IOException {
        Files.write(output, BytecodeFile.write((RegImage.Image) program));
    }

    @Override
    public void runArtifact(Path file, ProgramIo io) throws IOException, Malformed {
        RegImage.Image image = BytecodeFile.read(Files.readAllBytes(file));
        try {
            runFlushed(image, io);
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
        return RegVmDot.dot((MachInterference.Program) program, function);
    }

    /** Runs {@code image} with {@code io} (which the caller flushes). */
    public static void run(RegImage.Image image, ProgramIo io) {
        new Vm(new Loaded(image, io), io).run();
    }
}
