package nanopy.passes.front.python;

import java.util.List;

/**
 * The decoded content of one string token.
 *
 * @param bytes a {@code b} prefix: {@link #value} holds one char per byte
 * @param uPrefix a lowercase {@code u} prefix (CPython records it as the constant's kind; not for {@code U})
 * @param value the decoded text of a plain string or bytes literal; null for an f-string
 * @param parts the pieces of an f-string; null for other literals
 * @param error a bad escape or a non-ASCII character in bytes, raised by the parser when it uses
 *     the literal (in CPython the parser, not the tokenizer, decodes literals); else null
 */
record StringLiteral(boolean bytes, boolean uPrefix, String value, List<FStringPart> parts, nanopy.ir.CompileError error) {
    /** True for an f-string. */
    boolean isFString() {
        return parts != null;
    }
}
