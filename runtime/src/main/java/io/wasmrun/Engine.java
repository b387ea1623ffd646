package io.wasmrun;

import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.config.AllocatorMetrics;
import io.wasmrun.allocator.config.OnDemandConfig;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import io.wasmrun.allocator.config.PoolingConfig;
import io.wasmrun.allocator.config.PoolingMetrics;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import io.wasmrun.runtime.WasmRuntime;
import io.wasmrun.runtime.compile.CompileCache;
import io.wasmrun.runtime.compile.DiskCompileCache;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared context modules are compiled and instantiated in, like wasmtime's {@code Engine}:
 * how code runs ({@link Strategy}), the instance allocator every instance takes its memories,
 * tables and stacks from, and the compile cache. Create one per process (or per configuration)
 * and share it between threads; {@link #close()} releases the allocator when the engine made it.
 *
 * <pre>{@code
 * try (Engine engine = Engine.builder().pooling(PoolingConfig.defaults()).build()) {
 *     Module module = Module.fromFile(engine, Path.of("plugin.wasm"));
 *     ...
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
    private final WasmRuntime runtime;
    private final InstanceAllocator ownedAllocator;

    private Engine(WasmRuntime runtime, InstanceAllocator ownedAllocator) {
        this.runtime = runtime;
        this.ownedAllocator = ownedAllocator;
    }

    /** An engine with the defaults: the compiler, the on-demand allocator, no compile cache. */
    public static Engine create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Strategy strategy() {
        return runtime.strategy();
    }

    /** A snapshot of the allocator's counters: live instances, memories, tables, stacks. */
    public AllocatorMetrics metrics() {
        return runtime.allocator().metrics();
    }

    /**
     * Compiles {@code bytes} (binary or text format; {@code name} labels it in messages) ahead of
     * time into an artifact that {@link Module#fromBytes} and {@link Module#fromFile} of an engine
     * built with {@link Builder#allowPrecompiled} load without compiling, as {@code wasmrun
     * compile} writes them (like wasmtime's {@code Engine::precompile_module}). The classes are
     * loaded once here, so the JVM has verified each of them before they are written out.
     *
     * @throws ModuleLoadException when the module does not decode or validate
     */
    public byte[] precompile(String name, byte[] bytes) {
        return runtime.precompile(Objects.requireNonNull(name, "name"), bytes.clone());
    }

    /**
     * {@link #precompile(String, byte[])} of the module file {@code path}.
     *
     * @throws ModuleLoadException naming the file when it cannot be read, decoded or validated
     */
    public byte[] precompile(Path path) {
        return runtime.precompile(WasmRuntime.fileName(path), WasmRuntime.read(path));
    }

    /**
     * The pooling allocator's own counters (free slots kept warm, pending resets, memory images),
     * or empty when the engine uses another allocator.
     */
    public Optional<PoolingMetrics> poolingMetrics() {
        return runtime.allocator() instanceof PoolingInstanceAllocator pooling
                ? Optional.of(pooling.poolingMetrics())
                : Optional.empty();
    }

    /** The allocator every instance of this engine is created through. */
    InstanceAllocator allocator() {
        return runtime.allocator();
    }

    WasmRuntime runtime() {
        return runtime;
    }

    /** Closes the allocator if this engine created it; every store must be closed first. */
    @Override
    public void close() {
        runtime.close();
        if (ownedAllocator != null) {
            ownedAllocator.close();
        }
    }

    /** Configures an {@link Engine}. */
    public static final class Builder {
        private Strategy strategy = Strategy.COMPILER;
        private InstanceAllocator allocator;
        private boolean ownsAllocator;
        private CompileCache cache = CompileCache.NONE;
        private boolean allowPrecompiled;
        private FirstCompile firstCompile = FirstCompile.BACKGROUND;

        private Builder() {}

        /** How code runs (default: {@link Strategy#COMPILER}). */
        public Builder strategy(Strategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /**
         * Uses {@code allocator}; the caller keeps ownership and closes it after the engine, and
         * may share it between engines (e.g. one per {@link Strategy}). For wasmrun's own front
         * ends and tests: embedders choose {@link #onDemand} or {@link #pooling}.
         */
        public Builder allocator(InstanceAllocator allocator) {
            this.allocator = Objects.requireNonNull(allocator, "allocator");
            this.ownsAllocator = false;
            return this;
        }

        /**
         * Uses an on-demand allocator with {@code config} (the default, with its defaults): each
         * memory its own reservation with guard pages, for hosts with few instances.
         */
        public Builder onDemand(OnDemandConfig config) {
            this.allocator = new OnDemandInstanceAllocator(Objects.requireNonNull(config, "config"));
            this.ownsAllocator = true;
            return this;
        }

        /**
         * Uses a pooling allocator with {@code config}, closed with the engine: slots reserved up
         * front and reused, for hosts that create many short-lived instances.
         */
        public Builder pooling(PoolingConfig config) {
            this.allocator = new PoolingInstanceAllocator(Objects.requireNonNull(config, "config"));
            this.ownsAllocator = true;
            return this;
        }

        /**
         * Keeps compiled classes in {@code directory} between runs, keyed by the module's digest
         * and the code generator's versions (default: no cache).
         */
        public Builder compileCache(Path directory) {
            this.cache = new DiskCompileCache(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /**
         * Keeps compiled classes in the user's cache directory, {@code $XDG_CACHE_HOME/wasmrun} or
         * {@code ~/.cache/wasmrun} (where {@code wasmrun run} keeps them).
         */
        public Builder defaultCompileCache() {
            return compileCache(DiskCompileCache.defaultDirectory());
        }

        /**
         * Whether modules may be artifacts of {@code wasmrun compile} (default: false, they are
         * rejected). Such a file carries JVM classes that are loaded as they are: allow it only
         * for files you trust as you trust a jar.
         */
        public Builder allowPrecompiled(boolean allow) {
            this.allowPrecompiled = allow;
            return this;
        }

        /**
         * How a first run of a large module (over 1 MiB of function code) that the compile cache
         * does not hold gets its classes (default: {@link FirstCompile#BACKGROUND}: instances run
         * interpreted until a thread has compiled it).
         */
        public Builder firstCompile(FirstCompile firstCompile) {
            this.firstCompile = Objects.requireNonNull(firstCompile, "firstCompile");
            return this;
        }

        /**
         * The engine. On a compile-cache hit a module's function bodies are neither decoded nor
         * validated again: the cached classes were made from the same bytes after full
         * validation, and the API never shows the bodies.
         */
        public Engine build() {
            var runtime = WasmRuntime.builder()
                    .withStrategy(strategy)
                    .withCompileCache(cache)
                    .allowPrecompiled(allowPrecompiled)
                    .skipBodiesOnCacheHit(true)
                    .firstCompile(firstCompile);
            if (allocator != null) {
                runtime.withAllocator(allocator);
            }
            return new Engine(runtime.build(), ownsAllocator ? allocator : null);
        }
    }
}
