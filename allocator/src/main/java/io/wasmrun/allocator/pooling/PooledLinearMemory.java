package io.wasmrun.allocator.pooling;

import static io.wasmrun.allocator.sys.LinuxConstants.MADV_DONTNEED;

import io.wasmrun.allocator.config.LinearMemory;
import io.wasmrun.allocator.sys.Libc;
import java.lang.foreign.MemorySegment;

/**
 * One tenancy of a {@link MemoryPool} slot: the bytes at the slot's start, growing in place by
 * {@code mprotect} up to the slot's reservation. {@link #close()} gives the slot back for its
 * reset. A new object per tenancy, so a stale reference to a previous tenant's memory can only
 * fail, never reach the next tenant's bytes.
 */
final class PooledLinearMemory implements LinearMemory {
    private final MemoryPool pool;
    private final int slot;
    private final MemorySegment segment;
    private final long maximumBytes;
    private final boolean imageMapped;
    private long byteSize;
    private boolean fresh;
    private boolean closed;

    PooledLinearMemory(
            MemoryPool pool,
            int slot,
            MemorySegment segment,
            long initialBytes,
            long maximumBytes,
            boolean imageMapped,
            boolean preinitialized) {
        this.pool = pool;
        this.slot = slot;
        this.segment = segment;
        this.byteSize = initialBytes;
        this.maximumBytes = maximumBytes;
        this.imageMapped = imageMapped;
        // A preinitialized memory's SegmentMemory skips Chicory's zero(); otherwise that first
        // zero() finds the slot already zeroed by its reset.
        this.fresh = !preinitialized;
    }

    /** The pool slot this memory occupies. */
    int slot() {
        return slot;
    }

    @Override
    public MemorySegment segment() {
        return segment;
    }

    @Override
    public long byteSize() {
        return byteSize;
    }

    @Override
    public long byteCapacity() {
        return segment.byteSize();
    }

    @Override
    public void growTo(long newByteSize) {
        if (closed) {
            throw new IllegalStateException("memory closed");
        }
        if (newByteSize > maximumBytes) {
            throw new IllegalArgumentException(
                    "size " + newByteSize + " exceeds maximum " + maximumBytes);
        }
        pool.grow(slot, newByteSize);
        byteSize = newByteSize;
    }

    /**
     * Zeroes the memory. The first call after allocation is free: a slot comes out of its reset
     * holding zeros (Chicory's instantiation zeroes every memory before copying data into it).
     */
    @Override
    public void zero() {
        if (fresh) {
            fresh = false;
            return;
        }
        if (imageMapped) {
            // madvise would bring the image back, not zeros.
            segment.asSlice(0, byteSize).fill((byte) 0);
        } else if (byteSize > 0) {
            Libc.madvise(segment, byteSize, MADV_DONTNEED);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            pool.release(slot);
        }
    }
}
