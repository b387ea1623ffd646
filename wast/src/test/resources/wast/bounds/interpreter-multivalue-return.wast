;; Chicory 1.7.5's interpreter moves a block's params plus results when control leaves it, not the
;; label's arity: a branch to a loop also moves the loop's results, the end of a block also its
;; params. On an operand stack shorter than that count, the values under the block (the caller's,
;; an enclosing block's) were shifted over zeros: "$caller" below returned 0 -1 instead of 5 -1.
;; wasmrun's StackFloor keeps enough values under every interpreted block.

(module
  ;; a loop with two results: return after a br back to it
  (func $loop2 (result i32) (local i32)
    (loop (result f32 f64)
      (if (local.get 0) (then (return (i32.const -1))))
      (local.set 0 (i32.const 1))
      (br 0))
    drop drop (i32.const 0))
  (func (export "loop2-i32") (result i32 i32) (i32.const 5) (call $loop2))
  (func (export "loop2-i64") (result i64 i32) (i64.const -7) (call $loop2))
  (func (export "loop2-f32") (result f32 i32) (f32.const 1.5) (call $loop2))
  (func (export "loop2-f64") (result f64 i32) (f64.const -2.25) (call $loop2))
  (func (export "loop2-externref") (param externref) (result externref i32)
    (local.get 0) (call $loop2))

  ;; a loop with three results, under one and under two of the caller's values
  (func $loop3 (result i32) (local i32)
    (loop (result i32 i64 f32)
      (if (local.get 0) (then (return (i32.const -1))))
      (local.set 0 (i32.const 1))
      (br 0))
    drop drop drop (i32.const 0))
  (func (export "loop3-one") (result i64 i32) (i64.const 9) (call $loop3))
  (func (export "loop3-two") (result i32 f64 i32) (i32.const 5) (f64.const 6.5) (call $loop3))

  ;; br to the function's label instead of return
  (func $loop2-br (result i32) (local i32)
    (loop (result i32 i32)
      (if (local.get 0) (then (br 2 (i32.const -1))))
      (local.set 0 (i32.const 1))
      (br 0))
    drop drop (i32.const 0))
  (func (export "loop2-br-function") (result i32 i32) (i32.const 5) (call $loop2-br))

  ;; return from blocks nested in the loop
  (func $nested (result i32) (local i32)
    (loop (result i64 i64)
      (block (block
        (if (local.get 0) (then (return (i32.const -1))))))
      (local.set 0 (i32.const 1))
      (br 0))
    drop drop (i32.const 0))
  (func (export "nested") (result f64 i32) (f64.const 3.5) (call $nested))

  ;; br_if and br_table back to the loop
  (func $loop2-br-if (result i32) (local i32)
    (loop (result i32 i32)
      (if (local.get 0) (then (return (i32.const -1))))
      (local.set 0 (i32.const 1))
      (br_if 0 (i32.const 1))
      (i32.const 0) (i32.const 0))
    drop drop (i32.const 0))
  (func (export "loop2-br-if") (result i32 i32) (i32.const 5) (call $loop2-br-if))
  (func $loop2-br-table (result i32) (local i32)
    (loop (result i32 i32)
      (if (local.get 0) (then (return (i32.const -1))))
      (local.set 0 (i32.const 1))
      (block (br_table 1 0 (i32.const 0)))
      (unreachable))
    drop drop (i32.const 0))
  (func (export "loop2-br-table") (result i64 i32) (i64.const 5) (call $loop2-br-table))

  ;; the loop's end after a br back, with its results returned
  (func $loop2-end (result i32 i32) (local i32)
    (loop (result i32 i32)
      (local.set 0 (i32.add (local.get 0) (i32.const 1)))
      (br_if 0 (i32.lt_u (local.get 0) (i32.const 2)))
      (i32.const 7) (i32.const 8)))
  (func (export "loop2-end") (result f32 i32 i32) (f32.const -0.5) (call $loop2-end))

  ;; a value of the function itself under the loop, no call
  (func (export "loop2-local-value") (result i32) (local i32)
    (i32.const 5)
    (loop (result i32 i32)
      (if (i32.eqz (local.get 0)) (then (local.set 0 (i32.const 1)) (br 1)))
      (i32.const 1) (i32.const 2))
    drop drop)

  ;; the end of a block and of an if with two params
  (func $block2 (result i32)
    (i32.const 1) (i32.const 2)
    (block (param i32 i32) (result i32) (i32.add)))
  (func (export "block2-params") (result i32 i32) (i32.const 5) (call $block2))
  (func $if2 (param i32) (result i32)
    (i32.const 10) (i32.const 3)
    (if (param i32 i32) (result i32) (local.get 0) (then (i32.add)) (else (i32.sub))))
  (func (export "if2-params") (param i32) (result i64 i32) (i64.const 5) (call $if2 (local.get 0)))

  ;; a loop with one result moves one value too many: always found under a caller's value
  (func $loop1 (result i32) (local i32)
    (loop (result f32)
      (if (local.get 0) (then (return (i32.const -1))))
      (local.set 0 (i32.const 1))
      (br 0))
    drop (i32.const 0))
  (func (export "loop1") (result i32 i32) (i32.const 5) (call $loop1))

  ;; an interpreted caller that traps leaves values behind; the next call still runs right
  (func (export "trap-in-loop") (result i32 i32) (i32.const 5) (call $trap) (unreachable))
  (func $trap (result i32) (local i32)
    (loop (result i32 i32)
      (if (local.get 0) (then (unreachable)))
      (local.set 0 (i32.const 1))
      (br 0))
    drop drop (i32.const 0))
)

(assert_return (invoke "loop2-i32") (i32.const 5) (i32.const -1))
(assert_return (invoke "loop2-i64") (i64.const -7) (i32.const -1))
(assert_return (invoke "loop2-f32") (f32.const 1.5) (i32.const -1))
(assert_return (invoke "loop2-f64") (f64.const -2.25) (i32.const -1))
(assert_return (invoke "loop2-externref" (ref.extern 42)) (ref.extern 42) (i32.const -1))
(assert_return (invoke "loop3-one") (i64.const 9) (i32.const -1))
(assert_return (invoke "loop3-two") (i32.const 5) (f64.const 6.5) (i32.const -1))
(assert_return (invoke "loop2-br-function") (i32.const 5) (i32.const -1))
(assert_return (invoke "nested") (f64.const 3.5) (i32.const -1))
(assert_return (invoke "loop2-br-if") (i32.const 5) (i32.const -1))
(assert_return (invoke "loop2-br-table") (i64.const 5) (i32.const -1))
(assert_return (invoke "loop2-end") (f32.const -0.5) (i32.const 7) (i32.const 8))
(assert_return (invoke "loop2-local-value") (i32.const 5))
(assert_return (invoke "block2-params") (i32.const 5) (i32.const 3))
(assert_return (invoke "if2-params" (i32.const 1)) (i64.const 5) (i32.const 13))
(assert_return (invoke "if2-params" (i32.const 0)) (i64.const 5) (i32.const 7))
(assert_return (invoke "loop1") (i32.const 5) (i32.const -1))
(assert_trap (invoke "trap-in-loop") "unreachable")
(assert_return (invoke "loop2-i32") (i32.const 5) (i32.const -1))
(assert_return (invoke "loop3-two") (i32.const 5) (f64.const 6.5) (i32.const -1))
