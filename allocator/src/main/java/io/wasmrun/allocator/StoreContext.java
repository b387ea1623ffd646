package io.wasmrun.allocator;

/**
 * What the allocator knows of the store an instance lives in.
 *
 * @param id a process-unique store number
 * @param protectionKey the store's protection key, or {@code null} without keys
 */
public record StoreContext(long id, ProtectionKey protectionKey) {}
