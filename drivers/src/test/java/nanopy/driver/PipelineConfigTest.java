package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading pipeline configs: checks, positions, swaps, options, and the canonical form. */
class PipelineConfigTest {
    static final PassRegistry REGISTRY = PassRegistry.builtin();

    @TempDir
    Path dir;

    Path write(String toml) throws IOException {
        Path f = dir.resolve("course.toml");
        Files.writeString(f, toml);
        return f;
    }

    String error(String toml, String target) throws IOException {
        Path f = write(toml);
        return assertThrows(ConfigError.class, () -> PipelineConfig.load(f).resolve(target, REGISTRY)).getMessage().replace(f.toString(), "F");
    }

    @Test
    void registryNamesAreKebabCase() {
        assertEquals("flatten-calls", PassRegistry.registryName(FlattenCalls.class));
        assertEquals("remove-complex-operands", PassRegistry.registryName(nanopy.passes.example.RemoveComplexOperands.class));
    }

    /** Only for its name. */
    static final class FlattenCalls {}

    @Test
    void builtinTargetsResolveAndFit() throws ConfigError {
        PipelineConfig c = PipelineConfig.builtin();
        for (String t : c.targetNames()) {
            Pipeline p = c.resolve(t, REGISTRY);
            for (int i = 1; i < p.steps().size(); i++) {
                assertEquals(p.steps().get(i - 1).pass().output(), p.steps().get(i).pass().input());
            }
        }
    }

    @Test
    void misfitInAConfigIsReportedAtTheEntryWithBothLanguages() throws IOException {
        assertEquals("F:3:38: pass 'flatten-lets' reads ArithAtomic but 'uniquify' before it produces Arith",
                error("[target.t]\nrun = \"interpret\"\npasses = [\"parse-arith\", \"uniquify\", \"flatten-lets\"]\n", "t"));
    }

    @Test
    void unknownPassInAConfigIsReportedWithPosition() throws IOException {
        assertEquals("F:2:26: unknown pass 'uniquifyy' (did you mean uniquify?)",
                error("[target.t]\npasses = [\"parse-arith\", \"uniquifyy\"]\n", "t"));
    }

    @Test
    void tomlSyntaxErrorsAndUnknownKeysHavePositions() throws IOException {
        Path f = write("[target.t\npasses = []\n");
        String m = assertThrows(ConfigError.class, () -> PipelineConfig.load(f)).getMessage();
        assertEquals(f + ":1:10:", m.substring(0, f.toString().length() + 6));
        Path g = write("[target.t]\npases = [\"uniquify\"]\n");
        assertEquals(g + ":2:1: unknown key 'pases' in target.t (did you mean passes?)",
                assertThrows(ConfigError.class, () -> PipelineConfig.load(g)).getMessage());
    }

    @Test
    void afterMustNameAPipeline() throws IOException {
        assertEquals("F:3:1: target.t comes after unknown pipeline 'arith-frnt' (did you mean arith-front?)",
                error("base = \"builtin\"\n[target.t]\nafter = \"arith-frnt\"\npasses = []\n", "t"));
    }

    @Test
    void aSwapReplacesAPassWithOneOfTheSameLanguages() throws IOException, ConfigError {
        Path f = write("base = \"builtin\"\n[swap]\nfold-constants = \"keep-constants\"\n");
        Pipeline p = PipelineConfig.load(f).resolve("example", REGISTRY);
        assertEquals("parse-arith,uniquify,keep-constants,remove-negation,remove-complex-operands,flatten-lets", p.canonical());
        assertEquals("F:3:1: cannot swap 'uniquify' (Arith -> Arith) for 'remove-negation' (Arith -> ArithNoNeg): the languages differ",
                error("base = \"builtin\"\n[swap]\nuniquify = \"remove-negation\"\n", "example"));
    }

    @Test
    void optionsReachTheirPassAndTheCanonicalFormRoundTrips() throws IOException, ConfigError {
        Path f = write("""
                base = "builtin"
                [target.tuned]
                after = "closed"
                passes = ["emit-stack-code", "peephole"]
                run = "stackvm"
                [target.tuned.options]
                "inline.threshold" = 7
                """);
        Pipeline p = PipelineConfig.load(f).resolve("tuned", REGISTRY);
        assertTrue(p.canonical().contains(",inline{threshold=7},"), p.canonical());
        assertEquals(Map.of("inline.threshold", 7L), p.options());
        Pipeline again = Pipeline.parse(p.canonical(), "--passes", REGISTRY);
        assertEquals(p.steps(), again.steps());
        assertEquals(p.canonical(), again.canonical());
    }

    @Test
    void optionsAPassDoesNotDeclareAreRejected() throws IOException {
        Path f = write("""
                base = "builtin"
                [target.tuned]
                after = "arith-front"
                passes = ["remove-negation", "remove-complex-operands", "flatten-lets"]
                run = "interpret"
                [target.tuned.options]
                "fold-constants.max" = 20
                """);
        ConfigError e = org.junit.jupiter.api.Assertions.assertThrows(ConfigError.class, () -> PipelineConfig.load(f).resolve("tuned", REGISTRY));
        assertTrue(e.getMessage().contains("pass 'fold-constants' has no option 'max' (it takes none)"), e.getMessage());
    }
}
