package io.wasmrun.allocator.config;

/**
 * A snapshot of an allocator's counters, like wasmtime's {@code PoolingAllocatorMetrics}.
 *
 * @param liveInstances core instances allocated and not yet returned
 * @param liveMemories linear memories allocated and not yet returned
 * @param liveTables tables allocated and not yet returned
 * @param liveStacks execution stacks in use
 * @param unusedWarmSlots pool slots that are free but still hold a previous tenant's mapping
 * @param residentBytes bytes of linear memory kept resident (committed) by the allocator
 */
public record AllocatorMetrics(
        int liveInstances,
        int liveMemories,
        int liveTables,
        int liveStacks,
        int unusedWarmSlots,
        long residentBytes) {}
