package io.wasmrun.runtime;

import io.wasmrun.runtime.compile.CacheKey;
import io.wasmrun.runtime.compile.DiskCompileCache;
import io.wasmrun.runtime.compile.ModuleCompiler;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the disk compile cache for one module from a JVM of its own, detached from the run that
 * started it ({@link io.wasmrun.FirstCompile#DETACHED}): the run interprets a large
 * module and exits whenever its program does, and the next run finds the classes. The filler
 * decodes and validates the module as a run would, compiles it, verifies every class, and stores
 * the entry (and a SIMD lowering) through the cache's atomic rename, so a filler that is killed or
 * fails leaves no entry, only its hand-over file, which it deletes first thing.
 */
public final class CacheFiller {
    private CacheFiller() {}

    /**
     * Starts a filler for the module {@code bytes} and {@code cache}, handing the bytes over in a
     * file of the cache directory.
     *
     * @return whether it started
     */
    static boolean start(byte[] bytes, DiskCompileCache cache) {
        if (CacheFiller.class.getModule().isNamed()) {
            return false;
        }
        var java = ProcessHandle.current().info().command();
        if (java.isEmpty()) {
            return false;
        }
        Path handOver = null;
        try {
            Files.createDirectories(cache.directory());
            handOver = Files.createTempFile(cache.directory(), "module-", ".wasm.tmp");
            Files.write(handOver, bytes);
            List<String> command = new ArrayList<>();
            command.add(java.get());
            command.add("--enable-native-access=ALL-UNNAMED");
            command.add("-XX:+UseSerialGC");
            command.add("-Xss16m");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(CacheFiller.class.getName());
            command.add(cache.directory().toString());
            command.add(handOver.toString());
            new ProcessBuilder(command)
                    .redirectInput(Redirect.from(new File("/dev/null")))
                    .redirectOutput(Redirect.DISCARD)
                    .redirectError(Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException | RuntimeException e) {
            delete(handOver);
            return false;
        }
    }

    /** {@code CacheFiller CACHE_DIR MODULE_FILE}: compiles the module in the file (then deleted) into the cache. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CacheFiller CACHE_DIR MODULE_FILE");
            System.exit(2);
        }
        var cache = new DiskCompileCache(Path.of(args[0]));
        Path file = Path.of(args[1]);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } finally {
            delete(file);
        }
        fill(bytes, cache);
    }

    /** Decodes, validates and compiles {@code bytes} into {@code cache}. */
    static void fill(byte[] bytes, DiskCompileCache cache) {
        var decoded = ModuleDecoder.decode("module", bytes);
        if (decoded.lowered() != null) {
            cache.put(CacheKey.of(bytes).lowering(), decoded.lowered());
        }
        new ModuleCompiler(cache).machineFactory(decoded.executable());
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover hand-over file is never read as a cache entry
        }
    }
}
