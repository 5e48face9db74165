package nanopy.driver;

import nanopy.example.Arith;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/** A test pass that throws, as a buggy student pass would. */
public final class CrashingPass implements Pass<Arith.Program, Arith.Program> {
    @Override
    public String description() {
        return "test only: throws";
    }

    @Override
    public Arith.Program apply(Arith.Program program, PassContext ctx) {
        throw new IllegalStateException("forgot a case");
    }
}
