package nanopy.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compile cache: keys, LRU order, both bounds, and the library API reusing a compiled program. */
class CompileCacheTest {
    private static final Driver DRIVER = Driver.builtin();

    private static Driver.Compiled compile(String source) throws Exception {
        Pipeline p = DRIVER.pipeline(Optional.empty(), Optional.empty(), "prog.py");
        return DRIVER.compile(p, 0, p.steps().size(), "prog.py", source, new PassManager(Instrumentation.none(), System.err));
    }

    private static String key(String target, String fileName, String source) throws Exception {
        Pipeline p = DRIVER.pipeline(Optional.empty(), Optional.of(target), fileName);
        return CompileCache.key("builtin;builtin", p, fileName, source);
    }

    @Test
    void keysDifferBySourceTargetFileAndOrigin() throws Exception {
        String k = key("regvm", "a.py", "print(1)\n");
        assertEquals(k, key("regvm", "a.py", "print(1)\n"));
        assertNotEquals(k, key("regvm", "a.py", "print(2)\n"));
        assertNotEquals(k, key("stackvm", "a.py", "print(1)\n"));
        assertNotEquals(k, key("regvm", "b.py", "print(1)\n"));
        Pipeline p = DRIVER.pipeline(Optional.empty(), Optional.of("regvm"), "a.py");
        assertNotEquals(k, CompileCache.key("file:abc;builtin", p, "a.py", "print(1)\n"));
        assertNotEquals(k, CompileCache.key("builtin;builtin,jar:abc", p, "a.py", "print(1)\n"));
    }

    @Test
    void evictsTheLeastRecentlyUsedEntryBeyondTheEntryBound() throws Exception {
        CompileCache cache = new CompileCache(2, 1L << 30);
        Driver.Compiled a = compile("print(1)\n");
        cache.put("a", a);
        cache.put("b", compile("print(2)\n"));
        assertTrue(cache.get("a").isPresent());   // a is now the most recently used
        cache.put("c", compile("print(3)\n"));
        assertTrue(cache.get("b").isEmpty(), "b was the least recently used");
        assertEquals(a, cache.get("a").orElseThrow());
        assertTrue(cache.get("c").isPresent());
        CompileCache.Stats s = cache.stats();
        assertEquals(2, s.entries());
        assertEquals(1, s.evictions());
        assertEquals(3, s.hits());
        assertEquals(1, s.misses());
    }

    @Test
    void staysWithinItsByteBound() throws Exception {
        Driver.Compiled small = compile("print(1)\n");
        long one = Footprint.estimate(small.program());
        assertTrue(one > 1000, "a compiled program holds more than a kilobyte: " + one);
        CompileCache cache = new CompileCache(100, one * 2 + one / 2);
        cache.put("a", small);
        cache.put("b", compile("print(2)\n"));
        cache.put("c", compile("print(3)\n"));
        assertTrue(cache.stats().bytes() <= one * 2 + one / 2, cache.stats().toString());
        assertTrue(cache.get("a").isEmpty());
        assertTrue(cache.get("c").isPresent());
        CompileCache tiny = new CompileCache(100, one / 2);
        tiny.put("a", small);
        assertEquals(0, tiny.stats().entries(), "a program larger than the whole bound is not kept");
    }

    @Test
    void theLibraryApiCompilesASourceOnce() {
        String source = "def f(n: int) -> int:\n    return n * 7\n\nprint(f(6))\n";
        CompileCache.Stats before = CompileCache.SHARED.stats();
        Nanopy.Result first = Nanopy.run("cache_test.py", source, "");
        Nanopy.Result second = Nanopy.run("cache_test.py", source, "");
        CompileCache.Stats after = CompileCache.SHARED.stats();
        assertEquals(new Nanopy.Result(0, "42\n", ""), first);
        assertEquals(first, second);
        assertTrue(after.hits() >= before.hits() + 1, "the second run is a hit: " + before + " -> " + after);
    }
}
