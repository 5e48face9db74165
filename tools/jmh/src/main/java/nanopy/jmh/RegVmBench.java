package nanopy.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nanopy.ir.IrError;
import nanopy.ir.IrText;
import nanopy.ir.ProgramIo;
import nanopy.mach.MachAllocated;
import nanopy.mach.MachCode;
import nanopy.mach.MachInterference;
import nanopy.mach.MachLive;
import nanopy.pass.PassContext;
import nanopy.passes.mach.AllocateRegisters;
import nanopy.passes.mach.BuildInterference;
import nanopy.passes.mach.PatchInstructions;
import nanopy.passes.mach.UncoverLive;
import nanopy.py.Blocks;
import nanopy.regvm.RegImage;
import nanopy.targets.regvm.EmitRegvm;
import nanopy.targets.regvm.RegVmRunner;
import nanopy.targets.regvm.SelectRegvmInstructions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The register VM's tail (its selection, the shared register passes, its emitter), stage by stage, and its dispatch loop, on the hand-lowered benchmark
 * programs in {@code tools/jmh/blocks} (Blocks IR, lowered by hand before the source pipeline reached Blocks; the same programs as ../shared/bench). Average time per operation.
 *
 * <pre>{@code
 * ./mvnw -B -q -Pjmh -pl tools/jmh -am package -DskipTests
 * java -cp 'tools/jmh/target/nanopy-jmh.jar:tools/jmh/target/lib/*' org.openjdk.jmh.Main RegVmBench
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RegVmBench {
    /** Which program of tools/jmh/blocks. */
    @Param({"fib", "loop", "collatz", "sieve"})
    public String program;

    private Blocks.Module blocks;
    private MachCode.Program selected;
    private MachLive.Program live;
    private MachInterference.Program interference;
    private MachAllocated.Program allocated;
    private MachAllocated.Program patched;
    private RegImage.Image image;

    private static PassContext ctx() {
        return new PassContext("bench.py", "", Map.of());
    }

    /** Runs the tail once so that each benchmark has its stage's input. */
    @Setup
    public void setUp() throws IOException, IrError {
        Path dir = Path.of(System.getProperty("nanopy.benchBlocks", "tools/jmh/blocks"));
        blocks = (Blocks.Module) IrText.parse(Blocks.LANGUAGE, Files.readString(dir.resolve(program + ".blocks")));
        selected = new SelectRegvmInstructions().apply(blocks, ctx());
        live = new UncoverLive().apply(selected, ctx());
        interference = new BuildInterference().apply(live, ctx());
        allocated = new AllocateRegisters().apply(interference, ctx());
        patched = new PatchInstructions().apply(allocated, ctx());
        image = new EmitRegvm().apply(patched, ctx());
    }

    @Benchmark
    public MachCode.Program selectInstructions() {
        return new SelectRegvmInstructions().apply(blocks, ctx());
    }

    @Benchmark
    public MachLive.Program uncoverLive() {
        return new UncoverLive().apply(selected, ctx());
    }

    @Benchmark
    public MachInterference.Program buildInterference() {
        return new BuildInterference().apply(live, ctx());
    }

    @Benchmark
    public MachAllocated.Program allocateRegisters() {
        return new AllocateRegisters().apply(interference, ctx());
    }

    @Benchmark
    public MachAllocated.Program patchInstructions() {
        return new PatchInstructions().apply(allocated, ctx());
    }

    @Benchmark
    public RegImage.Image emit() {
        return new EmitRegvm().apply(patched, ctx());
    }

    /** The whole program on the VM (the dispatch loop), output to a buffer. */
    @Benchmark
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 5)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int run() {
        StringBuilder out = new StringBuilder();
        RegVmRunner.run(image, new ProgramIo(new BufferedReader(new StringReader("")), out));
        return out.length();
    }
}
