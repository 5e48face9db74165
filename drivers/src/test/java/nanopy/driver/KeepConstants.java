package nanopy.driver;

import nanopy.example.Arith;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/** A test pass with the languages of fold-constants that changes nothing; for swap tests. */
public final class KeepConstants implements Pass<Arith.Program, Arith.Program> {
    @Override
    public String description() {
        return "test only: a same-language pass that returns its input";
    }

    @Override
    public Arith.Program apply(Arith.Program program, PassContext ctx) {
        return program;
    }
}
