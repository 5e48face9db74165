package nanopy.targets.regvm;

import io.vavr.collection.List;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import nanopy.ir.Span;
import nanopy.regvm.RegImage;
import nanopy.targets.Target.Malformed;

/**
 * The {@code .nbc} file format of a {@link RegImage.Image}: the magic {@code NPYB}, a format
 * version (u16), the instruction set's fingerprint (i32, a hash of the opcode names in order, so a
 * file from a nanopy with other opcode numbers is refused), the global counts, the constant pool (tag byte 1 int64, 2 float64, 3 UTF-8 string
 * with a varint length), then each function: name, frame sizes, code and line table as
 * zigzag varints (most instructions take one byte per int). Reading checks every length against
 * the bytes that are left, so a malformed or truncated file is a {@link Malformed} with a sentence
 * saying what is wrong, never an exception from deep inside.
 */
public final class BytecodeFile {
    /** The first four bytes of every file. */
    public static final byte[] MAGIC = {'N', 'P', 'Y', 'B'};
    /** The format version this reader and writer speak. */
    public static final int VERSION = 1;

    /** A hash of the opcode names in order: files record it, and only matching files are run. */
    public static final int INSTRUCTION_SET = java.util.Arrays.hashCode(
            java.util.Arrays.stream(RegVmOp.values()).map(Enum::name).toArray(String[]::new));

    private BytecodeFile() {}

    /** Whether {@code bytes} start like a bytecode file. */
    public static boolean looksLikeBytecode(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == MAGIC[0] && bytes[1] == MAGIC[1] && bytes[2] == MAGIC[2] && bytes[3] == MAGIC[3];
    }

    /** The bytes of {@code image}. */
    public static byte[] write(RegImage.Image image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeShort(VERSION);
            out.writeInt(INSTRUCTION_SET);
            varint(out, image.primGlobals());
            varint(out, image.refGlobals());
            varint(out, image.pool().size());
            for (RegImage.Const c : image.pool()) {
                switch (c) {
                    case RegImage.IntConst i -> {
                        out.writeByte(1);
                        out.writeLong(i.value());
                    }
                    case RegImage.FloatConst f -> {
                        out.writeByte(2);
                        out.writeDouble(f.value());
                    }
                    case RegImage.StrConst s -> {
                        out.writeByte(3);
                        string(out, s.value());
                    }
                }
            }
            varint(out, image.functions().size());
            for (RegImage.FunCode f : image.functions()) {
                string(out, f.name());
                varint(out, f.primFrame());
                varint(out, f.refFrame());
                ints(out, f.code());
                ints(out, f.lines());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads an image.
     *
     * @throws Malformed when the bytes are not a bytecode file, are of another version, are cut
     *     short, or have bytes left over
     */
    public static RegImage.Image read(byte[] bytes) throws Malformed {
        if (!looksLikeBytecode(bytes)) {
            throw new Malformed("not a nanopy bytecode file (it does not start with NPYB)");
        }
        Reader in = new Reader(bytes);
        try {
            in.data.skipNBytes(4);
            int version = in.data.readUnsignedShort();
            if (version != VERSION) {
                throw new Malformed("bytecode format version " + version + ", but this nanopy reads version " + VERSION);
            }
            int set = in.data.readInt();
            if (set != INSTRUCTION_SET) {
                throw new Malformed("compiled for another instruction set (" + Integer.toHexString(set) + ", this nanopy runs "
                        + Integer.toHexString(INSTRUCTION_SET) + "); build it again");
            }
            int primGlobals = in.count("global");
            int refGlobals = in.count("global");
            int poolSize = in.count("constant");
            ArrayList<RegImage.Const> pool = new ArrayList<>();
            for (int i = 0; i < poolSize; i++) {
                int tag = in.data.readUnsignedByte();
                pool.add(switch (tag) {
                    case 1 -> new RegImage.IntConst(in.data.readLong(), Span.NONE);
                    case 2 -> new RegImage.FloatConst(in.data.readDouble(), Span.NONE);
                    case 3 -> new RegImage.StrConst(in.string(), Span.NONE);
                    default -> throw new Malformed("constant " + i + " has unknown tag " + tag);
                });
            }
            int fnCount = in.count("function");
            ArrayList<RegImage.FunCode> fns = new ArrayList<>();
            for (int i = 0; i < fnCount; i++) {
                String name = in.string();
                int primFrame = in.count("frame cell");
                int refFrame = in.count("frame cell");
                fns.add(new RegImage.FunCode(name, primFrame, refFrame, in.ints(), in.ints(), Span.NONE));
            }
            if (in.data.available() > 0) {
                throw new Malformed(in.data.available() + " unexpected bytes after the last function");
            }
            return new RegImage.Image(List.ofAll(pool), List.ofAll(fns), primGlobals, refGlobals, Span.NONE);
        } catch (EOFException e) {
            throw new Malformed("the file is truncated");
        } catch (IOException e) {
            throw new Malformed("unreadable: " + e.getMessage());
        }
    }

    private static void varint(DataOutputStream out, long v) throws IOException {
        long z = (v << 1) ^ (v >> 63);
        while ((z & ~0x7FL) != 0) {
            out.writeByte((int) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        out.writeByte((int) z);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(out, b.length);
        out.write(b);
    }

    private static void ints(DataOutputStream out, List<Integer> xs) throws IOException {
        varint(out, xs.size());
        for (int x : xs) {
            varint(out, x);
        }
    }

    /** Reads varints and length-prefixed data, checking lengths against what is left. */
    private static final class Reader {
        final DataInputStream data;

        Reader(byte[] bytes) {
            data = new DataInputStream(new ByteArrayInputStream(bytes));
        }

        long varint() throws IOException, Malformed {
            long z = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = data.readUnsignedByte();
                z |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return (z >>> 1) ^ -(z & 1);
                }
            }
            throw new Malformed("a number is longer than ten bytes");
        }

        int count(String what) throws IOException, Malformed {
            long n = varint();
            if (n < 0 || n > data.available() + 65_536L) {
                throw new Malformed("a " + what + " count of " + n + " does not fit in the file");
            }
            return (int) n;
        }

        int integer() throws IOException, Malformed {
            long v = varint();
            if (v != (int) v) {
                throw new Malformed("a code word " + v + " does not fit in 32 bits");
            }
            return (int) v;
        }

        String string() throws IOException, Malformed {
            int n = count("string length");
            if (n > data.available()) {
                throw new EOFException();
            }
            return new String(data.readNBytes(n), StandardCharsets.UTF_8);
        }

        List<Integer> ints() throws IOException, Malformed {
            int n = count("code length");
            if (n > data.available()) {
                throw new EOFException();
            }
            ArrayList<Integer> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(integer());
            }
            return List.ofAll(out);
        }
    }
}
