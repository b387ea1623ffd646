;; SIMD modules run (lowered to scalar code), also linked to each other through a v128 global. A
;; module that uses SIMD together with garbage-collected types is refused at load, so it, the
;; commands that use it and a module that imports from it are skipped.
(module
  (func (export "id") (param v128) (result v128) (local.get 0)) (global (export "g") v128 (v128.const i64x2 0 7))
)
(assert_return (invoke "id" (v128.const i32x4 1 2 3 -1)) (v128.const i32x4 1 2 3 -1))
(assert_return (invoke "id" (v128.const f32x4 nan 1 2 3)) (v128.const f32x4 nan:canonical 1 2 3))
(register "simd")
(module (import "simd" "g" (global $g v128)) (func (export "high") (result i64) (i64x2.extract_lane 1 (global.get $g))))
(assert_return (invoke "high") (i64.const 7))
(module (rec (type (func))) (func (export "gc") (result v128) (v128.const i64x2 0 0)))
(assert_return (invoke "gc") (v128.const i64x2 0 0))
(register "gc")
(module (import "gc" "gc" (func (result v128))))
(assert_malformed (module quote "(func (v128.const i32x4 1))") "unexpected token")
(module (func (export "scalar") (result i32) (i32.const 1)))
(assert_return (invoke "scalar") (i32.const 1))
