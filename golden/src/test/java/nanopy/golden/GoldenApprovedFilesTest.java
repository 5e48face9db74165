package nanopy.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every approved file belongs to a program, target and checkpoint that still exist, so the diff of
 * {@code golden/approved} shows removals too. With {@code -Dapprovals.autoApprove=true} stale files
 * are deleted; otherwise they fail this test. Files of suites that are not present (the external
 * corpus on a machine without it) are left alone, as are the files of targets a focused run
 * ({@code -Dnanopy.golden.targets}) leaves out.
 */
class GoldenApprovedFilesTest {
    @Test
    void everyApprovedFileBelongsToAProgramAndCheckpoint() throws IOException {
        GoldenSuite suite = GoldenSuite.builtin();
        Set<String> expected = new HashSet<>(suite.expectedFiles());
        Set<String> presentSuites = new HashSet<>();
        suite.suiteDirs().forEach(d -> presentSuites.add(d.getFileName().toString()));
        Set<String> only = GoldenSuite.onlyTargets();
        Path root = GoldenLayout.approvedDir();
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                String[] parts = rel.split("/");
                boolean absentSuite = parts.length > 2 && !presentSuites.contains(parts[1]);
                // with -Dnanopy.golden.targets only those targets' files are expected; the others' are left alone
                boolean otherTarget = !only.isEmpty() && !only.contains(parts[0]);
                if (!rel.contains(".received.") && !expected.contains(rel) && !absentSuite && !otherTarget) {
                    stale.add(f);
                }
            }
        }
        if (GoldenLayout.autoApprove()) {
            for (Path f : stale) {
                Files.delete(f);
            }
            return;
        }
        assertTrue(stale.isEmpty(), () -> "approved files of no program, target or checkpoint (delete them, or run tools/bless): "
                + stale);
    }
}
