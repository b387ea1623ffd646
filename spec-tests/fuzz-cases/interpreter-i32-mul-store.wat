;; scripts/fuzz --seed 2026 module 33282 (--denan), reduced by hand from
;; interpreter-transfer-after-branch.wat: under */interpreter the memory after the trap at
;; i32.load16_s lacked the store before it. Chicory's interpreter pushes i32.mul's product as a
;; long, untruncated, and `if` tests the whole long: 0x80000000 * -24262 is 0 as an i32, but the
;; `then` branch (a br over the store) was taken. Fixed by engine/InterpreterChecks (i32.mul).
(module
  (memory (export "memory") 1)
  (func (export "store")
    (block
      (if (result i32) (i32.mul (i32.const 0x80000000) (i32.const -24262))
        (then (br 1))
        (else (i32.const 1)))
      (i32.store8 offset=4 (i32.const 63)))
    (drop (i32.load16_s (i32.const -32769)))))
