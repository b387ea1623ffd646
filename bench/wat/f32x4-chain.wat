;; A chain of f32x4 multiply-adds on locals against the same work as four scalar f32 chains: what
;; a lane-wise SIMD instruction costs after the lowering (runtime/PERFORMANCE.md, "SIMD").
;;   scripts/wasmrun --invoke simd bench/wat/f32x4-chain.wat 100000000
;;   scripts/wasmrun --invoke scalar bench/wat/f32x4-chain.wat 100000000
(module
  (func (export "simd") (param $n i32) (result f32)
    (local $v v128) (local $a v128) (local $b v128)
    (local.set $v (f32x4.splat (f32.const 1)))
    (local.set $a (f32x4.splat (f32.const 0.999)))
    (local.set $b (f32x4.splat (f32.const 0.001)))
    (loop $l
      (local.set $v (f32x4.add (f32x4.mul (local.get $v) (local.get $a)) (local.get $b)))
      (local.set $v (f32x4.add (f32x4.mul (local.get $v) (local.get $a)) (local.get $b)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f32x4.extract_lane 3 (local.get $v)))
  (func (export "scalar") (param $n i32) (result f32)
    (local $v0 f32) (local $v1 f32) (local $v2 f32) (local $v3 f32)
    (local.set $v0 (f32.const 1)) (local.set $v1 (f32.const 1)) (local.set $v2 (f32.const 1)) (local.set $v3 (f32.const 1))
    (loop $l
      (local.set $v0 (f32.add (f32.mul (local.get $v0) (f32.const 0.999)) (f32.const 0.001)))
      (local.set $v1 (f32.add (f32.mul (local.get $v1) (f32.const 0.999)) (f32.const 0.001)))
      (local.set $v2 (f32.add (f32.mul (local.get $v2) (f32.const 0.999)) (f32.const 0.001)))
      (local.set $v3 (f32.add (f32.mul (local.get $v3) (f32.const 0.999)) (f32.const 0.001)))
      (local.set $v0 (f32.add (f32.mul (local.get $v0) (f32.const 0.999)) (f32.const 0.001)))
      (local.set $v1 (f32.add (f32.mul (local.get $v1) (f32.const 0.999)) (f32.const 0.001)))
      (local.set $v2 (f32.add (f32.mul (local.get $v2) (f32.const 0.999)) (f32.const 0.001)))
      (local.set $v3 (f32.add (f32.mul (local.get $v3) (f32.const 0.999)) (f32.const 0.001)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f32.add (local.get $v3) (local.get $v0)))
)
