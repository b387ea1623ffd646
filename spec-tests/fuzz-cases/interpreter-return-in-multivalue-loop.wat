;; Chicory 1.7.5's interpreter: a return from a loop with two or more results, after a br back to
;; it, clobbered the caller's operand stack: "call" returned 0 -1 instead of 5 -1. The compiler is
;; right. Found as missing-trap@f64.load, log-value:i64 and result-value:f32 in */interpreter.
;; Fixed in wasmrun by engine/StackFloor.java; bounds/interpreter-multivalue-return.wast has the
;; variants.
(module
  (func $f (result i32) (local i32)
    (loop (result f32 f64)
      (if (local.get 0) (then (return (i32.const -1))))
      (local.set 0 (i32.const 1))
      (br 0))
    drop drop (i32.const 0))
  (func (export "call") (result i32 i32) (i32.const 5) (call $f)))
