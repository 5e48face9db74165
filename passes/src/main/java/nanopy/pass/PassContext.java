package nanopy.pass;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nanopy.ir.CompileError;
import nanopy.ir.Diagnostic;
import nanopy.ir.Span;

/**
 * What a pass may know about its run: the source file (name and text, for diagnostics), the
 * options the pipeline config sets for it, a place to report diagnostics, and a fresh-name supply
 * shared by all passes of the run (so temporaries never collide across passes).
 */
public final class PassContext implements nanopy.ir.FreshNames {
    /** Most diagnostics collected before a run gives up. */
    public static final int MAX_ERRORS = 20;

    private final String fileName;
    private final String source;
    private final Map<String, Object> options;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private String currentPass = "";

    /**
     * @param fileName the source file as the user named it ({@code <string>} for {@code -c})
     * @param source its text (empty when unknown, e.g. when starting from IR text)
     * @param options {@code pass-name.option} to value (Long, Double, Boolean or String), from the config
     */
    public PassContext(String fileName, String source, Map<String, Object> options) {
        this.fileName = fileName;
        this.source = source;
        this.options = Map.copyOf(options);
    }

    public String fileName() {
        return fileName;
    }

    public String source() {
        return source;
    }

    /** Set by the pipeline before each pass runs. */
    public void enterPass(String passName) {
        this.currentPass = passName;
    }

    /** The registry name of the pass now running. */
    public String currentPass() {
        return currentPass;
    }

    /** An integer option of the current pass ({@code [pipeline.X.options] "pass.key" = 3}), or {@code fallback}. */
    public long longOption(String key, long fallback) {
        Object v = options.get(currentPass + "." + key);
        return v instanceof Number n ? n.longValue() : fallback;
    }

    /** A string option of the current pass, or {@code fallback}. */
    public String stringOption(String key, String fallback) {
        Object v = options.get(currentPass + "." + key);
        return v instanceof String str ? str : fallback;
    }

    /** A boolean option of the current pass, or {@code fallback}. */
    public boolean booleanOption(String key, boolean fallback) {
        Object v = options.get(currentPass + "." + key);
        return v instanceof Boolean b ? b : fallback;
    }

    /** Records a problem in the user's program; throws once {@link #MAX_ERRORS} are collected. */
    public void error(Span span, String message) {
        errors.add(new Diagnostic(fileName, span, message));
        if (errors.size() >= MAX_ERRORS) {
            throw new CompileError(errors);
        }
    }

    /** Throws a {@link CompileError} with everything reported so far, if anything was. */
    public void throwIfErrors() {
        if (!errors.isEmpty()) {
            List<Diagnostic> copy = List.copyOf(errors);
            errors.clear();
            throw new CompileError(copy);
        }
    }

    /**
     * A name no source identifier can be: {@code base.N} with N counting per base from 1 across the
     * whole run ({@code tmp.1}, {@code tmp.2}, ...).
     */
    @Override
    public String fresh(String base) {
        int n = counters.merge(base, 1, Integer::sum);
        return base + "." + n;
    }
}
