package nanopy.driver.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import nanopy.driver.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer page in a real browser (Debian's headless Chromium): it loads, lists every pass,
 * shows the diff of the chosen pass and draws its graphs (measured on the laid-out page by the
 * page's own script), marks the first pass that changes the output (a course swaps in a pass that
 * turns the literal 7 into 8), and moves between passes with the keyboard. Screenshots are kept in
 * {@code drivers/target/explorer/}. Needs {@code dot} and {@code chromium}: skipped without them,
 * failed without them when {@code CI=true}.
 */
class ExplorerBrowserTest {
    static final String PROGRAM = """
            def fib(n: int) -> int:
                a = 0
                b = 1
                while n > 0:
                    a, b = b, a + b
                    n = n - 1
                return a


            for i in range(8):
                print(i, fib(i))
            print(7)
            """;

    static final String OFF_BY_ONE = """
            package broken;

            import nanopy.pass.Pass;
            import nanopy.pass.PassContext;
            import nanopy.py.NoLambda;
            import nanopy.py.NoLambdaRewriter;

            public final class SevenIsEight implements Pass<NoLambda.Module, NoLambda.Module> {
                @Override
                public String description() {
                    return "a broken constant folder: every literal 7 becomes 8";
                }

                @Override
                public NoLambda.Module apply(NoLambda.Module program, PassContext ctx) {
                    return new NoLambdaRewriter() {
                        @Override
                        protected NoLambda.Expr onIntLit(NoLambda.IntLit n) {
                            return n.value() == 7 ? new NoLambda.IntLit(8, n.span()) : n;
                        }
                    }.rewrite(program);
                }
            }
            """;

    static final Path ARTIFACTS = Path.of("target", "explorer").toAbsolutePath();

    @TempDir
    static Path tmp;
    static Path page;
    static Path brokenPage;
    static int passes;

    record Run(int status, String out, String err) {}

    static Run nanopy(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader("")));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static boolean onPath(String command) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    /** CI=true: a missing tool is a failure; elsewhere the test is skipped. */
    static void need(String command, String debianPackage) {
        boolean ci = "true".equals(System.getenv("CI"));
        if (ci) {
            assertTrue(onPath(command), command + " is missing: install Debian's " + debianPackage + " (.ci/packages lists it)");
        }
        Assumptions.assumeTrue(onPath(command), command + " is missing (Debian's " + debianPackage + ")");
    }

    @BeforeAll
    static void writePages() throws IOException {
        need("dot", "graphviz");
        Path prog = tmp.resolve("fib.py");
        Files.writeString(prog, PROGRAM);
        page = tmp.resolve("fib.html");
        Run r = nanopy("explore", prog.toString(), "-o", page.toString());
        assertEquals(0, r.status(), r.err());
        Matcher m = Pattern.compile("wrote .*: (\\d+) passes of target regvm\n").matcher(r.out());
        assertTrue(m.matches(), r.out());
        passes = Integer.parseInt(m.group(1));

        Path src = tmp.resolve("src/broken/SevenIsEight.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, OFF_BY_ONE);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString()));
        Path jar = tmp.resolve("broken.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("broken/SevenIsEight.class", "broken/SevenIsEight$1.class")) {
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(classes.resolve(name)));
            }
            out.putNextEntry(new JarEntry("META-INF/services/nanopy.pass.Pass"));
            out.write("broken.SevenIsEight\n".getBytes(StandardCharsets.UTF_8));
        }
        Path course = tmp.resolve("course.toml");
        Files.writeString(course, "base = \"builtin\"\n[swap]\nfold-py-constants = \"seven-is-eight\"\n");
        brokenPage = tmp.resolve("broken.html");
        Run b = nanopy("explore", "--plugin", jar.toString(), "--pipeline", course.toString(), "--target", "stackvm", prog.toString(), "-o",
                brokenPage.toString());
        assertEquals(0, b.status(), b.err());
        assertTrue(b.out().contains("first pass that changes the output: seven-is-eight"), b.out());
    }

    /** The page's DOM after its script ran in headless Chromium (a window of 1400 x 1000). */
    static String dom(Path html, String fragment) throws Exception {
        need("chromium", "chromium");
        return chromium(List.of("--dump-dom", html.toUri() + fragment));
    }

    static String chromium(List<String> args) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "--virtual-time-budget=5000"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium failed: " + out);
        return out;
    }

    static String attr(String dom, String name) {
        Matcher m = Pattern.compile("<body[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "no " + name + " on <body> in " + dom.substring(0, Math.min(600, dom.length())));
        return m.group(1);
    }

    static int indexOf(String dom, String pass) {
        Matcher m = Pattern.compile("<button type=\"button\" data-index=\"(\\d+)\"[^>]*><span class=\"num\">\\d+</span> <span class=\"name\">"
                + Pattern.quote(pass) + "</span>").matcher(dom);
        assertTrue(m.find(), "no pass " + pass + " in the list");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void thePageLoadsAndListsEveryPass() throws Exception {
        String dom = dom(page, "");
        assertEquals("1", attr(dom, "data-ready"));
        assertEquals(String.valueOf(passes), attr(dom, "data-passes"));
        for (String pass : List.of("parse-python", "flatten", "explicate-control", "build-interference", "allocate-registers", "emit-regvm")) {
            indexOf(dom, pass);
        }
        assertEquals("0", attr(dom, "data-current"), "the source is shown first");
        assertTrue(dom.contains("No pass changes the program's output."));
    }

    @Test
    void aPassShowsItsDiffAndTheGraphsAreDrawn() throws Exception {
        String first = dom(page, "");
        int flatten = indexOf(first, "flatten");
        String atFlatten = dom(page, "#pass-" + flatten);
        assertEquals(String.valueOf(flatten), attr(atFlatten, "data-current"));
        assertTrue(Integer.parseInt(attr(atFlatten, "data-visible-diff-lines")) > 5, "the diff of flatten is shown");
        int graphs = indexOf(first, "build-interference");
        String atGraphs = dom(page, "#pass-" + graphs);
        // fib and the module: an interference graph and a CFG each
        assertTrue(Integer.parseInt(attr(atGraphs, "data-visible-svgs")) >= 4, "the SVGs are drawn: " + attr(atGraphs, "data-visible-svgs"));
        Files.createDirectories(ARTIFACTS);
        screenshot(page, "#pass-" + flatten, ARTIFACTS.resolve("explorer-diff.png"));
        screenshot(page, "#pass-" + graphs, ARTIFACTS.resolve("explorer-graphs.png"));
    }

    @Test
    void theFirstPassThatChangesTheOutputIsMarked() throws Exception {
        String dom = dom(brokenPage, "");
        int culprit = indexOf(dom, "seven-is-eight");
        assertEquals(String.valueOf(culprit), attr(dom, "data-first-change"));
        assertTrue(dom.contains("data-index=\"" + culprit + "\" class=\"first-change\""), "marked in the list");
        String at = dom(brokenPage, "#pass-" + culprit);
        assertTrue(Pattern.compile("<section class=\"pass\" id=\"section-" + culprit + "\" data-index=\"" + culprit + "\">.*?<pre class=\"output changed first-change\">",
                Pattern.DOTALL).matcher(at).find(), "its output is highlighted and shown");
        assertTrue(at.contains("The first pass that changes the output: stdout line 9 is '8' but was '7'"), "and the difference said");
        Files.createDirectories(ARTIFACTS);
        screenshot(brokenPage, "#pass-" + culprit, ARTIFACTS.resolve("explorer-first-change.png"));
    }

    @Test
    void theKeyboardMovesBetweenPasses() throws Exception {
        String dom = dom(page, "#keytest");
        assertEquals("1,2," + passes + "," + (passes - 1), attr(dom, "data-keytest"));
    }

    static void screenshot(Path html, String fragment, Path png) throws Exception {
        chromium(List.of("--screenshot=" + png, "--hide-scrollbars", html.toUri() + fragment));
        assertTrue(Files.size(png) > 10_000, "a screenshot in " + png);
    }
}
