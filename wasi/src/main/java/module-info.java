/**
 * wasmrun's WASI preview1 host. Embedders configure a guest with {@code io.wasmrun.wasi}; the
 * host itself ({@code io.wasmrun.wasi.preview1}) is for the runtime.
 */
module io.wasmrun.wasi {
    requires io.wasmrun.allocator;
    requires java.management;
    requires jdk.management;
    requires com.dylibso.chicory.runtime;
    requires com.dylibso.chicory.wasm;

    exports io.wasmrun.wasi;
    exports io.wasmrun.wasi.preview1 to io.wasmrun.runtime;
}
