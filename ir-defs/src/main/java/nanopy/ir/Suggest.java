package nanopy.ir;

import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" suggestions by edit distance (Levenshtein, from Apache Commons Text). */
public final class Suggest {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggest() {}

    /**
     * {@code " (did you mean X?)"} for the candidate closest to {@code name} (ignoring case) when
     * it is within max(2, length / 3) edits, else {@code ""}.
     */
    public static String didYouMean(String name, Iterable<String> candidates) {
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = DISTANCE.apply(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d < bestDist) {
                bestDist = d;
                best = c;
            }
        }
        return best != null && bestDist <= Math.max(2, name.length() / 3) ? " (did you mean " + best + "?)" : "";
    }
}
