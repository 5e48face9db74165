package nanopy.targets;

import nanopy.ir.Interpreters;
import nanopy.ir.Language;
import nanopy.ir.Node;
import nanopy.ir.ProgramIo;

/** Runs a program with the reference interpreter of its language ({@code run = "interpret"}). */
public final class InterpretRunner implements Target {
    @Override
    public String name() {
        return "interpret";
    }

    @Override
    public void run(Language language, Node program, ProgramIo io) {
        Interpreters.forLanguage(language.name())
                .orElseThrow(() -> new UnsupportedOperationException("language " + language.name() + " has no interpreter"))
                .run(program, io);
    }
}
