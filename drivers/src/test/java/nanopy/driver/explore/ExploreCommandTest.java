package nanopy.driver.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nanopy explore} without a browser: the page's content, and the user's mistakes. */
class ExploreCommandTest {
    @TempDir
    Path tmp;

    @Test
    void thePageHoldsEveryPassItsTimeDiffAndOutputAndNothingFromTheNetwork() throws IOException {
        Path prog = tmp.resolve("p.py");
        Files.writeString(prog, "x = 2\nprint(x * 3 + 1)\n");
        ExplorerBrowserTest.Run r = ExplorerBrowserTest.nanopy("explore", "--target", "middle-interp", prog.toString());
        assertEquals(0, r.status(), r.err());
        String html = Files.readString(tmp.resolve("p.html"));
        for (String pass : new String[] {"parse-python", "desugar-aug-assign", "flatten", "explicate-control"}) {
            assertTrue(html.contains("<span class=\"name\">" + pass + "</span>"), pass);
        }
        assertTrue(html.matches("(?s).*<h2>\\d+\\. flatten <small>Alloc → Flat</small></h2>.*"), "a pass's heading");
        assertTrue(html.contains("<pre class=\"output\">7\n</pre>"), "the output after a pass");
        assertTrue(html.contains("No pass changes the program's output."));
        assertTrue(html.contains("<span class=\"add\">+"), "a diff");
        assertTrue(html.matches("(?s).*\\d+\\.\\d ms.*"), "times");
        assertTrue(!html.contains("http://") && !html.contains("https://") && !html.contains("src="), "self-contained");
    }

    @Test
    void mistakesGetAMessageAndAnExitStatus() throws IOException {
        assertEquals(2, ExplorerBrowserTest.nanopy("explore").status());
        ExplorerBrowserTest.Run missing = ExplorerBrowserTest.nanopy("explore", tmp.resolve("nope.py").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().startsWith("error: ") && missing.err().contains("nope.py"), missing.err());
        Path bad = tmp.resolve("bad.py");
        Files.writeString(bad, "print(1 + 'a')\n");
        ExplorerBrowserTest.Run wrong = ExplorerBrowserTest.nanopy("explore", bad.toString());
        assertEquals(1, wrong.status());
        assertTrue(wrong.err().startsWith(bad + ":1:"), wrong.err());
        assertTrue(!Files.exists(tmp.resolve("bad.html")), "no page for a program that does not compile");
        ExplorerBrowserTest.Run target = ExplorerBrowserTest.nanopy("explore", "--target", "nope", bad.toString());
        assertEquals(2, target.status());
        assertTrue(target.err().contains("unknown target 'nope'"), target.err());
    }
}
