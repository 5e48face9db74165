package nanopy.passes.front.python;

import java.util.Set;

/** Python 3.12's hard keywords (soft keywords such as {@code match} are names). */
final class Keywords {
    private static final Set<String> HARD = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    private Keywords() {}

    /** True for a hard keyword, which can never be an identifier. */
    static boolean isKeyword(String word) {
        return HARD.contains(word);
    }
}
