import java.util.Optional;
import nanopy.driver.Nanopy;

/**
 * The library API with the compile cache: the first Nanopy.run of a source compiles it, the next
 * ones reuse the compiled program. Prints the first run and the median of the later ones, in ms.
 * Run by tools/bench-startup as a single-file program: java -cp CLASSPATH LibraryCache.java
 */
public class LibraryCache {
    public static void main(String[] args) {
        String source = "def f(n: int) -> int:\n    if n < 2:\n        return n\n    return f(n - 1) + f(n - 2)\n\nprint(f(15))\n";
        for (int warm = 0; warm < 200; warm++) {   // warm the JIT on other sources (their own cache entries)
            Nanopy.run("warm.py", source.replace("15", Integer.toString(warm % 20)) + "# " + warm + "\n", "", Optional.empty());
        }
        long t0 = System.nanoTime();
        Nanopy.Result first = Nanopy.run("prog.py", source, "");
        double firstMs = (System.nanoTime() - t0) / 1e6;
        double[] later = new double[200];
        for (int i = 0; i < later.length; i++) {
            long t = System.nanoTime();
            Nanopy.Result r = Nanopy.run("prog.py", source, "");
            later[i] = (System.nanoTime() - t) / 1e6;
            if (!r.equals(first)) {
                throw new AssertionError("a cached run differs: " + r + " vs " + first);
            }
        }
        java.util.Arrays.sort(later);
        System.out.printf("library API, warm JVM: first run (compile + run) %.3f ms; same source again (cache hit + run), median of 200: %.3f ms%n",
                firstMs, later[later.length / 2]);
    }
}
