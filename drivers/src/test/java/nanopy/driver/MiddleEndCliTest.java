package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every middle-end pass can be dumped after, and every middle-end language described. */
class MiddleEndCliTest {
    static final String PROGRAM = """
            from typing import Callable
            xs = [1, 2]
            xs[0] += 1 if 0 < xs[1] < 3 and True else 2
            f: Callable[[int], int] = lambda y: y
            print([x * 2 for x in xs], f(3))
            """;

    static final List<String> PASSES = List.of("desugar-aug-assign", "desugar-compare", "desugar-list-comp", "desugar-for",
            "desugar-and-or", "desugar-lambda", "inline", "fold-py-constants", "convert-closures", "expose-allocation", "flatten",
            "explicate-control");

    @TestFactory
    Stream<DynamicTest> dumpsTheIrAfterEveryMiddlePass() {
        return PASSES.stream().map(p -> DynamicTest.dynamicTest(p, () -> {
            CliTest.Run r = CliTest.nanopy("--target=middle-interp", "--dump-after=" + p, "-c", PROGRAM);
            assertEquals(0, r.status(), r.err());
            assertTrue(r.err().startsWith(";; IR after " + p + " ("), r.err());
            assertTrue(r.err().contains("(Module"), r.err());
            assertEquals("[4, 4] 3\n", r.out());
        }));
    }

    @TestFactory
    Stream<DynamicTest> describesEveryMiddleLanguage() {
        return Stream.of("NoAugAssign", "NoCompare", "NoListComp", "NoFor", "NoAndOr", "NoLambda", "Closed", "Alloc", "Flat", "Blocks")
                .map(l -> DynamicTest.dynamicTest(l, () -> {
                    CliTest.Run r = CliTest.nanopy("ir", "describe", l);
                    assertEquals(0, r.status(), r.err());
                    assertTrue(r.out().startsWith("language " + l + " extends "), r.out());
                }));
    }
}
