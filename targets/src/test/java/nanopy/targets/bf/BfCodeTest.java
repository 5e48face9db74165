package nanopy.targets.bf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The optimizing interpreter against a plain one written here (one step per command, the
 * definition of Brainfuck): the same output for programs built to hit every optimization
 * (runs, offsets, clear, scan and multiply loops with +1 and -1 steps, wrapping) and for seeded
 * random programs whose loops all end; bracket errors name their position.
 */
class BfCodeTest {
    /** Portable Brainfuck, one command at a time. */
    private static String plain(String program, String input) {
        Map<Integer, Integer> match = new HashMap<>();
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < program.length(); i++) {
            if (program.charAt(i) == '[') {
                open.push(i);
            } else if (program.charAt(i) == ']') {
                int j = open.pop();
                match.put(i, j);
                match.put(j, i);
            }
        }
        byte[] tape = new byte[1 << 16];
        int p = 0;
        int in = 0;
        StringBuilder out = new StringBuilder();
        for (int pc = 0; pc < program.length(); pc++) {
            switch (program.charAt(pc)) {
                case '+' -> tape[p]++;
                case '-' -> tape[p]--;
                case '>' -> p++;
                case '<' -> p--;
                case '.' -> out.append((char) (tape[p] & 0xFF));
                case ',' -> tape[p] = (byte) (in < input.length() ? input.charAt(in++) : 0);
                case '[' -> pc = tape[p] == 0 ? match.get(pc) : pc;
                case ']' -> pc = tape[p] != 0 ? match.get(pc) : pc;
                default -> { }
            }
        }
        return out.toString();
    }

    private static String optimized(String program, String input) throws BfCode.Malformed {
        BfCode code = BfCode.compile(program);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] at = {0};
        BfMachine.run(code, () -> at[0] < input.length() ? input.charAt(at[0]++) : -1, out::write);
        return out.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyOptimizationComputesWhatThePlainInterpreterComputes() throws Exception {
        String[] programs = {
            "++++++++[>++++++++<-]>+.+.",                         // multiply loop, step -1
            "+++++[>+++>-->>+<<<-]>.>.>>.",                        // several targets, a negative factor
            "-----[>++<+]>.",                                      // step +1: runs 256 - v times
            "+++>+++++>++>>+++[-]<<<[>]>.<<[<]>.",                 // clear, scan right, scan left
            ">>>>+>+>+<<<[<<]>>[>>>]<.",                           // scans with steps 2 and 3
            ",[.>,]>,.",                                            // echo input until end of input (0), then , at the end
            "++[>+++[>++<-]<-]>>.",                                // nested loops around a multiply loop
            "-.>+++[<+++++>-]<.>>>><<<<[-]+++++++++++++++++++++++++++++++++.", // wrapping, offsets that cancel
        };
        for (String p : programs) {
            p = ">".repeat(8) + p;
            assertEquals(plain(p, "ab"), optimized(p, "ab"), p);
        }
    }

    @Test
    void seededRandomTerminatingProgramsAgree() throws Exception {
        Random random = new Random(18);
        for (int n = 0; n < 300; n++) {
            String p = randomProgram(random, 3);
            assertEquals(plain(p, "xyz"), optimized(p, "xyz"), p);
        }
    }

    /** Straight-line code and loops that end: each loop body decrements its own cell once (counted loops). */
    private static String randomProgram(Random r, int depth) {
        StringBuilder sb = new StringBuilder(">".repeat(200));
        int length = 5 + r.nextInt(20);
        for (int i = 0; i < length; i++) {
            int k = r.nextInt(depth > 0 ? 10 : 8);
            switch (k) {
                case 0, 1 -> sb.append("+".repeat(1 + r.nextInt(5)));
                case 2 -> sb.append("-".repeat(1 + r.nextInt(5)));
                case 3 -> sb.append(r.nextBoolean() ? ">" : "<");
                case 4 -> sb.append('.');
                case 5 -> sb.append(',');
                case 6 -> sb.append("[-]");
                case 7 -> sb.append(r.nextBoolean() ? ">>" : "<<");
                default -> {
                    // a counted loop: it decrements its own cell once; the body touches only cells 1..4 to its right
                    // (which may hold an inner counted loop), so it always ends
                    sb.append("[-");
                    for (int j = 0, m = 1 + r.nextInt(4); j < m; j++) {
                        int off = 1 + r.nextInt(4);
                        String op = switch (r.nextInt(5)) {
                            case 0 -> "+".repeat(1 + r.nextInt(3));
                            case 1 -> "-".repeat(1 + r.nextInt(3));
                            case 2 -> ".";
                            case 3 -> "[-]";
                            default -> depth > 1 ? "[->+<]" : "+";
                        };
                        sb.append(">".repeat(off)).append(op).append("<".repeat(off));
                    }
                    sb.append(']');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void loopsAreCompiledToFewerInstructions() throws Exception {
        assertEquals(4, BfCode.compile("+++++[>+++>--<<-]").size(), "ADD, then two MULs, then a SET");
        assertEquals(1, BfCode.compile("[-]").size());
        assertEquals(1, BfCode.compile("[<<<<]").size());
        assertEquals(3, BfCode.compile("+++>>>---<<").size(), "two ADDs at offsets 0 and 3, one MOVE");
    }

    @Test
    void unmatchedBracketsNameTheirPosition() {
        BfCode.Malformed close = assertThrows(BfCode.Malformed.class, () -> BfCode.compile("+\n+]"));
        assertEquals("2:2: error: unmatched ']' (no '[' before it)", close.getMessage());
        BfCode.Malformed open = assertThrows(BfCode.Malformed.class, () -> BfCode.compile("[[-]"));
        assertEquals("1:1: error: unmatched '[' (no ']' after it)", open.getMessage());
        assertEquals(1, open.line());
        assertEquals(1, open.column());
    }

    @Test
    void movingLeftOfCellZeroIsAnError() {
        assertThrows(BfMachine.TapeUnderflow.class, () -> optimized("<+", ""));
        assertTrue(assertThrows(BfMachine.TapeUnderflow.class, () -> optimized("+[<]", "")).getMessage().contains("left of cell 0"));
    }
}
