;; assert_exception: an exception that no handler catches.
(module
  (tag $e (param i32))
  (func (export "throw") (param i32) (throw $e (local.get 0)))
  (func (export "ok") (result i32) (i32.const 0))
)
(assert_exception (invoke "throw" (i32.const 1)))
(assert_return (invoke "ok") (i32.const 0))
