package io.wasmrun.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleCompilerTest {
    @TempDir Path dir;

    private final WasmModule module = TestWasm.pendingLoop();

    @Test
    void aMissCompilesStoresAndRuns() {
        var cache = new CountingCache(new DiskCompileCache(dir));
        assertEquals(1055, run(new ModuleCompiler(cache).machineFactory(module), 10));
        assertEquals(1, cache.puts);
        assertEquals(1, cache.gets);
    }

    @Test
    void aHitLoadsTheStoredClassesWithoutCompiling() throws Exception {
        new ModuleCompiler(new DiskCompileCache(dir)).machineFactory(module);
        Path entry = new DiskCompileCache(dir).entryFile(CacheKey.of(module));
        byte[] stored = Files.readAllBytes(entry);

        var cache = new CountingCache(new DiskCompileCache(dir));
        assertEquals(1055, run(new ModuleCompiler(cache).machineFactory(module), 10));
        assertEquals(0, cache.puts);
        assertArrayEquals(stored, Files.readAllBytes(entry));
    }

    @Test
    void aCorruptEntryIsRecompiledAndReplaced() throws Exception {
        var disk = new DiskCompileCache(dir);
        new ModuleCompiler(disk).machineFactory(module);
        Path entry = disk.entryFile(CacheKey.of(module));
        byte[] good = Files.readAllBytes(entry);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 0x40;
        Files.write(entry, bad);

        var cache = new CountingCache(disk);
        assertEquals(1055, run(new ModuleCompiler(cache).machineFactory(module), 10));
        assertEquals(1, cache.puts);
        assertArrayEquals(good, Files.readAllBytes(entry));
    }

    @Test
    void anIntactEntryWhoseClassesDoNotLoadIsRecompiled() {
        var disk = new DiskCompileCache(dir);
        CacheKey key = CacheKey.of(module);
        var broken = new ClassJar("Broken", java.util.Map.of("Broken", new byte[] {(byte) 0xca, (byte) 0xfe}));
        disk.put(key, broken.toBytes());

        var cache = new CountingCache(disk);
        assertEquals(1055, run(new ModuleCompiler(cache).machineFactory(module), 10));
        assertEquals(1, cache.puts);
        assertNotEquals(broken.toBytes().length, disk.get(key).orElseThrow().length);
    }

    @Test
    void compiledClassesAreRewrittenForOsr() {
        ClassJar chicory = ChicoryCodegen.generate(module);
        ClassJar rewritten = new ModuleCompiler(CompileCache.NONE).compile(module);
        var changed = chicory.classes().keySet().stream()
                .filter(name -> !java.util.Arrays.equals(chicory.classes().get(name), rewritten.classes().get(name)))
                .toList();
        assertEquals(2, changed.size(), "exactly the class holding the function's loops changes, and the helpers: " + changed);
        assertEquals(1, changed.stream().filter(name -> name.endsWith("Shaded")).count(),
                "the copy of Chicory's helpers calls wasmrun's effective address: " + changed);
    }

    private int run(Function<Instance, Machine> factory, int n) {
        var instance = Instance.builder(module).withMachineFactory(factory).build();
        return (int) instance.export("run").apply(n)[0];
    }

    /** Counts lookups and stores passed to another cache. */
    static final class CountingCache implements CompileCache {
        private final CompileCache delegate;
        int gets;
        int puts;

        CountingCache(CompileCache delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<byte[]> get(CacheKey key) {
            gets++;
            return delegate.get(key);
        }

        @Override
        public void put(CacheKey key, byte[] classes) {
            puts++;
            delegate.put(key, classes);
        }
    }
}
