package nanopy.golden;

import java.nio.file.Path;

/**
 * Where the golden module's files are: {@code programs/}, {@code approved/}, {@code checkpoints.toml},
 * found from the system property {@code nanopy.golden.dir} (set by the build) or the working directory.
 */
final class GoldenLayout {
    private GoldenLayout() {}

    /** The golden module's folder. */
    static Path goldenDir() {
        return Path.of(System.getProperty("nanopy.golden.dir", "")).toAbsolutePath().normalize();
    }

    /** The repository root (the parent of the golden module). */
    static Path repoRoot() {
        return goldenDir().getParent();
    }

    /** {@code golden/approved}. */
    static Path approvedDir() {
        return goldenDir().resolve("approved");
    }

    /** {@code golden/checkpoints.toml}. */
    static Path checkpointsFile() {
        return goldenDir().resolve("checkpoints.toml");
    }

    /** True when this run approves whatever it receives ({@code -Dapprovals.autoApprove=true}). */
    static boolean autoApprove() {
        return Boolean.getBoolean("approvals.autoApprove");
    }
}
