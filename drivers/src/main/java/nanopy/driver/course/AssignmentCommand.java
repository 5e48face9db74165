package nanopy.driver.course;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nanopy.driver.Driver;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code nanopy assignment make --remove P[,P...] --out DIR [--target T]}: writes a student project
 * ({@link AssignmentMaker}) in which the named reference passes are taken out and stubbed.
 * Exit status: 0 written, 2 a usage error (unknown pass or target, a non-empty DIR).
 */
public final class AssignmentCommand {
    private static final String USAGE = "usage: nanopy assignment make --remove PASS[,PASS...] --out DIR [--target T]";
    private static final Options OPTIONS = new Options()
            .addOption(Option.builder().longOpt("remove").hasArg().argName("PASS[,PASS...]")
                    .desc("the reference passes the students write back (repeatable)").build())
            .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").desc("the folder to write the student project into (new or empty)").build())
            .addOption(Option.builder().longOpt("target").hasArg().argName("T")
                    .desc("the target whose pipeline grades the passes (default: the first one that runs them all)").build())
            .addOption(Option.builder("h").longOpt("help").desc("show this help").build());

    private AssignmentCommand() {}

    /**
     * Runs {@code nanopy assignment ARGS...}.
     *
     * @param args the words after {@code assignment}, starting with the subcommand ({@code make})
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("make")) {
            err.println(USAGE);
            return 2;
        }
        CommandLine cl;
        try {
            cl = DefaultParser.builder().setAllowPartialMatching(false).build().parse(OPTIONS, java.util.Arrays.copyOfRange(args, 1, args.length));
        } catch (ParseException e) {
            err.println("error: " + nanopy.driver.UsageErrors.message(e, OPTIONS) + " (in 'nanopy assignment make'; try 'nanopy assignment make --help')");
            return 2;
        }
        if (cl.hasOption("help")) {
            java.io.PrintWriter pw = new java.io.PrintWriter(out, true, java.nio.charset.StandardCharsets.UTF_8);
            new HelpFormatter().printHelp(pw, 100, "nanopy assignment make --remove PASS[,PASS...] --out DIR", "", OPTIONS, 2, 2, "");
            pw.flush();
            return 0;
        }
        List<String> remove = new ArrayList<>();
        for (String v : cl.getOptionValues("remove") == null ? new String[0] : cl.getOptionValues("remove")) {
            for (String p : v.split(",")) {
                if (!p.isBlank()) {
                    remove.add(p.strip());
                }
            }
        }
        if (remove.isEmpty() || !cl.hasOption("out") || !cl.getArgList().isEmpty()) {
            err.println("error: " + (remove.isEmpty() ? "--remove names no pass" : !cl.hasOption("out") ? "--out DIR is missing"
                    : "unexpected argument '" + cl.getArgList().get(0) + "'"));
            err.println(USAGE);
            return 2;
        }
        Path dir = Path.of(cl.getOptionValue("out"));
        try {
            AssignmentMaker.Made made = new AssignmentMaker(NanopyHome.find(), Driver.builtin()).make(remove, cl.getOptionValue("target"), dir);
            out.println("wrote " + dir + ": target " + made.assignment().target() + ", " + made.assignment().passes().size() + " stub(s) ("
                    + String.join(", ", made.assignment().passes().values()) + "), " + made.programs() + " programs, "
                    + made.leftOut().size() + " reference classes left out of nanopy-repo");
            out.println("next: cd " + dir + " && ./mvnw -q compile   (javac lists what to write; README.md says more)");
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: cannot write " + dir + ": " + e.getMessage());
            return 1;
        }
    }
}
