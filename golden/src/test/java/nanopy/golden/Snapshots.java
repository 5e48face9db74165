package nanopy.golden;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.ApprovalFailureReporter;
import org.approvaltests.core.Options;
import org.approvaltests.reporters.AutoApproveReporter;
import org.approvaltests.reporters.QuietReporter;

/**
 * Verifies text against an approved file with ApprovalTests. With {@code -Dapprovals.autoApprove=true}
 * whatever is received becomes the approved file; otherwise a difference (or a missing approved file)
 * fails with a unified diff and leaves the {@code .received} file for review.
 */
final class Snapshots {
    /** ApprovalTests keeps global state (its duplicate-file tracker): verify one file at a time. */
    private static final Object LOCK = new Object();

    private Snapshots() {}

    /**
     * Verifies {@code text} as {@code approved/<target>/<suite>/<name>.<checkpoint><ext>}.
     *
     * @param relative {@code <target>/<suite>/<name>.<checkpoint>} without the extension
     * @param ext the extension with its dot, e.g. {@code .ir}
     */
    static void verify(String text, String relative, String ext) {
        Path base = GoldenLayout.approvedDir().resolve(relative);
        Path dir = base.getParent();
        GoldenNamer namer = new GoldenNamer(dir, base.getFileName().toString(), "");
        ApprovalFailureReporter reporter = GoldenLayout.autoApprove() ? new AutoApproveReporter() : QuietReporter.INSTANCE;
        Options options = new Options().withReporter(reporter).forFile().withNamer(namer).forFile().withExtension(ext);
        synchronized (LOCK) {
            try {
                Files.createDirectories(dir);
                Approvals.verify(text, options);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Error e) {
                throw new AssertionError(explain(namer.getApprovedFile(ext).toPath(), text), e);
            }
        }
    }

    private static String explain(Path approved, String received) {
        if (!Files.exists(approved)) {
            return "no approved file " + approved + " yet: review the .received file next to it, then approve with tools/bless";
        }
        try {
            List<String> a = Arrays.asList(Files.readString(approved, StandardCharsets.UTF_8).split("\n", -1));
            List<String> b = Arrays.asList(received.split("\n", -1));
            List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("approved", "received", a, DiffUtils.diff(a, b), 2);
            return approved + " differs from what was received (approve with tools/bless):\n" + String.join("\n", diff);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
