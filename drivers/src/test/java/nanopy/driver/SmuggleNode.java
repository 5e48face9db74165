package nanopy.driver;

import io.vavr.collection.List;
import nanopy.example.Arith;
import nanopy.example.ArithAtomic;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/** A deliberately broken pass for tests: puts an Arith node where ArithAtomic wants an Atom. */
public final class SmuggleNode implements Pass<Arith.Program, ArithAtomic.Program> {
    @Override
    public String description() {
        return "test only: produce an ill-formed program";
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ArithAtomic.Program apply(Arith.Program program, PassContext ctx) {
        List atoms = List.of(new Arith.Int(1));
        return new ArithAtomic.Program(new ArithAtomic.Prim(Arith.Op.Sub, (List<ArithAtomic.Atom>) atoms));
    }
}
