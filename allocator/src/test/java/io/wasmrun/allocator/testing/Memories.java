package io.wasmrun.allocator.testing;

import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import io.wasmrun.allocator.memory.MmapRegion;
import io.wasmrun.allocator.memory.RegionLinearMemory;
import io.wasmrun.allocator.memory.SegmentMemory;

/** Builds mapped memories directly, without an allocator. */
public final class Memories {
    public static final int PAGE = Memory.PAGE_SIZE;

    private Memories() {}

    /** A memory whose reservation covers its maximum, with a 1 MiB guard. */
    public static SegmentMemory mapped(int initialPages, int maximumPages, boolean shared) {
        return mapped(initialPages, maximumPages, shared, (long) maximumPages * PAGE, 1 << 20, 0);
    }

    public static SegmentMemory mapped(
            int initialPages,
            int maximumPages,
            boolean shared,
            long reservation,
            long guard,
            long growthReserve) {
        MemoryLimits limits = new MemoryLimits(initialPages, maximumPages, shared);
        RegionLinearMemory backing =
                new RegionLinearMemory(
                        MmapRegion.reserve(reservation, guard),
                        (long) initialPages * PAGE,
                        (long) maximumPages * PAGE,
                        growthReserve);
        return new SegmentMemory(backing, limits, maximumPages);
    }
}
