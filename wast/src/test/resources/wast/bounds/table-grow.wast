;; table.grow by n fails with -1 when the size plus n, computed without wrapping, exceeds the
;; table's maximum. On Chicory 1.7.5's TableInstance (the on-demand allocator's tables) the new size
;; was a 32-bit int: growing a table of 1 element by 0x7FFFFFFF ended in
;; java.lang.NegativeArraySizeException.
(module
  (table $t 1 funcref)
  (table $u 0 10 externref)
  (func (export "grow") (param i32) (result i32) (table.grow $t (ref.null func) (local.get 0)))
  (func (export "size") (result i32) (table.size $t))
  (func (export "grow-u") (param i32) (result i32) (table.grow $u (ref.null extern) (local.get 0)))
  (func (export "size-u") (result i32) (table.size $u))
)
(assert_return (invoke "grow" (i32.const 0x7FFFFFFF)) (i32.const -1))
(assert_return (invoke "grow" (i32.const 0x7FFFFFFE)) (i32.const -1))
(assert_return (invoke "grow" (i32.const 0x80000000)) (i32.const -1))
(assert_return (invoke "grow" (i32.const 0xFFFFFFFF)) (i32.const -1))
(assert_return (invoke "size") (i32.const 1))
(assert_return (invoke "grow" (i32.const 0)) (i32.const 1))
(assert_return (invoke "grow" (i32.const 2)) (i32.const 1))
(assert_return (invoke "size") (i32.const 3))
(assert_return (invoke "grow" (i32.const 0x7FFFFFFF)) (i32.const -1))
(assert_return (invoke "size") (i32.const 3))

(assert_return (invoke "grow-u" (i32.const 11)) (i32.const -1))
(assert_return (invoke "grow-u" (i32.const 10)) (i32.const 0))
(assert_return (invoke "grow-u" (i32.const 1)) (i32.const -1))
(assert_return (invoke "grow-u" (i32.const 0x7FFFFFFF)) (i32.const -1))
(assert_return (invoke "grow-u" (i32.const 0xFFFFFFFF)) (i32.const -1))
(assert_return (invoke "grow-u" (i32.const 0)) (i32.const 10))
(assert_return (invoke "size-u") (i32.const 10))
