package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nanopy.driver.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Project mode: {@code nanopy run|build|check DIR} finds the one {@code main.py}, checks its one
 * {@code def main()}, and runs the module as {@code python3 -c 'import main; main.main()'} does.
 */
class ProjectModeTest {
    @TempDir
    Path dir;

    private static Run nanopy(String stdin, String... args) {
        return CliTest.nanopyWithInput(stdin, args);
    }

    private Path write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    static final String PROJECT_MAIN = """
            from typing import Callable

            greeting: str = "hello from " + __name__
            print(greeting)
            if __name__ == "__main__":
                print("run as a script")

            def twice(f: Callable[[int], int], x: int) -> int:
                return f(f(x))

            def main() -> None:
                name = input()
                print(greeting, name, twice(lambda n: n * 3, 7), [0.1, 1e16], ("a",))
            """;

    @Test
    void aProjectRunsAsImportMainThenMainMain() throws IOException {
        Path main = write("app/src/main.py", PROJECT_MAIN);
        write("app/src/helper.py", "def unused() -> int:\n    return 1\n");
        write("app/README.txt", "main.py lives in src/\n");
        CPython.Output expected = CPython.run(main.getParent(), "world\n", "-c", "import main; main.main()");
        assertEquals(0, expected.status(), expected.stderr());
        Run r = nanopy("world\n", "run", dir.resolve("app").toString());
        assertEquals(new Run(0, expected.stdout(), ""), r);
        assertEquals(r, nanopy("world\n", dir.resolve("app").toString()), "run is the default command");
    }

    @Test
    void checkAndBuildAcceptAProject() throws IOException {
        write("main.py", PROJECT_MAIN);
        assertEquals(new Run(0, "", ""), nanopy("", "check", dir.toString()));
        Run built = nanopy("", "build", "--target=interp", dir.toString());
        assertEquals(0, built.status(), built.err());
        assertTrue(built.out().contains("(Call (Var \"main\""), built.out());
        assertTrue(built.out().contains("(StrLit \"main\")"), built.out());
    }

    @Test
    void aRuntimeErrorInMainEndsWithCPythonsLastLine() throws IOException {
        Path main = write("main.py", """
                def main() -> None:
                    xs = [1, 2, 3]
                    print(len(xs))
                    print(xs[3])
                """);
        CPython.Output expected = CPython.run(main.getParent(), "", "-c", "import main; main.main()");
        Run r = nanopy("", "run", dir.toString());
        assertEquals(1, r.status());
        assertEquals(expected.stdout(), r.out());
        assertEquals(expected.lastErrLine(), r.err().lines().reduce((a, b) -> b).orElse(""), r.err());
    }

    @Test
    void noMainPy() throws IOException {
        write("lib/other.py", "print(1)\n");
        assertEquals(new Run(1, "", "error: no main.py found under " + dir + "\n"), nanopy("", "run", dir.toString()));
    }

    @Test
    void twoMainPyFilesAreListed() throws IOException {
        write("b/main.py", "def main() -> None:\n    pass\n");
        write("a/main.py", "def main() -> None:\n    pass\n");
        assertEquals(new Run(1, "", "error: found 2 main.py files: " + dir.resolve("a/main.py") + ", " + dir.resolve("b/main.py") + "\n"),
                nanopy("", "build", dir.toString()));
    }

    @Test
    void noMainFunctionAtTopLevel() throws IOException {
        write("pkg/main.py", """
                def helper() -> None:
                    def main() -> None:
                        pass
                main = 3
                """);
        assertEquals(new Run(1, "", "error: no main() function in " + dir.resolve("pkg/main.py") + "\n"), nanopy("", "check", dir.toString()));
    }

    @Test
    void twoMainFunctionsAreListedWithTheirLines() throws IOException {
        write("main.py", """
                def main() -> None:
                    print(1)

                def main() -> None:
                    print(2)
                """);
        assertEquals(new Run(1, "", "error: found 2 main() functions in " + dir.resolve("main.py") + " (lines 1, 4)\n"),
                nanopy("", "run", dir.toString()));
    }

    @Test
    void aSyntaxErrorInMainPyHasItsPosition() throws IOException {
        write("main.py", "def main() -> None:\n    print((1, 2)\n");
        Run r = nanopy("", "run", dir.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(dir.resolve("main.py") + ":2:10: error: SyntaxError: '(' was never closed\n"), r.err());
        assertTrue(r.err().contains("\n 2 |     print((1, 2)\n   |          ^\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void mainMustTakeNoArguments() throws IOException {
        write("main.py", "def main(n: int) -> None:\n    print(n)\n");
        Run r = nanopy("", "check", dir.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(dir.resolve("main.py") + ":1:1: error: arity mismatch: main takes 1 argument but 0 were given\n"), r.err());
    }
}
