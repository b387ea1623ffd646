;; v128 arguments and results pass through lane by lane.
(module
  (func (export "id") (param v128) (result v128) (local.get 0))
)
(assert_return (invoke "id" (v128.const i32x4 1 2 3 -1)) (v128.const i32x4 1 2 3 -1))
(assert_return (invoke "id" (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1)) (v128.const i16x8 0x0100 0x0302 0x0504 0x0706 0x0908 0x0b0a 0x0d0c 0xff0e))
(assert_return (invoke "id" (v128.const f32x4 nan 1 2 3)) (v128.const f32x4 nan:canonical 1 2 3))
(assert_return (invoke "id" (v128.const f64x2 0.5 -0)) (v128.const i64x2 0x3fe0000000000000 0x8000000000000000))
