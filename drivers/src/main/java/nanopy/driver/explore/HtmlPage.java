package nanopy.driver.explore;

import java.util.Locale;
import nanopy.driver.Bisect;
import java.util.Optional;

/**
 * The explorer's page: one HTML file with its style, script and drawings inline (no network, works
 * opened from disk). A list of passes on the left (the source first); for the chosen pass, the
 * program's output after it (the first pass that changes the output is marked in the list and its
 * output highlighted), the target's graphs, the diff against the IR before it, and the whole IR.
 *
 * <p>Keys: Down/Up or j/k next/previous pass, Home/End first/last, {@code c} the first change.
 * {@code #pass-N} in the address opens pass N (sections are {@code section-N}, so the browser does not scroll to them). Once laid out, the script records on {@code <body>}
 * what a person sees ({@code data-ready}, {@code data-current}, {@code data-passes},
 * {@code data-visible-svgs}, {@code data-visible-diff-lines}: measured on the laid-out page); with {@code #keytest} it presses
 * Down, Down, End and records where each press led ({@code data-keytest}), for the browser test.
 */
public final class HtmlPage {
    private HtmlPage() {}

    /** The page for {@code e}. */
    public static String render(Exploration e) {
        StringBuilder sb = new StringBuilder();
        String shortName = java.nio.file.Path.of(e.fileName()).getFileName().toString();
        String title = "nanopy explore: " + shortName + " on " + e.target();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n");
        sb.append("<style>\n").append(CSS).append("</style>\n</head>\n");
        sb.append("<body data-ready=\"0\" data-first-change=\"").append(e.firstChange().map(i -> i + 1).orElse(-1)).append("\">\n");
        sb.append("<header>\n<h1>").append(esc(shortName)).append(" <small>on target ").append(esc(e.target())).append(", ")
                .append(e.steps().size()).append(" passes</small></h1>\n<p class=\"summary\">");
        if (e.firstChange().isPresent()) {
            int i = e.firstChange().get();
            sb.append("First pass that changes the program's output: <a href=\"#pass-").append(i + 1).append("\" class=\"first-change-link\">")
                    .append(esc(e.steps().get(i).pass())).append("</a> (")
                    .append(esc(e.steps().get(i).run().get().differenceFrom(e.steps().get(e.reference()).run().get()).orElse(""))).append(")");
        } else if (e.reference() >= 0) {
            sb.append("No pass changes the program's output.");
        } else {
            sb.append("No pass's output could be run.");
        }
        sb.append("</p>\n<p class=\"keys\">Keys: <kbd>↓</kbd>/<kbd>j</kbd> next pass, <kbd>↑</kbd>/<kbd>k</kbd> previous, "
                + "<kbd>Home</kbd>/<kbd>End</kbd> first/last, <kbd>c</kbd> the first pass that changes the output.</p>\n</header>\n");
        sb.append("<div class=\"layout\">\n<nav aria-label=\"passes\"><ol id=\"passes\">\n");
        sb.append("<li><button type=\"button\" data-index=\"0\"><span class=\"num\">0</span> <span class=\"name\">source</span></button></li>\n");
        for (int i = 0; i < e.steps().size(); i++) {
            Exploration.Step s = e.steps().get(i);
            String cls = e.firstChange().isPresent() && e.firstChange().get() == i ? "first-change" : differs(e, i) ? "differs" : "";
            sb.append("<li><button type=\"button\" data-index=\"").append(i + 1).append("\"").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"")
                    .append("><span class=\"num\">").append(i + 1).append("</span> <span class=\"name\">").append(esc(s.pass()))
                    .append("</span> <span class=\"lang\">").append(esc(s.output())).append("</span> <span class=\"ms\">")
                    .append(s.ir().isEmpty() ? "" : String.format(Locale.ROOT, "%.1f ms", s.millis())).append("</span>")
                    .append(s.graphs().isEmpty() ? "" : " <span class=\"badge\">graphs</span>").append("</button></li>\n");
        }
        sb.append("</ol></nav>\n<main>\n");
        source(sb, e);
        for (int i = 0; i < e.steps().size(); i++) {
            step(sb, e, i);
        }
        sb.append("</main>\n</div>\n<script>\n").append(JS).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static boolean differs(Exploration e, int i) {
        Optional<Bisect.Outcome> r = e.steps().get(i).run();
        return e.reference() >= 0 && r.isPresent() && r.get().differenceFrom(e.steps().get(e.reference()).run().get()).isPresent();
    }

    private static void source(StringBuilder sb, Exploration e) {
        sb.append("<section class=\"pass\" id=\"section-0\" data-index=\"0\">\n<h2>").append(esc(e.fileName())).append("</h2>\n<pre class=\"source\">");
        String[] lines = e.source().split("\n", -1);
        int n = e.source().endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "<span class=\"ln\">%4d</span> ", i + 1)).append(esc(lines[i])).append('\n');
        }
        sb.append("</pre>\n");
        if (e.reference() >= 0) {
            Bisect.Outcome r = e.steps().get(e.reference()).run().get();
            sb.append("<h3>What it prints (after ").append(esc(e.steps().get(e.reference()).pass())).append(", the reference run)</h3>\n");
            output(sb, r, "");
        }
        sb.append("</section>\n");
    }

    private static void step(StringBuilder sb, Exploration e, int i) {
        Exploration.Step s = e.steps().get(i);
        sb.append("<section class=\"pass\" id=\"section-").append(i + 1).append("\" data-index=\"").append(i + 1).append("\" hidden>\n");
        sb.append("<h2>").append(i + 1).append(". ").append(esc(s.pass())).append(" <small>").append(esc(s.input()))
                .append(s.output().isEmpty() ? "" : " → " + esc(s.output())).append("</small></h2>\n");
        if (!s.ir().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "<p class=\"meta\">%.2f ms (with verification)</p>%n", s.millis()));
        }
        sb.append("<h3>Output after this pass</h3>\n");
        if (s.run().isEmpty()) {
            sb.append("<p class=\"verdict\">").append(esc(s.output())).append(" has no interpreter that runs this program: not run.</p>\n");
        } else {
            Bisect.Outcome r = s.run().get();
            Optional<String> d = i == e.reference() ? Optional.empty() : r.differenceFrom(e.steps().get(e.reference()).run().get());
            boolean first = e.firstChange().isPresent() && e.firstChange().get() == i;
            output(sb, r, d.isPresent() ? (first ? "changed first-change" : "changed") : "");
            sb.append("<p class=\"verdict").append(d.isPresent() ? " changed" : "").append("\">")
                    .append(i == e.reference() ? "The reference run: later runs are compared with it."
                            : d.map(x -> (first ? "The first pass that changes the output: " : "Differs from the reference run: ") + esc(x))
                                    .orElse("Same output as the reference run."))
                    .append("</p>\n");
        }
        if (!s.graphs().isEmpty()) {
            sb.append("<h3>Graphs after this pass</h3>\n<div class=\"graphs\">\n");
            for (Exploration.Graph g : s.graphs()) {
                sb.append("<figure class=\"graph\"><figcaption>").append(esc(g.title())).append("</figcaption>\n");
                if (g.svg().isPresent()) {
                    sb.append(g.svg().get());
                } else {
                    sb.append("<p class=\"verdict\">Graphviz's dot was not found: the graph's text.</p><pre>").append(esc(g.dot())).append("</pre>");
                }
                sb.append("</figure>\n");
            }
            sb.append("</div>\n");
        }
        if (!s.ir().isEmpty()) {
            sb.append("<h3>Diff against the previous IR</h3>\n");
            if (i == 0) {
                sb.append("<p class=\"verdict\">The first IR: nothing to compare.</p>\n");
            } else if (s.diff().isEmpty()) {
                sb.append("<p class=\"verdict nochange\">No change.</p>\n");
            } else {
                sb.append("<pre class=\"diff\">");
                for (String line : s.diff().split("\n")) {
                    String cls = line.startsWith("+++") || line.startsWith("---") ? "file" : line.startsWith("@@") ? "hunk"
                            : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "ctx";
                    sb.append("<span class=\"").append(cls).append("\">").append(esc(line)).append("</span>");
                }
                sb.append("\n</pre>\n");
            }
        }
        if (!s.ir().isEmpty()) {
            sb.append("<details><summary>IR after this pass (").append(esc(s.output())).append(", ").append(s.ir().lines().count())
                    .append(" lines)</summary>\n<pre class=\"ir\">").append(esc(s.ir())).append("</pre>\n</details>\n");
        }
        sb.append("</section>\n");
    }

    private static void output(StringBuilder sb, Bisect.Outcome r, String cls) {
        sb.append("<pre class=\"output").append(cls.isEmpty() ? "" : " " + cls).append("\">").append(esc(r.stdout()));
        if (!r.error().isEmpty()) {
            sb.append("<span class=\"error\">").append(esc(r.error())).append("</span>\n");
        }
        sb.append("</pre>\n");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            :root { --fg: #1d1f21; --muted: #6a6f75; --line: #d8dbe0; --accent: #2656c9; --bad: #b3261e; --badbg: #fde7e6; --add: #e6f4ea; --del: #fdecea; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: #fafbfc; }
            header { padding: 10px 18px; border-bottom: 1px solid var(--line); background: #fff; }
            h1 { font-size: 18px; margin: 0 0 4px; } h1 small { color: var(--muted); font-weight: normal; }
            .summary { margin: 2px 0; } .summary a { color: var(--bad); font-weight: 600; }
            .keys { margin: 2px 0; color: var(--muted); font-size: 12px; }
            kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; background: #f3f4f6; font-size: 11px; }
            .layout { display: flex; align-items: flex-start; }
            nav { width: 430px; flex: none; position: sticky; top: 0; max-height: 100vh; overflow-y: auto; border-right: 1px solid var(--line); background: #fff; }
            nav ol { list-style: none; margin: 0; padding: 4px 0; }
            nav button { width: 100%; text-align: left; border: 0; background: none; padding: 3px 10px; font: inherit; cursor: pointer; display: flex; gap: 6px; align-items: baseline; }
            nav button:hover { background: #eef2fb; }
            nav button[aria-current="true"] { background: var(--accent); color: #fff; }
            nav button[aria-current="true"] .lang, nav button[aria-current="true"] .ms, nav button[aria-current="true"] .num { color: #dfe7fb; }
            nav button:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
            .num { color: var(--muted); width: 2em; text-align: right; flex: none; }
            .name { font-family: ui-monospace, monospace; white-space: nowrap; }
            .lang { color: var(--muted); font-size: 12px; margin-left: auto; }
            .ms { color: var(--muted); font-size: 12px; width: 5.5em; text-align: right; flex: none; }
            .badge { font-size: 10px; border: 1px solid currentColor; border-radius: 8px; padding: 0 5px; }
            nav button.first-change { border-left: 4px solid var(--bad); background: var(--badbg); }
            nav button.first-change .name::after { content: " ✗"; color: var(--bad); font-family: system-ui, sans-serif; font-size: 12px; }
            nav button.differs { border-left: 4px solid #e8a19b; }
            nav button.first-change[aria-current="true"] { background: var(--bad); color: #fff; }
            nav button.first-change[aria-current="true"] .name::after { color: #fff; }
            main { flex: 1; min-width: 0; padding: 6px 22px 40px; }
            h2 { font-size: 17px; margin: 10px 0 4px; } h2 small { color: var(--muted); font-weight: normal; }
            h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 16px 0 4px; }
            pre { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 8px 10px; overflow-x: auto; font: 12.5px/1.4 ui-monospace, monospace; margin: 0; }
            .ln { color: #a0a4aa; user-select: none; }
            pre.output.changed { border: 2px solid var(--bad); background: var(--badbg); }
            .error { color: var(--bad); }
            .verdict { color: var(--muted); margin: 4px 0; } .verdict.changed { color: var(--bad); font-weight: 600; }
            pre.diff span { display: block; min-height: 1.4em; }
            pre.diff, pre.ir { max-height: 45vh; overflow: auto; } .diff .add { background: var(--add); } .diff .del { background: var(--del); }
            .diff .hunk { color: #6f42c1; } .diff .file { color: var(--muted); }
            .meta { color: var(--muted); margin: 0; }
            .graphs { display: flex; flex-wrap: wrap; gap: 14px; }
            figure.graph { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 6px; max-width: 100%; overflow: auto; }
            figure.graph svg { max-width: 100%; height: auto; }
            figcaption { font-size: 12px; color: var(--muted); font-family: ui-monospace, monospace; }
            details { margin-top: 16px; } summary { cursor: pointer; color: var(--accent); }
            """;

    private static final String JS = """
            (function () {
              "use strict";
              var buttons = Array.prototype.slice.call(document.querySelectorAll("nav button"));
              var sections = Array.prototype.slice.call(document.querySelectorAll("section.pass"));
              var current = 0;
              function show(i, focus) {
                i = Math.max(0, Math.min(sections.length - 1, i));
                sections[current].hidden = true;
                buttons[current].removeAttribute("aria-current");
                current = i;
                sections[i].hidden = false;
                buttons[i].setAttribute("aria-current", "true");
                if (focus) { buttons[i].focus({ preventScroll: true }); }
                var nav = document.querySelector("nav"), b = buttons[i];
                if (b.offsetTop < nav.scrollTop) { nav.scrollTop = b.offsetTop; }
                else if (b.offsetTop + b.offsetHeight > nav.scrollTop + nav.clientHeight) { nav.scrollTop = b.offsetTop + b.offsetHeight - nav.clientHeight; }
                if (history.replaceState && location.hash !== "#keytest") { history.replaceState(null, "", "#pass-" + i); }
                document.body.dataset.current = String(i);
              }
              buttons.forEach(function (b, i) { b.addEventListener("click", function () { show(i, false); }); });
              var first = Number(document.body.dataset.firstChange);
              document.addEventListener("keydown", function (ev) {
                if (ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
                var next = null;
                if (ev.key === "ArrowDown" || ev.key === "j") { next = current + 1; }
                else if (ev.key === "ArrowUp" || ev.key === "k") { next = current - 1; }
                else if (ev.key === "Home") { next = 0; }
                else if (ev.key === "End") { next = sections.length - 1; }
                else if (ev.key === "c" && first >= 0) { next = first; }
                if (next !== null) { ev.preventDefault(); show(next, true); }
              });
              window.addEventListener("hashchange", function () {
                var m = /^#pass-(\\d+)$/.exec(location.hash);
                if (m) { show(Number(m[1]), false); }
              });
              sections.forEach(function (s) { s.hidden = true; });
              var m = /^#pass-(\\d+)$/.exec(location.hash);
              show(m ? Number(m[1]) : 0, false);
              function press(key) { document.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true })); return current; }
              (function measure() {
                var shown = sections[current];
                var svgs = Array.prototype.filter.call(shown.querySelectorAll("svg"), function (s) {
                  var r = s.getBoundingClientRect(); return r.width > 0 && r.height > 0 && s.querySelector("g") !== null;
                });
                var diff = Array.prototype.filter.call(shown.querySelectorAll("pre.diff span"), function (s) { return s.offsetHeight > 0; });
                document.body.dataset.passes = String(buttons.length - 1);
                document.body.dataset.visibleSvgs = String(svgs.length);
                document.body.dataset.visibleDiffLines = String(diff.length);
                if (location.hash === "#keytest") {
                  document.body.dataset.keytest = [press("ArrowDown"), press("ArrowDown"), press("End"), press("k")].join(",");
                }
                document.body.dataset.ready = "1";
              })();
            })();
            """;
}
