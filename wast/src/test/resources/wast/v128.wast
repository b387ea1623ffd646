;; Chicory 1.7.5 cannot execute SIMD: the runtime refuses v128 modules at load, so the module,
;; the commands that use it and a module that imports from it are skipped.
(module
  (func (export "id") (param v128) (result v128) (local.get 0)) (global (export "g") v128 (v128.const i64x2 0 0))
)
(assert_return (invoke "id" (v128.const i32x4 1 2 3 -1)) (v128.const i32x4 1 2 3 -1))
(assert_return (invoke "id" (v128.const f32x4 nan 1 2 3)) (v128.const f32x4 nan:canonical 1 2 3))
(register "simd")
(module (import "simd" "g" (global v128)))
(assert_malformed (module quote "(func (v128.const i32x4 1))") "unexpected token")
(module (func (export "scalar") (result i32) (i32.const 1)))
(assert_return (invoke "scalar") (i32.const 1))
