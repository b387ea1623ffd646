package io.wasmrun.runtime;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.allocator.AllocationRequest;
import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.ModuleId;
import io.wasmrun.allocator.ModuleInfo;
import io.wasmrun.allocator.StoreContext;
import io.wasmrun.allocator.ondemand.OnDemandInstanceAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

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

    private final Engine engine;
    private final InstanceAllocator allocator;
    private final boolean ownsAllocator;

    private WasmRuntime(Builder builder) {
        this.engine = builder.engine;
        this.ownsAllocator = builder.allocator == null;
        this.allocator = ownsAllocator ? new OnDemandInstanceAllocator() : builder.allocator;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Engine engine() {
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
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.UNREADABLE, path.toString(), "no such file", e);
        } catch (IOException e) {
            String reason = Files.isDirectory(path) ? "is a directory" : "cannot read: " + e.getMessage();
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.UNREADABLE, path.toString(), reason, e);
        }
        return load(name, bytes);
    }

    /** Decodes and validates a module from bytes; {@code name} labels it in messages. */
    public LoadedModule load(String name, byte[] bytes) {
        WasmModule module = ModuleDecoder.decode(name, bytes);
        var info = new ModuleInfo(new ModuleId(MODULE_IDS.incrementAndGet()), name, module);
        try {
            allocator.validateModule(info);
        } catch (RuntimeException e) {
            throw new ModuleLoadException(
                    ModuleLoadException.Kind.UNSUPPORTED, name, e.getMessage(), e);
        }
        return new LoadedModule(info, engine);
    }

    /**
     * Instantiates {@code module} with imports from {@code linker}: allocates its resources, runs
     * data and element initialisation and the start function on the instance's stack.
     *
     * @throws LinkException when an import is missing or does not match
     * @throws WasmTrap when the start function traps
     */
    public WasmInstance instantiate(LoadedModule module, Linker linker) {
        var imports = linker.resolve(module);
        var store =
                new StoreContext(
                        STORE_IDS.incrementAndGet(), allocator.nextAvailablePkey().orElse(null));
        var request = new AllocationRequest(module.info(), store);
        var resources = InstanceResources.allocate(allocator, request);
        try {
            Instance instance =
                    Instance.builder(module.wasm())
                            .withImportValues(imports)
                            .withMemoryFactory(resources::memory)
                            .withTableFactory(resources::table)
                            .withMachineFactory(module.machineFactory())
                            .withInitialize(false)
                            .withStart(false)
                            .build();
            var wasmInstance = new WasmInstance(module, instance, resources);
            wasmInstance.execute(() -> instance.initialize(false));
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
        private Engine engine = Engine.COMPILER;
        private InstanceAllocator allocator;

        private Builder() {}

        public Builder withEngine(Engine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** Uses {@code allocator}; the caller keeps ownership and closes it. */
        public Builder withAllocator(InstanceAllocator allocator) {
            this.allocator = Objects.requireNonNull(allocator, "allocator");
            return this;
        }

        public WasmRuntime build() {
            return new WasmRuntime(this);
        }
    }
}
