package io.wasmrun.runtime.compile;

import java.nio.file.Path;

/**
 * Run in child JVMs by {@link DiskCompileCacheTest}: stores a 1 MiB entry filled with one byte
 * into a cache directory, many times over, to race another process doing the same.
 */
public final class CacheWriterProbe {
    static final CacheKey KEY = new CacheKey("SHA-256:shared", "1.7.5", 1);

    private CacheWriterProbe() {}

    public static void main(String[] args) {
        var cache = new DiskCompileCache(Path.of(args[0]));
        byte[] payload = DiskCompileCacheTest.bytes(1 << 20, Integer.parseInt(args[1]));
        for (int i = 0; i < 40; i++) {
            cache.put(KEY, payload);
        }
    }
}
