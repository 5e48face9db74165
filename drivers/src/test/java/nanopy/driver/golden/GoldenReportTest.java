package nanopy.driver.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The course report's marks, totals, output comparison, and JUnit XML. */
class GoldenReportTest {
    private static final List<String> PASSES = List.of("parse", "fold", "flatten");

    private static Verdict verdict(String program, Optional<Verdict.Failure> failure, Optional<String> rejectedBy, int ok) {
        return new Verdict(program, "t", PASSES, ok, failure, rejectedBy, Optional.empty(), Map.of(), 5);
    }

    private final Verdict ok = verdict("s/ok", Optional.empty(), Optional.empty(), 3);
    private final Verdict rejected = verdict("s/rej", Optional.empty(), Optional.of("parse"), 1);
    private final Verdict broken = verdict("s/bad<&>", Optional.of(new Verdict.Failure("fold", 1, "stdout line 1 is '<2>'")),
            Optional.empty(), 1);

    @Test
    void marksShowWhereEachProgramStopped() {
        assertEquals("...", GoldenReport.marks(ok));
        assertEquals("R  ", GoldenReport.marks(rejected));
        assertEquals(".X-", GoldenReport.marks(broken));
    }

    @Test
    void totalsCountProgramsAndPassesWithoutFailures() {
        GoldenReport r = new GoldenReport(List.of(ok, rejected, broken));
        assertEquals("programs 2/3, passes 2/3", r.totals());
        assertTrue(r.table().contains("target t: 1 parse, 2 fold, 3 flatten\n"), r.table());
    }

    @Test
    void junitXmlHasOneFailurePerBrokenProgramNamingThePass() {
        String xml = JUnitXml.render(new GoldenReport(List.of(ok, broken)));
        assertTrue(xml.contains("<testsuite name=\"t\" tests=\"2\" failures=\"1\""), xml);
        assertTrue(xml.contains("<testcase classname=\"t.s\" name=\"s/bad&lt;&amp;&gt;\""), xml);
        assertTrue(xml.contains("<failure type=\"fold\" message=\"pass fold: stdout line 1 is '&lt;2&gt;'\">"), xml);
    }

    @Test
    void outputDifferencesAreOneLine() {
        assertEquals(Optional.empty(), RunResult.diff("1\n2\n", "1\n2\n"));
        assertEquals(Optional.of("stdout line 2 is '3' but should be '2'"), RunResult.diff("1\n2\n", "1\n3\n"));
        assertEquals(Optional.of("stdout stops after 1 line; line 2 should be '2'"), RunResult.diff("1\n2\n", "1\n"));
        assertEquals(Optional.of("stdout has an extra line 2: 'x'"), RunResult.diff("1\n", "1\nx\n"));
        assertEquals(Optional.of("stdout differs only in its final newline"), RunResult.diff("1\n", "1"));
    }
}
