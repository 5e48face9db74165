package nanopy.targets.regvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import nanopy.regvm.RegImage;
import nanopy.targets.Target;
import org.junit.jupiter.api.Test;

/** The .nbc format: round trip, and clear errors for files that are not right. */
class BytecodeFileTest {
    private static RegImage.Image fib() {
        return Tail.compile(RegVmTest.withFunction(RegVmTest.FIB_LOCALS, RegVmTest.FIB, 15));
    }

    @Test
    void roundTripRunsTheSame() throws Exception {
        RegImage.Image image = fib();
        byte[] bytes = BytecodeFile.write(image);
        RegImage.Image back = BytecodeFile.read(bytes);
        assertEquals(image.functions().map(RegImage.FunCode::code), back.functions().map(RegImage.FunCode::code));
        assertEquals(image.pool().size(), back.pool().size());
        assertEquals(new Tail.Outcome("610\n", ""), Tail.run(back, ""));
        assertTrue(bytes.length < 200, "compact: " + bytes.length + " bytes");
    }

    @Test
    void everyTruncationIsReportedAsTruncated() {
        byte[] bytes = BytecodeFile.write(fib());
        for (int n = 4; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            Target.Malformed e = assertThrows(Target.Malformed.class, () -> BytecodeFile.read(cut), "length " + n);
            assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("does not fit"), e.getMessage());
        }
    }

    @Test
    void wrongMagicVersionAndTrailingBytes() {
        assertEquals("not a nanopy bytecode file (it does not start with NPYB)",
                assertThrows(Target.Malformed.class, () -> BytecodeFile.read("print(1)\n".getBytes())).getMessage());
        byte[] bytes = BytecodeFile.write(fib());
        byte[] v2 = bytes.clone();
        v2[5] = 2;
        assertTrue(assertThrows(Target.Malformed.class, () -> BytecodeFile.read(v2)).getMessage().contains("version 2"));
        byte[] otherSet = bytes.clone();
        otherSet[6] ^= 1;
        assertTrue(assertThrows(Target.Malformed.class, () -> BytecodeFile.read(otherSet)).getMessage().contains("another instruction set"));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertTrue(assertThrows(Target.Malformed.class, () -> BytecodeFile.read(longer)).getMessage().contains("unexpected bytes"));
    }

    @Test
    void badCodeIsRejectedWhenLoaded() {
        RegImage.Image image = fib();
        RegImage.FunCode f = image.functions().head();
        RegImage.FunCode broken = new RegImage.FunCode(f.name(), f.primFrame(), f.refFrame(), io.vavr.collection.List.of(Ops.JMP, 9999), f.lines(), f.span());
        RegImage.Image bad = new RegImage.Image(image.pool(), image.functions().update(0, broken), image.primGlobals(), image.refGlobals(), image.span());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tail.run(bad, ""));
        assertTrue(e.getMessage().contains("outside the function"), e.getMessage());
    }

    @Test
    void opcodeConstantsAgreeWithTheInstructionLanguage() {
        assertEquals(RegVmOp.AddI64.ordinal(), Ops.ADD_I64);
        assertEquals(RegVmOp.Call.ordinal(), Ops.CALL);
        assertEquals(RegVmOp.Apply.ordinal(), Ops.APPLY);
        assertEquals(RegVmOp.values().length, Ops.JMP);
        for (RegVmOp op : RegVmOp.values()) {
            if (op != RegVmOp.BrTrue) {
                String constant = op.name().replaceAll("(?<=[a-z0-9])(?=[A-Z])", "_").toUpperCase();
                try {
                    assertEquals(op.ordinal(), Ops.class.getDeclaredField(constant).getInt(null), constant);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("no constant " + constant, e);
                }
            }
        }
    }
}
