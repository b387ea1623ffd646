;; scripts/fuzz --seed 2026 module 65190, reduced: f64.max(0, -nan:0xfffffffffffa2) is an arithmetic NaN; wasmrun returns the
;; operand (0xffffffffffffffa2), V8 the canonical -nan (0xfff8000000000000). Both are allowed by the spec;
;; the NaN is stored, its low byte read back and used by select, so one engine traps at
;; i32.trunc_f32_s (integer overflow) and the other returns. A NaN payload reaching control flow, which
;; the fuzzer does not recheck on the --denan variant for traps.
(module
  (type (;0;) (func (param i32)))
  (type (;1;) (func))
  (func (;0;) (type 0) (param i32)
    i32.const 1
    f64.const 0x0p+0 (;=0;)
    f64.const -nan:0xfffffffffffa2 (;=-nan;)
    f64.max
    f64.store offset=22)
  (func (;1;) (type 1)
    f32.const -0x1p+32 (;=-4.29497e+09;)
    f32.const 0x0p+0 (;=0;)
    i32.const 23
    i32.load8_u
    select
    i32.trunc_f32_s
    drop)
  (memory (;0;) 16 17)
  (export "func_12" (func 0))
  (export "func_12_invoker" (func 1)))
