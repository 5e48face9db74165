package nanopy.driver;

import java.util.ArrayList;
import java.util.List;
import nanopy.ir.Suggest;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.UnrecognizedOptionException;

/** One-line messages for command-line mistakes, with a "did you mean" for a mistyped option. */
public final class UsageErrors {
    private UsageErrors() {}

    /**
     * The message for a failed parse of {@code options}: {@code unknown option '--dump-afte' (did you
     * mean --dump-after?)}, {@code option --target needs a value (T)}, else the exception's message.
     */
    public static String message(Exception e, Options options) {
        if (e instanceof UnrecognizedOptionException u) {
            String given = u.getOption();
            int eq = given.indexOf('=');
            String name = eq < 0 ? given : given.substring(0, eq);
            List<String> known = new ArrayList<>();
            for (Option o : options.getOptions()) {
                if (o.getLongOpt() != null) {
                    known.add("--" + o.getLongOpt());
                }
                if (o.getOpt() != null) {
                    known.add("-" + o.getOpt());
                }
            }
            String suggestion = Suggest.didYouMean(name, known);
            if (suggestion.isEmpty() && !name.startsWith("--") && name.length() > 2) {
                suggestion = Suggest.didYouMean("-" + name, known);   // -target for --target
            }
            return "unknown option '" + name + "'" + suggestion;
        }
        if (e instanceof MissingArgumentException m) {
            Option o = m.getOption();
            return "option " + (o.getLongOpt() != null ? "--" + o.getLongOpt() : "-" + o.getOpt()) + " needs a value ("
                    + (o.getArgName() == null ? "VALUE" : o.getArgName()) + ")";
        }
        return e.getMessage();
    }
}
