package nanopy.driver.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import nanopy.driver.Driver;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code nanopy fuzz}: differential testing against CPython. Generates programs from seeds
 * {@code --seed .. --seed+--count-1} (or, with {@code --mutate DIR}, token mutants of the programs under
 * DIR), runs each on CPython and on every target, prints a progress line and a summary (programs,
 * throughput, mismatches by target and pass), writes shrunk reproducers to {@code --out} and the
 * verdicts as JUnit XML to {@code --junit-xml}. Exit status: 0 no mismatch, 1 some, 2 usage error.
 */
public final class FuzzCommand {
    private static final Options OPTIONS = new Options()
            .addOption(Option.builder().longOpt("seed").hasArg().argName("N").desc("the first seed (default 1)").build())
            .addOption(Option.builder().longOpt("count").hasArg().argName("N").desc("programs to run (default 100)").build())
            .addOption(Option.builder().longOpt("target").hasArgs().valueSeparator(',').argName("T")
                    .desc("only these targets (default: every target that compiles .py)").build())
            .addOption(Option.builder().longOpt("out").hasArg().argName("DIR")
                    .desc("write shrunk reproducers to DIR/<target>/<pass>/ (default: fuzz-findings)").build())
            .addOption(Option.builder().longOpt("no-shrink").desc("report mismatches without shrinking or writing them").build())
            .addOption(Option.builder().longOpt("junit-xml").hasArg().argName("FILE").desc("also write the verdicts as JUnit XML").build())
            .addOption(Option.builder().longOpt("timeout").hasArg().argName("SECONDS").desc("per program and target (default 10)").build())
            .addOption(Option.builder().longOpt("mutate").hasArg().argName("DIR")
                    .desc("mutation mode: token mutants of the .py programs under DIR (repeatable)").build())
            .addOption(Option.builder().longOpt("print").desc("print the program of --seed and stop").build())
            .addOption(Option.builder("h").longOpt("help").desc("show this help").build());

    private FuzzCommand() {}

    /**
     * Runs {@code nanopy fuzz ARGS...}.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl;
        long seed;
        long count;
        Duration timeout;
        try {
            cl = DefaultParser.builder().setAllowPartialMatching(false).build().parse(OPTIONS, args);
            seed = Long.parseLong(cl.getOptionValue("seed", "1"));
            count = Long.parseLong(cl.getOptionValue("count", "100"));
            timeout = Duration.ofSeconds(Long.parseLong(cl.getOptionValue("timeout", "10")));
            if (count < 0 || timeout.isNegative() || timeout.isZero() || !cl.getArgList().isEmpty()) {
                throw new ParseException(!cl.getArgList().isEmpty() ? "unexpected argument " + cl.getArgList().get(0)
                        : "--count must be >= 0 and --timeout > 0");
            }
        } catch (ParseException | NumberFormatException e) {
            err.println("error: " + e.getMessage() + " (in 'nanopy fuzz'; try 'nanopy fuzz --help')");
            return 2;
        }
        if (cl.hasOption("help")) {
            java.io.PrintWriter pw = new java.io.PrintWriter(out, true, StandardCharsets.UTF_8);
            new HelpFormatter().printHelp(pw, 100, "nanopy fuzz [options]", "Differential testing against CPython.", OPTIONS, 2, 2,
                    "Exit status: 0 no mismatch, 1 mismatches, 2 usage error.");
            pw.flush();
            return 0;
        }
        if (cl.hasOption("print")) {
            out.print(Campaign.generate(seed));
            return 0;
        }
        List<String> targets = new ArrayList<>();
        for (String t : cl.getOptionValues("target") == null ? new String[0] : cl.getOptionValues("target")) {
            targets.add(t.strip());
        }
        List<Path> mutate = new ArrayList<>();
        for (String d : cl.getOptionValues("mutate") == null ? new String[0] : cl.getOptionValues("mutate")) {
            if (!Files.exists(Path.of(d))) {
                err.println("error: " + d + ": no such file or folder");
                return 2;
            }
            mutate.add(Path.of(d));
        }
        Optional<Path> findings = cl.hasOption("no-shrink") ? Optional.empty() : Optional.of(Path.of(cl.getOptionValue("out", "fuzz-findings")));
        Campaign c;
        try {
            c = new Campaign(Driver.builtin(), new Campaign.Options(seed, count, targets, findings, timeout, 300, 1, mutate), err);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Campaign.Report r;
        try {
            r = c.run();
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        out.print(summary(c, r, mutate.isEmpty() ? "generated" : "mutant"));
        if (cl.hasOption("junit-xml")) {
            try {
                Files.writeString(Path.of(cl.getOptionValue("junit-xml")), junit(c, r, seed), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: cannot write " + cl.getOptionValue("junit-xml") + ": " + e.getMessage());
                return 2;
            }
        }
        return r.findings().isEmpty() && r.rejected() == 0 ? 0 : 1;
    }

    /** The summary: programs, throughput, per-target counts, mismatches by target and pass. */
    static String summary(Campaign c, Campaign.Report r, String what) {
        StringBuilder sb = new StringBuilder();
        double secs = Math.max(r.wallMillis, 1) / 1000.0;
        sb.append(String.format(Locale.ROOT, "%d %s programs in %.1f s: %.1f programs/s, %.1f target runs/s (CPython %.1f s, nanopy %.1f s)%n",
                r.programs, what, secs, r.programs / secs, r.perTarget.values().stream().mapToLong(a -> a[0]).sum() / secs,
                r.oracleMillis / 1000.0, r.nanopyMillis / 1000.0));
        sb.append("CPython: ");
        r.oracleEndings.forEach((k, v) -> sb.append(k).append(' ').append(v).append("; "));
        sb.setLength(sb.length() - 2);
        sb.append('\n');
        if (r.rejected > 0) {
            sb.append(r.rejected).append(" rejected by the front end (a generator bug):\n");
            r.rejections.forEach(x -> sb.append("  ").append(x).append('\n'));
        }
        sb.append(String.format("%-16s %8s %8s %10s%n", "target", "checked", "skipped", "mismatches"));
        for (var e : r.perTarget.entrySet()) {
            sb.append(String.format("%-16s %8d %8d %10d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
        }
        Map<String, List<Campaign.Finding>> byPass = new LinkedHashMap<>();
        for (Campaign.Finding f : r.findings) {
            byPass.computeIfAbsent(f.target() + " at " + f.pass(), k -> new ArrayList<>()).add(f);
        }
        if (byPass.isEmpty()) {
            sb.append("no mismatches\n");
        } else {
            sb.append("mismatches by target and pass:\n");
            for (var e : byPass.entrySet()) {
                Campaign.Finding first = e.getValue().get(0);
                sb.append(String.format("  %-40s %5d  e.g. seed %d: %s%s%n", e.getKey(), e.getValue().size(), first.seed(),
                        first.difference(), e.getValue().stream().flatMap(f -> f.reproducer().stream()).findFirst()
                                .map(p -> " (" + p + ")").orElse("")));
            }
        }
        return sb.toString();
    }

    /** JUnit XML: one testsuite per target, one testcase per program (seed), failures typed by pass. */
    static String junit(Campaign c, Campaign.Report r, long firstSeed) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("testsuites");
            w.writeAttribute("name", "nanopy fuzz from seed " + firstSeed);
            w.writeCharacters("\n");
            for (String t : c.targets()) {
                long[] counts = r.perTarget.get(t);
                w.writeStartElement("testsuite");
                w.writeAttribute("name", "fuzz." + t);
                w.writeAttribute("tests", String.valueOf(r.verdicts.size()));
                w.writeAttribute("failures", String.valueOf(counts[2]));
                w.writeAttribute("errors", "0");
                w.writeAttribute("skipped", "0");
                w.writeCharacters("\n");
                for (var v : r.verdicts.entrySet()) {
                    w.writeStartElement("testcase");
                    w.writeAttribute("classname", "fuzz." + t);
                    w.writeAttribute("name", "seed " + v.getKey());
                    Optional<Campaign.Finding> f = v.getValue().getOrDefault(t, Optional.empty());
                    if (f.isPresent()) {
                        w.writeStartElement("failure");
                        w.writeAttribute("type", f.get().pass());
                        w.writeAttribute("message", f.get().difference());
                        w.writeCharacters("first pass that changes the output: " + f.get().pass() + "\nreproduce: nanopy fuzz --seed "
                                + v.getKey() + " --count 1 --target " + t + "\n");
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                    w.writeCharacters("\n");
                }
                w.writeEndElement();
                w.writeCharacters("\n");
            }
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return text.toString();
    }
}
