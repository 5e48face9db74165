package nanopy.passes.front.python;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
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
     * The text of a source file, as {@link #decode(String, byte[])} with the file name {@code <source>}.
     *
     * @throws CompileError when the bytes are not valid in the declared encoding, or the encoding is unknown
     */
    public static String decode(byte[] bytes) {
        return decode("<source>", bytes);
    }

    /**
     * The text of source file {@code file}. Errors are CPython 3.11's, at the line of the first bad
     * byte: {@code Non-UTF-8 code starting with '\xe9' in file F on line N, but no encoding declared; ...},
     * {@code (unicode error) 'C' codec can't decode byte 0xNN ...} for a declared encoding or a byte
     * order mark, {@code source code cannot contain null bytes}.
     *
     * @param file the file name for messages
     * @param bytes the file's contents
     * @throws CompileError when the bytes are not valid in the declared encoding, the encoding is
     *     unknown, or the file contains a null byte
     */
    public static String decode(String file, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new CompileError(file, Span.at(lineOf(bytes, i), 1), "SyntaxError: source code cannot contain null bytes");
            }
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return strict(file, bytes, 3, StandardCharsets.UTF_8, true);
        }
        Charset charset = StandardCharsets.UTF_8;
        boolean declared = false;
        String head = new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\n", 3);
        for (int i = 0; i < Math.min(2, lines.length); i++) {
            Matcher m = CODING.matcher(lines[i]);
            if (m.find()) {
                charset = charset(file, i + 1, m.group(1));
                declared = true;
                break;
            }
            if (!lines[i].isBlank() && !lines[i].stripLeading().startsWith("#")) {
                break;
            }
        }
        return strict(file, bytes, 0, charset, declared);
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static Charset charset(String file, int line, String name) {
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
            throw new CompileError(file, Span.at(line, 1), "SyntaxError: unknown encoding: " + name);
        }
    }

    private static String strict(String file, byte[] bytes, int offset, Charset charset, boolean declared) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            int line = lineOf(bytes, at);
            String message = declared || offset > 0
                    ? String.format("SyntaxError: (unicode error) '%s' codec can't decode byte 0x%02x", charset.name().toLowerCase(java.util.Locale.ROOT),
                            bytes[at] & 0xff)
                    : String.format("SyntaxError: Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding declared; "
                            + "see https://peps.python.org/pep-0263/ for details", bytes[at] & 0xff, file, line);
            throw new CompileError(file, Span.at(line, 1), message);
        }
        return out.flip().toString();
    }
}
