package nanopy.passes.front.python;

import java.util.List;

/** A piece of an f-string or of a format spec: literal text or a replacement field. */
sealed interface FStringPart {
    /** Literal text (escapes and doubled braces already decoded) at offsets {@code start..end}. */
    record Literal(String text, int start, int end) implements FStringPart {}

    /**
     * A replacement field {@code {expr=!c:spec}} at offsets {@code start..end} (braces included).
     *
     * @param tokens the expression's tokens, without an end marker
     * @param debugText the source text up to and including {@code =} and the blanks after it, or null
     * @param conversion {@code -1}, or the code of {@code s}, {@code r} or {@code a}
     * @param spec the format spec's pieces, or null when there is no {@code :}
     */
    record Field(List<Token> tokens, int start, int end, String debugText, int conversion, List<FStringPart> spec)
            implements FStringPart {}
}
