package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.ModuleLoadException;
import io.wasmrun.Strategy;
import io.wasmrun.runtime.Linker;
import io.wasmrun.runtime.WasmRuntime;
import org.junit.jupiter.api.Test;

/** Precompiled artifacts through {@link WasmRuntime#load(String, byte[])}. */
class PrecompiledModuleTest {
    private final byte[] wasm = TestWasm.pendingLoopBytes();

    @Test
    void anAllowedArtifactRunsWithItsOwnClasses() {
        byte[] artifact = artifact(CacheKey.of(TestWasm.pendingLoop()));
        var fallback = new ModuleCompilerTest.CountingCache(CompileCache.NONE);
        try (var runtime = WasmRuntime.builder().allowPrecompiled(true).withCompileCache(fallback).build();
                var instance = runtime.instantiate(runtime.load("app.cwasm", artifact), new Linker())) {
            assertEquals(1055, (int) instance.call("run", 10)[0]);
        }
        assertEquals(0, fallback.gets, "the artifact's classes were not used");
    }

    @Test
    void anArtifactIsRejectedUnlessAllowed() {
        byte[] artifact = artifact(CacheKey.of(TestWasm.pendingLoop()));
        try (var runtime = WasmRuntime.builder().build()) {
            var e = assertThrows(ModuleLoadException.class, () -> runtime.load("app.cwasm", artifact));
            assertTrue(e.getMessage().contains("--allow-precompiled"), e.getMessage());
        }
    }

    @Test
    void anArtifactOfAnotherVersionIsAClearError() {
        var current = CacheKey.of(TestWasm.pendingLoop());
        byte[] artifact = artifact(new CacheKey(current.moduleDigest(), current.chicoryVersion(), CodegenVersion.REWRITER + 1));
        try (var runtime = WasmRuntime.builder().allowPrecompiled(true).build()) {
            var e = assertThrows(ModuleLoadException.class, () -> runtime.load("app.cwasm", artifact));
            assertEquals(ModuleLoadException.Kind.UNSUPPORTED, e.kind());
            assertTrue(e.getMessage().contains("wasmrun codegen " + (CodegenVersion.REWRITER + 1)), e.getMessage());
            assertTrue(e.getMessage().contains("wasmrun compile"), e.getMessage());
        }
    }

    @Test
    void aDamagedArtifactIsAClearError() {
        byte[] artifact = artifact(CacheKey.of(TestWasm.pendingLoop()));
        artifact[artifact.length - 10] ^= 1;
        try (var runtime = WasmRuntime.builder().allowPrecompiled(true).build()) {
            var e = assertThrows(ModuleLoadException.class, () -> runtime.load("app.cwasm", artifact));
            assertTrue(e.getMessage().contains("damaged precompiled module"), e.getMessage());
        }
    }

    @Test
    void theInterpreterRunsTheArtifactsModule() {
        byte[] artifact = artifact(CacheKey.of(TestWasm.pendingLoop()));
        try (var runtime = WasmRuntime.builder().withStrategy(Strategy.INTERPRETER).allowPrecompiled(true).build();
                var instance = runtime.instantiate(runtime.load("app.cwasm", artifact), new Linker())) {
            assertEquals(1055, (int) instance.call("run", 10)[0]);
        }
    }

    private byte[] artifact(CacheKey key) {
        byte[] classes = new ModuleCompiler(CompileCache.NONE).compile(TestWasm.pendingLoop()).toBytes();
        return new PrecompiledModule(wasm, classes).toBytes(key);
    }
}
