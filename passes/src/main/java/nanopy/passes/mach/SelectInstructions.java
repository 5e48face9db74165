package nanopy.passes.mach;

import io.vavr.collection.List;
import java.util.Map;
import nanopy.lir.Lir;
import nanopy.mach.MachCode;
import nanopy.pass.Pass;
import nanopy.pass.PassContext;

/**
 * Instruction selection for every register target that selects from Lir: option {@code isa} names
 * the {@link Isa} (a pipeline writes {@code select-instructions{isa=tiny}}), whose
 * {@link RuleTable} covers each block's trees by maximal munch and whose {@link MachineDescription}
 * says how calls pass arguments and results ({@link FunctionSelector}). Lir variables become
 * virtual registers of the same names, temporaries {@code %N}. The module's top-level code is the
 * first function, {@code <module>}.
 */
public final class SelectInstructions implements Pass<Lir.Module, MachCode.Program> {
    @Override
    public String description() {
        return "select a target's instructions from Lir by maximal munch over its rule table (option isa)";
    }

    @Override
    public Map<String, Class<?>> options() {
        return Map.of("isa", String.class);
    }

    @Override
    public MachCode.Program apply(Lir.Module m, PassContext ctx) {
        String name = ctx.stringOption("isa", "");
        if (name.isEmpty()) {
            throw new IllegalStateException("select-instructions needs the option isa (select-instructions{isa=NAME})");
        }
        Isa isa = Isa.named(name);
        if (isa.rules().rules().isEmpty()) {
            throw new IllegalStateException("instruction set " + name + " has no rule table: its target selects instructions with a pass"
                    + " of its own (see its pipeline in --list-targets)");
        }
        MachineDescription md = isa.machine();
        List<MachCode.Global> globals = m.globals().map(g -> new MachCode.Global(g.name(), FunctionSelector.classOf(md, g.ty()), g.span()));
        List<MachCode.Function> fns = List.of(new FunctionSelector(isa).function("<module>", List.empty(), m.locals(), m.body(), m.span()));
        for (Lir.Def d : m.defs()) {
            fns = fns.append(new FunctionSelector(isa).function(d.name(), d.params(), d.params().appendAll(d.locals()), d.blocks(), d.span()));
        }
        return new MachCode.Program(name, globals, fns, m.span());
    }
}
