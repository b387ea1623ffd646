package io.wasmrun.cli.repl;

import io.wasmrun.Engine;
import io.wasmrun.Strategy;
import io.wasmrun.allocator.InstanceAllocator;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/** One allocator of the session and its engines (one per strategy), each with its store. */
final class Allocation implements AutoCloseable {
    private final InstanceAllocator allocator;
    private final String settings;
    private final Map<Strategy, EngineStore> engines = new EnumMap<>(Strategy.class);

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

    /** The engine for {@code strategy} on this allocator and its store, created on first use. */
    EngineStore engine(Strategy strategy) {
        return engines.computeIfAbsent(strategy, s -> new EngineStore(
                Engine.builder().strategy(s).allocator(allocator).build(), allocator.name()));
    }

    /** Whether {@code engine} is one of this allocation's engines. */
    boolean owns(EngineStore engine) {
        return engines.containsValue(engine);
    }

    /** Whether any of this allocation's engines matches {@code test}. */
    boolean hasEngine(Predicate<EngineStore> test) {
        return engines.values().stream().anyMatch(test);
    }

    /** Closes the stores and engines, then the allocator. */
    @Override
    public void close() {
        try {
            engines.values().forEach(EngineStore::close);
        } finally {
            engines.clear();
            allocator.close();
        }
    }
}
