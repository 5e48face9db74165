package nanopy.targets.regvm;

import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;
import nanopy.regvm.RegImage;
import nanopy.targets.TargetRunner;

/**
 * Runs emitted register-VM bytecode ({@code run = "regvm"}): loads the image (checking it), then
 * runs the module's code in the {@link Vm}. Output is flushed even when the program fails.
 */
public final class RegVmRunner implements TargetRunner {
    @Override
    public String name() {
        return "regvm";
    }

    /**
     * @throws nanopy.ir.PyRuntimeError when the program fails at run time
     * @throws UnsupportedOperationException when {@code program} is not a {@link RegImage.Image}
     * @throws IllegalArgumentException when the image is malformed (the message says how)
     */
    @Override
    public void run(Language language, Node program, ProgramIo io) {
        if (!(program instanceof RegImage.Image image)) {
            throw new UnsupportedOperationException("the regvm runner runs RegImage programs, not " + language.name());
        }
        run(image, io);
    }

    /** Runs {@code image} with {@code io}. */
    public static void run(RegImage.Image image, ProgramIo io) {
        try {
            new Vm(new Loaded(image, io), io).run();
        } finally {
            io.flush();
        }
    }
}
