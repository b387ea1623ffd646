package io.wasmrun.runtime.compile;

import java.util.Optional;

/**
 * Where compiled classes of modules are kept between runs. Implementations are best-effort: a
 * lookup that cannot be answered is a miss and a store that fails is dropped, so a broken cache
 * costs a recompilation, never a failed run.
 */
public interface CompileCache {
    /** A cache that holds nothing. */
    CompileCache NONE =
            new CompileCache() {
                @Override
                public Optional<byte[]> get(CacheKey key) {
                    return Optional.empty();
                }

                @Override
                public void put(CacheKey key, byte[] classes) {}
            };

    /** The stored classes jar (see {@link ClassJar}) for {@code key}, if present and intact. */
    Optional<byte[]> get(CacheKey key);

    /** Stores the classes jar for {@code key}, replacing what was there. */
    void put(CacheKey key, byte[] classes);
}
