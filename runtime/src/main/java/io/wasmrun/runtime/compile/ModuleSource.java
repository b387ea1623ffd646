package io.wasmrun.runtime.compile;

import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.ModuleLoadException;
import java.io.IOException;
import java.util.Optional;

/**
 * The bytes handed to the runtime, unwrapped: a plain module, or a {@link PrecompiledModule} when
 * the caller allows those. It decides which compile cache the loaded module uses: a precompiled
 * artifact answers for its own module and defers everything else to the configured cache.
 */
public final class ModuleSource {
    private final byte[] moduleBytes;
    private final CompileCache cache;
    private final PrecompiledModule precompiled;
    private final CacheKey precompiledKey;

    private ModuleSource(byte[] moduleBytes, CompileCache cache, PrecompiledModule precompiled, CacheKey key) {
        this.moduleBytes = moduleBytes;
        this.cache = cache;
        this.precompiled = precompiled;
        this.precompiledKey = key;
    }

    /**
     * Unwraps {@code bytes} read from {@code name}.
     *
     * @throws ModuleLoadException for a precompiled artifact when {@code allowPrecompiled} is
     *     false, or one that another version made or that is damaged
     */
    public static ModuleSource open(String name, byte[] bytes, boolean allowPrecompiled, CompileCache cache) {
        if (!PrecompiledModule.isPrecompiled(bytes)) {
            return new ModuleSource(bytes, cache, null, null);
        }
        if (!allowPrecompiled) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.NOT_WASM,
                    name,
                    "this is a precompiled module (made by `wasmrun compile`); running one loads JVM"
                            + " classes from the file, so it needs --allow-precompiled",
                    null);
        }
        try {
            var artifact = PrecompiledModule.read(bytes);
            return new ModuleSource(artifact.moduleBytes(), cache, artifact, PrecompiledModule.key(bytes));
        } catch (PrecompiledModule.IncompatibleException e) {
            throw new ModuleLoadException(ModuleLoadException.Kind.UNSUPPORTED, name, e.getMessage(), e);
        } catch (IOException e) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.MALFORMED, name, "damaged precompiled module: " + e.getMessage(), e);
        }
    }

    /** The WebAssembly module's bytes. */
    public byte[] moduleBytes() {
        return moduleBytes;
    }

    /**
     * The stored classes of this module, when the compile cache (or the precompiled artifact) has
     * them; looked up by the digest of the bytes, before decoding them. They run without the
     * module's function bodies but those of {@link CachedClasses#interpreted}.
     */
    public Optional<CachedClasses> cachedClasses() {
        return cachedClasses(moduleBytes);
    }

    /** Like {@link #cachedClasses()}, for the module with {@code bytes} (a lowering of this one). */
    public Optional<CachedClasses> cachedClasses(byte[] bytes) {
        CacheKey key = CacheKey.of(bytes);
        CompileCache source = cacheAnswering(key);
        Optional<byte[]> jar = source == null ? Optional.empty() : source.get(key);
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CachedClasses(key, source, jar.get(), ClassJar.interpretedOf(jar.get())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The SIMD lowering of the module that an earlier load stored ({@link #storeLowering}), if any. */
    public Optional<byte[]> storedLowering() {
        CacheKey key = CacheKey.of(moduleBytes).lowering();
        CompileCache source = cacheAnswering(key);
        return source == null ? Optional.empty() : source.get(key);
    }

    /** Keeps the SIMD lowering of the module for later loads. */
    public void storeLowering(byte[] lowered) {
        cache.put(CacheKey.of(moduleBytes).lowering(), lowered);
    }

    /**
     * Classes found for a module before decoding it.
     *
     * @param key the module's cache key
     * @param cache the cache they came from, and where recompiled classes go
     * @param jar the classes jar ({@link ClassJar})
     * @param interpreted the functions the classes leave to Chicory's interpreter, whose
     *     bodies must be decoded before they run, and the stack floor they run with
     */
    public record CachedClasses(CacheKey key, CompileCache cache, byte[] jar, ClassJar.Interpreted interpreted) {}

    /**
     * The compile cache for {@code module}, decoded from {@link #moduleBytes()}.
     *
     * @throws ModuleLoadException when a precompiled artifact's classes were made for other bytes
     */
    public CompileCache cacheFor(String name, WasmModule module) {
        CompileCache answering = cacheAnswering(CacheKey.of(module));
        if (answering == null) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.MALFORMED,
                    name,
                    "damaged precompiled module: its classes were made for another module",
                    null);
        }
        return answering;
    }

    /**
     * The cache for the module with {@code key}: the configured one, or for a precompiled artifact
     * one where the artifact answers for its own key; null when the artifact was made for a module
     * with another key.
     */
    private CompileCache cacheAnswering(CacheKey key) {
        if (precompiled == null) {
            return cache;
        }
        return key.equals(precompiledKey) ? precompiled.asCache(precompiledKey, cache) : null;
    }
}
