package io.wasmrun.runtime.compile;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns a module into a machine factory through a {@link CompileCache}: on a hit it loads the
 * stored classes; on a miss it runs Chicory's code generator, rewrites the classes
 * ({@link ClassRewriter}), stores them and loads them. Loading always goes through Chicory's own
 * cache path ({@link MachineFactoryCompiler.Builder#withCache}), which defines every class and
 * forces its initialization, so the JVM verifies each one. A stored entry that passes its
 * checksum but still fails to load is recompiled and replaced.
 */
public final class ModuleCompiler {
    private final CompileCache cache;
    private final ClassRewriter rewriter;

    public ModuleCompiler(CompileCache cache) {
        this(cache, ClassRewriter.forChicory());
    }

    ModuleCompiler(CompileCache cache, ClassRewriter rewriter) {
        this.cache = cache;
        this.rewriter = rewriter;
    }

    /** The classes for {@code module}: Chicory's, rewritten for OSR; neither cached nor loaded. */
    public ClassJar compile(WasmModule module) {
        return ChicoryCodegen.generate(module).map(rewriter::rewrite);
    }

    /** A machine factory for instances of {@code module}, from the cache when it can. */
    public Function<Instance, Machine> machineFactory(WasmModule module) {
        CacheKey key = CacheKey.of(module);
        Optional<byte[]> cached = cache.get(key);
        if (cached.isPresent()) {
            return machineFactory(module, cached.get(), () -> module);
        }
        return compileAndStore(key, module, module);
    }

    /**
     * A machine factory for instances of {@code module} from {@code cachedJar}, the classes the
     * cache holds for its key. {@code module} may lack its function bodies (as decoded by the
     * runtime on a cache hit); should the classes fail to load, {@code complete} gives the module
     * with its code, which is compiled and stored afresh. Either way the factory is bound to {@code
     * module}, the object instances are built from.
     */
    public Function<Instance, Machine> machineFactory(
            WasmModule module, byte[] cachedJar, Supplier<WasmModule> complete) {
        try {
            return load(module, cachedJar);
        } catch (RuntimeException | LinkageError e) {
            // a damaged entry that slipped past the checksum: compile afresh below
        }
        return compileAndStore(CacheKey.of(module), module, complete.get());
    }

    private Function<Instance, Machine> compileAndStore(CacheKey key, WasmModule module, WasmModule complete) {
        byte[] jar = compile(complete).toBytes();
        cache.put(key, jar);
        return load(module, jar);
    }

    /** Loads classes made by {@link #compile} (for {@code module}) into a machine factory. */
    public static Function<Instance, Machine> load(WasmModule module, byte[] jar) {
        return MachineFactoryCompiler.builder(module).withCache(new Preloaded(jar)).compile();
    }

    /** A Chicory cache that answers every lookup with one jar and stores nothing. */
    private record Preloaded(byte[] jar) implements Cache {
        @Override
        public byte[] get(String key) {
            return jar;
        }

        @Override
        public void putIfAbsent(String key, byte[] data) {}
    }
}
