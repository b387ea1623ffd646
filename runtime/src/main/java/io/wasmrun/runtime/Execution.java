package io.wasmrun.runtime;

import com.dylibso.chicory.wasm.WasmModule;
import io.wasmrun.Trap;
import io.wasmrun.WasmrunException;

/** Rethrows what escaped a guest call as the exception wasmrun's callers expect. */
final class Execution {
    private Execution() {}

    /**
     * Returns the exception to throw for {@code error}: a {@link Trap} for traps, the error
     * itself when it is unchecked and not a trap (a WASI exit, a host failure), wrapped otherwise.
     */
    static RuntimeException translate(Throwable error, WasmModule module) {
        Trap trap = TrapClassifier.classify(error, module);
        if (trap != null) {
            return trap;
        }
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new WasmrunException(String.valueOf(error.getMessage()), error);
    }
}
