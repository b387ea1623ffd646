package io.wasmrun;

import java.util.OptionalLong;

/**
 * A linear memory's limits, in 64 KiB pages.
 *
 * @param minimumPages the initial size
 * @param maximumPages the size it may grow to, if the module bounds it
 * @param shared whether it is a shared memory (threads proposal)
 */
public record MemoryType(long minimumPages, OptionalLong maximumPages, boolean shared) implements ExternType {}
