package nanopy.driver.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * An assignment's description, {@code assignment.toml} in its folder:
 * <pre>
 * target = "middle-interp"          # the target whose pipeline grades the passes
 * [passes]                          # reference pass = the student's pass (course.toml swaps them)
 * flatten = "student-flatten"
 * </pre>
 *
 * @param target the grading target
 * @param passes reference pass name to the student's pass name, in pipeline order
 */
public record Assignment(String target, Map<String, String> passes) {
    /** The description's file name in an assignment folder. */
    public static final String FILE = "assignment.toml";
    /** The course pipeline config's file name in an assignment folder. */
    public static final String COURSE = "course.toml";
    /** The golden programs' folder in an assignment folder (one subfolder per suite). */
    public static final String PROGRAMS = "programs";

    public Assignment {
        passes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(passes));
    }

    /** Whether {@code dir} is an assignment (or a submission of one): it has an {@value #FILE}. */
    public static boolean isAssignment(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /**
     * Reads {@code dir/assignment.toml}.
     *
     * @throws IllegalArgumentException in one sentence naming the file when it is missing or malformed
     */
    public static Assignment read(Path dir) {
        Path file = dir.resolve(FILE);
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": no such file (is " + dir + " an assignment made by 'nanopy assignment make'?)");
        }
        if (toml.hasErrors()) {
            throw new IllegalArgumentException(file + ":" + toml.errors().get(0).position() + ": " + toml.errors().get(0).getMessage());
        }
        String target = toml.getString("target");
        TomlTable passes = toml.getTable("passes");
        if (target == null || passes == null || passes.isEmpty()) {
            throw new IllegalArgumentException(file + ": needs target = \"...\" and a [passes] table naming at least one pass");
        }
        Map<String, String> p = new LinkedHashMap<>();
        for (String k : passes.keySet()) {
            Object v = passes.get(java.util.List.of(k));
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException(file + ": [passes] " + k + " must be the name of the student's pass (a string)");
            }
            p.put(k, s);
        }
        return new Assignment(target, p);
    }

    /** The text of {@value #FILE}. */
    public String toml() {
        StringBuilder sb = new StringBuilder("# Written by 'nanopy assignment make'; read by 'nanopy golden report --student'.\n");
        sb.append("target = \"").append(target).append("\"          # the target whose pipeline grades the passes\n\n");
        sb.append("[passes]                          # reference pass = the student's pass\n");
        passes.forEach((ref, mine) -> sb.append(ref).append(" = \"").append(mine).append("\"\n"));
        return sb.toString();
    }

    /** The text of {@value #COURSE}: the built-in pipelines with the student's passes swapped in. */
    public String courseToml() {
        StringBuilder sb = new StringBuilder("# The built-in pipelines with your passes in place of the reference ones.\n");
        sb.append("base = \"builtin\"\n\n[swap]\n");
        passes.forEach((ref, mine) -> sb.append(ref).append(" = \"").append(mine).append("\"\n"));
        return sb.toString();
    }
}
