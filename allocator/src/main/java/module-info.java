/**
 * wasmrun's instance allocators: on-demand and pooling, memories reserved and protected through
 * the FFM API (run with {@code --enable-native-access=io.wasmrun.allocator}). Embedders see only
 * {@code io.wasmrun.allocator.config}; the allocators, which speak Chicory's memory and table
 * types, are for the runtime and the WASI host.
 */
module io.wasmrun.allocator {
    requires com.dylibso.chicory.runtime;
    requires com.dylibso.chicory.wasm;

    exports io.wasmrun.allocator.config;
    exports io.wasmrun.allocator to io.wasmrun.runtime, io.wasmrun.wasi;
    exports io.wasmrun.allocator.memory to io.wasmrun.runtime, io.wasmrun.wasi;
    exports io.wasmrun.allocator.ondemand to io.wasmrun.runtime;
    exports io.wasmrun.allocator.pooling to io.wasmrun.runtime;
    exports io.wasmrun.allocator.sys to io.wasmrun.runtime, io.wasmrun.wasi;
}
