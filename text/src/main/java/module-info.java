/** The WebAssembly text format: {@code .wat} modules to binary, and {@code .wast} scripts. */
module io.wasmrun.text {
    exports io.wasmrun.text;
    exports io.wasmrun.text.wast;
}
