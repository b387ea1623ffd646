package io.wasmrun.allocator.memory;

import java.lang.foreign.MemorySegment;

/**
 * A range of address space that a linear memory lives in: {@link #reservedBytes()} usable bytes
 * followed by {@link #guardBytes()} that are never accessible. Only the first {@link
 * #committedBytes()} are readable and writable; the rest stays {@code PROT_NONE} until committed.
 *
 * <p>Implementations are not thread-safe; the memory that owns a region serialises calls.
 */
public interface VirtualRegion {

    /**
     * The usable part, {@link #reservedBytes()} long. Only its first {@link #committedBytes()} may
     * be touched. The segment changes only when {@link #relocate} moves the region.
     */
    MemorySegment segment();

    /** Bytes that can be committed without moving the region. */
    long reservedBytes();

    /** Inaccessible bytes mapped right after the reserved part. */
    long guardBytes();

    /** Bytes from the start that are readable and writable. */
    long committedBytes();

    /** Makes the first {@code bytes} readable and writable; new bytes read as zero. */
    void commit(long bytes);

    /**
     * Zeroes {@code length} committed bytes from {@code offset}, giving the physical pages back to
     * the OS where possible; the range stays committed.
     */
    void discard(long offset, long length);

    /** Zeroes and decommits everything after the first {@code keepBytes}. */
    void decommit(long keepBytes);

    /** Whether {@link #relocate} may move this region (false for pool slots). */
    boolean canRelocate();

    /**
     * Grows the reservation to {@code newReservedBytes}, moving the committed pages (with their
     * contents) if the range cannot be extended in place. The {@link #segment()} changes.
     *
     * @throws UnsupportedOperationException if {@link #canRelocate()} is false
     */
    void relocate(long newReservedBytes);

    /** Gives the range back; the region must not be used afterwards. Idempotent. */
    void release();
}
