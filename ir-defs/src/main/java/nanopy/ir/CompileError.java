package nanopy.ir;

import java.util.List;

/**
 * Raised by a pass when the user's program is wrong (exit status 1): carries every diagnostic found
 * (passes collect several before giving up, up to a limit). Never used for bugs in nanopy itself.
 */
public final class CompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public CompileError(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "compile error" : diagnostics.get(0).header(), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public CompileError(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public CompileError(String file, Span span, String message) {
        this(new Diagnostic(file, span, message));
    }

    /** Every problem, in source order as found. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
