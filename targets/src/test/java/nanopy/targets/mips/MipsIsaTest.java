package nanopy.targets.mips;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nanopy.lir.RuntimeAbi;
import nanopy.passes.lir.Stage2Constructs;
import nanopy.passes.mach.MachineDescription.RegisterFile;
import org.junit.jupiter.api.Test;

/**
 * The MIPS machine description and run-time library as data: the register pairs are disjoint and
 * leave out the registers the emitter and the assembler use, and the library defines every stage-1
 * routine of the runtime ABI that has no float in it (check-mips-support rejects the others).
 */
class MipsIsaTest {
    @Test
    void pairsAreDisjointAndLeaveOutTheReservedRegisters() {
        RegisterFile pairs = MipsIsa.MACHINE.file(MipsClass.Pair);
        Set<String> seen = new HashSet<>();
        for (String pair : pairs.names()) {
            String[] halves = pair.split(":");
            assertEquals(2, halves.length, pair);
            for (String r : halves) {
                assertTrue(seen.add(r), r + " is in two pairs");
            }
        }
        for (String reserved : List.of("$zero", "$at", "$k0", "$k1", "$gp", "$fp", "$sp", "$ra")) {
            assertTrue(!seen.contains(reserved), reserved + " must not be allocated");
        }
        assertEquals(24, seen.size(), "every other general-purpose register is in a pair");
        assertEquals("$v0:$v1", pairs.names().get(pairs.result()));
        assertEquals(List.of("$a0:$a1", "$a2:$a3", "$t0:$t1", "$t2:$t3"), pairs.arguments().stream().map(pairs.names()::get).toList());
        assertTrue(pairs.calleeSaved().stream().map(pairs.names()::get).allMatch(n -> n.startsWith("$s")), "O32: $s registers are callee-saved");
    }

    @Test
    void theLibraryDefinesEveryStageOneRoutineWithoutFloats() {
        List<String> missing = new ArrayList<>();
        for (RuntimeAbi.Routine r : RuntimeAbi.all()) {
            boolean floats = r.result() == RuntimeAbi.Kind.FLOAT || r.params().contains(RuntimeAbi.Kind.FLOAT) || r.name().contains("float");
            boolean stage2 = r.prim().map(Stage2Constructs::isStage2).orElse(false);
            if (!floats && !stage2 && !MipsRuntime.defines(r.name())) {
                missing.add(r.name());
            }
        }
        assertEquals(List.of(), missing);
    }
}
