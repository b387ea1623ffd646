package io.wasmrun.runtime;

import io.wasmrun.Strategy;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.LinkException;
import io.wasmrun.ModuleLoadException;
import io.wasmrun.Trap;
import io.wasmrun.allocator.AllocationRequest;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.ModuleId;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.StoreContext;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.allocator.pooling.PrefilledTables;
import io.wasmrun.runtime.compile.CacheKey;
import io.wasmrun.runtime.compile.CompileCache;
import io.wasmrun.runtime.compile.ModuleCompiler;
import io.wasmrun.runtime.compile.PrecompiledModule;
import io.wasmrun.runtime.compile.ModuleSource;
import io.wasmrun.runtime.compile.BackgroundCompile;
import io.wasmrun.FirstCompile;
import io.wasmrun.runtime.engine.EmptyElementSegments;
import io.wasmrun.runtime.engine.GeneratedCodeAccess;
import io.wasmrun.runtime.engine.InterpreterChecks;
import io.wasmrun.runtime.engine.StackFloor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The embedding entry point: loads modules and instantiates them through one
 * {@link InstanceAllocator} on one {@link Engine}.
 *
 * <pre>{@code
 * try (var runtime = WasmRuntime.builder().build();
 *      var instance = runtime.instantiate(runtime.load(Path.of("fib.wasm")), new Linker())) {
 *     long[] result = instance.call("fib", 20);
 * }
 * }</pre>
 */
public final class WasmRuntime implements AutoCloseable {
    private static final AtomicLong MODULE_IDS = new AtomicLong();
    private static final AtomicLong STORE_IDS = new AtomicLong();

    private final Strategy engine;
    private final InstanceAllocator allocator;
    private final boolean ownsAllocator;
    private final CompileCache compileCache;
    private final boolean allowPrecompiled;
    private final boolean skipBodiesOnCacheHit;
    private final LoadedModule.FirstRun firstRun;

    private WasmRuntime(Builder builder) {
        this.engine = builder.engine;
        this.compileCache = builder.compileCache;
        this.allowPrecompiled = builder.allowPrecompiled;
        this.skipBodiesOnCacheHit = builder.skipBodiesOnCacheHit;
        this.firstRun = new LoadedModule.FirstRun(builder.firstCompile, builder.backgroundThreshold);
        this.ownsAllocator = builder.allocator == null;
        this.allocator = ownsAllocator ? new OnDemandInstanceAllocator() : builder.allocator;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Strategy strategy() {
        return engine;
    }

    public InstanceAllocator allocator() {
        return allocator;
    }

    /**
     * Reads, decodes and validates a module file, and checks it against the allocator's limits.
     *
     * @throws ModuleLoadException with a one-line message naming the file and the problem
     */
    public LoadedModule load(Path path) {
        return load(fileName(path), read(path));
    }

    /** The label of a module file in messages: its file name. */
    public static String fileName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }

    /**
     * The bytes of a module file.
     *
     * @throws ModuleLoadException naming the file: no such file, a directory, unreadable
     */
    public static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.UNREADABLE, path.toString(), "no such file", e);
        } catch (IOException e) {
            String reason = Files.isDirectory(path) ? "is a directory" : "cannot read: " + e.getMessage();
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.UNREADABLE, path.toString(), reason, e);
        }
    }

    /**
     * Decodes and validates a module from bytes; {@code name} labels it in messages. With {@link
     * Builder#skipBodiesOnCacheHit} and compiled classes in the cache, decodes only what the module
     * declares.
     */
    public LoadedModule load(String name, byte[] bytes) {
        var source = ModuleSource.open(name, bytes, allowPrecompiled, compileCache);
        if (skipBodiesOnCacheHit && engine == Strategy.COMPILER && ModuleDecoder.isBinary(source.moduleBytes())) {
            LoadedModule cached = fromCachedClasses(name, source);
            if (cached != null) {
                return cached;
            }
        }
        var module = ModuleDecoder.decode(name, source.moduleBytes());
        if (module.lowered() != null && skipBodiesOnCacheHit && engine == Strategy.COMPILER) {
            source.storeLowering(module.lowered());
        }
        var loaded = admit(name, module, source.cacheFor(name, module.executable()), null);
        loaded.keepSource(source.moduleBytes());
        return loaded;
    }

    /**
     * The module loaded from its declarations and classes in the compile cache, or null when they
     * are not all there. A module that uses SIMD has its classes under the key of its lowering,
     * which the cache keeps too ({@link ModuleSource#storedLowering}).
     */
    private LoadedModule fromCachedClasses(String name, ModuleSource source) {
        Supplier<WasmModule> complete = () -> ModuleDecoder.decode(name, source.moduleBytes()).executable();
        var cached = source.cachedClasses();
        if (cached.isPresent()) {
            var declarations = declarations(source.moduleBytes(), cached.get(), complete);
            if (declarations != null) {
                var code = cachedCode(cached.get(), declarations, complete);
                return admit(name, new ModuleDecoder.Decoded(declarations.module()), cached.get().cache(), code);
            }
            return null;
        }
        byte[] lowered = source.storedLowering().orElse(null);
        var loweredClasses = lowered == null ? Optional.<ModuleSource.CachedClasses>empty() : source.cachedClasses(lowered);
        if (loweredClasses.isEmpty()) {
            return null;
        }
        var declared = declarations(source.moduleBytes(), CacheKey.of(source.moduleBytes()), Set.of(), complete);
        var executable = declarations(lowered, loweredClasses.get(), complete);
        if (declared == null || executable == null) {
            return null;
        }
        var code = cachedCode(loweredClasses.get(), executable, complete);
        var decoded = new ModuleDecoder.Decoded(declared.module(), executable.module(), lowered);
        return admit(name, decoded, loweredClasses.get().cache(), code);
    }

    private static LoadedModule.CachedCode cachedCode(
            ModuleSource.CachedClasses classes, DeclarationDecoder.Declarations declarations, Supplier<WasmModule> complete) {
        return new LoadedModule.CachedCode(classes.jar(), complete, declarations.bodies(), classes.interpreted().stackFloor());
    }

    /** The declarations of the module with {@code bytes} and the bodies {@code classes} interpret. */
    private static DeclarationDecoder.Declarations declarations(
            byte[] bytes, ModuleSource.CachedClasses classes, Supplier<WasmModule> complete) {
        return declarations(bytes, classes.key(), classes.interpreted().functions(), complete);
    }

    /**
     * The declarations of the module with {@code bytes} and the bodies of {@code withBodies}, or
     * null when they do not decode (the full decoder then says why).
     */
    private static DeclarationDecoder.Declarations declarations(
            byte[] bytes, CacheKey key, Set<Integer> withBodies, Supplier<WasmModule> complete) {
        try {
            return DeclarationDecoder.decode(bytes, key.moduleDigest(), withBodies, complete);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Decodes, validates and compiles a module (binary or text) into an artifact of {@code wasmrun
     * compile}: the module's bytes with its classes, each loaded once here so the JVM has verified
     * it. Bodies are always decoded in full, whatever the cache holds.
     */
    public byte[] precompile(String name, byte[] bytes) {
        var source = ModuleSource.open(name, bytes, false, CompileCache.NONE);
        var decoded = ModuleDecoder.decode(name, source.moduleBytes());
        admit(name, decoded, CompileCache.NONE, null);
        WasmModule module = decoded.executable();
        byte[] classes = new ModuleCompiler(CompileCache.NONE).compile(module).toBytes();
        ModuleCompiler.load(module, classes);
        return new PrecompiledModule(source.moduleBytes(), classes).toBytes(CacheKey.of(module));
    }

    /** Checks a decoded module against what Chicory can run and the allocator's limits. */
    private LoadedModule admit(String name, ModuleDecoder.Decoded module, CompileCache moduleCache, LoadedModule.CachedCode cached) {
        var info = new ModuleInfo(new ModuleId(MODULE_IDS.incrementAndGet()), name, module.executable());
        try {
            allocator.validateModule(info);
        } catch (RuntimeException e) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.UNSUPPORTED, name, e.getMessage(), e);
        }
        return new LoadedModule(info, module.declared(), engine, moduleCache, cached, firstRun);
    }

    /**
     * Instantiates {@code module} with imports from {@code linker} in a store of its own: allocates
     * its resources, runs data and element initialisation and the start function on the instance's
     * stack.
     *
     * @throws LinkException when an import is missing or does not match
     * @throws Trap when the start function traps
     */
    public WasmInstance instantiate(LoadedModule module, Linker linker) {
        return instantiate(module, linker, newStore(), ResourceCaps.NONE);
    }

    /**
     * A new store: a process-unique number and the allocator's next protection key, if it uses
     * keys. Every instance of one store runs with that key and can touch every memory of the
     * store.
     */
    public StoreContext newStore() {
        return new StoreContext(STORE_IDS.incrementAndGet(), allocator.nextAvailablePkey().orElse(null));
    }

    /** Like {@link #instantiate(LoadedModule, Linker)}, in {@code store}, within {@code caps}. */
    public WasmInstance instantiate(LoadedModule module, Linker linker, StoreContext store, ResourceCaps caps) {
        var imports = linker.resolve(module);
        var request = new AllocationRequest(module.info(), store);
        InstanceResources resources;
        try {
            resources = InstanceResources.allocate(allocator, request, caps);
        } catch (RuntimeException e) {
            throw Instantiation.translate(e, module);
        }
        try {
            Instance instance = build(module, imports, resources);
            var wasmInstance = new WasmInstance(module, instance, resources);
            // Pooled tables may hold the module's element segments already (no re-evaluation).
            PrefilledTables.adopt(instance);
            if (module.wasm().startSection().isPresent()) {
                wasmInstance.execute(() -> instance.initialize(false));
            } else {
                // No start function: initialisation runs no guest code, only constant expressions
                // and data copies, so it needs no execution stack (no thread hand-off).
                try {
                    instance.initialize(false);
                } catch (Throwable error) {
                    throw Execution.translate(error, module.wasm());
                }
            }
            return wasmInstance;
        } catch (RuntimeException | Error e) {
            try {
                resources.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw Instantiation.translate(e, module);
        }
    }

    /**
     * Links and allocates an instance without running any of its code; a failure here is never a
     * trap (traps come from initialisation, which runs afterwards). The interpreter, also for the
     * functions the compiler leaves to it, runs with wasmrun's {@link InterpreterChecks}, under a
     * {@link StackFloor} where the module needs one.
     */
    private static Instance build(
            LoadedModule module, ImportValues imports, InstanceResources resources) {
        try {
            var checks = new InterpreterChecks();
            Instance instance =
                    Instance.builder(module.wasm())
                            .withImportValues(imports)
                            .withMemoryFactory(resources::memory)
                            .withTableFactory(resources::table)
                            .withMachineFactory(GeneratedCodeAccess.opened(module.machineFactory()))
                            .withUnsafeExecutionListener(StackFloor.guard(module.interpreterStackFloor(), checks))
                            .withInitialize(false)
                            .withStart(false)
                            .build();
            checks.bind(instance);
            EmptyElementSegments.makeOutOfBoundsTrap(instance);
            return instance;
        } catch (RuntimeException e) {
            throw Instantiation.notATrap(e, module);
        }
    }

    /** Drops the allocator's cached resources for {@code module} (e.g. its memory image). */
    public void unload(LoadedModule module) {
        allocator.purgeModule(module.info().id());
    }

    @Override
    public void close() {
        if (ownsAllocator) {
            allocator.close();
        }
    }

    /** Configures a {@link WasmRuntime}. */
    public static final class Builder {
        private Strategy engine = Strategy.COMPILER;
        private InstanceAllocator allocator;
        private CompileCache compileCache = CompileCache.NONE;
        private boolean allowPrecompiled;
        private boolean skipBodiesOnCacheHit;
        private FirstCompile firstCompile = FirstCompile.BACKGROUND;
        private long backgroundThreshold = BackgroundCompile.THRESHOLD_BYTES;

        private Builder() {}

        public Builder withStrategy(Strategy engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** Uses {@code allocator}; the caller keeps ownership and closes it. */
        public Builder withAllocator(InstanceAllocator allocator) {
            this.allocator = Objects.requireNonNull(allocator, "allocator");
            return this;
        }

        /** Keeps the compiler's classes in {@code cache} between runs (default: no cache). */
        public Builder withCompileCache(CompileCache cache) {
            this.compileCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * Whether {@link #load} accepts artifacts of {@code wasmrun compile}, which carry JVM classes
         * that are loaded as they are (default: false, such files are rejected).
         */
        public Builder allowPrecompiled(boolean allow) {
            this.allowPrecompiled = allow;
            return this;
        }

        /**
         * Whether {@link #load} skips decoding and validating function bodies when the compile
         * cache already holds the module's classes (default: false). Those classes were made from
         * the same bytes, decoded and validated in full, and run without the bodies; on a C program
         * this saves most of a fresh JVM's decoding time. {@link LoadedModule#wasm()} then has
         * empty bodies, so leave it off where the module's code is inspected.
         */
        public Builder skipBodiesOnCacheHit(boolean skip) {
            this.skipBodiesOnCacheHit = skip;
            return this;
        }

        /**
         * How the compiler engine's first run of a large module, one the compile cache does not
         * hold, gets its classes (default: {@link FirstCompile#BACKGROUND}).
         */
        public Builder firstCompile(FirstCompile firstCompile) {
            this.firstCompile = Objects.requireNonNull(firstCompile, "firstCompile");
            return this;
        }

        /**
         * Bytes of function code above which {@link #firstCompile} applies; smaller modules compile
         * before they run (default: {@link BackgroundCompile#THRESHOLD_BYTES}; 0 makes every module
         * large, as the tests of the background paths do).
         */
        public Builder backgroundThreshold(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("negative threshold: " + bytes);
            }
            this.backgroundThreshold = bytes;
            return this;
        }

        public WasmRuntime build() {
            return new WasmRuntime(this);
        }
    }
}
