;; The SIMD lowering (runtime/.../simd/Operands.java): a scalar pushed between two v128 values
;; ends up above the second one when that one is the result of a SIMD instruction whose result
;; is declared as halves (v128.const here; i32x4.add, shuffles, loads, ... too), so with an i64
;; in between the values come back rotated: V8 logs v128:0x00000004000000030000000200000001,
;; i64:5, v128:0x00000009000000080000000700000006; every wasmrun configuration logs the first
;; v128, then i64:30064771078 (0x0000000700000006, the second v128's low half) and
;; v128:0x00000000000000050000000900000008 (its high half, then the i64). Found by the seed-3001
;; --features +simd campaign as result-value:i64, result-value:v128 and memory-state:end; with
;; an i32, f32 or f64 in between the lowering does not validate (simd-scalar-between-v128-invalid.wat).
(module
  (import "fuzzing-support" "log-i64" (func $log-i64 (param i64)))
  (import "fuzzing-support" "log-v128" (func $log-v128 (param v128)))
  (func $three (result v128 i64 v128)
    (v128.const i32x4 1 2 3 4) (i64.const 5) (v128.const i32x4 6 7 8 9))
  (func (export "call") (local $a v128) (local $b i64) (local $c v128)
    (call $three) (local.set $c) (local.set $b) (local.set $a)
    (call $log-v128 (local.get $a)) (call $log-i64 (local.get $b)) (call $log-v128 (local.get $c)))
  (func (export "direct") (result v128 i64 v128)
    (call $three)))
