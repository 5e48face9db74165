package nanopy.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nanopy.driver.golden.GoldenCases;
import nanopy.driver.golden.GoldenHarness;
import nanopy.driver.golden.Verdict;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden tests: every program of every suite on every target that compiles it. For each, one
 * test that the program is right after every pass (naming the first pass that broke it), one test
 * per checkpoint that the IR there is the approved one, and for a program that must be rejected, a
 * test that its diagnostics are the approved ones. Tests run in parallel; each program runs once.
 */
class GoldenTest {
    /** Time limit of one program on one target, all passes and runs together. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicNode> everyProgramOnEveryTarget() {
        GoldenSuite suite = GoldenSuite.builtin();
        GoldenHarness harness = new GoldenHarness(suite.driver(), TIMEOUT);
        Map<String, Map<String, List<DynamicNode>>> tree = new LinkedHashMap<>();
        for (GoldenCases.Case c : suite.cases()) {
            tree.computeIfAbsent(c.pipeline().name(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(c.program().suite(), s -> new ArrayList<>())
                    .add(dynamicContainer(c.program().name(), testsOf(suite, harness, c)));
        }
        List<DynamicNode> nodes = new ArrayList<>();
        tree.forEach((target, suites) -> nodes.add(dynamicContainer(target,
                suites.entrySet().stream().map(e -> dynamicContainer(e.getKey(), e.getValue())))));
        for (String notice : suite.notices()) {
            nodes.add(dynamicTest("skipped: " + notice, () -> Assumptions.abort(notice)));
        }
        return nodes.stream();
    }

    private static Stream<DynamicNode> testsOf(GoldenSuite suite, GoldenHarness harness, GoldenCases.Case c) {
        List<String> checkpoints = suite.checkpointsOf(c);
        Once<Verdict> verdict = new Once<>(() -> harness.check(c.program(), c.pipeline(), Set.copyOf(checkpoints)));
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest("right after every pass", c.program().file().toUri(),
                () -> assertTrue(verdict.get().ok(), () -> c + ": " + verdict.get().summary())));
        String stem = GoldenSuite.stem(c);
        if (GoldenSuite.rejected(c)) {
            tests.add(dynamicTest("diagnostics", () -> {
                Verdict v = verdict.get();
                assertTrue(v.diagnostics().isPresent(), () -> c + " was not rejected: " + v.summary());
                Snapshots.verify(v.diagnostics().get(), stem + ".diagnostics", ".txt");
            }));
        }
        for (String pass : checkpoints) {
            tests.add(dynamicTest("IR after " + pass, () -> {
                Verdict v = verdict.get();
                String ir = v.snapshots().get(pass);
                assertTrue(ir != null, () -> c + " has no IR after " + pass + ": " + v.summary());
                Snapshots.verify(ir + "\n", stem + "." + pass, ".ir");
            }));
        }
        return tests.stream();
    }
}
