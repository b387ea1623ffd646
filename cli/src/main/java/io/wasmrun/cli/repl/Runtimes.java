package io.wasmrun.cli.repl;

import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The engine and allocator that new loads use, and every allocator still backing a loaded
 * module. Switching with {@code :set} affects later loads and reloads only; an allocator that no
 * module uses any more is closed.
 */
final class Runtimes implements AutoCloseable {
    private final AllocatorFactory factory;
    private final List<Allocation> allocations = new ArrayList<>();
    private Allocation current;
    private Strategy engine;

    Runtimes(AllocatorFactory factory, Strategy engine, InstanceAllocator allocator) {
        this.factory = factory;
        this.engine = engine;
        this.current = new Allocation(allocator, allocator.name());
        allocations.add(current);
    }

    /** The engine new modules load into, with its store. */
    EngineStore current() {
        return current.engine(engine);
    }

    Strategy engine() {
        return engine;
    }

    void engine(Strategy engine) {
        this.engine = engine;
    }

    /** The settings of the allocator new modules use. */
    String allocatorSettings() {
        return current.settings();
    }

    AllocatorFactory factory() {
        return factory;
    }

    /** Switches new loads to a new allocator configured by {@code settings}. */
    void allocator(List<String> settings) {
        InstanceAllocator allocator = factory.create(settings);
        current = new Allocation(allocator, String.join(" ", settings));
        allocations.add(current);
    }

    /** The current allocator first, then older ones still in use. */
    List<Allocation> allocations() {
        List<Allocation> ordered = new ArrayList<>();
        ordered.add(current);
        allocations.stream().filter(a -> a != current).forEach(ordered::add);
        return ordered;
    }

    boolean isCurrent(Allocation allocation) {
        return allocation == current;
    }

    /** Closes every allocator other than the current one that backs no engine in use. */
    void release(Predicate<EngineStore> inUse) {
        allocations.removeIf(
                a -> {
                    if (a == current || a.hasEngine(inUse)) {
                        return false;
                    }
                    a.close();
                    return true;
                });
    }

    @Override
    public void close() {
        allocations.forEach(Allocation::close);
        allocations.clear();
    }
}
