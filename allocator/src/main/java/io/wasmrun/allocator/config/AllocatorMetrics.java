package io.wasmrun.allocator.config;

import io.wasmrun.allocator.sys.Sizes;

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
        long residentBytes) {

    /** One {@code name: value} line per counter, as {@code wasmrun run --stats} prints them. */
    public String describe() {
        return String.join(
                System.lineSeparator(),
                "core instances: " + liveInstances,
                "memories: " + liveMemories,
                "tables: " + liveTables,
                "stacks: " + liveStacks,
                "unused warm slots: " + unusedWarmSlots,
                "resident bytes: " + Sizes.format(residentBytes));
    }
}
