package io.wasmrun.cli;

import io.wasmrun.allocator.InstanceAllocator;
import io.wasmrun.allocator.config.AllocatorMetrics;
import io.wasmrun.allocator.pooling.PoolingInstanceAllocator;
import io.wasmrun.allocator.sys.Sizes;
import java.io.PrintStream;

/** Prints an allocator's counters ({@code --stats}, {@code wasmrun bench}). */
final class AllocatorStats {
    private AllocatorStats() {}

    static void print(InstanceAllocator allocator, PrintStream out) {
        out.println("allocator: " + allocator.name());
        String text;
        if (allocator instanceof PoolingInstanceAllocator pooling) {
            text = pooling.poolingMetrics().describe();
        } else {
            AllocatorMetrics m = allocator.metrics();
            text = String.join(
                    System.lineSeparator(),
                    "core instances: " + m.liveInstances(),
                    "memories: " + m.liveMemories(),
                    "tables: " + m.liveTables(),
                    "stacks: " + m.liveStacks(),
                    "unused warm slots: " + m.unusedWarmSlots(),
                    "resident bytes: " + Sizes.format(m.residentBytes()));
        }
        for (String line : text.split("\\R")) {
            out.println("  " + line);
        }
    }
}
