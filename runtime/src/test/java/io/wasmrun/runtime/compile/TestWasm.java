package io.wasmrun.runtime.compile;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test module pending-loop.wasm: {@code run(n)} returns 1000 + n(n-1)/2 + n. */
final class TestWasm {
    private TestWasm() {}

    static byte[] pendingLoopBytes() {
        try (InputStream in = TestWasm.class.getResourceAsStream("/compile/pending-loop.wasm")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WasmModule pendingLoop() {
        return Parser.parse(pendingLoopBytes());
    }
}
