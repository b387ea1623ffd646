;; Chicory 1.7.5's interpreter multiplies i32.mul's operands as longs and pushes the product
;; untruncated; most instructions read an i32 operand as an int, but `if` tests the whole long, so a
;; product that is 0 mod 2^32 took the `then` branch. wasmrun's InterpreterChecks gives i32.mul
;; operands whose long product is the int product.

(module
  (memory (export "memory") 1)

  (func (export "mul-if") (param i32 i32) (result i32)
    (if (result i32) (i32.mul (local.get 0) (local.get 1))
      (then (i32.const 1))
      (else (i32.const 0))))

  (func (export "mul-eqz") (param i32 i32) (result i32)
    (i32.eqz (i32.mul (local.get 0) (local.get 1))))

  (func (export "mul") (param i32 i32) (result i32)
    (i32.mul (local.get 0) (local.get 1)))

  (func (export "mul-extend-u") (param i32 i32) (result i64)
    (i64.extend_i32_u (i32.mul (local.get 0) (local.get 1))))

  ;; fuzz case 2027-26833: the `else` (2^63) is taken, so the conversion traps
  (func (export "mul-if-trunc") (result i32)
    (if (result f64) (i32.mul (i32.const 32766) (i32.const 0x80000000))
      (then (f64.const 0))
      (else (f64.const 0x1p63)))
    (i32.trunc_f64_u))

  ;; fuzz case 2026-33282: the `else` is taken, so the store is made before the trap
  (func (export "mul-if-store")
    (block
      (if (result i32) (i32.mul (i32.const 0x80000000) (i32.const -24262))
        (then (br 1))
        (else (i32.const 1)))
      (i32.store8 offset=4 (i32.const 63)))
    (drop (i32.load16_s (i32.const -32769))))

  (func (export "load8") (param i32) (result i32)
    (i32.load8_u (local.get 0))))

(assert_return (invoke "mul-if" (i32.const 0x80000000) (i32.const 2)) (i32.const 0))
(assert_return (invoke "mul-if" (i32.const 0x10000) (i32.const 0x10000)) (i32.const 0))
(assert_return (invoke "mul-if" (i32.const -1) (i32.const -1)) (i32.const 1))
(assert_return (invoke "mul-if" (i32.const 0x10001) (i32.const 0x10000)) (i32.const 1))
(assert_return (invoke "mul-if" (i32.const 7) (i32.const 0)) (i32.const 0))
(assert_return (invoke "mul-eqz" (i32.const 0x80000000) (i32.const 2)) (i32.const 1))
(assert_return (invoke "mul" (i32.const 0x10001) (i32.const 0x10001)) (i32.const 0x20001))
(assert_return (invoke "mul" (i32.const 0x7fffffff) (i32.const 2)) (i32.const -2))
(assert_return (invoke "mul-extend-u" (i32.const 0x10001) (i32.const 0x10001)) (i64.const 0x20001))
(assert_trap (invoke "mul-if-trunc") "integer overflow")
(assert_trap (invoke "mul-if-store") "out of bounds memory access")
(assert_return (invoke "load8" (i32.const 5)) (i32.const 63))
