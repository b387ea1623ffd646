package io.wasmrun.allocator;

import java.util.Objects;

/**
 * One instantiation's request to the allocator: the module and the store the instance joins.
 *
 * @param module the module being instantiated
 * @param store the store context
 */
public record AllocationRequest(ModuleInfo module, StoreContext store) {
    public AllocationRequest {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(store, "store");
    }
}
