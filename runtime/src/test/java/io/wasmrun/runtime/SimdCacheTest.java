package io.wasmrun.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.Strategy;
import io.wasmrun.runtime.compile.CacheKey;
import io.wasmrun.runtime.compile.DiskCompileCache;
import io.wasmrun.text.Wat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module that uses SIMD keeps its lowering in the compile cache beside the classes compiled from
 * it, so a later load with {@link WasmRuntime.Builder#skipBodiesOnCacheHit} decodes declarations
 * only, neither decoding nor lowering the bodies again; an entry that does not fit falls back to
 * the full decode.
 */
class SimdCacheTest {
    private static final byte[] MODULE = Wat.toBinary(
            ("(module (memory (export \"memory\") 1)"
                            + " (global (export \"g\") (mut v128) (v128.const i32x4 1 2 3 4))"
                            + " (func (export \"dot\") (param i32) (result i32)"
                            + "   (local $v v128)"
                            + "   (local.set $v (i32x4.mul (global.get 0) (i32x4.splat (local.get 0))))"
                            + "   (i32.add (i32.add (i32x4.extract_lane 0 (local.get $v)) (i32x4.extract_lane 1 (local.get $v)))"
                            + "            (i32.add (i32x4.extract_lane 2 (local.get $v)) (i32x4.extract_lane 3 (local.get $v))))))")
                    .getBytes(StandardCharsets.UTF_8),
            "dot.wat");

    @TempDir Path dir;

    @Test
    void aSecondLoadUsesTheStoredLoweringAndDecodesNoBodies() {
        LoadedModule first = loadAndCall();
        assertTrue(hasBodies(first), "a miss decodes the bodies");
        assertTrue(first.lowered());
        LoadedModule second = loadAndCall();
        assertFalse(hasBodies(second), "a hit decodes declarations only");
        assertTrue(second.lowered(), "the engines still run the lowering");
        assertEquals(
                com.dylibso.chicory.wasm.types.ValType.ID.V128,
                second.declared().globalSection().getGlobal(0).valueType().opcode(),
                "the API sees the declared v128 global");
    }

    @Test
    void aLoweringWhoseClassesAreMissingFallsBackToTheFullDecode() throws Exception {
        loadAndCall();
        var cache = new DiskCompileCache(dir);
        CacheKey lowering = CacheKey.of(MODULE).lowering();
        byte[] lowered = cache.get(lowering).orElseThrow();
        cache.put(lowering, java.util.Arrays.copyOf(lowered, lowered.length - 1));

        assertTrue(hasBodies(loadAndCall()), "no classes under the damaged lowering's key");
        assertNotEquals(lowered.length - 1, cache.get(lowering).orElseThrow().length, "the full load stored it again");
        assertFalse(hasBodies(loadAndCall()));
    }

    @Test
    void aPrecompiledSimdModuleRunsFromItsArtifact() {
        byte[] artifact;
        try (var runtime = WasmRuntime.builder().build()) {
            artifact = runtime.precompile("dot.wasm", MODULE);
        }
        try (var runtime = WasmRuntime.builder()
                        .allowPrecompiled(true)
                        .withCompileCache(new DiskCompileCache(dir))
                        .skipBodiesOnCacheHit(true)
                        .build()) {
            var module = runtime.load("dot.cwasm", artifact);
            assertTrue(module.lowered());
            try (var instance = runtime.instantiate(module, new Linker())) {
                assertArrayEquals(new long[] {30}, instance.call("dot", 3));
            }
        }
    }

    /** Loads the module on the test's cache, checks dot(3) = 3 * (1 + 2 + 3 + 4), returns the loaded module. */
    private LoadedModule loadAndCall() {
        try (var runtime = WasmRuntime.builder()
                .withStrategy(Strategy.COMPILER)
                .withCompileCache(new DiskCompileCache(dir))
                .skipBodiesOnCacheHit(true)
                .build()) {
            var module = runtime.load("dot.wasm", MODULE);
            try (var instance = runtime.instantiate(module, new Linker())) {
                assertArrayEquals(new long[] {30}, instance.call("dot", 3));
            }
            return module;
        }
    }

    private static boolean hasBodies(LoadedModule module) {
        return java.util.Arrays.stream(module.wasm().codeSection().functionBodies())
                .allMatch(body -> !body.instructions().isEmpty());
    }
}
