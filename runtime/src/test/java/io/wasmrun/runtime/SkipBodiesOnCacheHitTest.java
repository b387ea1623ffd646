package io.wasmrun.runtime;

import io.wasmrun.Strategy;
import static io.wasmrun.runtime.TestModules.example;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.runtime.compile.CacheKey;
import io.wasmrun.runtime.compile.ClassJar;
import io.wasmrun.runtime.compile.CompileCache;
import io.wasmrun.runtime.compile.DiskCompileCache;
import io.wasmrun.runtime.compile.ModuleCompiler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WasmRuntime.Builder#skipBodiesOnCacheHit}: with the module's classes in the compile cache
 * the runtime decodes only the module's declarations (and the bodies of the functions the classes
 * leave to the interpreter), and the module runs as when decoded in full; in every other case (a
 * miss, the option off, the interpreter) the bodies are decoded.
 */
class SkipBodiesOnCacheHitTest {
    @TempDir Path dir;

    @Test
    void aHitDecodesNoBodiesAndRunsTheSame() {
        assertTrue(hasBodies(loadAndCallFib(true, Strategy.COMPILER)), "a miss decodes the bodies");
        assertFalse(hasBodies(loadAndCallFib(true, Strategy.COMPILER)), "a hit skips them");
    }

    @Test
    void withoutTheOptionOrWithTheInterpreterBodiesAreDecoded() {
        loadAndCallFib(true, Strategy.COMPILER);
        assertTrue(hasBodies(loadAndCallFib(false, Strategy.COMPILER)));
        assertTrue(hasBodies(loadAndCallFib(true, Strategy.INTERPRETER)));
    }

    @Test
    void aWasiProgramRunsFromDeclarationsAlone() throws Exception {
        Path wc = example("wc.wasm");
        String first = runWc(wc);
        String second = runWc(wc);
        assertTrue(first.contains("wc.c"), first);
        assertEquals(first, second);
    }

    @Test
    void classesThatInterpretAFunctionLeaveItsBodyForItsFirstCall() throws Exception {
        byte[] bytes = Files.readAllBytes(example("fib.wasm"));
        var compiled = new ModuleCompiler(CompileCache.NONE).compile(Parser.parse(bytes));
        var interpreting = new ClassJar(compiled.mainClass(), compiled.classes(), Set.of(0));
        new DiskCompileCache(dir).put(CacheKey.of(bytes), interpreting.toBytes());

        var bodies = loadAndCallFib(true, Strategy.COMPILER).wasm().codeSection().functionBodies();
        for (int i = 0; i < bodies.length; i++) {
            assertTrue(bodies[i].instructions().isEmpty(), "function " + i + "'s body is not decoded up front");
        }
    }

    @Test
    void classesThatDoNotLoadAreRecompiledFromTheCompleteModule() throws Exception {
        byte[] bytes = Files.readAllBytes(example("fib.wasm"));
        CacheKey key = CacheKey.of(bytes);
        var disk = new DiskCompileCache(dir);
        byte[] broken = new ClassJar("Broken", Map.of("Broken", new byte[] {(byte) 0xca, (byte) 0xfe})).toBytes();
        disk.put(key, broken);

        assertFalse(hasBodies(loadAndCallFib(true, Strategy.COMPILER)), "the entry looked usable");
        assertNotEquals(broken.length, disk.get(key).orElseThrow().length, "a good entry replaced it");
        assertFalse(hasBodies(loadAndCallFib(true, Strategy.COMPILER)));
    }

    @Test
    void theKeyOfTheBytesIsTheKeyOfTheParsedModule() throws Exception {
        for (String name : List.of("fib.wasm", "wc.wasm", "hello.wasm")) {
            byte[] bytes = Files.readAllBytes(example(name));
            assertEquals(CacheKey.of(Parser.parse(bytes)), CacheKey.of(bytes), name);
        }
    }

    /** Loads fib.wasm through a runtime on the test's cache, checks fib(20), returns the loaded module. */
    private LoadedModule loadAndCallFib(boolean skip, Strategy engine) {
        try (var runtime = runtime(skip, engine)) {
            var fib = runtime.load(example("fib.wasm"));
            try (var instance = runtime.instantiate(fib, new Linker())) {
                assertArrayEquals(new long[] {6765}, instance.call("fib", 20));
                assertArrayEquals(new long[] {3628800}, instance.call("factorial", 10));
            }
            return fib;
        }
    }

    private String runWc(Path wc) {
        var out = new ByteArrayOutputStream();
        var config = new WasiConfig(
                List.of("wc", "/ex/wc.c"),
                Map.of(),
                Map.of("/ex", wc.getParent()),
                InputStream.nullInputStream(),
                out,
                out);
        try (var runtime = runtime(true, Strategy.COMPILER);
                var wasi = Wasi.create(config)) {
            var module = runtime.load(wc);
            try (var instance = runtime.instantiate(module, wasi.defineInto(new Linker()))) {
                instance.call("_start");
            } catch (RuntimeException e) {
                if (!(e instanceof io.wasmrun.wasi.WasiExitException exit) || exit.exitCode() != 0) {
                    throw e;
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private WasmRuntime runtime(boolean skip, Strategy engine) {
        return WasmRuntime.builder()
                .withStrategy(engine)
                .withCompileCache(new DiskCompileCache(dir))
                .skipBodiesOnCacheHit(skip)
                .build();
    }

    private static boolean hasBodies(LoadedModule module) {
        return module.wasm().codeSection().functionBodies().length > 0
                && java.util.Arrays.stream(module.wasm().codeSection().functionBodies())
                        .allMatch(body -> !body.instructions().isEmpty());
    }
}
