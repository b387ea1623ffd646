package io.wasmrun.allocator.config;

import java.lang.foreign.MemorySegment;

/**
 * The storage behind one linear memory, like wasmtime's {@code LinearMemory}: a contiguous run of
 * bytes that can grow. {@code SegmentMemory} executes wasm against it and does every bounds check
 * itself, so an implementation only has to keep {@link #byteSize()} bytes at {@link #segment()}
 * readable and writable.
 *
 * <p>Calls come from one thread at a time (the memory serialises {@link #growTo}); a memory that
 * is {@code shared} must never move, i.e. {@link #segment()} must stay the same across growth.
 */
public interface LinearMemory extends AutoCloseable {

    /**
     * The memory's bytes, starting at offset 0 and at least {@link #byteSize()} long: a native
     * segment (e.g. from an {@link java.lang.foreign.Arena} or a mapping), 8-byte aligned for
     * atomics. May change after {@link #growTo}; {@code SegmentMemory} asks again after each
     * growth.
     */
    MemorySegment segment();

    /** The current size in bytes, a multiple of the 64 KiB wasm page. */
    long byteSize();

    /** The size this memory can grow to without moving, in bytes. */
    long byteCapacity();

    /**
     * Grows the memory to {@code newByteSize} bytes (a multiple of 64 KiB, larger than the
     * current size); the new bytes read as zero.
     *
     * @throws RuntimeException if the memory cannot grow; the memory is unchanged and the guest's
     *     {@code memory.grow} returns -1
     */
    void growTo(long newByteSize);

    /** Sets every byte to zero. The default writes zeros; implementations may drop pages. */
    default void zero() {
        segment().asSlice(0, byteSize()).fill((byte) 0);
    }

    /** Frees the storage; the memory is not used afterwards. */
    @Override
    void close();
}
