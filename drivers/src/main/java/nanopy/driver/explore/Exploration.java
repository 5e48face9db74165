package nanopy.driver.explore;

import java.util.List;
import java.util.Optional;
import nanopy.driver.Bisect;

/**
 * What the explorer found: the source and, for every pass, its IR, the diff against the IR before
 * it, its time, the program's output when its IR was run, and the graphs drawn after it.
 *
 * @param fileName the program's file name
 * @param source the program's text
 * @param target the target (pipeline) name
 * @param steps one per pass, in pipeline order (a runner's run of the final program is one more, with no IR)
 * @param reference the index of the first step whose output was run (the output every later run is compared with), or -1
 * @param firstChange the index of the first step whose output differs from the reference run, if one does
 */
public record Exploration(String fileName, String source, String target, List<Step> steps, int reference, Optional<Integer> firstChange) {
    public Exploration {
        steps = List.copyOf(steps);
    }

    /**
     * One pass.
     *
     * @param pass the pass's registry name (or {@code (runner R)} for the target's run of the final program)
     * @param input its input language's name
     * @param output its output language's name
     * @param ir the program after it, printed as {@code --dump-after} prints it ("" for a runner step)
     * @param diff a unified diff from the IR before it ("" when nothing changed)
     * @param millis how long the pass took, in milliseconds (with verification)
     * @param run what the program did when this IR was run, if its language has an interpreter
     * @param graphs the graphs drawn after this pass (each an SVG, or Graphviz text when {@code dot} is missing)
     */
    public record Step(String pass, String input, String output, String ir, String diff, double millis, Optional<Bisect.Outcome> run, List<Graph> graphs) {
        public Step {
            graphs = List.copyOf(graphs);
        }
    }

    /**
     * One graph.
     *
     * @param title the graph's name in its Graphviz text ({@code cfg main}, {@code interference f})
     * @param svg the drawing, when {@code dot} drew it
     * @param dot the Graphviz text
     */
    public record Graph(String title, Optional<String> svg, String dot) {}
}
