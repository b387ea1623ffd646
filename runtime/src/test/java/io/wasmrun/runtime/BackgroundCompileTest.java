package io.wasmrun.runtime;

import static io.wasmrun.runtime.TestModules.example;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.InterpreterMachine;
import io.wasmrun.FirstCompile;
import io.wasmrun.Strategy;
import io.wasmrun.runtime.compile.CacheKey;
import io.wasmrun.runtime.compile.DiskCompileCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FirstCompile}: a large module (here every module, with the threshold at 0) that the cache
 * lacks runs interpreted at once while a thread compiles it; once the classes are stored, new
 * instances run compiled and a later load finds them in the cache. Small modules and an explicit
 * {@code compile()} compile before they run.
 */
class BackgroundCompileTest {
    @TempDir Path dir;

    @Test
    void instancesRunInterpretedUntilTheBackgroundCompileIsStoredThenCompiled() throws Exception {
        byte[] bytes = Files.readAllBytes(example("fib.wasm"));
        var cache = new DiskCompileCache(dir);
        try (var runtime = runtime(FirstCompile.BACKGROUND, 0)) {
            var module = runtime.load("fib.wasm", bytes);
            try (var first = runtime.instantiate(module, new Linker())) {
                assertArrayEquals(new long[] {6765}, first.call("fib", 20));
            }
            awaitEntry(cache, CacheKey.of(module.wasm()));
            try (var later = runtime.instantiate(module, new Linker())) {
                assertNotEquals(InterpreterMachine.class, later.chicory().getMachine().getClass(), "compiled once stored");
                assertArrayEquals(new long[] {6765}, later.call("fib", 20));
            }
        }
        try (var runtime = runtime(FirstCompile.BACKGROUND, 0);
                var instance = runtime.instantiate(runtime.load("fib.wasm", bytes), new Linker())) {
            assertNotEquals(InterpreterMachine.class, instance.chicory().getMachine().getClass(), "a later load hits");
            assertArrayEquals(new long[] {3628800}, instance.call("factorial", 10));
        }
    }

    @Test
    void theFirstInstanceOfALargeModuleIsInterpreted() throws Exception {
        byte[] bytes = Files.readAllBytes(example("fib.wasm"));
        try (var runtime = runtime(FirstCompile.DETACHED, 0);
                var instance = runtime.instantiate(runtime.load("fib.wasm", bytes), new Linker())) {
            assertInstanceOf(InterpreterMachine.class, instance.chicory().getMachine());
            assertArrayEquals(new long[] {6765}, instance.call("fib", 20));
        }
        awaitEntry(new DiskCompileCache(dir), CacheKey.of(bytes));
    }

    @Test
    void smallModulesBlockingAndExplicitCompilesRunCompiledAtOnce() throws Exception {
        byte[] bytes = Files.readAllBytes(example("fib.wasm"));
        try (var runtime = runtime(FirstCompile.BACKGROUND, 1 << 20);
                var instance = runtime.instantiate(runtime.load("fib.wasm", bytes), new Linker())) {
            assertNotEquals(InterpreterMachine.class, instance.chicory().getMachine().getClass(), "under the threshold");
        }
        try (var runtime = WasmRuntime.builder().withStrategy(Strategy.COMPILER).firstCompile(FirstCompile.BLOCKING)
                        .backgroundThreshold(0).build();
                var instance = runtime.instantiate(runtime.load("fib.wasm", bytes), new Linker())) {
            assertNotEquals(InterpreterMachine.class, instance.chicory().getMachine().getClass(), "blocking");
        }
        try (var runtime = WasmRuntime.builder().withStrategy(Strategy.COMPILER).backgroundThreshold(0).build()) {
            var module = runtime.load("fib.wasm", bytes);
            module.compile();
            try (var instance = runtime.instantiate(module, new Linker())) {
                assertNotEquals(InterpreterMachine.class, instance.chicory().getMachine().getClass(), "compile()");
            }
        }
    }

    private WasmRuntime runtime(FirstCompile firstCompile, long threshold) {
        return WasmRuntime.builder()
                .withStrategy(Strategy.COMPILER)
                .withCompileCache(new DiskCompileCache(dir))
                .skipBodiesOnCacheHit(true)
                .firstCompile(firstCompile)
                .backgroundThreshold(threshold)
                .build();
    }

    /** Waits up to two minutes for {@code key}'s entry to be stored and readable. */
    static void awaitEntry(DiskCompileCache cache, CacheKey key) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (cache.get(key).isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "no entry for " + key + " after two minutes");
            Thread.sleep(50);
        }
        assertEquals(1, cache.directory().toFile().list((d, name) -> name.endsWith(".classes")).length);
    }
}
