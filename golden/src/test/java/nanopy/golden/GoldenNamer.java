package nanopy.golden;

import java.io.File;
import java.nio.file.Path;
import org.approvaltests.namer.ApprovalNamer;

/**
 * Names approved files by program and checkpoint instead of by test method, so that every
 * (target, program, checkpoint) has its own file and parallel cases never share one:
 * {@code approved/<target>/<suite>/<name>.<checkpoint><ext>}, with the received file beside it as
 * {@code <name>.<checkpoint>.received<ext>}.
 *
 * @param dir the folder of the files
 * @param baseName {@code <name>.<checkpoint>} (the name may contain {@code /} for nested programs)
 * @param info extra information ApprovalTests asks to add to the name (usually empty)
 */
record GoldenNamer(Path dir, String baseName, String info) implements ApprovalNamer {
    @Override
    public String getApprovalName() {
        return baseName + (info.isEmpty() ? "" : "." + info);
    }

    @Override
    public String getSourceFilePath() {
        return dir.toString() + File.separator;
    }

    @Override
    public File getApprovedFile(String extensionWithDot) {
        return dir.resolve(getApprovalName() + extensionWithDot).toFile();
    }

    @Override
    public File getReceivedFile(String extensionWithDot) {
        return dir.resolve(getApprovalName() + ".received" + extensionWithDot).toFile();
    }

    @Override
    public ApprovalNamer addAdditionalInformation(String more) {
        return new GoldenNamer(dir, baseName, info.isEmpty() ? more : info + "." + more);
    }

    @Override
    public String getAdditionalInformation() {
        return info;
    }
}
