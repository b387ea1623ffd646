package io.wasmrun;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.ExternalType;
import io.wasmrun.runtime.Signatures;
import java.util.Optional;

/**
 * What a host function sees of the guest that called it: the calling instance's exports, chiefly
 * its memory, where guests pass strings and buffers.
 */
public final class Caller {
    private final Store store;
    private final Instance instance;

    Caller(Store store, Instance instance) {
        this.store = store;
        this.instance = instance;
    }

    public Store store() {
        return store;
    }

    /** The caller's exported memory {@code name}, if there is one. */
    public Optional<Memory> memory(String name) {
        return Signatures.export(instance.module(), name)
                .filter(e -> e.exportType() == ExternalType.MEMORY)
                .map(e -> new Memory(store, instance.memory(e.index())));
    }

    /** The caller's first memory (imported or its own), if it has one. */
    public Optional<Memory> memory() {
        var module = instance.module();
        boolean hasMemory = module.importSection().count(ExternalType.MEMORY) > 0
                || module.memorySection().map(s -> s.memoryCount() > 0).orElse(false);
        return hasMemory ? Optional.of(new Memory(store, instance.memory(0))) : Optional.empty();
    }
}
