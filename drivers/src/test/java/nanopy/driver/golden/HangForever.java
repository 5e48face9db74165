package nanopy.driver.golden;

import nanopy.example.Arith;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/** A pass that never finishes (until its thread is interrupted), for testing the harness's timeout. */
public final class HangForever implements Pass<Arith.Program, Arith.Program> {
    @Override
    public String description() {
        return "(for tests) never return";
    }

    @Override
    public Arith.Program apply(Arith.Program program, PassContext ctx) {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("interrupted");
    }
}
