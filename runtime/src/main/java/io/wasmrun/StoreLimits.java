package io.wasmrun;

/**
 * What a {@link Store} lets its guests take, like wasmtime's {@code StoreLimits}: instances, and
 * the size every linear memory and table may have. A module whose memory or table starts larger
 * fails to instantiate; {@code memory.grow} and {@code table.grow} past the limit return -1.
 *
 * @param maxInstances instances the store may hold at once
 * @param maxMemoryBytes bytes each memory may grow to (rounded down to whole 64 KiB pages)
 * @param maxTableElements elements each table may grow to
 */
public record StoreLimits(int maxInstances, long maxMemoryBytes, long maxTableElements) {
    private static final StoreLimits UNLIMITED = new StoreLimits(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    public StoreLimits {
        if (maxInstances < 0 || maxMemoryBytes < 0 || maxTableElements < 0) {
            throw new IllegalArgumentException("store limits must not be negative");
        }
    }

    /** No limit beyond the allocator's. */
    public static StoreLimits unlimited() {
        return UNLIMITED;
    }

    public StoreLimits withMaxInstances(int max) {
        return new StoreLimits(max, maxMemoryBytes, maxTableElements);
    }

    public StoreLimits withMaxMemoryBytes(long max) {
        return new StoreLimits(maxInstances, max, maxTableElements);
    }

    public StoreLimits withMaxTableElements(long max) {
        return new StoreLimits(maxInstances, maxMemoryBytes, max);
    }

    /** {@link #maxMemoryBytes} in pages, at most what an int holds. */
    long maxMemoryPages() {
        return Math.min(maxMemoryBytes / 65536, Integer.MAX_VALUE);
    }
}
