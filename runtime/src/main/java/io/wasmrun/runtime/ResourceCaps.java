package io.wasmrun.runtime;

/**
 * A store's caps on each memory and table of its instances, below the allocator's own limits: a
 * minimum above the cap fails instantiation, and the maximum the allocator sees is lowered to the
 * cap, so {@code memory.grow} and {@code table.grow} past it return -1.
 *
 * @param memoryPages pages each memory may have
 * @param tableElements elements each table may have
 */
public record ResourceCaps(long memoryPages, long tableElements) {
    /** No caps. */
    public static final ResourceCaps NONE = new ResourceCaps(Long.MAX_VALUE, Long.MAX_VALUE);
}
