package io.wasmrun.allocator.config;

import io.wasmrun.allocator.sys.Sizes;

/**
 * The pooling allocator's counters, like wasmtime's {@code PoolingAllocatorMetrics}.
 *
 * @param coreInstances live core instances
 * @param memories live linear memories
 * @param tables live tables
 * @param stacks execution stacks in use
 * @param unusedWarmMemories free memory slots that held a memory before (affinity candidates)
 * @param unusedMemoryBytesResident bytes of free memory slots kept resident ({@code
 *     memoryKeepResident})
 * @param unusedWarmTables free table slots that keep their arrays or held a table before
 * @param unusedTableBytesResident heap bytes of the arrays kept by free table slots
 * @param unusedWarmStacks idle execution-stack threads
 * @param pendingMemoryResets freed memory slots waiting in the decommit queue
 * @param imagedModules modules with a copy-on-write memory image
 */
public record PoolingMetrics(
        int coreInstances,
        int memories,
        int tables,
        int stacks,
        int unusedWarmMemories,
        long unusedMemoryBytesResident,
        int unusedWarmTables,
        long unusedTableBytesResident,
        int unusedWarmStacks,
        int pendingMemoryResets,
        int imagedModules) {

    /** One {@code name: value} line per counter, as {@code wasmrun run --stats} prints them. */
    public String describe() {
        return String.join(
                System.lineSeparator(),
                "core instances: " + coreInstances,
                "memories: " + memories,
                "tables: " + tables,
                "stacks: " + stacks,
                "unused warm memories: " + unusedWarmMemories,
                "unused memory bytes resident: " + Sizes.format(unusedMemoryBytesResident),
                "unused warm tables: " + unusedWarmTables,
                "unused table bytes resident: " + Sizes.format(unusedTableBytesResident),
                "unused warm stacks: " + unusedWarmStacks,
                "pending memory resets: " + pendingMemoryResets,
                "modules with memory images: " + imagedModules);
    }
}
