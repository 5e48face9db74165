package nanopy.targets.llvm;

import nanopy.ir.DumpFormat;
import nanopy.ir.Node;
import nanopy.llvm.LlvmIr;

/** Dumps (and golden snapshots) of {@link LlvmIr} programs are the {@code .ll} text itself. */
public final class LlvmListing implements DumpFormat {
    /** For ServiceLoader. */
    public LlvmListing() {}

    @Override
    public String language() {
        return LlvmIr.LANGUAGE.name();
    }

    @Override
    public String format(Node program) {
        String text = ((LlvmIr.Module) program).text();
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
