package io.wasmrun.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dylibso.chicory.wasm.Parser;
import io.wasmrun.text.Wat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code wasmrun inspect} and the REPL's {@code :exports} print for a module with v128 in its interface. */
class ModuleSummaryV128Test {

    @Test
    void v128ParametersResultsAndGlobalsAreSpelledAsInTheTextFormat() {
        byte[] wasm = Wat.toBinary("""
                (module
                  (import "host" "mix" (func (param v128 f32) (result v128)))
                  (func (export "blend") (param v128 i32) (result v128 i32) local.get 0 local.get 1)
                  (global (export "g") (mut v128) (v128.const i32x4 1 2 3 4)))
                """, "simd.wat");
        var summary = new ModuleSummary(Parser.parse(wasm));

        assertEquals(List.of("host.mix: func(v128, f32) -> v128"), summary.imports());
        assertEquals(List.of("blend: func(v128, i32) -> (v128, i32)", "g: global 0"), summary.exports());
        assertEquals(List.of("0: global mut v128"), summary.globals());
    }
}
