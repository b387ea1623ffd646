;; scripts/fuzz --seed 2027 module 26833 (ttf), reduced by hand: under */interpreter export func_8
;; did not trap at i32.trunc_f64_u. Chicory's interpreter pushes i32.mul's product as a long,
;; untruncated, and `if` tests the whole long: 32766 * 0x80000000 is 0 as an i32, but the `then`
;; branch was taken (there a br back to a loop), so the conversion of 2^63 never ran. Fixed by
;; engine/InterpreterChecks (i32.mul).
(module
  (func (export "trunc") (result i32)
    (if (result f64) (i32.mul (i32.const 32766) (i32.const 0x80000000))
      (then (f64.const 0))
      (else (f64.const 0x1p63)))
    i32.trunc_f64_u))
