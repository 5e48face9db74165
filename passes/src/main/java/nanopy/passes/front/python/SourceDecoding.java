package nanopy.passes.front.python;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nanopy.ir.CompileError;
import nanopy.ir.Span;

/**
 * Decodes a source file's bytes as CPython does (PEP 263): UTF-8 unless a UTF-8 byte order mark
 * or a {@code coding} declaration on one of the first two lines names another encoding.
 */
public final class SourceDecoding {
    private static final Pattern CODING = Pattern.compile("^[ \\t\\f]*#.*?coding[:=][ \\t]*([-\\w.]+)");

    private SourceDecoding() {}

    /**
     * The text of a source file.
     *
     * @throws CompileError when the bytes are not valid in the declared encoding, or the encoding is unknown
     */
    public static String decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return strict(bytes, 3, StandardCharsets.UTF_8);
        }
        Charset charset = StandardCharsets.UTF_8;
        String head = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            Matcher m = CODING.matcher(lines[i]);
            if (m.find()) {
                charset = charset(m.group(1));
                break;
            }
            if (!lines[i].isBlank() && !lines[i].stripLeading().startsWith("#")) {
                break;
            }
        }
        return strict(bytes, 0, charset);
    }

    private static Charset charset(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        if (n.equals("utf-8") || n.startsWith("utf-8-")) {
            return StandardCharsets.UTF_8;
        }
        if (n.equals("latin-1") || n.equals("iso-latin-1") || n.startsWith("latin-1-") || n.startsWith("iso-8859-1")) {
            return StandardCharsets.ISO_8859_1;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            throw new CompileError("<source>", Span.NONE, "SyntaxError: unknown encoding: " + name);
        }
    }

    private static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw new CompileError("<source>", Span.NONE, "SyntaxError: (unicode error) '" + charset.name().toLowerCase(java.util.Locale.ROOT)
                    + "' codec can't decode the source");
        }
    }
}
