package io.wasmrun.allocator;

import com.dylibso.chicory.runtime.Memory;

/**
 * A linear memory and where it came from, so that it can be given back to the same place.
 *
 * @param memory the memory, as Chicory executes against it
 * @param allocationIndex the allocator's index for it (a pool slot, or -1 when not pooled)
 */
public record AllocatedMemory(Memory memory, int allocationIndex) {}
