package nanopy.targets.mips;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The MIPS run-time library: SPIM assembly shipped as the resource {@code runtime.s} beside this
 * class, appended to every program by {@link EmitMips}. It holds {@code main} (start-up, the call of
 * the module's code, exit), the {@code nanopy_rt_*} routines of docs/runtime-abi.md that the target
 * supports, and the helpers the emitted code jumps to ({@code nanopy_mips_*}: 64-bit multiply,
 * overflow and recursion errors).
 */
final class MipsRuntime {
    private MipsRuntime() {}

    private static final class Holder {
        static final String TEXT = load();
        static final Set<String> ROUTINES = routines(TEXT);
    }

    /** The library's assembly text. */
    static String text() {
        return Holder.TEXT;
    }

    /** The {@code nanopy_rt_*} routines the library defines (a label at the start of a line). */
    static Set<String> routines() {
        return Holder.ROUTINES;
    }

    private static String load() {
        try (InputStream in = MipsRuntime.class.getResourceAsStream("runtime.s")) {
            if (in == null) {
                throw new IllegalStateException("the MIPS run-time library nanopy/targets/mips/runtime.s is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> routines(String text) {
        Matcher m = Pattern.compile("(?m)^(nanopy_rt_\\w+):").matcher(text);
        return m.results().map(r -> r.group(1)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the library defines run-time routine {@code routine}. */
    static boolean defines(String routine) {
        return routines().contains(routine);
    }
}
