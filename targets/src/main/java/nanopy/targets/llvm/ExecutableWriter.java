package nanopy.targets.llvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import nanopy.ir.Node;
import nanopy.llvm.NativeExe;
import nanopy.targets.ArtifactWriter;

/** {@code nanopy build --target=llvm prog.py -o app}: copies the built executable out of the cache. */
public final class ExecutableWriter implements ArtifactWriter {
    @Override
    public boolean writes(Node program) {
        return program instanceof NativeExe.Executable;
    }

    @Override
    public void write(Node program, Path output) throws IOException {
        Path exe = Path.of(((NativeExe.Executable) program).path());
        Files.copy(exe, output, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(output, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
