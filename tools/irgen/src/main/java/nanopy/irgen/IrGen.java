package nanopy.irgen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Command-line entry of the generator, run by the build before compilation:
 * {@code IrGen SOURCE_DIR OUTPUT_DIR}. Every {@code *.ir} file below SOURCE_DIR is read; a file at
 * {@code a/b/Lang.ir} generates into Java package {@code a.b}. Files whose text did not change are
 * not rewritten, so incremental compilation stays incremental.
 */
public final class IrGen {
    private IrGen() {}

    /**
     * Generates the sources.
     *
     * @throws IrSyntaxException with {@code file:line:col: message} for a bad definition
     * @throws IOException when reading or writing fails
     */
    public static void main(String[] args) throws IrSyntaxException, IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: IrGen SOURCE_DIR OUTPUT_DIR");
        }
        Path src = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int n = generate(src, out);
        System.out.println("nanopy irgen: " + n + " languages from " + src + " -> " + out);
    }

    /**
     * Reads all {@code .ir} files under {@code src} and writes Java sources under {@code out}.
     *
     * @return the number of languages generated
     */
    public static int generate(Path src, Path out) throws IrSyntaxException, IOException {
        List<IrModel.LanguageDecl> decls = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(src)) {
            files = s.filter(p -> p.toString().endsWith(".ir")).sorted().toList();
        }
        for (Path f : files) {
            Path rel = src.relativize(f.getParent() == null ? src : f.getParent());
            String pkg = rel.toString().replace('/', '.').replace('\\', '.');
            decls.addAll(IrFileParser.parse(src.relativize(f).toString(), pkg, Files.readString(f, StandardCharsets.UTF_8)));
        }
        List<Resolver.Lang> langs = Resolver.resolve(decls);
        Map<String, String> files2 = JavaEmitter.emit(langs);
        for (Map.Entry<String, String> e : files2.entrySet()) {
            Path target = out.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(e.getValue())) {
                Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
            }
        }
        return langs.size();
    }
}
