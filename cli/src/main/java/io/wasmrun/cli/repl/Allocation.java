package io.wasmrun.cli.repl;

import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.Strategy;
import io.wasmrun.runtime.WasmRuntime;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/** One allocator of the session and the runtimes (one per engine) that instantiate through it. */
final class Allocation implements AutoCloseable {
    private final InstanceAllocator allocator;
    private final String settings;
    private final Map<Strategy, WasmRuntime> runtimes = new EnumMap<>(Strategy.class);

    /**
     * @param allocator the allocator, owned and closed by this allocation
     * @param settings how it was configured, for display, e.g. {@code on-demand}
     */
    Allocation(InstanceAllocator allocator, String settings) {
        this.allocator = allocator;
        this.settings = settings;
    }

    InstanceAllocator allocator() {
        return allocator;
    }

    String settings() {
        return settings;
    }

    /** The runtime for {@code engine} on this allocator, created on first use. */
    WasmRuntime runtime(Strategy engine) {
        return runtimes.computeIfAbsent(
                engine, e -> WasmRuntime.builder().withStrategy(e).withAllocator(allocator).build());
    }

    /** Whether {@code runtime} is one of this allocation's runtimes. */
    boolean owns(WasmRuntime runtime) {
        return runtimes.containsValue(runtime);
    }

    /** Whether any of this allocation's runtimes matches {@code test}. */
    boolean hasRuntime(Predicate<WasmRuntime> test) {
        return runtimes.values().stream().anyMatch(test);
    }

    @Override
    public void close() {
        runtimes.values().forEach(WasmRuntime::close);
        runtimes.clear();
        allocator.close();
    }
}
