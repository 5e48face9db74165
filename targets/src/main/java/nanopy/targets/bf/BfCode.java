package nanopy.targets.bf;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.TreeMap;

/**
 * Brainfuck text compiled to a compact instruction array for {@link BfMachine}.
 *
 * <p>The optimizations are the classic ones: runs of {@code + -} and {@code > <} fold into one
 * instruction; within a straight-line stretch every cell update is an {@code ADD} at an offset from
 * the stretch's start and the pointer moves once at its end (offset addressing); {@code [-]} and
 * {@code [+]} become {@code SET 0} (clear loops); {@code [>]}, {@code [<<<<]} become {@code SCAN}
 * (scan loops); a loop with no I/O, no inner loop, no net pointer move and a step of -1 or +1 at
 * its own cell becomes one {@code MUL} per other cell it touches plus a clear (multiply/copy loops).
 * Characters other than the eight commands are comments.
 *
 * <p>Instructions are triples {@code (op, a, b)} in {@link #code}; jump targets are instruction
 * indices.
 */
public final class BfCode {
    /** tape[p+a] += b. */
    public static final int ADD = 0;
    /** tape[p+a] = b. */
    public static final int SET = 1;
    /** p += a. */
    public static final int MOVE = 2;
    /** tape[p+a] += tape[p] * b (multiply-loop step; a clear of tape[p] follows). */
    public static final int MUL = 3;
    /** while tape[p] != 0: p += a. */
    public static final int SCAN = 4;
    /** write tape[p+a]. */
    public static final int OUT = 5;
    /** tape[p+a] = next input byte, or 0 at end of input. */
    public static final int IN = 6;
    /** if tape[p] == 0: jump to a. */
    public static final int JZ = 7;
    /** if tape[p] != 0: jump to a. */
    public static final int JNZ = 8;

    /** A Brainfuck text with an unmatched bracket; the message names the line and column. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;
        private final String reason;

        Malformed(int line, int column, String message) {
            super(line + ":" + column + ": error: " + message, null, false, false);
            this.line = line;
            this.column = column;
            this.reason = message;
        }

        /** What is wrong, without the position, e.g. {@code unmatched ']' (no '[' before it)}. */
        public String reason() {
            return reason;
        }

        /** The bracket's line, 1-based. */
        public int line() {
            return line;
        }

        /** The bracket's column, 1-based. */
        public int column() {
            return column;
        }
    }

    final int[] code;
    final int length;
    /** The largest and smallest cell offset any instruction uses (for the machine's bounds checks). */
    final int maxOffset;

    private BfCode(int[] code, int length, int maxOffset) {
        this.code = code;
        this.length = length;
        this.maxOffset = maxOffset;
    }

    /** Number of instructions after optimization. */
    public int size() {
        return length / 3;
    }

    /**
     * Compiles Brainfuck text.
     *
     * @throws Malformed when a bracket is unmatched: "line:col: error: unmatched '['" (1-based)
     */
    public static BfCode compile(CharSequence text) throws Malformed {
        checkBrackets(text);
        return new Builder(text).build();
    }

    private static void checkBrackets(CharSequence text) throws Malformed {
        Deque<int[]> open = new ArrayDeque<>();
        int line = 1;
        int col = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                open.push(new int[] {line, col});
            } else if (c == ']') {
                if (open.isEmpty()) {
                    throw new Malformed(line, col, "unmatched ']' (no '[' before it)");
                }
                open.pop();
            }
            if (c == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        if (!open.isEmpty()) {
            int[] at = open.peek();
            throw new Malformed(at[0], at[1], "unmatched '[' (no ']' after it)");
        }
    }

    private static final class Builder {
        private final CharSequence text;
        private int pos;
        private int[] out = new int[1024];
        private int n;
        private int maxOffset;

        Builder(CharSequence text) {
            this.text = text;
        }

        BfCode build() {
            block(false);
            return new BfCode(Arrays.copyOf(out, n), n, maxOffset);
        }

        private void emit(int op, int a, int b) {
            if (n + 3 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = op;
            out[n++] = a;
            out[n++] = b;
            if (op == ADD || op == SET || op == MUL || op == OUT || op == IN) {
                maxOffset = Math.max(maxOffset, Math.abs(a));
            }
        }

        /** Compiles commands up to the matching ']' (consumed) or the end of the text. */
        private void block(boolean inLoop) {
            TreeMap<Integer, Integer> adds = new TreeMap<>();
            TreeMap<Integer, Boolean> sets = new TreeMap<>(); // offsets whose pending value is absolute
            int move = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                switch (c) {
                    case '+' -> adds.merge(move, 1, Integer::sum);
                    case '-' -> adds.merge(move, -1, Integer::sum);
                    case '>' -> move++;
                    case '<' -> move--;
                    case '.', ',' -> {
                        flush(adds, sets, 0);
                        emit(c == '.' ? OUT : IN, move, 0);
                        if (c == ',') {
                            adds.remove(move);
                            sets.remove(move);
                        }
                    }
                    case '[' -> {
                        int start = pos;
                        if (tryClear(adds, sets, move)) {
                            continue;
                        }
                        if (tryScan(adds, sets, move) || trySimpleLoop(adds, sets, move)) {
                            move = 0;
                            continue;
                        }
                        pos = start;
                        flush(adds, sets, move);
                        move = 0;
                        int jz = n;
                        emit(JZ, 0, 0);
                        block(true);
                        emit(JNZ, jz + 3, 0);
                        out[jz + 1] = n;
                    }
                    case ']' -> {
                        if (!inLoop) {
                            throw new IllegalStateException("unbalanced ']' passed the bracket check");
                        }
                        flush(adds, sets, move);
                        return;
                    }
                    default -> { }
                }
            }
            flush(adds, sets, move);
        }

        /** Writes the pending cell updates and the pending move. */
        private void flush(TreeMap<Integer, Integer> adds, TreeMap<Integer, Boolean> sets, int move) {
            for (var e : adds.entrySet()) {
                int v = e.getValue() & 0xFF;
                if (sets.containsKey(e.getKey())) {
                    emit(SET, e.getKey(), v);
                } else if (v != 0) {
                    emit(ADD, e.getKey(), v);
                }
            }
            adds.clear();
            sets.clear();
            if (move != 0) {
                emit(MOVE, move, 0);
            }
        }

        /** {@code [-]} or {@code [+]}: the cell becomes 0 (absolute), later adds build on it. */
        private boolean tryClear(TreeMap<Integer, Integer> adds, TreeMap<Integer, Boolean> sets, int move) {
            int p = pos;
            if (p + 1 < text.length() && (text.charAt(p) == '-' || text.charAt(p) == '+') && text.charAt(p + 1) == ']') {
                pos = p + 2;
                adds.put(move, 0);
                sets.put(move, true);
                return true;
            }
            return false;
        }

        /** {@code [>>]} or {@code [<]}: a scan loop. */
        private boolean tryScan(TreeMap<Integer, Integer> adds, TreeMap<Integer, Boolean> sets, int move) {
            int p = pos;
            int step = 0;
            while (p < text.length() && (text.charAt(p) == '>' || text.charAt(p) == '<')) {
                step += text.charAt(p) == '>' ? 1 : -1;
                p++;
            }
            if (p < text.length() && text.charAt(p) == ']' && step != 0 && p > pos) {
                pos = p + 1;
                flush(adds, sets, move);
                emit(SCAN, step, 0);
                return true;
            }
            return false;
        }

        /**
         * A loop of only {@code + - < >} (comments allowed) with no net move and a step of -1 or +1
         * at offset 0: one MUL per touched cell, then the loop cell is cleared.
         */
        private boolean trySimpleLoop(TreeMap<Integer, Integer> adds, TreeMap<Integer, Boolean> sets, int move) {
            int p = pos;
            TreeMap<Integer, Integer> body = new TreeMap<>();
            int off = 0;
            for (; p < text.length(); p++) {
                char c = text.charAt(p);
                if (c == '+' || c == '-') {
                    body.merge(off, c == '+' ? 1 : -1, Integer::sum);
                } else if (c == '>') {
                    off++;
                } else if (c == '<') {
                    off--;
                } else if (c == ']') {
                    break;
                } else if (c == '[' || c == '.' || c == ',') {
                    return false;
                }
            }
            if (p >= text.length() || off != 0) {
                return false;
            }
            int step = body.getOrDefault(0, 0) & 0xFF;
            if (step != 255 && step != 1) {
                return false;
            }
            pos = p + 1;
            flush(adds, sets, move);
            // with step +1 the loop runs (256 - v) times: that is v * 255 mod 256 times -1, so the factor negates
            for (var e : body.entrySet()) {
                if (e.getKey() != 0 && (e.getValue() & 0xFF) != 0) {
                    int factor = step == 255 ? e.getValue() : -e.getValue();
                    emit(MUL, e.getKey(), factor & 0xFF);
                }
            }
            emit(SET, 0, 0);
            return true;
        }
    }
}
