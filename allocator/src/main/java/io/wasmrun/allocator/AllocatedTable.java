package io.wasmrun.allocator;

import com.dylibso.chicory.runtime.TableInstance;

/**
 * A table and where it came from.
 *
 * @param table the table, as Chicory executes against it
 * @param allocationIndex the allocator's index for it (a pool slot, or -1 when not pooled)
 */
public record AllocatedTable(TableInstance table, int allocationIndex) {}
