package nanopy.driver.explore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nanopy.driver.ConfigError;
import nanopy.driver.Diagnostics;
import nanopy.driver.Driver;
import nanopy.driver.PassFailure;
import nanopy.driver.PassRegistry;
import nanopy.driver.Pipeline;
import nanopy.driver.PipelineConfig;
import nanopy.ir.CompileError;
import nanopy.ir.Diagnostic;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code nanopy explore FILE [-o OUT.html] [--target T] [--pipeline P] [--plugin JAR] [--stdin FILE]}:
 * writes the explorer page of one program ({@link Explorer}, {@link HtmlPage}). Without {@code -o},
 * the page is {@code FILE} with {@code .html} for its extension; without {@code --stdin}, the
 * program reads {@code FILE.in} when there is one. Exit status: 0 written, 1 the program is wrong
 * (its diagnostics printed, no page) or cannot be read, 2 a usage or config error, 70 a pass misbehaved.
 */
public final class ExploreCommand {
    private static final String USAGE = "usage: nanopy explore FILE [-o OUT.html] [--target T] [--pipeline FILE] [--plugin JAR] [--stdin FILE]";
    private static final Options OPTIONS = new Options()
            .addOption(Option.builder("o").longOpt("output").hasArg().argName("OUT.html").desc("the page to write (default: FILE.html)").build())
            .addOption(Option.builder().longOpt("target").hasArg().argName("T").desc("the target whose pipeline to show (default: by extension)").build())
            .addOption(Option.builder().longOpt("pipeline").hasArg().argName("FILE").desc("another pipeline config (e.g. a course's)").build())
            .addOption(Option.builder().longOpt("plugin").hasArg().argName("JAR").desc("load passes from this jar (repeatable)").build())
            .addOption(Option.builder().longOpt("stdin").hasArg().argName("FILE").desc("what the program reads (default: FILE.in when it exists)").build())
            .addOption(Option.builder("h").longOpt("help").desc("show this help").build());

    private ExploreCommand() {}

    /**
     * Runs {@code nanopy explore ARGS...}.
     *
     * @param args the words after {@code explore}
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl;
        try {
            cl = DefaultParser.builder().setAllowPartialMatching(false).build().parse(OPTIONS, args);
        } catch (ParseException e) {
            err.println("error: " + nanopy.driver.UsageErrors.message(e, OPTIONS) + " (in 'nanopy explore'; try 'nanopy explore --help')");
            return 2;
        }
        if (cl.hasOption("help")) {
            java.io.PrintWriter pw = new java.io.PrintWriter(out, true, StandardCharsets.UTF_8);
            new HelpFormatter().printHelp(pw, 100, "nanopy explore FILE [-o OUT.html]", "", OPTIONS, 2, 2, "");
            pw.flush();
            return 0;
        }
        if (cl.getArgList().size() != 1) {
            err.println("error: " + (cl.getArgList().isEmpty() ? "no program to explore" : "one program at a time (got " + cl.getArgList().size() + ")"));
            err.println(USAGE);
            return 2;
        }
        Path file = Path.of(cl.getArgList().get(0));
        String name = file.getFileName().toString();
        Path page = cl.hasOption("output") ? Path.of(cl.getOptionValue("output"))
                : file.resolveSibling((name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + ".html");
        String source;
        String stdin;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
            Path in = cl.hasOption("stdin") ? Path.of(cl.getOptionValue("stdin"))
                    : file.resolveSibling((name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + ".in");
            stdin = cl.hasOption("stdin") || Files.isRegularFile(in) ? Files.readString(in, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            err.println("error: " + e.getMessage() + ": cannot read");
            return 1;
        }
        Driver driver;
        Pipeline pipeline;
        try {
            List<Path> plugins = new ArrayList<>();
            for (String p : cl.getOptionValues("plugin") == null ? new String[0] : cl.getOptionValues("plugin")) {
                plugins.add(Path.of(p));
            }
            driver = new Driver(cl.hasOption("pipeline") ? PipelineConfig.load(Path.of(cl.getOptionValue("pipeline"))) : PipelineConfig.builtin(),
                    PassRegistry.withPlugins(plugins));
            pipeline = driver.pipeline(Optional.empty(), Optional.ofNullable(cl.getOptionValue("target")), file.toString());
        } catch (ConfigError e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        Exploration e;
        try {
            e = Explorer.explore(driver, pipeline, file.toString(), source, stdin, Graphviz.available());
        } catch (CompileError x) {
            for (Diagnostic d : x.diagnostics()) {
                err.print(Diagnostics.render(d, source));
            }
            return 1;
        } catch (PassFailure x) {
            err.println("error: " + x.getMessage());
            return 70;
        }
        try {
            Files.writeString(page, HtmlPage.render(e), StandardCharsets.UTF_8);
        } catch (IOException x) {
            err.println("error: cannot write " + page + ": " + x.getMessage());
            return 1;
        }
        boolean drawn = e.steps().stream().flatMap(s -> s.graphs().stream()).allMatch(g -> g.svg().isPresent());
        out.println("wrote " + page + ": " + e.steps().size() + " passes of target " + e.target()
                + e.firstChange().map(i -> "; first pass that changes the output: " + e.steps().get(i).pass()).orElse("")
                + (drawn ? "" : "; graphs left as Graphviz text (install Debian's graphviz for drawings)"));
        return 0;
    }
}
