package io.wasmrun.spectest.fuzz;

import io.wasmrun.runtime.compile.CacheKey;
import io.wasmrun.runtime.compile.CompileCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the compiler's classes for the module a worker is running, so that the second compiler
 * configuration loads what the first compiled (as {@code wasmrun run} does from its disk cache)
 * instead of compiling the module again. Cleared after every module.
 */
final class MemoryCompileCache implements CompileCache {
    private final Map<CacheKey, byte[]> classes = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> get(CacheKey key) {
        return Optional.ofNullable(classes.get(key));
    }

    @Override
    public void put(CacheKey key, byte[] jar) {
        classes.put(key, jar);
    }

    void clear() {
        classes.clear();
    }
}
