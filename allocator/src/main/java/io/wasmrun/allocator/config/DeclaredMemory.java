package io.wasmrun.allocator.config;

import java.util.OptionalLong;

/**
 * A linear memory's type as the module declares it, in 64 KiB pages: what a {@link MemoryCreator}
 * is told about the memory it creates.
 *
 * @param minimumPages the initial size
 * @param maximumPages the declared maximum, if any
 * @param shared whether the memory is shared between threads
 */
public record DeclaredMemory(long minimumPages, OptionalLong maximumPages, boolean shared) {}
