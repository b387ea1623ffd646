package io.wasmrun.allocator;

/**
 * A memory protection key (Intel MPK / {@code pkey_alloc}) that tags a stripe of memory slots.
 *
 * @param value the kernel's key number
 */
public record ProtectionKey(int value) {}
