;; Not a bug: both f64x2 lanes of the add are NaN + NaN, whose payload the spec leaves to the engine
;; (any arithmetic NaN); V8 keeps the first operand's, wasmrun's lowering (Chicory's scalar f64.add
;; on the JVM) the first or the second's depending on the JVM's tier (in the campaign all four
;; configurations, in a replay the two compiler ones), and the i8x16.add carries the bits on: V8
;; logs v128:0xfefefefeffff3fc6fffff57e0fff0000, wasmrun v128:0xfefed50754805d4dffff77b552f00000.
;; Found by the seed-3002 --features +simd campaign (module 3002-3432, log-value:v128, reduced by
;; wasm-reduce; 3002-4300 is the same through i8x16.extract_lane_u into an address). Binaryen
;; 108's --denan leaves SIMD alone, so it survived the --denan recheck until the fuzzer de-NaN'd
;; f32x4 and f64x2 results itself (spec-tests/.../fuzz/SimdDenan.java); now it vanishes there.
(module
  (import "fuzzing-support" "log-v128" (func $log-v128 (param v128)))
  (func (export "func")
    (call $log-v128
      (i8x16.add
        (v128.const i32x4 0x10000000 0x0000f67f 0x00005d4d 0xffffffff)
        (f64x2.add
          (v128.const i32x4 0xffff0000 0xffffffff 0xffffe279 0xffffffff)
          (v128.const i32x4 0x42f00000 0xffff8136 0x54800000 0xffffd608))))))
