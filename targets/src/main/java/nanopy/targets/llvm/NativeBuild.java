package nanopy.targets.llvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds native executables from LLVM IR text in nanopy's build cache, with LLVM 16 from Debian
 * ({@code opt-16}, {@code llc-16}, package {@code llvm-16}) and {@code gcc} with the Boehm collector
 * ({@code libgc-dev}).
 *
 * <p>Steps: {@code opt-16 -passes='default<O2>'}, {@code llc-16 -O2
 * -relocation-model=pic -filetype=obj}, then {@code gcc -static prog.o nanopy_rt.o -lgc -lpthread -lm}. The C
 * run-time library ({@code nanopy/runtime/nanopy_rt.c}, a resource) is compiled once per version
 * with {@link #RUNTIME_FLAGS}. Each build is a folder named by the SHA-256 of everything that goes
 * into it (the IR text, the run-time library, the flags), made under a temporary name and renamed
 * into place, so concurrent builds of the same program (parallel tests) are safe and a built program
 * is never rebuilt.
 *
 * <p>The cache is {@code $NANOPY_CACHE}, else {@code $XDG_CACHE_HOME/nanopy}, else
 * {@code ~/.cache/nanopy}; builds go to its {@code llvm} folder.
 */
public final class NativeBuild {
    /** The LLVM tools, by Debian's versioned names. */
    static final String OPT = "opt-16";
    static final String LLC = "llc-16";
    static final String GCC = "gcc";
    /** gcc flags of the C run-time library. */
    public static final List<String> RUNTIME_FLAGS = List.of("-O2", "-std=c11", "-D_GNU_SOURCE", "-Wall", "-Wextra", "-fno-strict-aliasing");
    static final List<String> OPT_FLAGS = List.of("-passes=default<O2>");
    static final List<String> LLC_FLAGS = List.of("-O2", "-relocation-model=pic", "-filetype=obj");
    /**
     * Linked statically: the dynamic loader's work (finding, mapping and relocating libgc, libm and
     * libc) was a third of a small program's start-up. Segments aligned to 64 KiB leave unmapped
     * pages below the data segment, where the collector's search for the data's start (it reads
     * page after page downwards until one faults) then stops, instead of reading the whole program
     * text (about 2 ms when the collector starts).
     */
    static final List<String> LINK_LIBS = List.of("-static", "-Wl,-z,max-page-size=0x10000", "-lgc", "-lpthread", "-lm");

    private static final Pattern TOOL_ERROR = Pattern.compile("prog\\.ll:(\\d+):(\\d+): error: (.*)");
    private static volatile String toolCheck;

    private NativeBuild() {}

    /**
     * Why the tools cannot build (a sentence naming the Debian packages to install), or null when
     * they can: {@code opt-16} and {@code llc-16} report LLVM 16, {@code gcc} runs.
     */
    public static String missingTools() {
        String c = toolCheck;
        if (c == null) {
            c = checkTools();
            toolCheck = c;
        }
        return c.isEmpty() ? null : c;
    }

    private static String checkTools() {
        for (String tool : List.of(OPT, LLC)) {
            Result r = runQuietly(List.of(tool, "--version"), null);
            if (r == null || r.status != 0) {
                return "the llvm target needs LLVM 16's " + tool + " on PATH (Debian: apt-get install llvm-16)";
            }
            if (!r.output.contains("LLVM version 16")) {
                return "the llvm target needs LLVM 16, but " + tool + " --version says: " + firstLine(r.output);
            }
        }
        Result g = runQuietly(List.of(GCC, "--version"), null);
        if (g == null || g.status != 0) {
            return "the llvm target needs gcc on PATH to link (Debian: apt-get install gcc libgc-dev)";
        }
        return "";
    }

    /** The cache folder of native builds. */
    public static Path cacheDir() {
        String env = System.getenv("NANOPY_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env, "llvm");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("nanopy").resolve("llvm");
    }

    /**
     * The C run-time library's source files (name, text), from nanopy's resources, plus
     * {@code nanopy_unprintable.h}: the Java run-time library's table of the code points a str's
     * repr escapes ({@code nanopy/py/interp/unprintable.txt}, CPython 3.11's Unicode 14) as two C
     * arrays, so both run-time libraries read one table.
     */
    static List<String[]> runtimeSources() {
        List<String[]> out = new ArrayList<>();
        for (String name : List.of("nanopy_rt.h", "nanopy_rt.c", "nanopy_lir.c")) {
            out.add(new String[] {name, resource("/nanopy/runtime/" + name)});
        }
        out.add(new String[] {"nanopy_unprintable.h", unprintableHeader(resource("/nanopy/py/interp/unprintable.txt"))});
        return out;
    }

    private static String resource(String path) {
        try (InputStream in = NativeBuild.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("nanopy's jar lacks " + path.substring(1));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code unprintable.txt} ({@code first last} hex ranges, one a line, {@code #} comments) as C arrays. */
    static String unprintableHeader(String table) {
        StringBuilder firsts = new StringBuilder();
        StringBuilder lasts = new StringBuilder();
        for (String line : table.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.strip().split(" ");
                firsts.append("0x").append(f[0]).append(',');
                lasts.append("0x").append(f[1]).append(',');
            }
        }
        return "/* Written by NativeBuild from unprintable.txt: code points CPython 3.11 escapes in a repr. */\n"
                + "static const uint32_t unprintable_first[] = {" + firsts + "};\n"
                + "static const uint32_t unprintable_last[] = {" + lasts + "};\n";
    }

    private static String sha256(List<String> parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The compiled run-time library (built into the cache on first use). */
    static Path runtimeObject() {
        return runtimeObject("nanopy_rt");
    }

    /**
     * The compiled run-time library {@code unit} ({@code nanopy_rt}: the llvm target's;
     * {@code nanopy_lir}: the runtime ABI over it, for the x86-64 target), built into the cache on
     * first use.
     */
    static Path runtimeObject(String unit) {
        List<String[]> sources = runtimeSources();
        List<String> key = new ArrayList<>(RUNTIME_FLAGS);
        sources.forEach(s -> key.add(s[1]));
        key.add(unit);
        return cachedFile(cacheDir().resolve("runtime-" + sha256(key)), unit + ".o", tmp -> {
            for (String[] s : sources) {
                Files.writeString(tmp.resolve(s[0]), s[1], StandardCharsets.UTF_8);
            }
            List<String> cmd = new ArrayList<>(List.of(GCC));
            cmd.addAll(RUNTIME_FLAGS);
            cmd.addAll(List.of("-c", unit + ".c", "-o", unit + ".o"));
            Result r = run(cmd, tmp);
            if (r.status != 0) {
                if (r.output.contains("gc.h")) {
                    throw new IllegalStateException("the C run-time library needs the Boehm collector's headers (Debian: apt-get install libgc-dev): "
                            + firstLine(r.output));
                }
                throw new IllegalStateException("gcc cannot compile nanopy's C run-time library: " + r.output.strip());
            }
        });
    }

    /**
     * The executable built from {@code ll}, from the cache when it was built before.
     *
     * @throws IllegalStateException when a tool fails: the message names the tool, the {@code .ll}
     *     line it rejected and the text of that line (a bug in emit-llvm)
     */
    public static Path build(String ll) {
        Path rt = runtimeObject();
        List<String> key = new ArrayList<>(List.of(ll, rt.toString()));
        key.addAll(OPT_FLAGS);
        key.addAll(LLC_FLAGS);
        key.addAll(LINK_LIBS);
        return cachedFile(cacheDir().resolve(sha256(key)), "app", tmp -> {
            Files.writeString(tmp.resolve("prog.ll"), ll, StandardCharsets.UTF_8);
            List<String> opt = new ArrayList<>(List.of(OPT));
            opt.addAll(OPT_FLAGS);
            opt.addAll(List.of("prog.ll", "-o", "prog.bc"));
            step(opt, tmp, ll);
            List<String> llc = new ArrayList<>(List.of(LLC));
            llc.addAll(LLC_FLAGS);
            llc.addAll(List.of("prog.bc", "-o", "prog.o"));
            step(llc, tmp, ll);
            List<String> link = new ArrayList<>(List.of(GCC, "prog.o", rt.toString(), "-o", "app"));
            link.addAll(LINK_LIBS);
            step(link, tmp, ll);
        });
    }

    /** gcc's report of an assembler error: {@code prog.s:LINE: Error: message}. */
    private static final Pattern AS_ERROR = Pattern.compile("prog\\.s:(\\d+): (?:Error|Fatal error): (.*)");

    /**
     * The executable assembled from x86-64 assembly text {@code asm} (the x86-64 target's
     * {@code emit-x86}) and linked with the runtime ABI's C library ({@code nanopy_lir.c}), from the
     * cache when it was built before: {@code gcc -c prog.s}, then {@code gcc -static prog.o
     * nanopy_lir.o -lgc -lpthread -lm}.
     *
     * @throws IllegalStateException when gcc fails: the message names the {@code .s} line it
     *     rejected and its text (a bug in emit-x86)
     */
    public static Path buildAssembly(String asm) {
        Path rt = runtimeObject("nanopy_lir");
        List<String> key = new ArrayList<>(List.of(asm, rt.toString(), "x86-64"));
        key.addAll(LINK_LIBS);
        return cachedFile(cacheDir().resolve(sha256(key)), "app", tmp -> {
            Files.writeString(tmp.resolve("prog.s"), asm, StandardCharsets.UTF_8);
            assemblyStep(List.of(GCC, "-c", "prog.s", "-o", "prog.o"), tmp, asm);
            List<String> link = new ArrayList<>(List.of(GCC, "prog.o", rt.toString(), "-o", "app"));
            link.addAll(LINK_LIBS);
            assemblyStep(link, tmp, asm);
        });
    }

    private static void assemblyStep(List<String> cmd, Path dir, String asm) throws IOException {
        Result r = run(cmd, dir);
        if (r.status == 0) {
            return;
        }
        Matcher m = AS_ERROR.matcher(r.output);
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            throw new IllegalStateException("the assembler rejected the assembly written by pass 'emit-x86' at .s line " + line + " ("
                    + lineOf(asm, line) + "): " + m.group(2) + " (see it with --dump-after=emit-x86)");
        }
        throw new IllegalStateException("gcc failed on the assembly written by pass 'emit-x86' (exit " + r.status + "): " + firstLine(r.output));
    }

    /**
     * Why gcc cannot build x86-64 executables (a sentence naming the Debian packages), or null when
     * it can.
     */
    public static String missingAssembler() {
        Result g = runQuietly(List.of(GCC, "--version"), null);
        if (g == null || g.status != 0) {
            return "the x86-64 target needs gcc on PATH to assemble and link (Debian: apt-get install gcc libgc-dev)";
        }
        return null;
    }

    /** Line {@code line} (from 1) of {@code text}, stripped; empty when there is none. */
    private static String lineOf(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
    }

    private static void step(List<String> cmd, Path dir, String ll) throws IOException {
        Result r = run(cmd, dir);
        if (r.status == 0) {
            return;
        }
        Matcher m = TOOL_ERROR.matcher(r.output);
        if (m.find()) {
            int line = Integer.parseInt(m.group(1));
            throw new IllegalStateException(cmd.get(0) + " rejected the LLVM IR written by pass 'emit-llvm' at .ll line " + line + " ("
                    + lineOf(ll, line) + "): " + m.group(3) + " (see it with --dump-after=emit-llvm)");
        }
        throw new IllegalStateException(cmd.get(0) + " failed on the LLVM IR written by pass 'emit-llvm' (exit " + r.status + "): "
                + firstLine(r.output));
    }

    private interface Filler {
        void fill(Path tmp) throws IOException;
    }

    /**
     * The file {@code name} of cache folder {@code dir}: as it is when the folder exists (a folder
     * appears whole, by {@link #inFreshDir}), else made by {@code filler}.
     */
    private static Path cachedFile(Path dir, String name, Filler filler) {
        Path file = dir.resolve(name);
        return Files.exists(file) ? file : inFreshDir(dir, filler).resolve(name);
    }

    /** Makes {@code dir} by filling a temporary sibling and renaming it; returns {@code dir}. */
    private static Path inFreshDir(Path dir, Filler filler) {
        try {
            Files.createDirectories(dir.getParent());
            Path tmp = Files.createTempDirectory(dir.getParent(), "tmp-");
            try {
                filler.fill(tmp);
                try {
                    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                    // built by a concurrent run: keep theirs
                }
            } finally {
                deleteTree(tmp);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write nanopy's build cache " + dir.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }

    private record Result(int status, String output) {}

    private static Result run(List<String> cmd, Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, cmd.get(0) + " timed out");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, cmd.get(0) + " interrupted");
        }
        return new Result(p.exitValue(), out);
    }

    private static Result runQuietly(List<String> cmd, Path dir) {
        try {
            return run(cmd, dir);
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
