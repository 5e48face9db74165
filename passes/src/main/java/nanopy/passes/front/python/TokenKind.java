package nanopy.passes.front.python;

/** The kinds of {@link Token}, as in CPython's tokenizer (keywords are {@link #NAME}s). */
enum TokenKind {
    /** An identifier or keyword. */
    NAME,
    /** A number literal, decoded by the parser. */
    NUMBER,
    /** A string, bytes or f-string literal; its decoded form is in {@link Token#string()}. */
    STRING,
    /** An operator or delimiter. */
    OP,
    /** The end of a logical line. */
    NEWLINE,
    /** One more level of indentation. */
    INDENT,
    /** One less level of indentation. */
    DEDENT,
    /** The end of the input. */
    ENDMARKER,
    /** A tokenizer error, always the last token; the parser raises {@link Token#error()} on reaching it. */
    ERROR
}
