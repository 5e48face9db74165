package nanopy.driver.explore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws Graphviz text as SVG with the {@code dot} command (Debian's {@code graphviz} package), one
 * graph at a time, so each drawing can be shown on its own.
 */
public final class Graphviz {
    private static final Pattern GRAPH_START = Pattern.compile("(?m)^(?:strict\\s+)?(?:di)?graph\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)\\s*\\{");

    private Graphviz() {}

    /** Whether the {@code dot} command can be run. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The graphs of a Graphviz text holding several, each with its title; drawn when {@code draw} and dot is there. */
    public static List<Exploration.Graph> graphs(String text, boolean draw) {
        List<Exploration.Graph> out = new ArrayList<>();
        Matcher m = GRAPH_START.matcher(text);
        List<Integer> starts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            String t = m.group(1);
            titles.add(t.startsWith("\"") ? t.substring(1, t.length() - 1).replace("\\\"", "\"") : t);
        }
        for (int i = 0; i < starts.size(); i++) {
            String one = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            out.add(new Exploration.Graph(titles.get(i), draw ? svg(one) : Optional.empty(), one));
        }
        return out;
    }

    /** {@code dot -Tsvg} of one graph, without the XML prolog (to be inlined in HTML); empty when dot fails or is missing. */
    static Optional<String> svg(String dot) {
        try {
            Process p = new ProcessBuilder("dot", "-Tsvg").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (var in = p.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            String svg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            int at = svg.indexOf("<svg");
            return at < 0 ? Optional.empty() : Optional.of(svg.substring(at));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
