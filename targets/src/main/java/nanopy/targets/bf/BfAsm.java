package nanopy.targets.bf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A Brainfuck macro assembler over frame-relative cells: it remembers where the pointer is (as an
 * offset from the current frame's base) so code names cells by offset and the assembler writes the
 * {@code <} and {@code >} in between. Loops open and close on the same cell. Scratch cells come from
 * a pool ({@link #temp()}, {@link #free(int)}); every scratch cell is 0 whenever it is free.
 */
final class BfAsm {
    private final StringBuilder out;
    private int at;
    private final Deque<Integer> freeTemps = new ArrayDeque<>();

    BfAsm(StringBuilder out, int firstTemp, int temps) {
        this.out = out;
        for (int i = temps - 1; i >= 0; i--) {
            freeTemps.push(firstTemp + i);
        }
    }

    /** A free scratch cell (0). */
    int temp() {
        Integer t = freeTemps.poll();
        if (t == null) {
            throw new IllegalStateException("bf emitter ran out of scratch cells");
        }
        return t;
    }

    /** Returns a scratch cell, which must be 0 again. */
    void free(int cell) {
        freeTemps.push(cell);
    }

    /** The pointer's offset from the frame base. */
    int at() {
        return at;
    }

    /** Moves the pointer to {@code cell}. */
    void go(int cell) {
        int d = cell - at;
        out.append(d > 0 ? ">".repeat(d) : "<".repeat(-d));
        at = cell;
    }

    /** Moves the pointer to the frame {@code frames} frames up (negative: down) of size {@code size}; offsets then refer to that frame. */
    void shiftFrame(int frames, int size) {
        int d = frames * size;
        out.append(d > 0 ? ">".repeat(d) : "<".repeat(-d));
    }

    /** Appends raw text (the pointer must end where it started). */
    void raw(String s) {
        out.append(s);
    }

    void add(int cell, int n) {
        go(cell);
        int v = ((n % 256) + 256) % 256;
        out.append(v <= 128 ? "+".repeat(v) : "-".repeat(256 - v));
    }

    void clear(int cell) {
        go(cell);
        out.append("[-]");
    }

    void set(int cell, int value) {
        clear(cell);
        add(cell, value);
    }

    void open(int cell) {
        go(cell);
        out.append('[');
    }

    void close(int cell) {
        go(cell);
        out.append(']');
    }

    void output(int cell) {
        go(cell);
        out.append('.');
    }

    void input(int cell) {
        go(cell);
        out.append(',');
    }

    /** while cell != 0: body (body must leave the pointer anywhere; the assembler returns to cell). */
    void loop(int cell, Runnable body) {
        open(cell);
        body.run();
        close(cell);
    }

    /** src is added to each of dsts and src becomes 0 (cells may be in other frames: any offset). */
    void moveAdd(int src, int... dsts) {
        open(src);
        out.append('-');
        for (int d : dsts) {
            add(d, 1);
        }
        close(src);
    }

    /** src is subtracted from dst, added to each of plus, and becomes 0. */
    void moveSub(int src, int dst, int... plus) {
        open(src);
        out.append('-');
        add(dst, -1);
        for (int d : plus) {
            add(d, 1);
        }
        close(src);
    }

    /** dst += src, src kept. */
    void addCopy(int src, int dst) {
        int t = temp();
        moveAdd(src, dst, t);
        moveAdd(t, src);
        free(t);
    }

    /** dst -= src, src kept. */
    void subCopy(int src, int dst) {
        int t = temp();
        moveSub(src, dst, t);
        moveAdd(t, src);
        free(t);
    }

    /** dst = src (cells), src kept. */
    void copy(int src, int dst) {
        if (src == dst) {
            return;
        }
        clear(dst);
        addCopy(src, dst);
    }

    /** if cell != 0 (cell kept): body. The body must not change cell. */
    void when(int cell, Runnable body) {
        int t = temp();
        addCopy(cell, t);
        open(t);
        clear(t);
        body.run();
        close(t);
        free(t);
    }

    /** if cell == 0 (cell kept): body. */
    void unless(int cell, Runnable body) {
        int t = temp();
        add(t, 1);
        int u = temp();
        addCopy(cell, u);
        open(u);
        clear(u);
        add(t, -1);
        close(u);
        free(u);
        open(t);
        add(t, -1);
        body.run();
        close(t);
        free(t);
    }

    /** Writes UTF-8 text with one scratch cell. */
    void print(String text) {
        printBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    void printBytes(byte[] bytes) {
        int t = temp();
        int v = 0;
        for (byte b : bytes) {
            int x = b & 0xFF;
            add(t, x - v);
            output(t);
            v = x;
        }
        clear(t);
        free(t);
    }
}
