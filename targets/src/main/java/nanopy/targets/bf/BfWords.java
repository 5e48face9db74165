package nanopy.targets.bf;

import static nanopy.targets.bf.TapeLayout.DIGITS;
import static nanopy.targets.bf.TapeLayout.MARK;
import static nanopy.targets.bf.TapeLayout.W1;
import static nanopy.targets.bf.TapeLayout.W2;
import static nanopy.targets.bf.TapeLayout.W3;
import static nanopy.targets.bf.TapeLayout.W4;
import static nanopy.targets.bf.TapeLayout.W5;
import static nanopy.targets.bf.TapeLayout.WORD;

import java.nio.charset.StandardCharsets;

/**
 * 64-bit int arithmetic in Brainfuck over bit cells (one bit per cell, least significant first,
 * two's complement): ripple-carry addition and subtraction with the signed-overflow test (carry
 * into the sign bit differs from carry out of it), comparisons from the subtraction's sign and
 * overflow flags (N xor V), shift-and-add multiplication and restoring division on magnitudes,
 * and decimal printing by double dabble (shift the bits in, doubling 19 decimal digit cells).
 * Every routine leaves the scratch cells and the work ints W1..W5 at 0.
 */
final class BfWords {
    static final String OVERFLOW = "OverflowError: integer overflow";

    private final BfAsm a;

    BfWords(BfAsm asm) {
        this.a = asm;
    }

    /**
     * Writes the error marker and {@code line}, then stops the machine (the frame's MARK becomes 0),
     * if {@code flag} is nonzero and no error was raised before (MARK is still 1); the flag is consumed.
     */
    void raiseIf(int flag, String line) {
        a.open(flag);
        a.clear(flag);
        a.when(MARK, () -> raise(line));
        a.close(flag);
    }

    /** Writes the error marker and {@code line}, then stops the machine. */
    void raise(String line) {
        byte[] text = (line + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 1];
        bytes[0] = (byte) BfRunner.ERROR_MARKER;
        System.arraycopy(text, 0, bytes, 1, text.length);
        a.printBytes(bytes);
        a.clear(MARK);
    }

    void setInt(int dst, long v) {
        for (int i = 0; i < WORD; i++) {
            a.set(dst + i, (int) ((v >>> i) & 1));
        }
    }

    void copyWord(int src, int dst, int width) {
        for (int i = 0; i < width; i++) {
            a.copy(src + i, dst + i);
        }
    }

    void clearWord(int w) {
        for (int i = 0; i < WORD; i++) {
            a.clear(w + i);
        }
    }

    /** s (0..3, consumed) into bit cell dst (cleared first) = s & 1 and carry c += s >> 1. */
    private void split(int s, int dst, int c) {
        a.clear(dst);
        a.open(s);
        a.add(s, -1);
        a.add(dst, 1);
        a.open(s);
        a.add(s, -1);
        a.add(dst, -1);
        a.add(c, 1);
        a.open(s);
        a.add(s, -1);
        a.add(dst, 1);
        a.close(s);
        a.close(s);
        a.close(s);
    }

    /**
     * dst = x + y + carryIn (y's bits inverted when {@code invert}; x or y -1 for 0), bit by bit.
     * dst may be x or y. Returns the carry-out cell (a temp the caller frees after clearing);
     * when {@code carryIntoSign} is not -1 it receives the carry into bit 63.
     */
    private int ripple(int dst, int x, int y, boolean invert, int carryIn, int carryIntoSign) {
        int c = a.temp();
        a.add(c, carryIn);
        for (int i = 0; i < WORD; i++) {
            int s = a.temp();
            if (x >= 0) {
                a.addCopy(x + i, s);
            }
            if (y >= 0) {
                if (invert) {
                    a.add(s, 1);
                    a.subCopy(y + i, s);
                } else {
                    a.addCopy(y + i, s);
                }
            } else if (invert) {
                a.add(s, 1);
            }
            if (i == WORD - 1 && carryIntoSign >= 0) {
                a.addCopy(c, carryIntoSign);
            }
            a.moveAdd(c, s);
            split(s, dst + i, c);
            a.free(s);
        }
        return c;
    }

    /** x (0/1, consumed) xor y (0/1, consumed) into a new temp. */
    private int xor(int x, int y) {
        a.moveAdd(y, x);
        int r = a.temp();
        a.open(x);
        a.add(x, -1);
        a.add(r, 1);
        a.open(x);
        a.add(x, -1);
        a.add(r, -1);
        a.close(x);
        a.close(x);
        return r;
    }

    /** dst = x + y or x - y; OverflowError past 64 bits. */
    void addSub(int dst, int x, int y, boolean subtract) {
        int cin = a.temp();
        int c = ripple(dst, x, y, subtract, subtract ? 1 : 0, cin);
        int v = xor(cin, c);
        a.free(c);
        a.free(cin);
        raiseIf(v, OVERFLOW);
        a.free(v);
    }

    void negate(int dst, int x) {
        addSub(dst, -1, x, true);
    }

    /** w = -w in place (two's complement; -2^63 stays itself, read as the magnitude 2^63). */
    private void negateInPlace(int w) {
        int c = ripple(w, -1, w, true, 1, -1);
        a.clear(c);
        a.free(c);
    }

    /** dst (one cell) = x op y for signed ints, op one of lt le gt ge eq ne. */
    void compare(String op, int dst, int x, int y) {
        int cin = a.temp();
        int c = ripple(W5, x, y, true, 1, cin);
        int v = xor(cin, c);
        a.free(c);
        a.free(cin);
        int n = a.temp();
        a.addCopy(W5 + WORD - 1, n);
        int lt = xor(n, v);
        a.free(v);
        a.free(n);
        int count = a.temp();
        for (int i = 0; i < WORD; i++) {
            a.moveAdd(W5 + i, count);
        }
        int z = isZero(count);
        a.clear(dst);
        switch (op) {
            case "lt" -> { a.moveAdd(lt, dst); a.clear(z); }
            case "ge" -> { a.add(dst, 1); a.moveSub(lt, dst); a.clear(z); }
            case "eq" -> { a.moveAdd(z, dst); a.clear(lt); }
            case "ne" -> { a.add(dst, 1); a.moveSub(z, dst); a.clear(lt); }
            case "le" -> { a.moveAdd(lt, dst); a.moveAdd(z, dst); }
            case "gt" -> { a.add(dst, 1); a.moveSub(lt, dst); a.moveSub(z, dst); }
            default -> throw new IllegalArgumentException(op);
        }
        a.free(z);
        a.free(lt);
    }

    /** dst = (x == y) or (x != y) over 'width' cells of small values. */
    void compareCells(boolean eq, int dst, int x, int y, int width) {
        int diff = a.temp();
        for (int i = 0; i < width; i++) {
            int d = a.temp();
            a.addCopy(x + i, d);
            a.subCopy(y + i, d);
            a.open(d);
            a.clear(d);
            a.clear(diff);
            a.add(diff, 1);
            a.close(d);
            a.free(d);
        }
        a.clear(dst);
        if (eq) {
            a.add(dst, 1);
            a.moveSub(diff, dst);
        } else {
            a.moveAdd(diff, dst);
        }
        a.free(diff);
    }

    /** dst = not x (cells 0/1). */
    void not(int dst, int x) {
        int t = a.temp();
        a.add(t, 1);
        a.subCopy(x, t);
        a.clear(dst);
        a.moveAdd(t, dst);
        a.free(t);
    }

    /** Copies x to w as a magnitude; returns a temp holding x's sign bit. */
    private int magnitude(int x, int w) {
        copyWord(x, w, WORD);
        int sign = a.temp();
        a.addCopy(x + WORD - 1, sign);
        a.when(sign, () -> negateInPlace(w));
        return sign;
    }

    private void shiftLeft(int w, int out) {
        if (out >= 0) {
            a.moveAdd(w + WORD - 1, out);
        } else {
            a.clear(w + WORD - 1);
        }
        for (int i = WORD - 2; i >= 0; i--) {
            a.moveAdd(w + i, w + i + 1);
        }
    }

    private void shiftRight(int w) {
        a.clear(w);
        for (int i = 0; i < WORD - 1; i++) {
            a.moveAdd(w + i + 1, w + i);
        }
    }

    /** A new temp that is 1 when the temp {@code count} is 0, else 0; frees count. */
    private int isZero(int count) {
        int z = a.temp();
        a.add(z, 1);
        a.open(count);
        a.clear(count);
        a.add(z, -1);
        a.close(count);
        a.free(count);
        return z;
    }

    /** Counts w's set bits into a new temp (at most 64). */
    private int bitCount(int w, int from, int to) {
        int count = a.temp();
        for (int i = from; i < to; i++) {
            a.addCopy(w + i, count);
        }
        return count;
    }

    private void repeat64(Runnable body) {
        int k = a.temp();
        a.add(k, WORD);
        a.open(k);
        a.add(k, -1);
        body.run();
        a.close(k);
        a.free(k);
    }

    /** dst = x * y; OverflowError past 64 bits. */
    void multiply(int dst, int x, int y) {
        int nx = magnitude(x, W1);
        int ny = magnitude(y, W2);
        int ovf = a.temp();
        int lost = a.temp();
        repeat64(() -> {
            a.when(W2, () -> {
                int c = ripple(W3, W3, W1, false, 0, -1);
                a.moveAdd(c, ovf);
                a.free(c);
                a.when(lost, () -> a.add(ovf, 1));
            });
            shiftRight(W2);
            shiftLeft(W1, lost);
        });
        int neg = xor(nx, ny);
        a.free(nx);
        a.free(ny);
        a.when(W3 + WORD - 1, () -> {
            int rest = bitCount(W3, 0, WORD - 1);
            int bad = a.temp();
            a.add(bad, 1);
            a.when(neg, () -> a.unless(rest, () -> a.add(bad, -1)));
            a.clear(rest);
            a.free(rest);
            a.moveAdd(bad, ovf);
            a.free(bad);
        });
        a.clear(lost);
        a.free(lost);
        raiseIf(ovf, OVERFLOW);
        a.free(ovf);
        a.when(neg, () -> negateInPlace(W3));
        a.clear(neg);
        a.free(neg);
        copyWord(W3, dst, WORD);
        clearWord(W1);
        clearWord(W3);
    }

    /** dst = x // y or x % y with Python's floor semantics. */
    void divide(boolean modulo, int dst, int x, int y) {
        int nx = magnitude(x, W1);
        int ny = magnitude(y, W2);
        int zero = isZero(bitCount(W2, 0, WORD));
        raiseIf(zero, modulo ? "ZeroDivisionError: integer modulo by zero" : "ZeroDivisionError: integer division or modulo by zero");
        a.free(zero);
        repeat64(() -> {
            shiftLeft(W3, -1);
            a.moveAdd(W1 + WORD - 1, W3);
            shiftLeft(W1, -1);
            int c = ripple(W5, W3, W2, true, 1, -1);
            shiftLeft(W4, -1);
            a.addCopy(c, W4);
            a.when(c, () -> copyWord(W5, W3, WORD));
            a.clear(c);
            a.free(c);
            clearWord(W5);
        });
        int nxCopy = a.temp();
        a.addCopy(nx, nxCopy);
        int nyCopy = a.temp();
        a.addCopy(ny, nyCopy);
        int differ = xor(nxCopy, nyCopy);
        a.free(nyCopy);
        a.free(nxCopy);
        int rest = bitCount(W3, 0, WORD);
        int nonzero = a.temp();
        a.open(rest);
        a.clear(rest);
        a.clear(nonzero);
        a.add(nonzero, 1);
        a.close(rest);
        a.free(rest);
        int result;
        if (!modulo) {
            a.when(differ, () -> {
                a.when(nonzero, () -> {
                    int c = ripple(W4, W4, -1, false, 1, -1);
                    a.clear(c);
                    a.free(c);
                });
                negateInPlace(W4);
            });
            int o = a.temp();
            a.addCopy(W4 + WORD - 1, o);
            a.when(differ, () -> a.clear(o));
            raiseIf(o, OVERFLOW);
            a.free(o);
            result = W4;
        } else {
            a.when(differ, () -> a.when(nonzero, () -> {
                int c = ripple(W5, W2, W3, true, 1, -1);
                a.clear(c);
                a.free(c);
                copyWord(W5, W3, WORD);
                clearWord(W5);
            }));
            a.when(ny, () -> negateInPlace(W3));
            result = W3;
        }
        a.clear(nonzero);
        a.free(nonzero);
        a.clear(differ);
        a.free(differ);
        a.clear(nx);
        a.free(nx);
        a.clear(ny);
        a.free(ny);
        copyWord(result, dst, WORD);
        clearWord(W1);
        clearWord(W2);
        clearWord(W3);
        clearWord(W4);
    }

    /** Writes x in decimal (without a newline). */
    void printInt(int x) {
        int sign = magnitude(x, W1);
        a.when(sign, () -> a.print("-"));
        a.clear(sign);
        a.free(sign);
        repeat64(() -> {
            int c = a.temp();
            shiftLeft(W1, c);
            for (int j = 0; j < 19; j++) {
                int d = DIGITS + j;
                int s = a.temp();
                a.moveAdd(d, s, s);
                a.moveAdd(c, s);
                for (int level = 1; level <= 19; level++) {
                    a.open(s);
                    a.add(s, -1);
                    if (level == 10) {
                        a.add(d, -9);
                        a.add(c, 1);
                    } else {
                        a.add(d, 1);
                    }
                }
                for (int level = 1; level <= 19; level++) {
                    a.close(s);
                }
                a.free(s);
            }
            a.free(c);
        });
        int started = a.temp();
        for (int j = 18; j >= 1; j--) {
            int d = DIGITS + j;
            a.when(d, () -> a.set(started, 1));
            a.when(started, () -> {
                a.add(d, '0');
                a.output(d);
            });
            a.clear(d);
        }
        a.add(DIGITS, '0');
        a.output(DIGITS);
        a.clear(DIGITS);
        a.clear(started);
        a.free(started);
    }

    /** dst = the int on the next input line (an optional sign, then digits; other characters are skipped). */
    void readInt(int dst) {
        int neg = a.temp();
        int more = a.temp();
        a.add(more, 1);
        a.open(more);
        int ch = a.temp();
        a.input(ch);
        // end of line or of input: stop
        onValue(ch, 0, () -> a.clear(more));
        onValue(ch, '\n', () -> a.clear(more));
        onValue(ch, '-', () -> a.set(neg, 1));
        int digit = a.temp();
        a.addCopy(ch, digit);
        a.add(digit, -'0');
        int isDigit = a.temp();
        // a digit is one of the ten values '0'..'9': test each
        for (int v = 0; v < 10; v++) {
            final int value = v;
            onValue(digit, value, () -> a.add(isDigit, 1));
        }
        a.open(isDigit);
        a.clear(isDigit);
        // W1 = W1 * 10 + digit: (W1 << 1) + (W1 << 3)
        for (int i = 0; i < WORD - 1; i++) {
            a.addCopy(W1 + i, W2 + i + 1);
        }
        for (int i = 0; i < WORD - 3; i++) {
            a.addCopy(W1 + i, W3 + i + 3);
        }
        int c = ripple(W1, W2, W3, false, 0, -1);
        a.clear(c);
        a.free(c);
        clearWord(W2);
        clearWord(W3);
        a.open(digit);
        a.add(digit, -1);
        int c2 = ripple(W1, W1, -1, false, 1, -1);
        a.clear(c2);
        a.free(c2);
        a.close(digit);
        a.close(isDigit);
        a.clear(digit);
        a.free(isDigit);
        a.free(digit);
        a.clear(ch);
        a.free(ch);
        a.close(more);
        a.free(more);
        a.when(neg, () -> negateInPlace(W1));
        a.clear(neg);
        a.free(neg);
        copyWord(W1, dst, WORD);
        clearWord(W1);
    }

    /** if cell == value (cell kept): body. */
    private void onValue(int cell, int value, Runnable body) {
        int t = a.temp();
        a.addCopy(cell, t);
        a.add(t, -value);
        a.unless(t, body);
        a.clear(t);
        a.free(t);
    }
}
