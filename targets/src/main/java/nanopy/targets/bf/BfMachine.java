package nanopy.targets.bf;

import java.util.Arrays;

/**
 * Runs {@link BfCode} on portable Brainfuck's machine: 8-bit wrapping cells, a tape that starts at
 * cell 0 and grows to the right without bound, and {@code ,} at end of input storing 0.
 */
public final class BfMachine {
    /** Input bytes, one at a time; -1 at end of input. */
    public interface Input {
        int read();
    }

    /** Output bytes. */
    public interface Output {
        void write(int b);
    }

    /** The program moved the pointer left of cell 0. */
    public static final class TapeUnderflow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TapeUnderflow() {
            super("the program moved the pointer left of cell 0", null, false, false);
        }
    }

    private BfMachine() {}

    /**
     * Runs {@code program} to its end.
     *
     * @throws TapeUnderflow when a cell left of cell 0 is used
     */
    public static void run(BfCode program, Input in, Output out) {
        int[] code = program.code;
        int len = program.length;
        int margin = program.maxOffset + 1;
        byte[] tape = new byte[Math.max(1 << 16, 4 * margin)];
        int p = 0;
        int pc = 0;
        try {
            while (pc < len) {
                int a = code[pc + 1];
                switch (code[pc]) {
                    case BfCode.ADD -> tape[p + a] += (byte) code[pc + 2];
                    case BfCode.SET -> tape[p + a] = (byte) code[pc + 2];
                    case BfCode.MOVE -> {
                        p += a;
                        if (p + margin >= tape.length) {
                            tape = grow(tape, p + margin);
                        }
                    }
                    case BfCode.MUL -> tape[p + a] += (byte) (tape[p] * code[pc + 2]);
                    case BfCode.SCAN -> {
                        while (tape[p] != 0) {
                            p += a;
                            if (p + margin >= tape.length) {
                                tape = grow(tape, p + margin);
                            }
                        }
                    }
                    case BfCode.OUT -> out.write(tape[p + a] & 0xFF);
                    case BfCode.IN -> {
                        int b = in.read();
                        tape[p + a] = (byte) (b < 0 ? 0 : b);
                    }
                    case BfCode.JZ -> {
                        if (tape[p] == 0) {
                            pc = a;
                            continue;
                        }
                    }
                    case BfCode.JNZ -> {
                        if (tape[p] != 0) {
                            pc = a;
                            continue;
                        }
                    }
                    default -> throw new IllegalStateException("bad BF instruction " + code[pc]);
                }
                pc += 3;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // the right end always has 'margin' cells to spare, so only the left end can be passed
            throw new TapeUnderflow();
        }
    }

    private static byte[] grow(byte[] tape, int needed) {
        int size = tape.length;
        while (size <= needed) {
            size *= 2;
        }
        return Arrays.copyOf(tape, size);
    }
}
