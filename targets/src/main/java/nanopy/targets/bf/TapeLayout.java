package nanopy.targets.bf;

/**
 * The cells of one frame (offsets from its base), the same for every frame; docs/bf.md draws it.
 * Frame -1 (the cells below the module's frame) holds the module's globals from {@link #LOCALS} on,
 * and its {@link #MARK} is 0.
 */
public final class TapeLayout {
    private TapeLayout() {}

    /** Cells of an int: two's complement, one bit per cell, least significant first. */
    public static final int WORD = 64;
    /** 1 while the frame is live (and the dispatch loop runs); 0 in frame -1 and in dead frames. */
    public static final int MARK = 0;
    /** The block to run next in this frame: two cells, low first (id = low + 256 * high). */
    public static final int BLOCK_ID = 1;
    /** Calls left before RecursionError: three cells, low first. */
    public static final int BUDGET = 3;
    /** Where a returning function leaves its value for the caller (one int wide). */
    public static final int RESULT = 6;
    /** A lane that carries a value down to frame -1 and back (global reads and writes). */
    public static final int XFER = RESULT + WORD;
    /** Five work ints for multiplication, division and printing. */
    public static final int W1 = XFER + WORD;
    public static final int W2 = W1 + WORD;
    public static final int W3 = W2 + WORD;
    public static final int W4 = W3 + WORD;
    public static final int W5 = W4 + WORD;
    /** 19 decimal digit cells for printing an int. */
    public static final int DIGITS = W5 + WORD;
    /** The dispatch loop's counter and flag cells (two levels: block id high and low cell). */
    public static final int SWITCH = DIGITS + 19;
    /** The scratch pool. */
    public static final int TEMPS = SWITCH + 4;
    public static final int TEMP_COUNT = 40;
    /** The first cell of the function's own slots (parameters, locals, temporaries). */
    public static final int LOCALS = TEMPS + TEMP_COUNT;
}
