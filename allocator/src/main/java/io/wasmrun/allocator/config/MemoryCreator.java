package io.wasmrun.allocator.config;

import java.util.OptionalLong;

/**
 * Lets an embedder supply host-managed memory for every linear memory the on-demand allocator
 * creates, like wasmtime's {@code MemoryCreator}. The allocator wraps the result in a {@code
 * SegmentMemory}, so the embedder's memory gets the same bounds checks and semantics.
 */
@FunctionalInterface
public interface MemoryCreator {

    /**
     * Creates a memory of {@code minimumBytes} zeroed bytes.
     *
     * @param type the memory type as declared by the module
     * @param minimumBytes the initial size in bytes
     * @param maximumBytes the most the memory may ever grow to, after the allocator's limits
     * @param reservedSizeInBytes if present, the allocator asks for this much room to grow in place
     * @param guardSizeInBytes the inaccessible bytes the allocator would put after the memory
     * @return the new memory; its {@link LinearMemory#byteSize()} is {@code minimumBytes}
     */
    LinearMemory newMemory(
            DeclaredMemory type,
            long minimumBytes,
            OptionalLong maximumBytes,
            OptionalLong reservedSizeInBytes,
            long guardSizeInBytes);
}
