package nanopy.targets.x86;

import nanopy.ir.DumpFormat;
import nanopy.ir.Node;
import nanopy.x86.X86Asm;

/** Dumps (and golden snapshots) of {@link X86Asm} programs are the {@code .s} text itself. */
public final class X86Listing implements DumpFormat {
    /** For ServiceLoader. */
    public X86Listing() {}

    @Override
    public String language() {
        return X86Asm.LANGUAGE.name();
    }

    @Override
    public String format(Node program) {
        String text = ((X86Asm.Assembly) program).text();
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
