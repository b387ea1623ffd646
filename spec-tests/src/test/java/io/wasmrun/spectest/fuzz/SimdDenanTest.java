package io.wasmrun.spectest.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wasmrun.text.Wat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimdDenanTest {
    /** The reduced module 3002-3432 of the first SIMD campaigns, as binaryen prints it. */
    static final String MODULE =
            """
            (module
             (type $v128_=>_none (func (param v128)))
             (import "fuzzing-support" "log-v128" (func $fimport$0 (param v128)))
             (data (i32.const 0) "(f32x4.add \\" ;; )")
             (memory $0 1)
             (export "func" (func $0))
             (func $0
              ;; (f64x2.mul in a comment)
              (call $fimport$0
               (i8x16.add
                (v128.const i32x4 0x10000000 0x0000f67f 0x00005d4d 0xffffffff)
                (f64x2.add
                 (v128.const i32x4 0xffff0000 0xffffffff 0xffffe279 0xffffffff)
                 (v128.const i32x4 0x42f00000 0xffff8136 0x54800000 0xffffd608)
                )
               )
              )
              (drop (f32x4.pmin (v128.const i64x2 0 0) (f32x4.sqrt (v128.const i64x2 -1 -1))))
             )
            )
            """;

    @Test
    void wrapsTheFloatResultsWhosePayloadTheEngineChooses() {
        String out = SimdDenan.apply(MODULE);
        assertTrue(out.contains("(call $__wasmrun_deNanF64x2 (f64x2.add"), out);
        assertTrue(out.contains("(call $__wasmrun_deNanF32x4 (f32x4.sqrt (v128.const i64x2 -1 -1))))"), out);
        assertTrue(out.contains("(drop (f32x4.pmin"), "pmin chooses no payload: " + out);
        assertTrue(out.contains("\"(f32x4.add \\\" ;; )\""), "strings stay: " + out);
        assertTrue(out.contains(";; (f64x2.mul in a comment)\n"), "comments stay: " + out);
        assertEquals(1, out.split("\\(func \\$__wasmrun_deNanF64x2 ").length - 1, out);
    }

    @Test
    void theResultRunsWithNaNLanesAsZero() {
        byte[] wasm = Wat.toBinary(SimdDenan.apply(MODULE), "denan.wat");
        try (var runner = new WasmrunRunner(FuzzConfiguration.ALL.getFirst(), new MemoryCompileCache())) {
            var events = runner.run("denan.wasm", wasm, false).events();
            // both f64x2 lanes of the add are NaNs: now 0, so the i8x16.add returns its first operand
            assertEquals(List.of(new Event.Call("func"), new Event.Log(List.of(Value.v128(0x0000f67f10000000L, 0xffffffff00005d4dL))),
                    new Event.Returned(List.of())), events);
        }
    }

    @Test
    void aModuleWithoutSuchInstructionsStaysAsItIs() {
        String plain = "(module (func (drop (f32x4.abs (v128.const i64x2 0 0)))))";
        assertSame(plain, SimdDenan.apply(plain));
        assertNull(SimdDenan.apply("(module (func (drop (f64x2.add (v128.const i64x2 0 0) (v128.const i64x2 0 0)))))) trailing"));
        assertEquals(null, SimdDenan.helper("i32x4.add"));
        assertEquals(SimdDenan.F32X4_HELPER, SimdDenan.helper("f32x4.demote_f64x2_zero"));
        assertEquals(SimdDenan.F64X2_HELPER, SimdDenan.helper("f64x2.promote_low_f32x4"));
    }
}
