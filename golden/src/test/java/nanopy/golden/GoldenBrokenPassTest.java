package nanopy.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import nanopy.driver.Driver;
import nanopy.driver.Main;
import nanopy.driver.PassRegistry;
import nanopy.driver.PipelineConfig;
import nanopy.driver.golden.GoldenCases;
import nanopy.driver.golden.GoldenHarness;
import nanopy.driver.golden.Targets;
import nanopy.driver.golden.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A course swaps a pass for a broken one (here {@code swap-sub-operands} for {@code fold-constants},
 * with {@code broken-pipeline.toml}); the harness and the course report must name exactly the
 * programs it breaks and that pass.
 */
class GoldenBrokenPassTest {
    /** The example programs whose result changes when a - b becomes b - a. */
    static final Set<String> BROKEN = Set.of("example/deep_nesting", "example/fold_constants", "example/negation",
            "example/nested_lets", "example/overflow", "example/precedence", "example/shadowing", "example/subtraction");

    static Path brokenConfig() throws URISyntaxException {
        return Path.of(GoldenBrokenPassTest.class.getResource("/broken-pipeline.toml").toURI());
    }

    /**
     * A frozen copy of the example suite (test resources), so adding programs to
     * golden/programs/example does not change what this test expects.
     */
    static Path exampleSuite() throws URISyntaxException {
        return Path.of(GoldenBrokenPassTest.class.getResource("/broken-pass-suite/example").toURI());
    }

    @Test
    void harnessNamesTheBrokenPassForExactlyTheProgramsItBreaks() throws Exception {
        Driver driver = new Driver(PipelineConfig.load(brokenConfig()), PassRegistry.builtin());
        List<String> notices = new ArrayList<>();
        List<GoldenCases.Case> cases = GoldenCases.collect(new Targets(driver), List.of(exampleSuite()), Set.of("example"), notices);
        GoldenHarness harness = new GoldenHarness(driver, Duration.ofSeconds(60));
        Map<String, String> failedAt = new TreeMap<>();
        for (GoldenCases.Case c : cases) {
            Verdict v = harness.check(c.program(), c.pipeline(), Set.of());
            v.failure().ifPresent(f -> failedAt.put(v.program(), f.pass()));
        }
        assertEquals(BROKEN, failedAt.keySet());
        assertEquals(Set.of("swap-sub-operands"), Set.copyOf(failedAt.values()));
    }

    @Test
    void courseReportNamesTheBrokenPassInItsTableAndJUnitXml(@TempDir Path tmp) throws Exception {
        Path xml = tmp.resolve("golden.xml");
        Run r = report("--pipeline", brokenConfig().toString(), "--junit-xml", xml.toString(), exampleSuite().toString());
        assertEquals(1, r.status(), r.err());
        assertRow(r.out(), "example/subtraction", "..X---", "FAIL at swap-sub-operands: stdout line 1 is '8' but should be '6'");
        assertRow(r.out(), "example/literal", "......", "ok");
        assertTrue(r.out().contains("total: programs 8/16, passes 5/6"), r.out());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertEquals("8", doc.getDocumentElement().getAttribute("failures"));
        NodeList failures = doc.getElementsByTagName("failure");
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < failures.getLength(); i++) {
            Element f = (Element) failures.item(i);
            assertEquals("swap-sub-operands", f.getAttribute("type"));
            failed.add(((Element) f.getParentNode()).getAttribute("name"));
        }
        assertEquals(BROKEN, Set.copyOf(failed));
    }

    @Test
    void courseReportOnTheBuiltinPipelinesPassesEverything() throws URISyntaxException {
        Run r = report(exampleSuite().toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertRow(r.out(), "example/undefined_variable", ".R    ", "ok (rejected by uniquify)");
        assertTrue(r.out().contains("total: programs 16/16, passes 6/6"), r.out());
    }

    @Test
    void courseReportRejectsAnUnknownTarget() throws URISyntaxException {
        Run r = report("--target", "nope", exampleSuite().toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown target 'nope'"), r.err());
    }

    /** The report has a row: the program, spaces, the pass marks, two spaces, the result. */
    static void assertRow(String report, String program, String marks, String result) {
        assertTrue(report.lines().anyMatch(l -> l.matches(Pattern.quote(program) + " +" + Pattern.quote(marks + "  " + result))),
                () -> "no row '" + program + " " + marks + "  " + result + "' in\n" + report);
    }

    record Run(int status, String out, String err) {}

    static Run report(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 2];
        full[0] = "golden";
        full[1] = "report";
        System.arraycopy(args, 0, full, 2, args.length);
        int status = Main.run(full, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader("")));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
