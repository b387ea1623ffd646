package io.wasmrun.allocator.memory;

import io.wasmrun.allocator.config.LinearMemory;
import java.lang.foreign.MemorySegment;

/**
 * A {@link LinearMemory} committed page by page inside a {@link VirtualRegion}. It never moves
 * while it fits the region's reservation; beyond that it relocates the region (when the region
 * allows it) to the new size plus {@code growthReserve}, so that a run of small grows moves it
 * only once.
 */
public final class RegionLinearMemory implements LinearMemory {
    private final VirtualRegion region;
    private final long maximumBytes;
    private final long growthReserve;
    private long byteSize;

    /**
     * Commits the first {@code initialBytes} of {@code region} and takes ownership of it.
     *
     * @param region where the memory lives; released by {@link #close()}
     * @param initialBytes the initial size
     * @param maximumBytes the largest size {@link #growTo} accepts
     * @param growthReserve extra bytes to reserve whenever the region must be moved
     */
    public RegionLinearMemory(
            VirtualRegion region, long initialBytes, long maximumBytes, long growthReserve) {
        if (initialBytes > maximumBytes) {
            throw new IllegalArgumentException(
                    "initial size " + initialBytes + " exceeds maximum " + maximumBytes);
        }
        this.region = region;
        this.maximumBytes = maximumBytes;
        this.growthReserve = growthReserve;
        if (initialBytes > region.reservedBytes()) {
            region.relocate(initialBytes);
        }
        region.commit(initialBytes);
        this.byteSize = initialBytes;
    }

    /** The region this memory lives in. */
    public VirtualRegion region() {
        return region;
    }

    @Override
    public MemorySegment segment() {
        return region.segment();
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    @Override
    public long byteCapacity() {
        return region.reservedBytes();
    }

    @Override
    public void growTo(long newByteSize) {
        if (newByteSize > maximumBytes) {
            throw new IllegalArgumentException(
                    "size " + newByteSize + " exceeds maximum " + maximumBytes);
        }
        if (newByteSize > region.reservedBytes()) {
            if (!region.canRelocate()) {
                throw new IllegalStateException(
                        "size " + newByteSize + " exceeds the fixed reservation of "
                                + region.reservedBytes());
            }
            region.relocate(Math.min(maximumBytes, newByteSize + growthReserve));
        }
        region.commit(newByteSize);
        byteSize = newByteSize;
    }

    @Override
    public void zero() {
        region.discard(0, byteSize);
    }

    @Override
    public void close() {
        region.release();
    }
}
