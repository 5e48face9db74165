package nanopy.targets.mips;

import nanopy.ir.DumpFormat;
import nanopy.ir.Node;
import nanopy.mips.MipsAsm;

/** Dumps (and golden snapshots) of {@link MipsAsm} programs are the SPIM assembly text itself. */
public final class MipsListing implements DumpFormat {
    /** For ServiceLoader. */
    public MipsListing() {}

    @Override
    public String language() {
        return MipsAsm.LANGUAGE.name();
    }

    @Override
    public String format(Node program) {
        String text = ((MipsAsm.Program) program).text();
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
